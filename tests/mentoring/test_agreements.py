"""Grant agreements: prepared by GAMO in kk/ru with the budget and schedules, signed by the
team (scan, checked by content) and by the director; payments wait for both signatures;
progress reports are due by the agreement, reminded of once and flagged when overdue."""

import shutil
import subprocess
from datetime import date, datetime

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from mentoring.models import Disbursement, GrantAgreement, ProgressReport
from mentoring.services import progress
from mentoring.tasks import send_report_due_reminders
from tests.conftest import require
from tests.mentoring.conftest import jpeg, make_project, pdf

pytestmark = pytest.mark.django_db

AGREEMENT = {
    "dated_on": "2025-07-30",
    "language": "kk+ru",
    "tranches": "04.08.2025 700 000\n15.09.2025 300 000 ₸",
    "report_dates": "01.09.2025\n31.10.2025",
}


def says(message: str, language: str = "kk") -> str:
    """A message as a page shows it: translated and HTML-escaped."""
    with translation.override(language):
        return escape(gettext(message))


UNSIGNED = (
    "Payments wait for the grant agreement: it must be signed by both the team "
    "and GAMO before any money is recorded or approved."
)


def pdf_text(content: bytes, tmp_path) -> str:
    require(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext) is not installed")
    path = tmp_path / "agreement.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def bare(competition, applicant, mentor, media):
    """A grantee project with no agreement yet."""
    return make_project(competition, applicant, mentor=mentor, number=7)


def _prepare(client, staff, project, **changes):
    client.force_login(staff)
    return client.post(f"/mentoring/projects/{project.pk}/agreement/prepare/", AGREEMENT | changes)


@pytest.fixture
def prepared(client, staff, bare):
    _prepare(client, staff, bare)
    client.logout()
    return GrantAgreement.objects.get(project=bare)


def test_staff_prepare_a_numbered_dated_agreement_with_budget_and_schedules(
    client, staff, bare, tmp_path
):
    response = _prepare(client, staff, bare)
    assert response.status_code == 302
    agreement = GrantAgreement.objects.get(project=bare)
    assert (agreement.number, agreement.dated_on) == ("2025/001", date(2025, 7, 30))
    assert [(t.due_on, t.amount_kzt) for t in agreement.tranches.all()] == [
        (date(2025, 8, 4), 700_000),
        (date(2025, 9, 15), 300_000),
    ]
    assert [d.due_on for d in agreement.report_dues.all()] == [date(2025, 9, 1), date(2025, 10, 31)]
    download = client.get(f"/mentoring/agreements/{agreement.pk}/pdf/")
    assert download["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(download.streaming_content), tmp_path)
    # Both texts, each with the approved budget (lines and total) and both schedules.
    assert "Грант шарты № 2025/001" in text and "Договор о гранте № 2025/001" in text
    assert text.count("Материал 1") == 2 and text.count("400 000 ₸") == 2
    assert text.count("15.09.2025") == 2 and text.count("31.10.2025") == 2
    assert text.count("1 000 000 ₸") >= 4  # award and schedule total, in each language


def test_one_language_gives_one_text_and_the_next_agreement_takes_the_next_number(
    client, staff, bare, other_applicant, competition, tmp_path
):
    _prepare(client, staff, bare, language="ru")
    second = make_project(competition, other_applicant, number=8)
    _prepare(client, staff, second, language="kk")
    first, other = GrantAgreement.objects.order_by("pk")
    assert (first.number, other.number) == ("2025/001", "2025/002")
    text = pdf_text(first.document.read(), tmp_path)
    assert "Договор о гранте" in text and "Грант шарты" not in text
    text = pdf_text(other.document.read(), tmp_path)
    assert "Грант шарты" in text and "Договор о гранте" not in text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"tranches": "04.08.2025 700 000"},
            "The payments add up to %(total)s; they must add up to the award of %(award)s.",
        ),
        (
            {"tranches": "2025-08-04 700000"},
            "Line %(line)s: “%(text)s” is not a date like 04.08.2025.",
        ),
        (
            {"tranches": "04.08.2025 seven"},
            "Line %(line)s: write a date and an amount in whole tenge, e.g. 04.08.2025 700 000.",
        ),
        (
            {"report_dates": "31.10.2025\n01.09.2025"},
            "Report due dates go in order, differ, and none is before the agreement's date.",
        ),
        (
            {"tranches": "01.07.2025 1000000"},
            "Payment dates go in order and none is before the agreement's date.",
        ),
    ],
)
def test_bad_schedules_are_refused_with_a_clear_message(client, staff, bare, changes, message):
    response = _prepare(client, staff, bare, **changes)
    assert response.status_code == 400
    # The longest fixed part of the Kazakh message, between its placeholders.
    fixed = max(says(message).replace(")s", "%(").split("%("), key=len).strip(" .;:")
    assert fixed in response.content.decode()
    assert not GrantAgreement.objects.exists()


def test_who_reads_the_agreement(
    client, prepared, applicant, other_applicant, mentor, staff, operator, expert
):
    project_page = f"/mentoring/projects/{prepared.project_id}/agreement/"
    pdf_url = f"/mentoring/agreements/{prepared.pk}/pdf/"
    expected = {
        applicant: 200,
        staff: 200,
        operator: 200,
        other_applicant: 404,  # another team: as if it did not exist
        mentor: 403,  # not a party to the agreement
        expert: 403,
    }
    for person, status in expected.items():
        client.force_login(person)
        assert client.get(project_page).status_code == status, person
        assert client.get(pdf_url).status_code == status, person


def test_the_operator_reads_but_neither_prepares_nor_signs(client, prepared, operator):
    client.force_login(operator)
    page = client.get(f"/mentoring/projects/{prepared.project_id}/agreement/").content.decode()
    assert "agreement_prepare" not in page and "/sign/" not in page and "/scan/" not in page
    url = f"/mentoring/projects/{prepared.project_id}/agreement/prepare/"
    assert client.post(url, AGREEMENT).status_code == 403
    assert client.post(f"/mentoring/agreements/{prepared.pk}/sign/").status_code == 403
    assert client.post(f"/mentoring/agreements/{prepared.pk}/scan/").status_code == 403
    prepared.refresh_from_db()
    assert not prepared.gamo_signed and not prepared.team_signed


def _upload(client, agreement, upload):
    return client.post(f"/mentoring/agreements/{agreement.pk}/scan/", {"scan": upload})


def test_the_team_signs_by_a_scan_judged_by_its_content(client, prepared, applicant):
    client.force_login(applicant)
    disguised = SimpleUploadedFile("signed.pdf", b"GIF89a" + b"\0" * 64, "application/pdf")
    page = client.get(_upload(client, prepared, disguised)["Location"]).content.decode()
    assert (
        says(
            "The signed agreement must be a PDF scan or a photo (JPEG, PNG), "
            "whatever the file's name says."
        )
        in page
    )
    prepared.refresh_from_db()
    assert not prepared.team_signed

    _upload(client, prepared, jpeg("scan.jpg"))
    prepared.refresh_from_db()
    assert prepared.team_signed and prepared.team_signed_by == applicant
    assert (prepared.team_signed_via, prepared.team_scan_type) == ("scan", "image/jpeg")
    scan = client.get(f"/mentoring/agreements/{prepared.pk}/signed-scan/")
    assert scan["Content-Type"] == "image/jpeg"
    # Signed once: a second upload is refused and changes nothing.
    page = client.get(_upload(client, prepared, pdf())["Location"]).content.decode()
    assert says("The team has signed this agreement already.") in page


def test_another_team_cannot_upload_a_scan(client, prepared, other_applicant):
    client.force_login(other_applicant)
    assert _upload(client, prepared, pdf()).status_code == 404
    prepared.refresh_from_db()
    assert not prepared.team_signed


def test_only_the_director_records_gamos_signature_and_then_the_text_is_frozen(
    client, prepared, accountant, director, staff
):
    client.force_login(accountant)
    page = client.get(
        client.post(f"/mentoring/agreements/{prepared.pk}/sign/")["Location"]
    ).content.decode()
    assert says("Only the director signs grant agreements for GAMO.") in page
    prepared.refresh_from_db()
    assert not prepared.gamo_signed

    client.force_login(director)
    client.post(f"/mentoring/agreements/{prepared.pk}/sign/")
    prepared.refresh_from_db()
    assert prepared.gamo_signed_by == director and not prepared.is_signed

    response = _prepare(client, staff, prepared.project, tranches="04.08.2025 1000000")
    assert response.status_code == 400
    assert says("The agreement is signed already; it can no longer change.") in (
        response.content.decode()
    )
    assert prepared.tranches.count() == 2


# Payments require an agreement signed by both sides.


def _pay(client, project):
    return client.post(
        f"/mentoring/projects/{project.pk}/payments/",
        {"paid_on": "2025-08-04", "amount_kzt": 700_000, "document_number": "ПП-1"},
    )


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_no_payment_is_recorded_without_a_signed_agreement(
    client, accountant, bare, prepared, language
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(accountant)
    page = client.get(f"/mentoring/projects/{bare.pk}/").content.decode()
    assert 'data-testid="payments-blocked"' in page
    assert f"/mentoring/projects/{bare.pk}/payments/" not in page  # no form to fill in vain
    response = _pay(client, bare)
    assert not Disbursement.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert says(UNSIGNED, language) in page


def test_no_payment_is_approved_until_both_sides_have_signed(
    client, prepared, accountant, director, applicant
):
    project = prepared.project
    # A payment recorded before the rule existed: the director still cannot approve it.
    payment = Disbursement.objects.create(
        project=project,
        paid_on=date(2025, 8, 4),
        amount_kzt=700_000,
        document_number="ПП-1",
        recorded_by=accountant,
    )
    client.force_login(director)
    client.post(f"/mentoring/agreements/{prepared.pk}/sign/")  # GAMO has signed, the team not
    response = client.post(f"/mentoring/payments/{payment.pk}/approve/")
    payment.refresh_from_db()
    assert payment.awaits_approval
    assert says(UNSIGNED) in client.get(response["Location"]).content.decode()

    client.force_login(applicant)
    _upload(client, prepared, pdf())
    client.force_login(director)
    client.post(f"/mentoring/payments/{payment.pk}/approve/")
    payment.refresh_from_db()
    assert payment.is_approved


# Progress reports are due by the agreement's reporting schedule.


def _at(day: date):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=9))


@pytest.fixture
def signed(client, prepared, applicant, director):
    client.force_login(applicant)
    _upload(client, prepared, pdf())
    client.force_login(director)
    client.post(f"/mentoring/agreements/{prepared.pk}/sign/")
    client.logout()
    mail.outbox.clear()
    prepared.refresh_from_db()
    return prepared


def test_the_reminder_fires_once_per_report_and_due_date(signed, applicant):
    with time_machine.travel(_at(date(2025, 8, 27)), tick=False):  # five days before
        assert send_report_due_reminders.apply().get() == 0
    with time_machine.travel(_at(date(2025, 8, 29)), tick=False):  # three days before
        assert send_report_due_reminders.apply().get() == 1
        assert send_report_due_reminders.apply().get() == 0  # a second run sends nothing
    with time_machine.travel(_at(date(2025, 8, 31)), tick=False):
        assert send_report_due_reminders.apply().get() == 0  # the next day neither
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [applicant.email]
    assert "01.09.2025" in mail.outbox[0].subject
    # GAMO moves the due date: the team is reminded of the new one.
    signed.report_dues.filter(number=1).update(due_on=date(2025, 9, 3))
    with time_machine.travel(_at(date(2025, 9, 1)), tick=False):
        assert send_report_due_reminders.apply().get() == 1
    assert "03.09.2025" in mail.outbox[1].subject


def test_no_reminder_for_a_report_already_sent(signed, applicant):
    report = progress.report_start(project=signed.project)
    progress.report_save(report=report, done="Жұмыс басталды.", video_links="")
    ProgressReport.objects.filter(pk=report.pk).update(
        status=ProgressReport.Status.SUBMITTED, submitted_at=_at(date(2025, 8, 28))
    )
    with time_machine.travel(_at(date(2025, 8, 30)), tick=False):
        assert send_report_due_reminders.apply().get() == 0
    assert not mail.outbox


def test_no_reminder_under_an_unsigned_agreement(prepared):
    with time_machine.travel(_at(date(2025, 8, 30)), tick=False):
        assert send_report_due_reminders.apply().get() == 0


def test_a_report_past_its_due_date_is_flagged_for_staff_and_the_team(
    client, signed, applicant, staff
):
    project = signed.project
    with time_machine.travel(_at(date(2025, 9, 2)), tick=False):
        for person in (staff, applicant):
            client.force_login(person)
            page = client.get(f"/mentoring/projects/{project.pk}/").content.decode()
            assert page.count('data-testid="overdue"') == 1, person
        client.force_login(staff)
        listing = client.get("/mentoring/projects/", follow=True).content.decode()
        assert 'data-testid="overdue"' in listing
        # The team sends report 1 late: no longer overdue, shown as late.
        report = progress.report_start(project=project)
        ProgressReport.objects.filter(pk=report.pk).update(
            status=ProgressReport.Status.SUBMITTED, submitted_at=_at(date(2025, 9, 2))
        )
        page = client.get(f"/mentoring/projects/{project.pk}/").content.decode()
        assert 'data-testid="overdue"' not in page
        listing = client.get("/mentoring/projects/", follow=True).content.decode()
        assert 'data-testid="overdue"' not in listing
    with time_machine.travel(_at(date(2025, 8, 30)), tick=False):
        page = client.get(f"/mentoring/projects/{project.pk}/").content.decode()
        assert 'data-testid="overdue"' not in page


def test_pages_with_many_rows_do_a_constant_number_of_queries(
    client, staff, competition, media, django_assert_max_num_queries
):
    from tests.factories import UserFactory
    from tests.mentoring.conftest import signed_agreement

    for number in range(1, 7):
        lead = UserFactory(email=f"lead{number}@example.kz")
        project = make_project(competition, lead, number=number, lines=[(100_000,)] * 8)
        signed_agreement(project, report_dates=[date(2025, 8, day) for day in range(1, 9)])
    client.force_login(staff)
    with time_machine.travel(_at(date(2025, 9, 2)), tick=False):
        with django_assert_max_num_queries(12):
            page = client.get(f"/projects/{competition.project.slug}/grantees/").content.decode()
        assert page.count('data-testid="overdue"') == 6
        with django_assert_max_num_queries(16):
            page = client.get(f"/mentoring/projects/{project.pk}/agreement/").content.decode()
        assert page.count('data-testid="report-due"') == 8
        assert page.count('data-testid="overdue"') == 8
