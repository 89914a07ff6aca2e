"""The interim and final report's sheets, one function each: the header, the indicators
at the period's end, the calendar plan's states, the grantee projects and the rankings.
The budget's sheets are in budget_sheet.py, the period's event log and narratives in
period_sheets.py."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from reports.builders.data import ProjectReport
from reports.builders.sheets import DATE_FORMAT, NUMBER_FORMAT, TENGE_FORMAT, Formula, Sheet
from reports.builders.sheets import number as _number


def _dates(start, end) -> str:
    return (
        f"{formats.date_format(start, 'SHORT_DATE_FORMAT')} – "
        f"{formats.date_format(end, 'SHORT_DATE_FORMAT')}"
    )


def header_sheet(book: Workbook, report: ProjectReport) -> Sheet:
    project, execution = report.project, report.execution
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
        (_("Project dates"), _dates(project.starts_on, project.ends_on), None),
        (_("Reporting period"), report.period.label, None),
        (_("Grant amount"), execution.budget.grant_kzt, TENGE_FORMAT),
        (_("Data as of"), timezone.make_naive(report.generated_at), "dd.mm.yyyy hh:mm"),
    ]:
        header.append([label, value], formats_={1: fmt} if fmt else None)
    return header


def indicators_sheet(book: Workbook, report: ProjectReport) -> Sheet:
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
            _("As of"),
            _("Evidence"),
        ],
        [9, 28, 60, 10, 12, 12, 8, 18, 12, 40],
        wrap=frozenset({1, 2, 7, 9}),
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
                row.as_of,
                evidence,
            ],
            formats_={4: NUMBER_FORMAT, 5: NUMBER_FORMAT, 8: DATE_FORMAT},
        )
    return indicators


def plan_sheet(book: Workbook, report: ProjectReport) -> Sheet:
    plan = Sheet(
        book,
        _("Calendar plan"),
        [_("No."), _("Event"), _("From"), _("To"), _("State"), _("Judged by")],
        [6, 60, 12, 12, 18, 24],
        wrap=frozenset({1, 4, 5}),
    )
    for item in report.activities:
        plan.append(
            [
                item.activity.number,
                item.activity.title,
                item.activity.starts_on,
                item.activity.ends_on,
                item.state.label,
                _("the plan's dates") if item.state.by_dates else _("the portal's records"),
            ],
            formats_={2: DATE_FORMAT, 3: DATE_FORMAT},
        )
    return plan


def grantees_sheet(book: Workbook, report: ProjectReport) -> Sheet:
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
    return grantees


def rankings_sheet(book: Workbook, report: ProjectReport) -> Sheet:
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
        for result, number, title, district in ranking.lines():
            scores.append(
                [
                    competition.title,
                    result.rank,
                    number,
                    title,
                    district,
                    result.reviews,
                    _number(result.mean),
                ],
                formats_={6: "0.00"},
            )
    return scores
