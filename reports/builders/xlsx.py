"""XLSX builders (openpyxl, write-only): real numbers, formulas for totals, number formats,
frozen, repeated and filtered header rows, A4 landscape fitted to the width, one sheet per
table (reports/builders/sheets.py).

The budget follows the смета's structure with a formula for every subtotal and total, and
the summary reads its figures from them (reports/builders/budget_sheet.py).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from applications.models import Application
from projects.models import GrantProject
from reports.annexes.sheets import annex_sheets
from reports.builders.budget_sheet import budget_sheet, summary_sheet
from reports.builders.consistency import consistency_rows
from reports.builders.data import (
    ProjectReport,
    RankedRows,
    applications_list,
    competition_titles,
    decided_competitions,
    scores_by_application,
)
from reports.builders.period_sheets import events_sheet, narratives_sheet
from reports.builders.report_sheets import (
    grantees_sheet,
    header_sheet,
    indicators_sheet,
    plan_sheet,
    rankings_sheet,
)
from reports.builders.sheets import DATE_FORMAT, TENGE_FORMAT, Sheet
from reports.builders.sheets import book_bytes as _bytes
from reports.builders.sheets import number as _number
from reviews.models import Decision


def project_report_xlsx(report: ProjectReport) -> bytes:
    """The interim or final report: one function per sheet (reports/builders/report_sheets.py,
    period_sheets.py, budget_sheet.py), in the order the operator reads them."""
    book = Workbook(write_only=True)
    header = header_sheet(book, report)
    consistency_rows(header, report.consistency)
    indicators_sheet(book, report)
    plan_sheet(book, report)
    # The final report's spending is the project's; an interim one's is shown for the
    # period beside what was spent up to its end.
    rows = budget_sheet(book, report.execution, None if report.final else report.money.by_line)
    summary_sheet(book, report.execution, rows)
    grantees_sheet(book, report)
    rankings_sheet(book, report)
    events_sheet(book, report)
    narratives_sheet(book, report)
    annex_sheets(book, report.project, *report.period.bounds)
    return _bytes(book)


def applications_xlsx(project: GrantProject) -> bytes:
    """Every received application, streamed: write-only mode keeps memory flat."""
    scores = scores_by_application(project)
    titles = competition_titles(project)
    book = Workbook(write_only=True)
    sheet = Sheet(
        book,
        _("Applications"),
        [
            _("Number"),
            _("Competition"),
            _("Title"),
            _("District"),
            _("Village"),
            _("Submitted"),
            _("Team"),
            _("Status"),
            _("Mean"),
            _("Rank"),
            _("Decision"),
            _("Grant"),
        ],
        [16, 30, 50, 22, 22, 12, 7, 22, 8, 7, 18, 14],
    )
    # Each label translated once, not looked up through the field's choices per row.
    statuses = {value: str(label) for value, label in Application.Status.choices}
    outcomes = {value: str(label) for value, label in Decision.Outcome.choices}
    # One zone object for every row, not a lookup of the current one per row.
    zone = timezone.get_current_timezone()
    for line in applications_list(project):
        score = scores.get(line.pk)
        sheet.append(
            [
                line.registration_number,
                titles[line.competition_id],
                line.title,
                line.district,
                line.village,
                line.submitted_at.astimezone(zone).date(),
                line.team_size,
                statuses.get(line.status, line.status),
                _number(score.mean) if score else None,
                score.rank if score else None,
                outcomes.get(line.outcome, line.outcome) if line.outcome is not None else "",
                line.amount_kzt if line.outcome is not None else 0,
            ],
            formats_={5: DATE_FORMAT, 8: "0.00", 11: TENGE_FORMAT},
        )
    return _bytes(book)


def protocol_xlsx(project: GrantProject) -> bytes:
    competitions = decided_competitions(project)
    if not competitions:
        raise ValueError(_("No competition has reached the commission's decisions yet."))
    competition = competitions[-1]
    criteria = list(competition.criteria.order_by("position"))
    book = Workbook(write_only=True)
    sheet = Sheet(
        book,
        _("Ranking"),
        [
            _("Rank"),
            _("Number"),
            _("Title"),
            _("Reviews"),
            _("Mean"),
            *[str(c.name) for c in criteria],
        ],
        [7, 16, 50, 9, 9, *[14] * len(criteria)],
    )
    for row in RankedRows(competition):
        sheet.append(
            [
                row.result.rank,
                row.application.registration_number,
                row.application.title,
                row.result.reviews,
                _number(row.result.mean),
                *[_number(row.result.criterion_means.get(c.pk)) for c in criteria],
            ],
            formats_={4: "0.00", **{5 + i: "0.00" for i in range(len(criteria))}},
        )
    return _bytes(book)
