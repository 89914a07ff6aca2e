"""XLSX builders (openpyxl, write-only): real numbers, formulas for totals, number formats,
frozen, repeated and filtered header rows, A4 landscape fitted to the width, one sheet per
table (reports/builders/sheets.py).

The budget follows the смета's structure with a formula for every subtotal and total, and
the summary reads its figures from them (reports/builders/budget_sheet.py).
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from applications.models import Application
from competitions.models import GrantProject
from reports.builders.budget_sheet import budget_sheet, summary_sheet
from reports.builders.data import (
    CHUNK,
    RankedRows,
    applications_list,
    competition_titles,
    decided_competitions,
    project_report,
    scores_by_application,
)
from reports.builders.sheets import (
    DATE_FORMAT,
    NUMBER_FORMAT,
    TENGE_FORMAT,
    Formula,
    Sheet,
)
from reports.builders.sheets import book_bytes as _bytes
from reports.builders.sheets import number as _number
from reviews.models import Decision


def project_report_xlsx(project: GrantProject, final: bool) -> bytes:
    report = project_report(project, final)
    project, execution = report.project, report.execution
    book = Workbook(write_only=True)

    header = Sheet(
        book,
        _("Header"),
        [_("Field"), _("Value")],
        [28, 90],
        autofilter=False,
        wrap=frozenset({0, 1}),
    )
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
        wrap=frozenset({1, 2, 7, 8}),
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
        wrap=frozenset({1, 4}),
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

    rows = budget_sheet(book, execution)
    summary_sheet(book, execution, rows)

    grantees = Sheet(
        book,
        _("Grantee projects"),
        [_("Number"), _("Title"), _("Village"), _("Team"), _("Grant"), _("Status")],
        [16, 50, 24, 8, 16, 18],
        wrap=frozenset({1, 2, 5}),
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
    # Each label translated once, not looked up through the field's choices per row.
    statuses = {value: str(label) for value, label in Application.Status.choices}
    outcomes = {value: str(label) for value, label in Decision.Outcome.choices}
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
                statuses.get(application.status, application.status),
                _number(score.mean) if score else None,
                score.rank if score else None,
                outcomes.get(decision.outcome, decision.outcome) if decision else "",
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
