"""The period's sheets of the interim and final report: each activity's event log, and
the narratives staff wrote for the period with their version, author and date."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from reports.builders.data import ProjectReport
from reports.builders.sheets import DATE_FORMAT, Sheet


def events_sheet(book: Workbook, report: ProjectReport) -> Sheet:
    sheet = Sheet(
        book,
        _("Event log"),
        [
            _("Activity"),
            _("Date"),
            _("Kind"),
            pgettext("event log", "What happened"),
            _("Details"),
            _("Link"),
        ],
        [9, 12, 16, 50, 40, 40],
        wrap=frozenset({2, 3, 4, 5}),
    )
    for section in report.activities:
        for event in section.events:
            sheet.append(
                [
                    section.activity.number,
                    event.day,
                    event.kind_label,
                    event.text,
                    event.detail,
                    event.link,
                ],
                formats_={1: DATE_FORMAT},
            )
    return sheet


def narratives_sheet(book: Workbook, report: ProjectReport) -> Sheet:
    sheet = Sheet(
        book,
        _("Narrative"),
        [
            _("Activity"),
            _("What was done"),
            _("Problems met"),
            _("How they were solved"),
            _("Version"),
            _("Written by"),
            _("Written at"),
        ],
        [9, 50, 40, 40, 9, 24, 16],
        wrap=frozenset({1, 2, 3, 5}),
    )
    for section in report.activities:
        narrative = section.narrative
        if narrative is None:
            sheet.append([section.activity.number, _("No narrative written for this period.")])
            continue
        sheet.append(
            [
                section.activity.number,
                narrative.done,
                narrative.problems,
                narrative.solutions,
                narrative.version,
                narrative.written_by.full_name,
                timezone.make_naive(timezone.localtime(narrative.written_at)),
            ],
            formats_={6: "dd.mm.yyyy hh:mm"},
        )
    return sheet
