"""User-supplied text in CSV and XLSX files stays text, never a formula.

A value typed into the portal (a title, a name, a reason) that starts with = + - @, a tab
or a carriage return would run as a formula when a spreadsheet opens the file
(CSV/formula injection). Minimal version; the files-and-exports work replaces it at merge
with the same two names.
"""

from openpyxl.cell.rich_text import CellRichText

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: object) -> object:
    """For a CSV cell: a string that a spreadsheet would read as a formula gets a leading
    apostrophe (shown, as OWASP recommends); anything else is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_text(value: object) -> object:
    """For an openpyxl cell: a string is written as a string cell, shown as typed.

    openpyxl turns a string starting with "=" into a formula; rich text is always stored
    as a string, so such values are wrapped in it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return CellRichText([value])
    return value
