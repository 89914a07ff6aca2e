"""Write-only worksheets as the operator prints and filters them: a frozen, repeated and
filtered header row, A4 landscape fitted to the page's width, and the portal's own formulas.

Every string a sheet receives is written as text (``xlsx_text``): a title typed as
``=HYPERLINK(...)`` stays the characters typed. Only the portal's own formulas, wrapped in
``Formula``, are written as formulas.
"""

from copy import copy
from io import BytesIO
from math import ceil
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

from jastarurban.spreadsheet_safety import xlsx_text

TENGE_FORMAT = '#,##0 "₸"'
NUMBER_FORMAT = "#,##0.##"
DATE_FORMAT = "dd.mm.yyyy"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F1F3F5")
SECTION_FILL = PatternFill("solid", fgColor="E9ECEF")
# Header cells and long texts wrap inside their column: a text running on into the empty
# cells beside it would widen what "fit to width" has to shrink onto the page.
ALIGNMENTS = {
    (wrap, indent): Alignment(wrap_text=wrap, indent=indent, vertical="top")
    for wrap in (False, True)
    for indent in (0, 1)
}

LINE_HEIGHT = 15  # points: a line of the default 11-point font

# The sheets of each workbook, so that saving it can give each its filter's final range:
# a write-only sheet writes its rows as they come, and its filter only when it is saved.
_SHEETS: "WeakKeyDictionary[Workbook, list[Sheet]]" = WeakKeyDictionary()


class Formula(str):
    """A formula the portal wrote itself (``=SUM(G2:G9)``); any other string is text."""


class Sheet:
    """A write-only worksheet that knows its row number, for formulas over its own rows.

    ``autofilter`` puts a filter on the header row over every row written (data sheets);
    a sheet of labels and values (the header, the summary) has none. ``wrap`` names the
    columns (0-based) whose long texts wrap: styled cells, so only on sheets of a few
    hundred rows, not on the list of every application.
    """

    def __init__(
        self,
        book: Workbook,
        title: str,
        header: list[str],
        widths: list[int],
        *,
        autofilter: bool = True,
        wrap: frozenset[int] = frozenset(),
    ):
        self.ws = book.create_sheet(title=title[:31])
        self.columns = len(header)
        self.autofilter = autofilter
        self.wrap = wrap
        self.widths = widths
        # Everything before the rows is written with the first row: views, columns and the
        # sheet's properties (fit to page) are set now.
        self.ws.freeze_panes = "A2"
        self.ws.print_title_rows = "1:1"
        self.ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
        self.ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.row = 0
        self._styles: dict[tuple, object] = {}
        _SHEETS.setdefault(book, []).append(self)
        self.append(header, bold=True, fill=HEADER_FILL, wrap=frozenset(range(len(header))))

    @property
    def ref_prefix(self) -> str:
        """How a formula on another sheet names this one: ``'Бюджет'!``."""
        return f"{quote_sheetname(self.ws.title)}!"

    def append(
        self,
        values: list,
        *,
        formats_: dict[int, str] | None = None,
        bold: bool = False,
        fill=None,
        indent: set[int] | None = None,
        wrap: frozenset[int] | None = None,
    ) -> int:
        cells = []
        wrap = self.wrap if wrap is None else wrap
        for index, value in enumerate(values):
            value = str(value) if isinstance(value, Formula) else xlsx_text(value)
            aligned = (index in wrap, 1 if indent and index in indent else 0)
            styled = bold or fill is not None or (formats_ and index in formats_)
            # On a sheet with wrapped columns every cell is styled, to align each row's
            # cells at its top; such sheets are a few hundred rows at most.
            if not styled and not wrap and aligned == (False, 0):
                # A plain value: a styled cell object for each of 360 000 cells was most
                # of the time of the 30 000-application file.
                cells.append(value)
                continue
            cells.append(
                self._cell(
                    value,
                    formats_.get(index) if formats_ else None,
                    bold,
                    fill,
                    aligned if wrap or aligned != (False, 0) else None,
                )
            )
        lines = self._lines(values, wrap)
        if lines > 1:
            self.ws.row_dimensions[self.row + 1].height = LINE_HEIGHT * lines
        self.ws.append(cells)
        self.row += 1
        return self.row

    def _cell(self, value, number_format, bold, fill, aligned) -> WriteOnlyCell:
        """A styled cell whose style is copied from the first cell of the same style: setting
        a number format, font or fill looks it up in the workbook's tables each time, a
        third of the cost of a long sheet's dates and sums."""
        cell = WriteOnlyCell(self.ws, value=value)
        key = (number_format, bold, fill, aligned)  # a fill hashes by its colours
        style = self._styles.get(key)
        if style is not None:
            cell._style = copy(style)
            return cell
        if number_format:
            cell.number_format = number_format
        if bold:
            cell.font = BOLD
        if fill is not None:
            cell.fill = fill
        if aligned is not None:
            cell.alignment = ALIGNMENTS[aligned]
        self._styles[key] = copy(cell._style)
        return cell

    def _lines(self, values: list, wrap: frozenset[int]) -> int:
        """How many lines the row's wrapped texts take. A spreadsheet keeps a row's height
        as written (LibreOffice does not fit it on opening), so the height is estimated:
        a column's width counts characters of the default font; bold takes a little more."""
        lines = 1
        for index in wrap:
            value = values[index] if index < len(values) else None
            if not isinstance(value, str) or isinstance(value, Formula):
                continue
            room = max(self.widths[index] - 1, 1) if index < len(self.widths) else 10
            needed = sum(ceil(max(len(part), 1) * 1.1 / room) for part in value.split("\n"))
            lines = max(lines, needed)
        return lines

    def finish(self) -> None:
        if self.autofilter:
            self.ws.auto_filter.ref = f"A1:{get_column_letter(self.columns)}{self.row}"


def book_bytes(book: Workbook) -> bytes:
    for sheet in _SHEETS.pop(book, []):
        sheet.finish()
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def number(value):
    """Decimals as int when whole, float otherwise: Excel stores numbers, not text."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)
