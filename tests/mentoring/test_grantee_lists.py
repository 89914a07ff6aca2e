"""The grantee projects are listed per grant project (/projects/<slug>/grantees/): a second
project's grantees never appear in the first's list, and no project is chosen for the reader."""

from datetime import date

import pytest

from accounts.roles import Role
from applications.models import Application
from tests.factories import CompetitionFactory, UserFactory
from tests.mentoring.conftest import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_projects(media):
    first = CompetitionFactory()
    second = CompetitionFactory()
    ours = make_project(first, UserFactory(email="lead1@example.kz"), number=1)
    theirs = make_project(second, UserFactory(email="lead2@example.kz"), number=2)
    theirs.application.title = "Басқа жобаның алаңы"
    theirs.application.save(update_fields=["title"])
    return first.project, ours, second.project, theirs


def test_each_projects_list_holds_only_its_grantees(client, staff, operator, two_projects):
    first, ours, second, theirs = two_projects
    for person in (staff, operator):
        client.force_login(person)
        page = client.get(f"/projects/{first.slug}/grantees/").content.decode()
        assert page.count('data-testid="project"') == 1
        assert f"/mentoring/projects/{ours.pk}/" in page
        assert f"/mentoring/projects/{theirs.pk}/" not in page
        assert "Басқа жобаның алаңы" not in page
        page = client.get(f"/projects/{second.slug}/grantees/").content.decode()
        assert page.count('data-testid="project"') == 1
        assert f"/mentoring/projects/{theirs.pk}/" in page
        assert f"/mentoring/projects/{ours.pk}/" not in page


def test_the_old_address_lets_the_reader_choose_a_project(client, staff, two_projects):
    first, _ours, second, _theirs = two_projects
    client.force_login(staff)
    page = client.get("/mentoring/projects/").content.decode()
    assert 'data-testid="project"' not in page  # no grantee list mixing both
    assert f"/projects/{first.slug}/grantees/" in page
    assert f"/projects/{second.slug}/grantees/" in page


def test_the_choice_counts_each_projects_grantees(
    client, staff, two_projects, django_assert_max_num_queries
):
    first, ours, second, _theirs = two_projects
    # A second call of the first project, with a grantee and an application that is not one.
    later = CompetitionFactory(project=first)
    make_project(later, UserFactory(email="lead3@example.kz"), number=3)
    Application.objects.create(
        competition=later,
        applicant=UserFactory(),
        title="Жеңбеген",
        village=ours.application.village,
    )
    empty = CompetitionFactory().project
    client.force_login(staff)
    with django_assert_max_num_queries(6):
        response = client.get("/mentoring/projects/")
    counts = {project.pk: project.grantees for project in response.context["projects"]}
    assert counts == {first.pk: 2, second.pk: 1, empty.pk: 0}


def test_with_one_project_the_old_address_leads_to_its_list(client, staff, media):
    competition = CompetitionFactory()
    make_project(competition, UserFactory(email="lead1@example.kz"))
    client.force_login(staff)
    response = client.get("/mentoring/projects/")
    assert response["Location"] == f"/projects/{competition.project.slug}/grantees/"


def test_a_grantee_page_leads_back_to_its_projects_list(client, staff, two_projects):
    _first, _ours, second, theirs = two_projects
    client.force_login(staff)
    page = client.get(f"/mentoring/projects/{theirs.pk}/").content.decode()
    assert f'href="/projects/{second.slug}/grantees/"' in page


def test_strangers_and_an_unknown_project(client, applicant, mentor, two_projects):
    first, *_rest = two_projects
    assert client.get(f"/projects/{first.slug}/grantees/").status_code == 302  # log in
    for person in (applicant, mentor):
        client.force_login(person)
        assert client.get(f"/projects/{first.slug}/grantees/").status_code == 403
    client.force_login(UserFactory(roles=[Role.STAFF]))
    assert client.get("/projects/no-such-project/grantees/").status_code == 404


def test_the_list_counts_meetings_and_waiting_reports_per_project(
    client, staff, mentor, two_projects, django_assert_max_num_queries
):
    first, ours, _second, _theirs = two_projects
    other = make_project(ours.application.competition, UserFactory(), number=5)
    for held_on in (date(2025, 9, 1), date(2025, 9, 15), date(2025, 9, 8)):
        ours.meetings.create(
            mentor=mentor,
            held_on=held_on,
            format="offline",
            duration_minutes=60,
            topics="Смета",
            next_steps="Сатып алу",
            project_state="on_track",
        )
    # Each report on its own: the counts must not multiply one another.
    for number, status in enumerate(["submitted", "submitted", "accepted", "draft"], start=1):
        ours.reports.create(number=number, status=status)
    other.reports.create(number=1, status="submitted")
    client.force_login(staff)
    with django_assert_max_num_queries(10):
        response = client.get(f"/projects/{first.slug}/grantees/")
    figures = {
        row.pk: (row.meetings_count, row.last_meeting, row.reports_waiting)
        for row in response.context["projects"]
    }
    assert figures == {ours.pk: (3, date(2025, 9, 15), 2), other.pk: (0, None, 1)}
