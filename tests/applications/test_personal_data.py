"""Personal data (Law of the Republic of Kazakhstan "On personal data and their protection"):
anonymisation after the retention period, download of one's own data, deletion requests."""

import json
from datetime import date, datetime

import pytest
import time_machine
from django.db.models import Count

from accounts.models import User
from applications.models import ApplicantProfile, Application, DeletionRequest, TeamMember
from applications.services.privacy import project_personal_data_anonymise
from applications.tasks import anonymise_personal_data
from reports.budget import budget_execution
from reports.builders.data import applications_list, project_report
from reports.indicators.sources import SOURCES
from tests.applications.conftest import AQTAU
from tests.applications.helpers import iin_for, village
from tests.factories import CompetitionFactory


def report_figures(project) -> dict:
    """Every figure the reports show that anonymisation could touch."""
    report = project_report(project, final=True)
    return {
        "indicators": {key: source.compute(project) for key, source in SOURCES.items()},
        "applications": [
            (row.registration_number, row.team_size, row.village_id, row.status)
            for row in applications_list(project)
        ],
        "grantees": [(row.application_id, row.team_size) for row in report.grantees],
        "rankings": [
            (
                competition.pk,
                [(row.application.pk, row.result.mean, row.result.rank) for row in rows],
            )
            for competition, rows in report.rankings
        ],
        "budget": (budget_execution(project).plan_kzt, budget_execution(project).actual_kzt),
        "villages": sorted(
            TeamMember.objects.values("village").annotate(n=Count("pk")).values_list("village", "n")
        ),
    }


@pytest.mark.django_db
def test_anonymisation_after_retention_keeps_every_report_figure(full_demo):
    project, _open = full_demo
    # The 2025 project's teams; the next project's (still running) keep their data.
    members = list(
        TeamMember.objects.filter(application__competition__project=project).values_list(
            "iin", "full_name", "phone"
        )
    )
    leads = list(
        User.objects.filter(applications__competition__project=project)
        .distinct()
        .values_list("pk", "email", "full_name")
    )
    staff_emails = set(User.objects.filter(is_staff=True).values_list("email", flat=True))
    assert len(members) > 60 and leads

    # The project ended on 30.11.2025; five years later the data are still kept.
    with time_machine.travel(datetime(2030, 11, 30, 12, 0, tzinfo=AQTAU)):
        assert anonymise_personal_data.apply().get() == 0
    assert TeamMember.objects.filter(iin=members[0][0]).exists()

    with time_machine.travel(datetime(2031, 1, 1, 12, 0, tzinfo=AQTAU)):
        before = report_figures(project)
        changed = anonymise_personal_data.apply().get()
        after = report_figures(project)
        assert anonymise_personal_data.apply().get() == 0  # idempotent
        assert report_figures(project) == after

    assert changed == Application.objects.filter(competition__project=project).count()
    assert after == before
    assert before["indicators"]["grantee_people"] > 0

    iins = {iin for iin, _name, _phone in members}
    names = {name for _iin, name, _phone in members}
    phones = {phone for _iin, _name, phone in members} - {""}
    assert not TeamMember.objects.filter(iin__in=iins).exists()
    assert not TeamMember.objects.filter(full_name__in=names).exists()
    assert not TeamMember.objects.filter(phone__in=phones).exists()
    assert not ApplicantProfile.objects.filter(iin__in=iins).exists()
    for pk, email, name in leads:
        user = User.objects.get(pk=pk)
        if email in staff_emails:
            continue
        assert not user.is_active
        assert user.email != email and user.full_name != name and user.phone is None
        assert not user.has_usable_password()
    assert not Application.objects.filter(competition__project=project).exclude(draft_data={})


@pytest.mark.django_db
def test_an_applicant_with_an_application_in_a_kept_project_keeps_the_account(
    competition, draft, team
):
    later = CompetitionFactory()  # its project ends after the first one's retention
    later.project.ends_on = date(2040, 1, 1)
    later.project.save()
    Application.objects.create(competition=later, applicant=draft.applicant)
    project_personal_data_anonymise(project=competition.project)
    draft.applicant.refresh_from_db()
    assert draft.applicant.is_active
    assert ApplicantProfile.objects.get(user=draft.applicant).iin[0] != "X"


# --- download -------------------------------------------------------------


@pytest.fixture
def shared_application(draft, other_applicant):
    """The applicant leads a submitted application; the other applicant is on its team."""
    from applications.iin import parse_iin
    from applications.services.application import profile_save

    other_iin = iin_for(date(1999, 3, 3))
    profile_save(
        user=other_applicant,
        full_name=other_applicant.full_name,
        phone="+77017654321",
        iin=parse_iin(other_iin),
        village=village(),
    )
    lead_iin = ApplicantProfile.objects.get(user=draft.applicant).iin
    draft.status = Application.Status.SUBMITTED
    draft.submitted_at = datetime(2025, 7, 1, 12, 0, tzinfo=AQTAU)
    draft.registration_number = "JU-2025-0001"
    draft.title = "Жасыл аула"
    draft.save()
    for position, (iin, name, phone) in enumerate(
        [
            (lead_iin, draft.applicant.full_name, "+77011234567"),
            (other_iin, other_applicant.full_name, "+77017654321"),
            (iin_for(date(2001, 1, 1)), "Үшінші Мүше", "+77010000003"),
        ],
        start=1,
    ):
        TeamMember.objects.create(
            application=draft,
            position=position,
            full_name=name,
            iin=iin,
            birth_date=date(2000, 1, 1),
            phone=phone,
            village=village(),
            role="Мүше",
        )
    return draft, other_iin


@pytest.mark.django_db
def test_a_person_downloads_their_own_data_and_nobody_elses(client, shared_application):
    application, other_iin = shared_application
    lead = application.applicant
    client.force_login(lead)
    response = client.get("/applications/profile/my-data.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    data = json.loads(text)
    assert data["account"]["email"] == lead.email
    assert data["applicant_profile"]["iin"] == ApplicantProfile.objects.get(user=lead).iin
    [row] = data["applications"]
    assert row["role"] == "lead" and row["title"] == "Жасыл аула" and row["team_size"] == 3
    assert [member["position"] for member in row["your_team_rows"]] == [1]
    # The other members' data never appear.
    assert other_iin not in text
    assert "Бекова Әйгерім" not in text
    assert "Үшінші Мүше" not in text and "+77017654321" not in text


@pytest.mark.django_db
def test_a_member_sees_the_application_they_belong_to_with_only_their_own_row(
    client, shared_application, other_applicant
):
    application, other_iin = shared_application
    client.force_login(other_applicant)
    text = client.get("/applications/profile/my-data.json").content.decode()
    data = json.loads(text)
    [row] = data["applications"]
    assert row["role"] == "member" and row["idea"] is None
    assert [member["iin"] for member in row["your_team_rows"]] == [other_iin]
    assert application.applicant.email not in text
    assert ApplicantProfile.objects.get(user=application.applicant).iin not in text
    assert "Үшінші Мүше" not in text


@pytest.mark.django_db
def test_other_roles_cannot_download_applicant_data(client, staff):
    assert client.get("/applications/profile/my-data.json").status_code == 302
    client.force_login(staff)
    assert client.get("/applications/profile/my-data.json").status_code == 403


# --- deletion -------------------------------------------------------------


@pytest.mark.django_db
def test_deleting_with_only_drafts_removes_the_drafts_and_the_account(client, draft):
    lead = draft.applicant
    client.force_login(lead)
    page = client.get("/applications/profile/delete/")
    assert page.status_code == 200
    assert "аккаунтыңыз бен профиліңіз де жойылады" in page.content.decode()
    response = client.post("/applications/profile/delete/")
    assert response["Location"] == "/"
    assert not Application.objects.filter(pk=draft.pk).exists()
    assert not User.objects.filter(pk=lead.pk).exists()
    assert not ApplicantProfile.objects.filter(user_id=lead.pk).exists()
    request = DeletionRequest.objects.get()
    assert request.user is None
    assert request.outcome == DeletionRequest.Outcome.ACCOUNT_DELETED
    assert request.drafts_deleted == 1
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_deleting_with_a_submitted_application_explains_and_records_the_request(
    client, shared_application
):
    application, _other = shared_application
    lead = application.applicant
    other_draft = Application.objects.create(competition=CompetitionFactory(), applicant=lead)
    client.force_login(lead)
    client.cookies["django_language"] = "ru"
    page = client.get("/applications/profile/delete/").content.decode()
    assert "JU-2025-0001" in page
    assert "Submitted applications are part" not in page  # said in Russian
    response = client.post("/applications/profile/delete/")
    assert response["Location"] == "/applications/profile/"
    assert not Application.objects.filter(pk=other_draft.pk).exists()
    assert Application.objects.filter(pk=application.pk).exists()
    lead.refresh_from_db()
    assert lead.is_active
    request = DeletionRequest.objects.get(user=lead)
    assert request.outcome == DeletionRequest.Outcome.AWAITS_RETENTION
    assert request.drafts_deleted == 1
    project_end = application.competition.project.ends_on
    assert request.anonymise_after == project_end.replace(year=project_end.year + 5)


@pytest.mark.django_db
def test_staff_see_deletion_requests_in_the_admin(admin_client, shared_application):
    application, _other = shared_application
    DeletionRequest.objects.create(
        user=application.applicant,
        requested_at=datetime(2026, 1, 1, tzinfo=AQTAU),
        outcome="awaits_retention",
    )
    page = admin_client.get("/admin/applications/deletionrequest/")
    assert page.status_code == 200
    assert str(application.applicant) in page.content.decode()


@pytest.mark.django_db
def test_anonymisation_leaves_no_email_or_name_in_the_audit_log(client, staff, competition, draft):
    from auditlog.models import LogEntry

    lead = draft.applicant
    email, name = lead.email, lead.full_name
    client.force_login(staff)
    lead.full_name = name + " (changed by staff)"
    lead.save()  # an audited change, with the old and new name as before/after
    lead.full_name = name
    lead.save()
    assert LogEntry.objects.get_for_object(lead).exists()
    project_personal_data_anonymise(project=competition.project)
    for entry in LogEntry.objects.all():
        text = f"{entry.object_repr} {entry.changes} {entry.changes_text} {entry.actor_email}"
        assert email not in text and name not in text
