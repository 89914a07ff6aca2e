"""An interim report counts only its period: the event log, the money spent in the period
beside what was spent up to its end, the indicators as of its last day; the calendar plan's
states come from the records (dates as the fallback); another project never appears."""

from datetime import date, datetime
from io import BytesIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import load_workbook

from competitions.models import Competition
from reports.builders import build_report
from reports.builders.data import project_report
from reports.periods import Period
from reports.periods.records import project_records
from reports.periods.states import State
from tests.factories import ApplicationFactory
from tests.pdf_checks import text as pdf_text
from tests.reports.periods.conftest import AQTAU, PERIOD
from tests.xlsx_formulas import computed

pytestmark = pytest.mark.django_db


def sections(report):
    return {section.activity.number: section for section in report.activities}


def test_the_event_log_holds_only_the_periods_records_of_this_project(periods):
    with translation.override("en"):
        report = project_report(periods.project, period=PERIOD)
    log = {number: [e.text for e in s.events] for number, s in sections(report).items()}
    # Opened 01.06, before the period; two of its three applications came in the period.
    assert log[1] == ["2 applications received", "Call closed: Alpha call"]
    assert sections(report)[1].events[0].detail == "Alpha call (02.07.2025 – 10.07.2025)"
    assert log[2] == ["Training: Summer school"]  # the October school is after it
    training = sections(report)[2].events[0]
    assert training.day == date(2025, 7, 20)
    assert "Aqtau, youth centre" in training.detail and "2 of 3" in training.detail
    assert log[3] == [
        "Video filmed: Video inside",
        "Posted on Instagram: Video inside",
        "Маңғыстау: Article inside",
    ]
    assert sections(report)[3].events[2].link == "https://example.kz/article-inside"
    assert log[4] == [] and log[5] == []  # the exhibition is held in November
    everything = str(log)
    assert "Beta" not in everything and "later" not in everything and "after" not in everything


def test_applications_are_counted_on_aqtaus_day_not_utcs(periods):
    """The database counts them per day in Aqtau's zone: half past midnight there is the
    evening before in UTC, half past eleven the same day in both."""
    competition = Competition.objects.get(project=periods.project, title="Alpha call")
    for hour, minute in [(0, 30), (23, 30)]:
        ApplicationFactory(
            competition=competition,
            status="submitted",
            submitted_at=datetime(2025, 7, 5, hour, minute, tzinfo=AQTAU),
        )
    days = [
        (day, count)
        for call, day, count in project_records(periods.project).submissions
        if call == competition.pk
    ]
    assert days == [
        (date(2025, 6, 15), 1),
        (date(2025, 7, 2), 1),
        (date(2025, 7, 5), 2),
        (date(2025, 7, 10), 1),
    ]


def test_money_in_the_period_and_up_to_its_end_by_line(periods):
    money = project_report(periods.project, period=PERIOD).money
    lines = periods.lines
    assert money.by_line == {
        lines["salaries"].pk: 400_000,
        lines["accountant"].pk: 100_000,
        lines["hall"].pk: 150_000,
        lines["banner"].pk: 0,
    }
    cumulative = {item.line.pk: item.actual_kzt for item in money.cumulative.lines}
    assert cumulative[lines["salaries"].pk] == 600_000  # the June salary counts up to the end
    assert cumulative[lines["hall"].pk] == 150_000  # October's payment is after the end
    assert money.period.actual_kzt == 650_000 and money.cumulative.actual_kzt == 850_000
    salaries = next(row for row in money.rows if row.role == "block")
    assert (salaries.plan_kzt, salaries.period_kzt, salaries.cumulative_kzt) == (
        1_800_000,
        500_000,
        700_000,
    )
    total = money.rows[-1]
    assert (total.period_kzt, total.cumulative_kzt, total.remaining_kzt) == (
        650_000,
        850_000,
        2_180_000 - 850_000,
    )


def test_indicators_read_the_last_snapshot_on_or_before_the_periods_end(periods):
    row = sections(project_report(periods.project, period=PERIOD))[2].indicators[0]
    assert (row.actual, row.as_of) == (1, date(2025, 7, 25))  # not October's 2
    june = Period(date(2025, 6, 1), date(2025, 6, 30))
    row = sections(project_report(periods.project, period=june))[2].indicators[0]
    assert (row.actual, row.as_of) == (0, date(2025, 6, 30))


@pytest.mark.parametrize(
    ("end", "states"),
    [
        (
            date(2025, 6, 20),
            {
                1: State.IN_PROGRESS,
                2: State.NOT_STARTED,
                3: State.NOT_STARTED,
                5: State.IN_PROGRESS,
            },
        ),
        (
            date(2025, 8, 31),
            # The call closed; one of two trainings held; one of three videos posted; the
            # exhibition is not due; activity 5 has no records: its dates say it is over.
            {
                1: State.DONE,
                2: State.IN_PROGRESS,
                3: State.IN_PROGRESS,
                4: State.NOT_STARTED,
                5: State.DONE,
            },
        ),
        (
            date(2025, 11, 30),
            # Every training held and the exhibition too; a video never posted is late.
            {2: State.DONE, 3: State.LATE, 4: State.DONE},
        ),
    ],
)
def test_event_states_come_from_the_records_with_the_dates_as_fallback(periods, end, states):
    found = sections(project_report(periods.project, period=Period(date(2025, 6, 1), end)))
    assert {number: found[number].state.state for number in states} == states
    assert found[5].state.by_dates and not found[1].state.by_dates


def test_a_training_not_held_by_the_activitys_end_is_late(periods):
    periods.activities[2].ends_on = date(2025, 9, 30)
    periods.activities[2].save()
    found = sections(
        project_report(periods.project, period=Period(date(2025, 6, 1), date(2025, 10, 1)))
    )
    assert found[2].state.state == State.LATE


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_interim_xlsx_has_the_period_and_cumulative_columns_as_numbers_and_formulas(
    periods, language
):
    book = load_workbook(
        BytesIO(build_report("interim", "xlsx", language, project=periods.project, period=PERIOD))
    )
    budget = book.worksheets[3]
    execution = project_report(periods.project, period=PERIOD).money
    lines = {
        row[0].value: row for row in budget.iter_rows(min_row=2) if isinstance(row[0].value, int)
    }
    # Lines: plan, period and cumulative as numbers; remaining a formula over cumulative.
    assert [lines[1][i].value for i in (6, 7, 8)] == [1_200_000, 400_000, 600_000]
    assert lines[1][9].value == f"=G{lines[1][0].row}-I{lines[1][0].row}"
    labels = {row[2].value: row for row in budget.iter_rows(min_row=2) if row[0].value is None}

    def shown(start: str) -> list:
        [row] = [row for label, row in labels.items() if label and label.startswith(start)]
        assert all(str(row[i].value).startswith("=") for i in (6, 7, 8, 9))
        return [computed(book, budget, row[i].coordinate) for i in (6, 7, 8, 9)]

    salaries = "Жалақы" if language == "kk" else "Заработная плата"
    assert shown(salaries) == [1_800_000, 500_000, 700_000, 1_100_000]
    activity = "2-іс-шара." if language == "kk" else "Мероприятие 2."
    assert shown(activity) == [300_000, 150_000, 150_000, 150_000]
    total = "Бюджеттің жалпы сомасы" if language == "kk" else "Общая сумма бюджета"
    assert shown(total) == [
        execution.cumulative.plan_kzt,
        execution.period.actual_kzt,
        execution.cumulative.actual_kzt,
        execution.cumulative.remaining_kzt,
    ]
    summary = book.worksheets[4]
    totals = next(r for r in summary.iter_rows(min_row=2) if r[0].value == total)
    assert [computed(book, summary, cell.coordinate) for cell in totals[1:5]] == [
        2_180_000,
        650_000,
        850_000,
        1_330_000,
    ]
    header = {row[0].value: row[1].value for row in book.worksheets[0].iter_rows(min_row=2)}
    assert "01.07.2025 – 31.08.2025" in " ".join(str(v) for v in header.values())
    events = [
        row[3].value
        for row in book["Оқиғалар журналы" if language == "kk" else "Журнал событий"].iter_rows(
            min_row=2
        )
    ]
    assert "Маңғыстау: Article inside" in events and not any("Beta" in e for e in events)


def test_the_interim_pdf_shows_the_period_and_only_its_records(periods, tmp_path):
    printed = pdf_text(
        build_report("interim", "pdf", "ru", project=periods.project, period=PERIOD), tmp_path
    )
    assert "01.07.2025 – 31.08.2025" in printed
    assert "Summer school" in printed and "Autumn school" not in printed
    assert "Article inside" in printed and "Article after" not in printed
    assert "Beta" not in printed
    assert "650 000 ₸" in printed and "850 000 ₸" in printed  # in the period, to its end


def test_the_final_report_covers_the_whole_project(periods):
    report = project_report(periods.project, True)
    assert (report.period.start, report.period.end) == (date(2025, 6, 1), date(2025, 11, 30))
    assert report.money.cumulative.actual_kzt == 1_080_000
    assert [e.text for e in sections(report)[4].events] == ["Alpha exhibition"]


def test_the_command_builds_an_interim_report_for_a_period(periods, tmp_path):
    output = tmp_path / "interim.xlsx"
    arguments = ["build_report", "interim", "--project", "alpha", "--format", "xlsx"]
    call_command(*arguments, "--output", str(output), "--from", "01.07.2025", "--to", "31.08.2025")
    header = [row[1].value for row in load_workbook(output).worksheets[0].iter_rows(min_row=2)]
    assert "01.07.2025 – 31.08.2025" in header
    with pytest.raises(CommandError, match=r"01\.06\.2025"):
        call_command(
            *arguments, "--output", str(output), "--from", "01.05.2025", "--to", "31.08.2025"
        )
