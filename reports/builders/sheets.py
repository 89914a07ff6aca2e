"""Write-only worksheets as the operator prints and filters them: a frozen, repeated and
filtered header row, A4 landscape fitted to the page's width, and the portal's own formulas.

Every string a sheet receives is written as text, an inline string: a title typed as
``=HYPERLINK(...)`` or ``#N/A`` stays the characters typed. Only the portal's own formulas,
wrapped in ``Formula``, are written as formulas. The rows' XML is written here, not through
a cell object per value (``_SheetRows``); openpyxl writes the rest of the workbook.
"""

import re
from datetime import UTC, date, datetime, time
from decimal import Decimal
from io import BytesIO
from math import ceil
from weakref import WeakKeyDictionary
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TIME_FORMATS
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import xmlfile

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


_MISSING = object()
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


# What a text needs looked at: a character XML refuses, or one to escape. Most have none.
_SPECIAL = re.compile(f"{ILLEGAL_CHARACTERS_RE.pattern}|[&<>\r]")


def _text(value: str) -> str:
    if _SPECIAL.search(value) is None:
        return value
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise IllegalCharacterError(f"{value!r} cannot be used in worksheets.")
    return value.translate(_ESCAPES)


def _cell_xml(ref: str, value, styled: str, epoch) -> str:
    """One cell as the sheet's XML, the way openpyxl writes it, without a cell object;
    ``styled`` is its style's attribute (`` s="3"``) or "".

    Every ``str`` is an inline string (what was typed, never a formula or an error code);
    only a ``Formula`` becomes a formula. Numbers and dates are numbers, a date's format
    from its style. ``Sheet.append`` writes a non-empty text itself, the most of any
    sheet's cells, without calling this."""
    if value is None or value == "":
        return f'<c r="{ref}"{styled}/>' if styled else ""
    if isinstance(value, str):
        if isinstance(value, Formula):
            return f'<c r="{ref}"{styled}><f>{_text(value[1:])}</f><v></v></c>'
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{ref}"{styled} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{styled} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float, Decimal)):
        return f'<c r="{ref}"{styled} t="n"><v>{safe_string(value)}</v></c>'
    if isinstance(value, (date, time)):
        if isinstance(value, (datetime, time)) and value.tzinfo is not None:
            raise TypeError("Excel does not support timezones in datetimes.")
        return f'<c r="{ref}"{styled} t="n"><v>{safe_string(to_excel(value, epoch))}</v></c>'
    raise ValueError(f"Cannot convert {value!r} to Excel")


def _styled(style: int | None) -> str:
    return "" if style is None else f' s="{style}"'


class _RowWriter(WorksheetWriter):
    """openpyxl's writer of a write-only sheet, into a file object the rows are also
    written to: openpyxl writes what comes before and after the rows (views, columns,
    filter, page setup), ``Sheet.append`` the rows' XML itself."""

    def get_stream(self):
        with (
            open(self.out, "wb") as self.file,
            xmlfile(self.file) as xf,
            xf.element("worksheet", xmlns=SHEET_MAIN_NS),
        ):
            try:
                while True:
                    element = yield
                    if element is True:
                        yield xf
                    elif element is not None:
                        xf.write(element)
            except GeneratorExit:
                pass


class _SheetRows:
    """Stands in for the write-only sheet's row coroutine: opens ``<sheetData>`` and takes
    the rows' XML; openpyxl's ``close()`` on saving closes it and writes the rest.

    A cell object per value (openpyxl's ``append``) cost about 10 µs: 4 seconds of the
    list of 30 000 applications. The row's XML as text is a tenth of that."""

    def __init__(self, ws):
        ws._writer = _RowWriter(ws)
        ws._writer.write_top()
        ws._rows = self
        self.writer = ws._writer
        xf = self.writer.xf.send(True)
        self.element = xf.element("sheetData")
        self.element.__enter__()
        xf.flush()  # the start tag is out before any row is written beside lxml
        self.file = self.writer.file

    def write(self, row: str) -> None:
        self.file.write(row.encode())

    def close(self) -> None:
        self.element.__exit__(None, None, None)
        self.writer.xf.send(None)


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
        self._styles: dict[tuple, int | None] = {}
        self._row_style_cache: dict[tuple, list[str]] = {}
        self._wrap_rooms: dict[frozenset[int], list[tuple[int, int]]] = {}
        self._letters: list[str] = []
        self._epoch = book.epoch
        self._rows = _SheetRows(self.ws)
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
        wrap = self.wrap if wrap is None else wrap
        self.row += 1
        number = str(self.row)
        letters = self._letters
        while len(letters) < len(values):
            letters.append(get_column_letter(len(letters) + 1))
        styles = self._row_styles(len(values), formats_, bold, fill, indent, wrap)
        cells = []
        for index, value in enumerate(values):
            # The most of any sheet's cells, texts and whole numbers, are written here, an
            # f-string each (560 000 cells in the final report at 30 000 applications); the
            # rest by _cell_xml, to the same XML.
            kind = type(value)
            if kind is str and value:
                space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
                cells.append(
                    f'<c r="{letters[index]}{number}"{styles[index]} t="inlineStr">'
                    f"<is><t{space}>{_text(value)}</t></is></c>"
                )
                continue
            if kind is int:
                # safe_string's format, as _cell_xml writes any number.
                cells.append(
                    f'<c r="{letters[index]}{number}"{styles[index]} t="n"><v>{value:.16g}</v></c>'
                )
                continue
            styled = styles[index]
            if isinstance(value, (date, time)) and not (formats_ and formats_.get(index)):
                # What openpyxl gives a date written without a format: it stays a date.
                aligned = (index in wrap, 1 if indent and index in indent else 0)
                if not wrap and aligned == (False, 0):
                    aligned = None
                styled = _styled(self._style_id(TIME_FORMATS[type(value)], bold, fill, aligned))
            cells.append(_cell_xml(letters[index] + number, value, styled, self._epoch))
        lines = self._lines(values, wrap) if wrap else 1
        height = f' ht="{LINE_HEIGHT * lines}" customHeight="1"' if lines > 1 else ""
        self._rows.write(f'<row r="{number}"{height}>{"".join(cells)}</row>')
        return self.row

    def _row_styles(self, count, formats_, bold, fill, indent, wrap) -> list[str]:
        """Each column's style attribute for a row written with these options, worked out
        once per kind of row rather than per cell: 360 000 cells at 30 000 applications."""
        key = (
            count,
            tuple(formats_.items()) if formats_ else (),
            bold,
            fill,  # a fill hashes by its colours
            frozenset(indent) if indent else frozenset(),
            wrap,
        )
        styles = self._row_style_cache.get(key)
        if styles is not None:
            return styles
        plain_row = not bold and fill is None and not wrap and not indent
        styles = []
        for index in range(count):
            number_format = formats_.get(index) if formats_ else None
            if plain_row and number_format is None:
                styles.append("")
                continue
            # On a sheet with wrapped columns every cell is styled, to align each row's
            # cells at its top.
            aligned = (index in wrap, 1 if indent and index in indent else 0)
            if not wrap and aligned == (False, 0):
                aligned = None
            styles.append(_styled(self._style_id(number_format, bold, fill, aligned)))
        self._row_style_cache[key] = styles
        return styles

    def _style_id(self, number_format, bold, fill, aligned) -> int | None:
        """The workbook's index of a cell style, registered once per sheet and style."""
        key = (number_format, bold, fill, aligned)  # a fill hashes by its colours
        style = self._styles.get(key, _MISSING)
        if style is not _MISSING:
            return style
        cell = WriteOnlyCell(self.ws)
        if number_format:
            cell.number_format = number_format
        if bold:
            cell.font = BOLD
        if fill is not None:
            cell.fill = fill
        if aligned is not None:
            cell.alignment = ALIGNMENTS[aligned]
        style = self._styles[key] = cell.style_id if cell.has_style else None
        return style

    def _lines(self, values: list, wrap: frozenset[int]) -> int:
        """How many lines the row's wrapped texts take. A spreadsheet keeps a row's height
        as written (LibreOffice does not fit it on opening), so the height is estimated:
        a column's width counts characters of the default font; bold takes a little more."""
        lines = 1
        count = len(values)
        for index, room in self._rooms(wrap):
            if index >= count:
                continue
            value = values[index]
            if not isinstance(value, str) or isinstance(value, Formula):
                continue
            if len(value) * 1.1 <= room and "\n" not in value:
                continue  # one line: most cells, and the sum below is 60 000 rows' cost
            needed = sum(ceil(max(len(part), 1) * 1.1 / room) for part in value.split("\n"))
            lines = max(lines, needed)
        return lines

    def _rooms(self, wrap: frozenset[int]) -> list[tuple[int, int]]:
        """Each wrapped column with how many characters fit on a line of it."""
        rooms = self._wrap_rooms.get(wrap)
        if rooms is None:
            widths = self.widths
            rooms = self._wrap_rooms[wrap] = [
                (index, max(widths[index] - 1, 1) if index < len(widths) else 10)
                for index in sorted(wrap)
            ]
        return rooms

    def finish(self) -> None:
        if self.autofilter:
            self.ws.auto_filter.ref = f"A1:{get_column_letter(self.columns)}{self.row}"


def book_bytes(book: Workbook) -> bytes:
    """openpyxl's ``save``, compressed at zlib's fastest level rather than its default:
    at 30 000 applications the sheets' XML (20 MB for the list of applications, 42 MB for
    the final report) deflates in a third of the time (0.1 s, not 0.34) into a file a
    third larger (3.9 MB, not 2.9)."""
    for sheet in _SHEETS.pop(book, []):
        sheet.finish()
    out = BytesIO()
    book.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
    archive = ZipFile(out, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=1)
    ExcelWriter(book, archive).save()
    return out.getvalue()


def number(value):
    """Decimals as int when whole, float otherwise: Excel stores numbers, not text."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)
