"""User text in spreadsheets stays text: no formula injection (CSV/formula injection, OWASP).

A title typed as ``=HYPERLINK("http://x","y")`` must reach the operator's Excel as the
characters the applicant typed, never as a formula that runs or links on open. Every
user-supplied string written to an XLSX or CSV file goes through one of these two helpers;
the portal's own formulas (``=SUM(...)``) are written directly and stay formulas.

XLSX — ``xlsx_text(value)``
    openpyxl turns any string that starts with ``=`` into a formula cell (data type ``f``)
    and a string such as ``#N/A`` into an error cell. ``xlsx_text`` wraps such a string in
    a ``CellRichText`` of one plain run: openpyxl then writes it as an inline *string* cell
    (data type ``s``), so Excel and LibreOffice show exactly what was typed and a reader
    gets the same ``str`` back. Other values come back unchanged. It works wherever a cell
    value goes, in normal and write-only workbooks alike::

        ws.append([xlsx_text(application.title), 1_000_000])        # normal or write-only
        ws.cell(row=2, column=3, value=xlsx_text(comment))           # normal worksheet
        ws["C2"] = xlsx_text(comment)                                # normal worksheet
        cell = WriteOnlyCell(ws, value=xlsx_text(title))             # write-only worksheet

    Do not pass the portal's own formulas through it: they would become text.

CSV — ``csv_text(value)``
    A CSV file has no cell types, so a spreadsheet decides by the first character. As
    OWASP recommends, a string that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return (or their full-width forms) gets a leading single quote, which Excel
    and LibreOffice read as "this is text"; the ``csv`` module's quoting takes care of
    double quotes and separators. Non-strings come back unchanged::

        writer.writerow([csv_text(value) for value in row])
"""

from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.cell.rich_text import CellRichText
from openpyxl.utils.exceptions import IllegalCharacterError

# What a spreadsheet may read as the start of a formula (OWASP CSV injection), with the
# full-width forms some spreadsheets also accept.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value: object) -> object:
    """The value safe for a CSV cell: a formula-like string gets a leading single quote."""
    if is_formula_like(value):
        return "'" + value
    return value


def xlsx_text(value: object) -> object:
    """What to put into an openpyxl cell so a user's string is a string cell, shown as typed.

    Risky strings (formula-like, or an Excel error code such as ``#N/A``) become a
    one-run ``CellRichText`` that openpyxl writes as an inline string; everything else is
    returned unchanged, so plain text, numbers and dates keep their types.
    """
    if not isinstance(value, str) or isinstance(value, CellRichText):
        return value
    if not (is_formula_like(value) or value in ERROR_CODES):
        return value
    # openpyxl skips its own check for rich text; keep the file as valid as a plain string.
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise IllegalCharacterError(f"{value!r} cannot be used in worksheets.")
    return CellRichText(value)
