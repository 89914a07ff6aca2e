"""Two grant projects side by side: each one's pages, report files and API hold its own
competitions, applications, grantees, money, posts and registrations, never the other's.

The second project starts later, so a "current project" read from the latest start date
would show it everywhere: every check below reads the first project's pages."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from accounts.api_tokens import api_token_create
from accounts.roles import Role
from projects.models import BudgetLine, ProjectExpense
from reports.builders import build_report
from reports.models import ReportFile
from reports.snapshots import indicators_snapshot
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    CompetitionFactory,
    ExhibitionFactory,
    GranteeProjectFactory,
    GrantProjectFactory,
    IndicatorFactory,
    PostFactory,
    PostSnapshotFactory,
    RegistrationFactory,
    StandFactory,
    UserFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db


def project_with_everything(name: str, starts_on: date, staff):
    """A project with one of each thing its reports list, every text marked with `name`."""
    project = GrantProjectFactory(
        slug=name.lower(),
        title=f"Project {name}",
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=180),
    )
    activity = ActivityFactory(
        project=project,
        number=1,
        title=f"Event {name}",
        starts_on=project.starts_on,
        ends_on=project.ends_on,
    )
    IndicatorFactory(
        project=project,
        activity=activity,
        code="applications_received",
        name=f"Indicator {name}",
        source="applications_received",
    )
    line = BudgetLineFactory(
        project=project,
        position=1,
        section=BudgetLine.Section.DIRECT,
        activity=activity,
        name=f"Line {name}",
        unit_cost_kzt=5_000_000,
    )
    ProjectExpense.objects.create(
        line=line,
        spent_on=project.starts_on,
        amount_kzt=123_000,
        document_number=f"ACT-{name}",
        entered_by=staff,
    )
    competition = CompetitionFactory(
        project=project,
        slug=f"call-{name.lower()}",
        title=f"Call {name}",
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() - timedelta(days=10),
        results_published_at=timezone.now() - timedelta(days=1),
    )
    grantee = GranteeProjectFactory(
        application__competition=competition,
        application__title=f"Application {name}",
        application__submitted_at=timezone.now() - timedelta(days=15),
    )
    video = VideoFactory(project=project, title=f"Video {name}", grantee=grantee)
    PostSnapshotFactory(post=PostFactory(video=video, link=f"https://www.instagram.com/p/{name}"))
    exhibition = ExhibitionFactory(
        project=project, slug=f"show-{name.lower()}", title=f"Show {name}"
    )
    StandFactory(exhibition=exhibition, grantee=grantee)
    RegistrationFactory(exhibition=exhibition, full_name=f"Guest {name}")
    return project


@pytest.fixture
def two_projects(db):
    staff = UserFactory(roles=[Role.STAFF])
    first = project_with_everything("Alpha", date(2025, 6, 1), staff)
    second = project_with_everything("Omega", date(2026, 6, 1), staff)
    indicators_snapshot()
    return first, second


def assert_only_alpha(text: str, where: str) -> None:
    assert "Omega" not in text, f"{where} shows the second project's data"


def workbook_text(content: bytes) -> str:
    book = load_workbook(BytesIO(content), read_only=True)
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


PAGES = [
    ("/projects/alpha/", ["Call Alpha"]),
    ("/projects/alpha/reports/", ["Project Alpha"]),
    ("/projects/alpha/reports/dashboard/", ["Indicator Alpha"]),
    ("/projects/alpha/reports/budget/", ["ACT-Alpha", "Line Alpha"]),
    ("/projects/alpha/reports/files/", ["Project Alpha"]),
    ("/projects/alpha/media/", ["Video Alpha"]),
    ("/projects/alpha/media/posts/", ["Video Alpha"]),
    ("/exhibition/manage/show-alpha/participants/", ["Guest Alpha"]),
]


@pytest.mark.parametrize("role", ["staff", "operator"])
def test_the_first_projects_pages_show_only_its_own_data(client, two_projects, role):
    client.force_login(UserFactory(roles=[Role(role)]))
    for path, expected in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        for text in expected:
            assert text in html, f"{path} lacks {text}"
        assert_only_alpha(html, path)
    # And the second project's pages show the second project: nothing is "current".
    html = client.get("/projects/omega/reports/budget/").content.decode()
    assert "ACT-Omega" in html and "ACT-Alpha" not in html


def test_the_exhibition_of_a_project_is_its_own(client, two_projects, staff):
    client.force_login(staff)
    response = client.get("/projects/alpha/exhibition/")
    assert response["Location"] == "/exhibition/manage/show-alpha/"


@pytest.mark.parametrize(
    ("kind", "present"),
    [
        ("final", ["Application Alpha", "Line Alpha", "Event Alpha", "Indicator Alpha"]),
        ("interim", ["Application Alpha", "Line Alpha"]),
        ("applications", ["Application Alpha", "Call Alpha"]),
    ],
)
def test_a_report_file_holds_only_its_projects_data(two_projects, kind, present):
    first, _second = two_projects
    text = workbook_text(build_report(kind, "xlsx", "ru", project=first))
    for expected in present:
        assert expected in text
    assert_only_alpha(text, f"the {kind} workbook")


def test_the_pdf_report_holds_only_its_projects_data(two_projects, tmp_path):
    from tests.reports.test_demo_reports import pdf_text

    first, _second = two_projects
    text = pdf_text(build_report("applications", "pdf", "ru", project=first), tmp_path)
    assert "Application Alpha" in text
    assert_only_alpha(text, "the applications PDF")


def test_a_requested_report_records_and_builds_its_project(
    client, two_projects, staff, django_capture_on_commit_callbacks
):
    first, _second = two_projects
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/projects/alpha/reports/files/request/",
            {"kind": "applications", "format": "xlsx", "language": "kk"},
        )
    assert response["Location"] == "/projects/alpha/reports/files/"
    report = ReportFile.objects.get()
    report.refresh_from_db()
    assert report.project == first and report.status == ReportFile.Status.DONE
    assert report.filename.startswith("alpha-applications-kk-")
    text = workbook_text(report.file.read())
    assert "Application Alpha" in text
    assert_only_alpha(text, "the stored report file")


def test_another_projects_report_file_is_not_listed_nor_served_under_the_first(
    client, two_projects, staff
):
    _first, second = two_projects
    other = ReportFile.objects.create(
        project=second, kind="applications", format="xlsx", requested_by=staff
    )
    client.force_login(staff)
    assert (
        f'id="report-{other.pk}"'
        not in client.get("/projects/alpha/reports/files/").content.decode()
    )
    assert client.get(f"/projects/alpha/reports/files/{other.pk}/").status_code == 404
    assert client.get(f"/projects/alpha/reports/files/{other.pk}/download/").status_code == 404
    assert client.get(f"/projects/omega/reports/files/{other.pk}/").status_code == 200


def test_the_api_answers_for_the_project_in_its_path(client, two_projects, operator):
    auth = {"HTTP_AUTHORIZATION": f"Token {api_token_create(user=operator)}"}
    projects = client.get("/api/v1/projects/", **auth).json()
    assert [row["slug"] for row in projects] == ["omega", "alpha"]
    base = "/api/v1/projects/alpha"
    for path in ("/indicators/", "/budget/", "/competitions/", "/competitions/call-alpha/results/"):
        response = client.get(base + path, **auth)
        assert response.status_code == 200, path
        assert_only_alpha(response.content.decode(), path)
    budget = client.get(base + "/budget/", **auth).json()
    assert budget["project"] == "alpha" and budget["actual_kzt"] == 123_000
    competitions = client.get(base + "/competitions/", **auth).json()
    assert [row["slug"] for row in competitions] == ["call-alpha"]
    indicators = client.get(base + "/indicators/", **auth).json()
    assert [float(row["actual"]) for row in indicators] == [1.0]
    # The second project's call is not found under the first.
    assert client.get(base + "/competitions/call-omega/results/", **auth).status_code == 404
    assert client.get("/api/v1/projects/nowhere/budget/", **auth).status_code == 404


def test_old_addresses_lead_to_the_chooser_when_there_are_several_projects(
    client, two_projects, operator
):
    client.force_login(operator)
    for path in ("/reports/dashboard/", "/reports/budget/", "/reports/files/", "/media/"):
        assert client.get(path)["Location"] == "/reports/", path
    html = client.get("/reports/").content.decode()
    assert "/projects/alpha/reports/" in html and "/projects/omega/reports/" in html


def test_with_one_project_old_addresses_lead_to_its_pages(client, staff):
    GrantProjectFactory(slug="only")
    client.force_login(staff)
    assert client.get("/reports/budget/")["Location"] == "/projects/only/reports/budget/"
    assert client.get("/media/")["Location"] == "/projects/only/media/"


def test_the_chooser_reads_a_fixed_number_of_queries(
    client, operator, django_assert_max_num_queries
):
    for number in range(12):
        GrantProjectFactory(
            slug=f"p{number}",
            starts_on=date(2010 + number, 1, 1),
            ends_on=date(2010 + number, 12, 31),
        )
    client.force_login(operator)
    with django_assert_max_num_queries(8):
        response = client.get("/reports/")
    assert response.content.decode().count("/reports/dashboard/") == 12


def test_the_demos_open_call_runs_in_the_next_project_not_in_2025s(demo):
    first, open_call = demo
    following = open_call.project
    assert following.slug == "jastarurban-next" and following != first
    assert following.starts_on <= timezone.localdate(open_call.opens_at) <= following.ends_on
    assert list(first.competitions.values_list("slug", flat=True)) == ["jastarurban-2025"]
    # Its calendar plan follows the first project's, inside its own dates.
    activities = list(following.activities.order_by("number"))
    assert len(activities) == first.activities.count()
    assert all(
        following.starts_on <= a.starts_on <= a.ends_on <= following.ends_on for a in activities
    )
