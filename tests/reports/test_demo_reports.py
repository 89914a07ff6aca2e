"""The demo's reports add up to the tenge: budget totals in the XLSX and the PDF."""

import shutil
import subprocess
from io import BytesIO

import pytest
from openpyxl import load_workbook

from reports.builders import build_report
from tests.conftest import require
from tests.reviews.helpers import demo_awarded_kzt
from tests.xlsx_formulas import computed

pytestmark = pytest.mark.django_db

TOTAL, ADMINISTRATIVE, DIRECT = 11_550_500, 3_100_270, 8_450_230


def pdf_text(content: bytes, tmp_path) -> str:
    require(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.replace("\xa0", " ")


@pytest.mark.parametrize("kind", ["interim", "final"])
def test_the_xlsx_budget_adds_up_to_the_demo_totals(full_demo, kind):
    book = load_workbook(BytesIO(build_report(kind, "xlsx", "kk", project=full_demo[0])))
    # One sheet per table, the event log and narratives, then the four annexes.
    assert len(book.sheetnames) == 13
    summary = book.worksheets[4]
    numbers = [computed(book, summary, f"B{row}") for row in range(2, 7)]
    assert numbers == [ADMINISTRATIVE, 0, 0, DIRECT, TOTAL]
    assert all(isinstance(value, int) for value in numbers)
    assert summary["B2"].value == "='Бюджет'!G2"

    budget = book.worksheets[3]
    assert budget.freeze_panes == "A2"
    rows = list(budget.iter_rows(min_row=2))
    lines = [row for row in rows if isinstance(row[0].value, int)]
    assert len(lines) == 20
    assert sum(row[6].value for row in lines) == TOTAL
    assert lines[0][6].number_format == '#,##0 "₸"'
    totals = [row for row in rows if row[0].value is None and str(row[6].value).startswith("=")]
    assert [computed(book, budget, row[6].coordinate) for row in totals][-5:] == [
        TOTAL,  # the budget total, then the 10 % rule: support, grant, share, within
        0,
        TOTAL,
        0,
        "иә",
    ]

    grantees = book.worksheets[5]
    rows = list(grantees.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 8  # the seven grantee projects and their total
    assert sum(row[4] for row in rows[:-1]) == demo_awarded_kzt()
    assert rows[-1][4] == "=SUM(E2:E8)"


@pytest.mark.parametrize("kind", ["interim", "final"])
def test_the_pdf_shows_the_demo_totals_in_kazakh_and_russian(full_demo, kind, tmp_path):
    text = pdf_text(build_report(kind, "pdf", "kk", project=full_demo[0]), tmp_path)
    for amount in ("11 550 500 ₸", "3 100 270 ₸", "8 450 230 ₸", "051140010597"):
        assert amount in text
    assert "Бюджеттің орындалуы" in text  # Kazakh letters survive the embedded font
    russian = pdf_text(build_report(kind, "pdf", "ru", project=full_demo[0]), tmp_path)
    assert "11 550 500 ₸" in russian
    assert "Исполнение бюджета" in russian
