"""The audit log as CSV and XLSX: pure builders, one row per changed field.

Every value comes from people (names, titles, reasons), so each goes through the
spreadsheet-safety helpers and is written as text, never as a formula.
"""

import csv
from collections.abc import Iterable, Iterator
from io import BytesIO, StringIO

from auditlog.models import LogEntry
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from audit.display import ACTIONS, EMPTY, actor_label, field_changes, model_label
from jastarurban.spreadsheet_safety import csv_text, xlsx_text


def header() -> list[str]:
    return [
        _("Date and time"),
        _("Who"),
        _("Action"),
        _("Kind of record"),
        _("Record number"),
        _("Changed record"),
        _("Field"),
        pgettext("audit: value", "Before"),
        pgettext("audit: value", "After"),
    ]


def rows(entries: Iterable[LogEntry]) -> Iterator[list[str]]:
    for entry in entries:
        at = timezone.localtime(entry.timestamp).strftime("%d.%m.%Y %H:%M:%S")
        head = [
            at,
            actor_label(entry),
            str(ACTIONS.get(entry.action, entry.action)),
            model_label(entry),
            entry.object_pk,
            entry.object_repr,
        ]
        changes = field_changes(entry)
        if not changes:
            yield [*head, "", "", ""]
        for change in changes:
            yield [
                *head,
                change.label,
                "" if change.before == EMPTY else change.before,
                "" if change.after == EMPTY else change.after,
            ]


def build_csv(entries: Iterable[LogEntry]) -> bytes:
    out = StringIO()
    writer = csv.writer(out)
    writer.writerow(header())
    for row in rows(entries):
        writer.writerow([csv_text(value) for value in row])
    # The byte-order mark lets spreadsheet programs read the Kazakh letters as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def build_xlsx(entries: Iterable[LogEntry]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_("Audit log")[:31])
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHI", (19, 28, 12, 24, 10, 40, 24, 30, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.append(header())
    for row in rows(entries):
        sheet.append([xlsx_text(value) for value in row])
    out = BytesIO()
    book.save(out)
    return out.getvalue()
