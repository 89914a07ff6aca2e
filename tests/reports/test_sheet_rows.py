"""The report sheets write their rows' XML themselves (reports/builders/sheets.py): read
back, a cell holds what openpyxl's own cell objects would have written."""

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from reports.builders.sheets import (
    DATE_FORMAT,
    HEADER_FILL,
    TENGE_FORMAT,
    Formula,
    Sheet,
    book_bytes,
)

TEXTS = [" padded ", "a & <b> > c", '=HYPERLINK("http://x","y")', "#N/A", "two\nlines", "Ақжігіт"]


def _read(build) -> list:
    book = Workbook(write_only=True)
    build(book)
    return load_workbook(BytesIO(book_bytes(book))).worksheets


def test_values_keep_their_types_and_text_stays_text():
    def build(book):
        sheet = Sheet(book, "Rows", ["Text", "Number", "Date", "Sum"], [20, 10, 12, 10])
        sheet.append(TEXTS)
        sheet.append(
            [7, 2.5, Decimal("1500000"), True, None, "", datetime(2025, 8, 1, 9, 30)],
            formats_={2: TENGE_FORMAT},
        )
        sheet.append([date(2025, 8, 1), date(2025, 8, 2)], formats_={0: DATE_FORMAT})
        sheet.append([None, Formula("=SUM(B3:C3)")], bold=True, fill=HEADER_FILL)

    (sheet,) = _read(build)
    rows = list(sheet.iter_rows(min_row=2))
    assert [(cell.value, cell.data_type) for cell in rows[0][:6]] == [(text, "s") for text in TEXTS]
    numbers = rows[1]
    assert [cell.value for cell in numbers[:4]] == [7, 2.5, 1500000, True]
    assert numbers[2].number_format == TENGE_FORMAT and numbers[3].data_type == "b"
    assert numbers[4].value is None and numbers[5].value is None
    assert numbers[6].value == datetime(2025, 8, 1, 9, 30) and numbers[6].is_date
    dates = rows[2]
    assert [cell.value for cell in dates[:2]] == [datetime(2025, 8, 1), datetime(2025, 8, 2)]
    # A date without a format is still a date (openpyxl's default format), not a number.
    assert dates[0].number_format == DATE_FORMAT and dates[1].is_date
    total = rows[3]
    assert total[1].value == "=SUM(B3:C3)" and total[1].data_type == "f"
    # A styled row styles its empty cells too: the fill runs across the row.
    assert total[0].font.b and total[0].fill.fgColor.rgb.endswith("F1F3F5")
    assert sheet.auto_filter.ref == "A1:D5" and sheet.freeze_panes == "A2"


def test_wrapped_columns_align_at_the_top_and_the_row_grows():
    def build(book):
        sheet = Sheet(book, "Wrap", ["No.", "Text"], [6, 10], wrap=frozenset({1}))
        sheet.append([1, "a long text that takes several lines in a narrow column"])

    (sheet,) = _read(build)
    number, text = sheet[2]
    assert text.alignment.wrap_text and text.alignment.vertical == "top"
    assert number.alignment.vertical == "top" and not number.alignment.wrap_text
    assert sheet.row_dimensions[2].height > 15


def test_a_control_character_is_refused_as_openpyxl_refuses_it():
    book = Workbook(write_only=True)
    sheet = Sheet(book, "Bad", ["Text"], [10])
    with pytest.raises(IllegalCharacterError):
        sheet.append(["bell \x07"])
