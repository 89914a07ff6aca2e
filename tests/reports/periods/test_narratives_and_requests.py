"""Staff write a narrative per activity and period, each save a new version; a report file
records the versions it printed. The request form asks an interim report for its period and
refuses a wrong one in the reader's language."""

from datetime import date

import pytest

from reports.models import NarrativeVersion, ReportFile
from tests.factories import ActivityFactory
from tests.pdf_checks import text as pdf_text

pytestmark = pytest.mark.django_db

PAGE = "/projects/alpha/reports/narratives/"
PERIOD = {"period_start": "01.07.2025", "period_end": "31.08.2025"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def write(client, number: int, done: str, problems: str = "", solutions: str = ""):
    prefix = f"a{number}-"
    return client.post(
        f"{PAGE}{number}/",
        {
            **PERIOD,
            prefix + "done": done,
            prefix + "problems": problems,
            prefix + "solutions": solutions,
        },
    )


def test_each_save_keeps_the_previous_version_with_who_and_when(client, periods, staff):
    client.force_login(staff)
    response = write(client, 2, "Summer school held", "The hall was small", "A second room")
    assert response.status_code == 302 and response["Location"].endswith("#activity-2")
    write(client, 2, "Summer school held for 3 teams", "The hall was small", "A second room")
    write(client, 2, "Summer school held for 3 teams", "The hall was small", "A second room")
    versions = list(
        NarrativeVersion.objects.filter(activity=periods.activities[2]).order_by("version")
    )
    # The same words again make no new version.
    assert [(v.version, v.done) for v in versions] == [
        (1, "Summer school held"),
        (2, "Summer school held for 3 teams"),
    ]
    assert all(v.written_by == staff and v.period_start == date(2025, 7, 1) for v in versions)
    page = client.get(PAGE, PERIOD).content.decode()
    assert "Summer school held for 3 teams</textarea>" in page
    assert "1 earlier version" in page or "1 алдыңғы нұсқа" in page or "earlier" in page


def test_the_report_file_records_the_version_it_printed(
    client, periods, staff, django_capture_on_commit_callbacks, tmp_path
):
    client.force_login(staff)
    write(client, 2, "First words")
    write(client, 2, "Printed words", "A problem", "Its solution")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/projects/alpha/reports/files/request/",
            {"kind": "interim", "format": "pdf", "language": "ru", **PERIOD},
        )
    assert response.status_code == 302
    report = ReportFile.objects.get()
    assert report.status == ReportFile.Status.DONE, report.error
    assert (report.period_start, report.period_end) == (date(2025, 7, 1), date(2025, 8, 31))
    assert report.filename.startswith("alpha-interim-20250701-20250831-ru-")
    printed = NarrativeVersion.objects.get(version=2)
    assert list(report.narratives.all()) == [printed]
    text = pdf_text(report.file.read(), tmp_path)
    assert "Printed words" in text and "First words" not in text and "Its solution" in text
    # A later edit is a new version: the file still names the one it printed.
    write(client, 2, "Edited after the report")
    assert list(report.narratives.all()) == [printed]
    assert NarrativeVersion.objects.filter(activity=periods.activities[2]).count() == 3


def test_another_projects_activity_cannot_be_written_from_this_project(client, periods, staff):
    client.force_login(staff)
    beta = periods.other.activities.get()
    response = client.post(f"/projects/beta/reports/narratives/{beta.number}/", {**PERIOD})
    # Beta's dates hold the period: the post saves under beta, never under alpha.
    assert not NarrativeVersion.objects.filter(activity__project=periods.project).exists()
    assert response.status_code == 302


def test_the_narrative_page_reads_in_a_fixed_number_of_queries(
    client, periods, staff, django_assert_max_num_queries
):
    client.force_login(staff)
    for number in (1, 2):
        write(client, number, "v1")
        write(client, number, "v2")
    with django_assert_max_num_queries(25) as few:
        assert client.get(PAGE, PERIOD).status_code == 200
        two_rows = len(few.captured_queries)
    for number in range(6, 16):
        ActivityFactory(
            project=periods.project,
            number=number,
            starts_on=date(2025, 6, 1),
            ends_on=date(2025, 11, 30),
        )
    for number in range(3, 16):
        write(client, number, "v1")
        write(client, number, "v2")
    with django_assert_max_num_queries(two_rows):
        page = client.get(PAGE, PERIOD).content.decode()
    assert page.count('id="activity-') >= 15


@pytest.mark.parametrize(
    ("data", "field", "messages"),
    [
        (
            {},
            "period_start",
            {"kk": "Кезеңнің бірінші күнін", "ru": "Укажите первый день периода"},
        ),
        (
            {"period_start": "2025-07-01", "period_end": "31.08.2025"},
            "period_start",
            {"kk": "кк.аа.жжжж", "ru": "дд.мм.гггг"},
        ),
        (
            {"period_start": "01.05.2025", "period_end": "31.08.2025"},
            "period_start",
            {"kk": "01.06.2025", "ru": "01.06.2025"},
        ),
        (
            {"period_start": "31.08.2025", "period_end": "01.07.2025"},
            "period_end",
            {"kk": "Кезең басталмай", "ru": "Период не может закончиться"},
        ),
    ],
)
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_wrong_period_is_refused_with_a_clear_message(
    client, periods, operator, data, field, messages, language
):
    client.force_login(operator)
    client.cookies["django_language"] = language
    response = client.post(
        "/projects/alpha/reports/files/request/",
        {"kind": "interim", "format": "xlsx", "language": "kk", **data},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert messages[language] in response.content.decode()
    assert not ReportFile.objects.exists()


def test_a_final_report_takes_the_projects_dates_and_the_others_none(client, periods, operator):
    client.force_login(operator)
    for kind in ("final", "applications"):
        response = client.post(
            "/projects/alpha/reports/files/request/",
            {"kind": kind, "format": "xlsx", "language": "ru", "period_start": "01.07.2025"},
        )
        assert response.status_code == 302
    final, applications = ReportFile.objects.order_by("pk")
    assert (final.period_start, final.period_end) == (date(2025, 6, 1), date(2025, 11, 30))
    assert applications.period_start is None and applications.period_end is None
