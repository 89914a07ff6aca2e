"""The consistency check's rows in the XLSX report: under the header sheet's fields, so the
operator reads them before the figures (reports/consistency.py finds them)."""

from django.utils.translation import gettext as _

from reports.builders.sheets import SECTION_FILL, Sheet
from reports.consistency import Item


def consistency_rows(sheet: Sheet, items: list[Item]) -> None:
    blocking = sum(item.is_blocking for item in items)
    summary = (
        _("Blocking: %(blocking)s; warnings: %(warnings)s")
        % {"blocking": blocking, "warnings": len(items) - blocking}
        if items
        else _("Nothing to fix: the records agree with each other.")
    )
    sheet.append([_("Consistency check"), summary], bold=True, fill=SECTION_FILL)
    for item in items:
        sheet.append([str(item.severity.label), item.message])
