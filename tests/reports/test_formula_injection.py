"""A user's text that looks like a formula reaches the spreadsheet as the text typed."""

import csv
import io
import re
from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

from applications.models import Application
from competitions.models import Criterion
from jastarurban.spreadsheet_safety import csv_text, xlsx_text
from projects.models import BudgetLine
from reports.builders import build_report

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(1)", "\t=1"]

# The only formulas the builders write: =SUM(G2:G9), =G5-H5, =G10+G15+G22.
# The portal's own formulas: cell references (on this sheet or a quoted other sheet), ranges,
# numbers, + - * / and comparisons, the functions the budget uses, and quoted labels.
PORTAL_FORMULA = re.compile(
    r"=(?:(?:'[^']+'!)?\$?[A-Z]\$?\d+|(?:SUM|SUMIFS|IF|ROUND)\(|\d+|[-+*/:,()=<>]|\"[^\"]*\")+"
)


def _cells(book):
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


def _assert_typed_as_text(content: bytes, expected: set[str]) -> None:
    """Every payload is in the file, and only as a string cell holding what was typed."""
    cells = list(_cells(load_workbook(BytesIO(content))))
    found = {cell.value for cell in cells if cell.value in expected and cell.data_type == "s"}
    assert found == expected
    foreign = [
        (cell.coordinate, cell.value)
        for cell in cells
        if cell.data_type == "f" and not PORTAL_FORMULA.fullmatch(cell.value)
    ]
    assert foreign == []


@pytest.fixture
def hostile_titles(full_demo):
    """Five applications, a criterion and a budget line carry the payloads."""
    project, _open = full_demo
    submitted = list(
        Application.objects.filter(
            competition__project=project, submitted_at__isnull=False
        ).order_by("pk")[: len(PAYLOADS)]
    )
    for application, payload in zip(submitted, PAYLOADS, strict=True):
        Application.objects.filter(pk=application.pk).update(title=payload)
    line = BudgetLine.objects.filter(project=project).order_by("position").first()
    BudgetLine.objects.filter(pk=line.pk).update(
        name_kk=PAYLOADS[0],
        name_ru=PAYLOADS[0],
        justification_kk=PAYLOADS[1],
        justification_ru=PAYLOADS[1],
    )
    return project


@pytest.mark.django_db
def test_the_applications_list_writes_formula_like_titles_as_text(hostile_titles):
    _assert_typed_as_text(
        build_report("applications", "xlsx", "kk", project=hostile_titles), set(PAYLOADS)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["final", "interim"])
def test_the_project_report_writes_formula_like_text_as_text_and_keeps_its_sums(
    hostile_titles, kind
):
    content = build_report(kind, "xlsx", "ru", project=hostile_titles)
    book = load_workbook(BytesIO(content))
    budget = book.worksheets[3]
    assert budget["B2"].value is not None
    line = next(row for row in budget.iter_rows(min_row=2) if row[2].value == PAYLOADS[0])
    # An interim budget has a "spent in the period" column before the notes.
    note = line[11] if kind == "interim" else line[10]
    assert (line[2].data_type, note.value, note.data_type) == ("s", "+1", "s")
    # The portal's own formulas stay formulas.
    formulas = [cell.value for cell in _cells(book) if cell.data_type == "f"]
    assert any(value.startswith("=SUM(G") for value in formulas)
    # Remaining = plan − spent up to the end (column I in an interim report, H in the final).
    spent = "-I" if kind == "interim" else "-H"
    assert any(value.startswith("=G") and spent in value for value in formulas)
    titles = {p for p in PAYLOADS} & {cell.value for cell in _cells(book)}
    assert titles  # the funded ones among them appear in the grantee and ranking sheets
    _assert_typed_as_text(content, titles | {PAYLOADS[0], PAYLOADS[1]})


@pytest.mark.django_db
def test_the_protocol_writes_formula_like_titles_and_criteria_as_text(hostile_titles):
    Criterion.objects.filter(pk=Criterion.objects.order_by("pk").first().pk).update(name="=1+1")
    content = build_report("protocol", "xlsx", "kk", project=hostile_titles)
    titles = {p for p in PAYLOADS} & {
        cell.value for cell in _cells(load_workbook(BytesIO(content)))
    }
    assert titles
    _assert_typed_as_text(content, titles)


@pytest.mark.parametrize("write_only", [True, False])
def test_xlsx_text_is_a_string_cell_in_normal_and_write_only_sheets(write_only):
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("x") if write_only else book.active
    sheet.append([xlsx_text(value) for value in [*PAYLOADS, "#N/A", "plain", 5]])
    if write_only:
        sheet.append([WriteOnlyCell(sheet, value=xlsx_text(value)) for value in PAYLOADS])
    else:
        for column, value in enumerate(PAYLOADS, start=1):
            sheet.cell(row=2, column=column, value=xlsx_text(value))
    sheet.append(["=SUM(1,2)"])
    out = BytesIO()
    book.save(out)
    read = load_workbook(BytesIO(out.getvalue())).worksheets[0]
    rows = [[(cell.value, cell.data_type) for cell in row] for row in read.iter_rows()]
    assert rows[0][:7] == [(value, "s") for value in [*PAYLOADS, "#N/A", "plain"]]
    assert rows[0][7] == (5, "n")
    assert rows[1][:5] == [(value, "s") for value in PAYLOADS]
    assert rows[2][0] == ("=SUM(1,2)", "f")


def test_csv_text_quotes_formula_like_strings_and_leaves_the_rest():
    out = io.StringIO()
    csv.writer(out).writerow([csv_text(v) for v in [*PAYLOADS, "\r=1", "＝1", "plain", 7, None]])
    row = next(csv.reader(io.StringIO(out.getvalue())))
    assert row == [
        "'" + '=HYPERLINK("http://x","y")',
        "'+1",
        "'-2+3",
        "'@SUM(1)",
        "'\t=1",
        "'\r=1",
        "'＝1",
        "plain",
        "7",
        "",
    ]
