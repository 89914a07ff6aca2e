"""XLSX builders (openpyxl, write-only): real numbers, SUM formulas for totals, number
formats, frozen header rows, one sheet per table.

Every string a sheet receives is written as text (``xlsx_text``): a title typed as
``=HYPERLINK(...)`` stays the characters typed. Only the portal's own formulas, wrapped in
``Formula``, are written as formulas.

openpyxl writes formulas without computing them, so every total is written twice: as a
``=SUM(...)`` formula in the table, and as the number the database computed in the
"Summary" sheet, which a reader (or a test) can check against the lines.
"""

from io import BytesIO

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from competitions.models import GrantProject
from jastarurban.spreadsheet_safety import xlsx_text
from reports.builders.data import (
    CHUNK,
    RankedRows,
    applications_list,
    competition_titles,
    decided_competitions,
    project_report,
    scores_by_application,
)

TENGE_FORMAT = '#,##0 "₸"'
NUMBER_FORMAT = "#,##0.##"
DATE_FORMAT = "dd.mm.yyyy"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F1F3F5")


class Formula(str):
    """A formula the portal wrote itself (``=SUM(G2:G9)``); any other string is text."""


class Sheet:
    """A write-only worksheet that knows its row number, for formulas over its own rows."""

    def __init__(self, book: Workbook, title: str, header: list[str], widths: list[int]):
        self.ws = book.create_sheet(title=title[:31])
        self.ws.freeze_panes = "A2"
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.row = 0
        self.append(header, bold=True, fill=HEADER_FILL)

    def append(
        self, values: list, *, formats_: dict[int, str] | None = None, bold: bool = False, fill=None
    ) -> int:
        cells = []
        for index, value in enumerate(values):
            value = str(value) if isinstance(value, Formula) else xlsx_text(value)
            if not bold and fill is None and not (formats_ and index in formats_):
                # A plain value: a styled cell object for each of 360 000 cells was most
                # of the time of the 30 000-application file.
                cells.append(value)
                continue
            cell = WriteOnlyCell(self.ws, value=value)
            if formats_ and index in formats_:
                cell.number_format = formats_[index]
            if bold:
                cell.font = BOLD
            if fill is not None:
                cell.fill = fill
            cells.append(cell)
        self.ws.append(cells)
        self.row += 1
        return self.row


def _bytes(book: Workbook) -> bytes:
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _number(value):
    """Decimals as int when whole, float otherwise: Excel stores numbers, not text."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


def project_report_xlsx(project: GrantProject, final: bool) -> bytes:
    report = project_report(project, final)
    project, execution = report.project, report.execution
    book = Workbook(write_only=True)

    header = Sheet(book, _("Header"), [_("Field"), _("Value")], [28, 90])
    for label, value, fmt in [
        (_("Report"), report.title, None),
        (_("Grant recipient"), project.recipient.name, None),
        (_("BIN"), project.recipient.bin, None),
        (_("Project"), project.title, None),
        (
            _("Period"),
            f"{formats.date_format(project.starts_on, 'SHORT_DATE_FORMAT')} – "
            f"{formats.date_format(project.ends_on, 'SHORT_DATE_FORMAT')}",
            None,
        ),
        (_("Grant amount"), execution.budget.grant_kzt, TENGE_FORMAT),
        (_("Data as of"), timezone.make_naive(report.generated_at), "dd.mm.yyyy hh:mm"),
    ]:
        header.append([label, value], formats_={1: fmt} if fmt else None)

    indicators = Sheet(
        book,
        _("Indicators"),
        [
            _("Activity"),
            _("Code"),
            _("Indicator"),
            _("Unit"),
            _("Planned"),
            _("Achieved"),
            "%",
            _("Status"),
            _("Evidence"),
        ],
        [9, 28, 60, 10, 12, 12, 8, 18, 40],
    )
    for row in report.indicators:
        indicator = row.indicator
        evidence = indicator.measurement
        if indicator.manual_value is not None and indicator.manual_entered_by:
            evidence = f"{_('entered by')} {indicator.manual_entered_by.full_name}"
        indicators.append(
            [
                indicator.activity.number,
                indicator.code,
                indicator.name,
                str(indicator.get_unit_display()),
                _number(indicator.target),
                _number(row.actual),
                _number(row.percent),
                str(row.status.label),
                evidence,
            ],
            formats_={4: NUMBER_FORMAT, 5: NUMBER_FORMAT},
        )

    plan = Sheet(
        book,
        _("Calendar plan"),
        [_("No."), _("Event"), _("From"), _("To"), _("State")],
        [6, 60, 12, 12, 18],
    )
    for item in report.activities:
        plan.append(
            [
                item.activity.number,
                item.activity.title,
                item.activity.starts_on,
                item.activity.ends_on,
                item.state,
            ],
            formats_={2: DATE_FORMAT, 3: DATE_FORMAT},
        )

    budget = Sheet(
        book,
        _("Budget"),
        [
            _("No."),
            _("Section"),
            _("Item"),
            _("Unit"),
            _("Quantity"),
            _("Unit cost"),
            _("Planned"),
            _("Spent"),
            _("Remaining"),
            _("Funding source"),
            _("Justification"),
        ],
        [6, 24, 40, 10, 10, 14, 16, 16, 16, 16, 40],
    )
    money = {5: TENGE_FORMAT, 6: TENGE_FORMAT, 7: TENGE_FORMAT, 8: TENGE_FORMAT}
    subtotal_rows = []
    for section in execution.sections:
        first = budget.row + 1
        for item in section.lines:
            line = item.line
            row = budget.row + 1
            budget.append(
                [
                    line.position,
                    str(section.section.label),
                    line.name,
                    str(line.get_unit_display()),
                    _number(line.quantity),
                    line.unit_cost_kzt,
                    line.total_kzt,
                    item.actual_kzt,
                    Formula(f"=G{row}-H{row}"),
                    str(line.get_funding_source_display()),
                    line.justification,
                ],
                formats_={4: NUMBER_FORMAT, **money},
            )
        last = budget.row
        row = budget.row + 1
        if last >= first:
            sums = [
                Formula(f"=SUM(G{first}:G{last})"),
                Formula(f"=SUM(H{first}:H{last})"),
                Formula(f"=G{row}-H{row}"),
            ]
        else:
            sums = [0, 0, Formula(f"=G{row}-H{row}")]
        budget.append(
            [None, str(section.section.label), _("Section total"), None, None, None, *sums],
            formats_=money,
            bold=True,
        )
        subtotal_rows.append(row)
    row = budget.row + 1
    budget.append(
        [
            None,
            None,
            _("Budget total"),
            None,
            None,
            None,
            Formula("=" + "+".join(f"G{r}" for r in subtotal_rows)),
            Formula("=" + "+".join(f"H{r}" for r in subtotal_rows)),
            Formula(f"=G{row}-H{row}"),
        ],
        formats_=money,
        bold=True,
    )

    summary = Sheet(
        book,
        _("Summary"),
        [_("Section"), _("Planned"), _("Spent"), _("Remaining")],
        [40, 18, 18, 18],
    )
    money3 = {1: TENGE_FORMAT, 2: TENGE_FORMAT, 3: TENGE_FORMAT}
    for section in execution.sections:
        summary.append(
            [
                str(section.section.label),
                section.plan_kzt,
                section.actual_kzt,
                section.remaining_kzt,
            ],
            formats_=money3,
        )
    summary.append(
        [_("Budget total"), execution.plan_kzt, execution.actual_kzt, execution.remaining_kzt],
        formats_=money3,
        bold=True,
    )
    summary.append(
        [
            _("Material-technical support and institutional development"),
            execution.budget.support_kzt,
        ],
        formats_={1: TENGE_FORMAT},
    )
    summary.append([_("Share of the grant, %"), float(round(execution.budget.support_percent, 2))])
    summary.append(
        [
            _("Within the limit (at most %(limit)s %% of the grant)")
            % {"limit": int(execution.budget.support_limit_percent)},
            _("yes") if execution.budget.support_within_limit else _("no"),
        ]
    )

    grantees = Sheet(
        book,
        _("Grantee projects"),
        [_("Number"), _("Title"), _("Village"), _("Team"), _("Grant"), _("Status")],
        [16, 50, 24, 8, 16, 18],
    )
    for grantee in report.grantees:
        application = grantee.application
        grantees.append(
            [
                application.registration_number,
                application.title,
                application.village.name if application.village else "",
                grantee.team_size,
                grantee.award_kzt,
                str(grantee.get_status_display()),
            ],
            formats_={4: TENGE_FORMAT},
        )
    if report.grantees:
        row = grantees.row + 1
        grantees.append(
            [
                None,
                _("Total"),
                None,
                Formula(f"=SUM(D2:D{row - 1})"),
                Formula(f"=SUM(E2:E{row - 1})"),
            ],
            formats_={4: TENGE_FORMAT},
            bold=True,
        )

    scores = Sheet(
        book,
        _("Applications"),
        [
            _("Competition"),
            _("Rank"),
            _("Number"),
            _("Title"),
            _("District"),
            _("Reviews"),
            _("Mean"),
        ],
        [30, 8, 16, 50, 24, 9, 9],
    )
    for competition, ranking in report.rankings:
        for row in ranking:
            application = row.application
            scores.append(
                [
                    competition.title,
                    row.result.rank,
                    application.registration_number,
                    application.title,
                    application.village.district.name if application.village else "",
                    row.result.reviews,
                    _number(row.result.mean),
                ],
                formats_={6: "0.00"},
            )
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
    for application in applications_list(project).iterator(chunk_size=CHUNK):
        score = scores.get(application.pk)
        decision = getattr(application, "decision", None)
        sheet.append(
            [
                application.registration_number,
                titles[application.competition_id],
                application.title,
                application.village.district.name if application.village else "",
                application.village.name if application.village else "",
                timezone.localtime(application.submitted_at).date(),
                application.team_size,
                str(application.get_status_display()),
                _number(score.mean) if score else None,
                score.rank if score else None,
                str(decision.get_outcome_display()) if decision else "",
                decision.amount_kzt if decision else 0,
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
