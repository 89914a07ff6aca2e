"""The budget as the смета prints it: numbered sections, "Salaries, including" and
"Consumables, including", per-activity subtotals of direct costs, plan, spent and
remaining, and the 10 % rule, in the execution, the XLSX (numbers and formulas), the PDF
and the budget page; and the XLSX sheets' filters and print setup."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import translation
from openpyxl import load_workbook

from jastarurban.money import format_tenge
from projects.models import BudgetLine, GrantProject
from reports.budget import budget_execution
from reports.builders import build_report
from tests.factories import ActivityFactory, BudgetLineFactory, GrantProjectFactory
from tests.pdf_checks import text
from tests.xlsx_formulas import computed

pytestmark = pytest.mark.django_db

# The смета of the source document (demo/source.py), to the tenge.
SALARIES, CONSUMABLES = 3_052_270, 10_000
ACTIVITIES = {1: 7_000_000, 2: 751_000, 3: 394_230, 4: 305_000}
ADMINISTRATIVE, MATERIAL, DIRECT, TOTAL = 3_100_270, 0, 8_450_230, 11_550_500
WORDS = {
    "kk": ("Жалақы, соның ішінде", "Шығын материалдары мен басқа да материалдар, соның ішінде"),
    "ru": ("Заработная плата, в том числе", "Расходные и прочие материалы, в том числе"),
}


def demo_project() -> GrantProject:
    return GrantProject.objects.get(slug="jastarurban")


def test_the_execution_has_the_smetas_sections_groups_and_activity_subtotals(demo):
    execution = budget_execution(demo_project())
    printed = execution.printed_sections
    assert [(s.number, s.section, s.plan_kzt) for s in printed] == [
        (1, BudgetLine.Section.ADMINISTRATIVE, ADMINISTRATIVE),
        (2, BudgetLine.Section.MATERIAL_TECHNICAL, MATERIAL),
        (3, BudgetLine.Section.DIRECT, DIRECT),
    ]  # institutional development has no line in the смета, so it is not printed
    administrative, _material, direct = printed
    blocks = [(b.group, b.plan_kzt, len(b.lines)) for b in administrative.blocks]
    # Salaries and contributions, then bank and post on their own, then consumables.
    assert blocks == [("salaries", SALARIES, 7), ("", 38_000, 2), ("consumables", CONSUMABLES, 1)]
    assert {b.activity: b.plan_kzt for b in direct.blocks} == ACTIVITIES
    assert all(block.subtotal for block in direct.blocks)
    # Each subtotal's spent and remaining add up from its lines.
    for block in administrative.blocks + direct.blocks:
        assert block.actual_kzt == sum(item.actual_kzt for item in block.lines)
        assert block.remaining_kzt == block.plan_kzt - block.actual_kzt
    assert sum(b.plan_kzt for b in administrative.blocks) == administrative.plan_kzt


def test_a_groups_lines_stay_together_when_their_positions_interleave(db):
    project = GrantProjectFactory()
    first, second = (
        ActivityFactory(project=project, number=1),
        ActivityFactory(project=project, number=2),
    )
    direct = BudgetLine.Section.DIRECT
    for position, activity, cost in [(1, first, 100), (2, second, 20), (3, first, 3)]:
        BudgetLineFactory(
            project=project,
            position=position,
            section=direct,
            activity=activity,
            quantity=1,
            unit_cost_kzt=cost,
        )
    salaries = BudgetLine.Group.SALARIES
    for position, group, cost in [(4, salaries, 1000), (5, "", 50), (6, salaries, 7)]:
        BudgetLineFactory(
            project=project, position=position, group=group, quantity=1, unit_cost_kzt=cost
        )
    sections = {s.section: s for s in budget_execution(project).printed_sections}
    assert [
        ([item.line.position for item in b.lines], b.plan_kzt) for b in sections[direct].blocks
    ] == [([1, 3], 103), ([2], 20)]
    administrative = sections[BudgetLine.Section.ADMINISTRATIVE].blocks
    assert [([item.line.position for item in b.lines], b.plan_kzt) for b in administrative] == [
        ([4, 6], 1007),
        ([5], 50),
    ]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_xlsx_budget_sheet_has_the_smetas_subtotals_as_formulas_and_numbers(demo, language):
    execution = budget_execution(demo_project())
    book = load_workbook(BytesIO(build_report("final", "xlsx", language, project=demo_project())))
    budget = book.worksheets[3]
    rows = {row[2].value: row for row in budget.iter_rows(min_row=2) if row[0].value is None}
    salaries, consumables = WORDS[language]

    def shown(label_start: str, column: int = 6):
        [row] = [row for label, row in rows.items() if label.startswith(label_start)]
        return row[column].value, computed(book, budget, row[column].coordinate)

    # The group's subtotal: a SUM over its seven lines, and 3 052 270 ₸ once computed.
    formula, value = shown(salaries)
    assert formula.startswith("=SUM(G") and value == SALARIES
    assert shown(consumables)[1] == CONSUMABLES
    for number, plan in ACTIVITIES.items():
        label = f"{number}-іс-шара." if language == "kk" else f"Мероприятие {number}."
        formula, value = shown(label)
        assert formula.startswith("=SUM(G") and value == plan
    # Sections: numbered as in the смета, and each adds up its subtotals and lines.
    sections = {s.section: s for s in execution.printed_sections}
    for section in sections.values():
        formula, value = shown(f"{section.number}. ")
        assert formula.startswith("=G") or formula.startswith("=SUM(")
        assert value == section.plan_kzt
        assert shown(f"{section.number}. ", 7)[1] == section.actual_kzt
        assert shown(f"{section.number}. ", 8)[1] == section.remaining_kzt
    administrative = shown("1. ")[0]
    assert administrative.count("+") == 2  # salaries + bank and post + consumables
    total_label = "Бюджеттің жалпы сомасы" if language == "kk" else "Общая сумма бюджета"
    assert shown(total_label)[1] == execution.plan_kzt == TOTAL
    assert shown(total_label, 7)[1] == execution.actual_kzt
    assert shown(total_label, 8)[1] == execution.remaining_kzt

    # Every line keeps its plan and spending as numbers, and its remaining as a formula.
    lines = [row for row in budget.iter_rows(min_row=2) if isinstance(row[0].value, int)]
    items = [item for s in sections.values() for block in s.blocks for item in block.lines]
    for row, item in zip(lines, items, strict=True):
        assert (row[0].value, row[6].value, row[7].value) == (
            item.line.position,
            item.plan_kzt,
            item.actual_kzt,
        )
        assert row[8].value == f"=G{row[0].row}-H{row[0].row}"

    # The summary reads its figures from the budget sheet.
    summary = book.worksheets[4]
    for row, section in zip(range(2, 6), execution.sections, strict=True):
        assert computed(book, summary, f"B{row}") == section.plan_kzt
        assert computed(book, summary, f"C{row}") == section.actual_kzt
        assert computed(book, summary, f"D{row}") == section.remaining_kzt
    assert computed(book, summary, "B6") == TOTAL
    assert computed(book, summary, "B8") == round(execution.budget.support_percent, 2)


def test_the_ten_percent_rule_formula_finds_a_breach(db):
    project = GrantProjectFactory()
    BudgetLineFactory(project=project, position=1, quantity=1, unit_cost_kzt=800_000)
    BudgetLineFactory(
        project=project,
        position=2,
        section=BudgetLine.Section.MATERIAL_TECHNICAL,
        quantity=1,
        unit_cost_kzt=150_000,
    )
    BudgetLineFactory(  # own money does not count against the grant's 10 %
        project=project,
        position=3,
        section=BudgetLine.Section.INSTITUTIONAL,
        quantity=1,
        unit_cost_kzt=500_000,
        funding_source=BudgetLine.Source.OWN,
    )
    from reports.builders.budget_sheet import budget_sheet
    from reports.builders.sheets import book_bytes

    execution = budget_execution(project)
    assert not execution.budget.support_within_limit
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    with translation.override("en"):
        rows = budget_sheet(book, execution)
    loaded = load_workbook(BytesIO(book_bytes(book)))
    sheet = loaded.worksheets[0]
    assert computed(loaded, sheet, f"G{rows.support}") == execution.budget.support_kzt == 150_000
    assert computed(loaded, sheet, f"G{rows.grant}") == execution.budget.grant_kzt == 950_000
    assert computed(loaded, sheet, f"G{rows.share}") == Decimal("15.79")
    assert computed(loaded, sheet, f"G{rows.within}") == "no"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_pdf_budget_table_prints_the_smetas_subtotals(demo, language, tmp_path):
    printed = text(build_report("final", "pdf", language, project=demo_project()), tmp_path)
    salaries, consumables = WORDS[language]
    assert salaries in printed
    assert consumables.split()[0] in printed
    for amount in (SALARIES, *ACTIVITIES.values(), ADMINISTRATIVE, DIRECT, TOTAL):
        assert f"{amount:,} ₸".replace(",", " ") in printed
    assert "3. " in printed and ("Тікелей шығыстар" in printed or "Прямые расходы" in printed)


def test_the_budget_page_shows_the_subtotals(demo, client, staff):
    client.force_login(staff)
    page = client.get("/projects/jastarurban/reports/budget/").content.decode()
    for block, plan in [("salaries", SALARIES), ("consumables", CONSUMABLES)] + [
        (f"activity-{number}", plan) for number, plan in ACTIVITIES.items()
    ]:
        amount = format_tenge(plan)
        assert f'data-block="{block}" data-label="' in page
        assert amount in page.split(f'data-block="{block}"')[1].split("</td>")[0]


SHEETS_WITH_FILTERS = {
    # Header, indicators, plan, budget, summary, grantees, applications, event log, narrative,
    # then the annexes: publications, photos, register of documents, participants.
    "final": [False, True, True, True, False, True, True, True, True, True, True, True, True],
    "applications": [True],
    "protocol": [True],
}


@pytest.mark.parametrize("kind", SHEETS_WITH_FILTERS)
def test_every_sheet_prints_landscape_fitted_to_width_with_its_header_repeated(full_demo, kind):
    book = load_workbook(BytesIO(build_report(kind, "xlsx", "ru", project=demo_project())))
    filters = []
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (setup.orientation, str(setup.paperSize)) == ("landscape", sheet.PAPERSIZE_A4)
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.freeze_panes == "A2"
        ref = sheet.auto_filter.ref
        filters.append(bool(ref))
        if ref:  # over the whole table: every column of the header, every row written
            assert ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    assert filters == SHEETS_WITH_FILTERS[kind]
    if kind == "final":
        # Long texts wrap inside their columns, in rows as high as their lines, so that
        # fitting the width does not shrink the page to fit text running on to the right.
        budget = book.worksheets[3]
        director = next(row for row in budget.iter_rows(min_row=2) if row[0].value == 1)
        assert director[10].alignment.wrap_text and director[2].alignment.indent == 1
        assert budget.row_dimensions[director[0].row].height >= 30
        header = [cell.alignment.wrap_text for cell in budget[1]]
        assert all(header)


def test_the_applications_sheet_stays_write_only_and_filtered(demo, monkeypatch):
    """The list of every application streams (issue 16): write-only, and still filtered."""
    from openpyxl import Workbook

    modes = []
    original = Workbook.__init__

    def spy(self, write_only=False, iso_dates=False):
        modes.append(write_only)
        original(self, write_only=write_only, iso_dates=iso_dates)

    monkeypatch.setattr(Workbook, "__init__", spy)
    content = build_report("applications", "xlsx", "kk", project=demo_project())
    monkeypatch.undo()
    assert modes == [True]
    book = load_workbook(BytesIO(content))
    assert book.worksheets[0].auto_filter.ref.startswith("A1:L")
