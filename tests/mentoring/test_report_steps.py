"""A progress report's status changes through the shared workflow: refused steps raise the
shared error and change nothing, allowed ones are logged with who and the comment, and a
refusal reaches the page in the person's language."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from accounts.errors import ServiceError
from jastarurban.workflow import TransitionRefused
from mentoring.models import GranteeExpense, ProgressReport, ReportStatusChange
from mentoring.services import progress

pytestmark = pytest.mark.django_db

NOT_A_STEP = "The report's present status does not allow this step."


@pytest.fixture
def report(project):
    report = progress.report_start(project=project)
    progress.report_save(report=report, done="Орындықтар орнатылды.", video_links="")
    return report


def test_refused_steps_raise_the_shared_error_and_change_nothing(
    report, applicant, other_applicant, staff
):
    with pytest.raises(TransitionRefused) as refused:  # a draft is not for staff to accept
        progress.report_review(report=report, accept=True, comment="", by=staff)
    assert isinstance(refused.value, ServiceError)
    with pytest.raises(TransitionRefused):  # another team's lead cannot send it
        progress.report_submit(report=report, by=other_applicant)
    progress.report_submit(report=report, by=applicant)
    with pytest.raises(TransitionRefused):  # nor can the team accept its own report
        progress.report_review(report=report, accept=True, comment="", by=applicant)
    report.refresh_from_db()
    assert (report.status, report.reviewed_by) == (ProgressReport.Status.SUBMITTED, None)
    assert ReportStatusChange.objects.filter(report=report).count() == 1


def test_allowed_steps_are_logged_with_who_and_the_comment(report, applicant, staff):
    progress.report_submit(report=report, by=applicant)
    progress.report_review(report=report, accept=False, comment="Чектерді қосыңыз.", by=staff)
    progress.report_submit(report=report, by=applicant)
    progress.report_review(report=report, accept=True, comment="", by=staff)
    steps = list(
        ReportStatusChange.objects.filter(report=report).values_list(
            "from_status", "to_status", "changed_by", "comment"
        )
    )
    assert steps == [
        ("draft", "submitted", applicant.pk, ""),
        ("submitted", "returned", staff.pk, "Чектерді қосыңыз."),
        ("returned", "submitted", applicant.pk, ""),
        ("submitted", "accepted", staff.pk, ""),
    ]


def test_staff_see_a_refused_step_in_russian(client, report, staff):
    client.force_login(staff)
    client.cookies["django_language"] = "ru"
    page = client.post(
        f"/mentoring/reports/{report.pk}/review/",
        {"decision": "accept", "comment": ""},
        follow=True,
    ).content.decode()
    with translation.override("ru"):
        said = gettext(NOT_A_STEP)
    assert said != NOT_A_STEP and said in page
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.DRAFT


def test_an_expense_above_the_award_is_shown_on_its_field_in_kazakh(client, applicant, project):
    """A refusal about a field lands on it, and the form keeps what was typed."""
    from tests.mentoring.conftest import pdf

    report = progress.report_start(project=project)
    client.force_login(applicant)
    response = client.post(
        f"/mentoring/reports/{report.pk}/expenses/",
        {
            "line": project.budget_lines.get(position=1).pk,
            "spent_on": "2025-08-10",
            "amount_kzt": project.award_kzt + 1,
            "description": "Сахна жабдығы",
            "receipt": pdf(),
        },
    )
    page = response.content.decode()
    english = "The team has spent %(spent)s; with this expense it would be %(total)s, "
    with translation.override("kk"):
        said = gettext(english + "above the award of %(award)s.")
    assert said.split("%(")[0] in page and said.split("%(")[0] != english.split("%(")[0]
    assert "Сахна жабдығы" in page
    assert not GranteeExpense.objects.filter(report=report).exists()
