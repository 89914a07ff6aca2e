"""Who sees a grantee project: its team, its mentor, staff and the operator — nobody else."""

import pytest
from django.utils.html import escape

from accounts.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_team_sees_its_project_and_its_mentors_contacts(client, applicant, mentor, project):
    client.force_login(applicant)
    page = client.get(f"/mentoring/projects/{project.pk}/")
    assert page.status_code == 200
    assert mentor.email in page.content.decode()


def test_a_team_without_a_mentor_sees_no_mentor_contacts(client, applicant, mentor, project):
    project.mentor = None
    project.save()
    client.force_login(applicant)
    page = client.get(f"/mentoring/projects/{project.pk}/").content.decode()
    assert mentor.email not in page
    assert mentor.full_name not in page


def test_a_grantee_cannot_see_another_teams_project(client, applicant, other_project):
    client.force_login(applicant)
    assert client.get(f"/mentoring/projects/{other_project.pk}/").status_code == 404


def test_a_mentor_cannot_see_a_project_not_assigned_to_them(client, mentor, project, other_project):
    client.force_login(mentor)
    assert client.get(f"/mentoring/projects/{project.pk}/").status_code == 200
    assert client.get(f"/mentoring/projects/{other_project.pk}/").status_code == 404
    assert client.get(f"/mentoring/projects/{other_project.pk}/meeting/").status_code == 404


def test_the_mentor_sees_the_teams_contacts_once_assigned(client, mentor, project):
    client.force_login(mentor)
    page = client.get(f"/mentoring/projects/{project.pk}/").content.decode()
    assert project.application.applicant.email in page
    assert "+77010000002" in page


def test_a_mentor_lists_only_their_projects(client, mentor, project, other_project):
    client.force_login(mentor)
    page = client.get("/mentoring/").content.decode()
    assert project.title in page
    assert other_project.title not in page


def test_an_expert_is_refused_the_project_pages(client, expert, project):
    client.force_login(expert)
    assert client.get(f"/mentoring/projects/{project.pk}/").status_code == 403


def test_the_operator_reads_but_cannot_change(client, operator, project):
    client.force_login(operator)
    title = escape(project.application.title)
    assert title in client.get(f"/mentoring/projects/{project.pk}/").content.decode()
    # The list is per project now: /mentoring/projects/ leads to the project's own list.
    assert title in client.get("/mentoring/projects/", follow=True).content.decode()
    before = (project.mentor_id, project.status, project.milestones.count())
    for url in ["mentor", "milestones", "payments", "visits", "complete", "budget"]:
        assert client.post(f"/mentoring/projects/{project.pk}/{url}/").status_code == 403
    project.refresh_from_db()
    assert (project.mentor_id, project.status, project.milestones.count()) == before


def test_receipts_are_served_only_to_those_who_see_the_project(
    client, applicant, other_applicant, project
):
    from mentoring.services import progress
    from tests.mentoring.conftest import jpeg

    report = progress.report_start(project=project)
    expense, _warning = progress.expense_add(
        report=report,
        line=project.budget_lines.first(),
        spent_on="2025-08-01",
        amount_kzt=1000,
        description="Шеге",
        receipt=jpeg(),
    )
    client.force_login(applicant)
    response = client.get(f"/mentoring/expenses/{expense.pk}/receipt/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    client.force_login(other_applicant)
    assert client.get(f"/mentoring/expenses/{expense.pk}/receipt/").status_code == 404
    client.force_login(UserFactory(roles=[Role.MENTOR]))
    assert client.get(f"/mentoring/expenses/{expense.pk}/receipt/").status_code == 404


def test_another_team_cannot_change_a_projects_milestones_expenses_or_photos(
    client, applicant, other_applicant, project
):
    from mentoring.services import progress
    from tests.mentoring.conftest import jpeg

    milestone = project.milestones.create(title="Орындықтар", due_on="2025-09-01")
    report = progress.report_start(project=project)
    expense, _warning = progress.expense_add(
        report=report,
        line=project.budget_lines.first(),
        spent_on="2025-08-01",
        amount_kzt=1000,
        description="Шеге",
        receipt=jpeg(),
    )
    photo = progress.photo_add(report=report, image=jpeg(), stage="before")
    client.force_login(other_applicant)
    assert (
        client.post(f"/mentoring/milestones/{milestone.pk}/done/", {"done": "1"}).status_code == 404
    )
    assert client.post(f"/mentoring/expenses/{expense.pk}/delete/").status_code == 404
    assert client.post(f"/mentoring/photos/{photo.pk}/delete/").status_code == 404
    assert client.post(f"/mentoring/reports/{report.pk}/submit/").status_code == 404
    milestone.refresh_from_db()
    assert milestone.done_on is None
    assert report.expenses.count() == 1 and report.photos.count() == 1


def test_a_material_goes_only_to_teams_of_its_competition(
    client, applicant, other_applicant, project, competition
):
    from mentoring.models import Material

    material = Material.objects.create(
        competition=competition,
        title="SMM",
        topic="smm",
        language="kk",
        link="https://example.org/smm.pdf",
    )
    client.force_login(applicant)
    assert client.get(f"/mentoring/materials/{material.pk}/").status_code == 302
    client.force_login(other_applicant)  # no grantee project in this competition
    assert client.get(f"/mentoring/materials/{material.pk}/").status_code == 404
