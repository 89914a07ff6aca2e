"""The report's budget sheets in the смета's own structure, with formulas for every total.

"Budget" lists the sections as the смета numbers them (1 administrative, 2 material-technical,
3 direct), each with its total on its own row, then the смета's subtotals above their lines
("Salaries, including", "Consumables and other materials, including", one per activity of
direct costs), the lines, the budget total and the 10 % rule. Each line holds numbers;
every subtotal and total is a formula over the rows it adds up (``=SUM(G4:G10)``,
``=G3+SUM(G11:G12)+G13``), so a reader who changes a line sees every total follow.
"Summary" reads its figures from the budget sheet's totals. An interim report's sheets
carry one more money column, what was spent in its period, beside what was spent up to its
end (``Columns``); every total adds up both.

openpyxl writes formulas without their results: Excel and LibreOffice compute them on
opening (the workbook asks for a full calculation on load); the tests compute them too and
compare with what the portal computes in the database.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import Workbook

from projects.models import BudgetLine
from reports.budget import BudgetExecution
from reports.builders.sheets import (
    NUMBER_FORMAT,
    SECTION_FILL,
    TENGE_FORMAT,
    Formula,
    Sheet,
    number,
)

PLAN = "G"


@dataclass(frozen=True)
class Columns:
    """The money columns: planned, spent in the period (an interim report's only), spent
    up to the period's end, remaining; then the funding source. Each summed column adds up
    its rows; remaining is planned minus spent."""

    period: bool = False

    @property
    def summed(self) -> list[str]:
        return ["G", "H", "I"] if self.period else ["G", "H"]

    @property
    def spent(self) -> str:
        return self.summed[-1]

    @property
    def remaining(self) -> str:
        return "J" if self.period else "I"

    @property
    def source(self) -> str:
        return "K" if self.period else "J"

    @property
    def money(self) -> dict[int, str]:
        return {index: TENGE_FORMAT for index in range(5, 7 + len(self.summed))}


@dataclass
class BudgetRows:
    """Where the budget sheet put its totals, for the summary's formulas."""

    sheet: Sheet
    columns: Columns = field(default_factory=Columns)
    sections: dict[str, int] = field(default_factory=dict)
    blocks: list[tuple[str, int]] = field(default_factory=list)
    total: int = 0
    support: int = 0
    grant: int = 0
    share: int = 0
    within: int = 0


def _quoted(text: str) -> str:
    """A string literal inside a formula."""
    return '"' + text.replace('"', '""') + '"'


def _criterion(text: str) -> str:
    """A SUMIFS criterion that matches ``text`` exactly: its wildcards escaped."""
    for wildcard in ("~", "*", "?"):
        text = text.replace(wildcard, "~" + wildcard)
    return _quoted(text)


def _span(column: str, first: int, last: int) -> str:
    return f"{column}{first}" if first == last else f"SUM({column}{first}:{column}{last})"


def _totals_row(columns: Columns, row: int, parts: list[str]) -> list:
    """The money cells of a total row: each summed column the sum of ``parts`` (each a
    template with ``{c}`` for the column), and the remaining as planned minus spent."""
    return [
        *(
            Formula("=" + "+".join(part.format(c=column) for part in parts)) if parts else 0
            for column in columns.summed
        ),
        Formula(f"={PLAN}{row}-{columns.spent}{row}"),
    ]


def budget_sheet(
    book: Workbook, execution: BudgetExecution, period: dict[int, int] | None = None
) -> BudgetRows:
    """``period``: what each line (by id) spent in an interim report's period, printed
    beside what it spent up to the period's end."""
    columns = Columns(period=period is not None)
    spent = [_("Spent")]
    if period is not None:
        spent = [_("Spent in the period"), _("Spent to the period's end")]
    wrap = {1, 2, 9 + len(spent) - 1, 10 + len(spent) - 1}
    sheet = Sheet(
        book,
        _("Budget"),
        [
            _("No."),
            _("Section"),
            _("Item"),
            _("Unit"),
            _("Quantity"),
            _("Unit cost"),
            _("Planned"),
            *spent,
            _("Remaining"),
            _("Funding source"),
            _("Justification"),
        ],
        [6, 20, 44, 10, 8, 12, 15, *[15] * len(spent), 15, 14, 40],
        wrap=frozenset(wrap),
    )
    rows = BudgetRows(sheet=sheet, columns=columns)
    money = columns.money
    section_parts = []
    for section in execution.printed_sections:
        label = str(section.section.label)
        # The section's row comes first and adds up what follows it: lay the rows out first.
        section_row = sheet.row + 1
        row, parts, layout = section_row, [], []
        for block in section.blocks:
            block_row = None
            if block.subtotal:
                row += 1
                block_row = row
                parts.append(f"{{c}}{block_row}")
            first, row = row + 1, row + len(block.lines)
            if block_row is None:
                parts.append(_span("{c}", first, row))
            layout.append((block, block_row, first, row))
        sheet.append(
            [
                None,
                label,
                f"{section.number}. {label}",
                None,
                None,
                None,
                *_totals_row(columns, section_row, parts),
            ],
            formats_=money,
            bold=True,
            fill=SECTION_FILL,
        )
        rows.sections[section.section.value] = section_row
        section_parts.append(f"{{c}}{section_row}")
        for block, block_row, first, last in layout:
            if block_row is not None:
                sheet.append(
                    [
                        None,
                        label,
                        f"{block.label}:" if block.group else block.label,
                        None,
                        None,
                        None,
                        *_totals_row(columns, block_row, [f"SUM({{c}}{first}:{{c}}{last})"]),
                    ],
                    formats_=money,
                    bold=True,
                )
                rows.blocks.append((block.label, block_row))
            for item in block.lines:
                line = item.line
                row = sheet.row + 1
                sheet.append(
                    [
                        line.position,
                        label,
                        line.name,
                        str(line.get_unit_display()),
                        number(line.quantity),
                        line.unit_cost_kzt,
                        line.total_kzt,
                        *([period.get(line.pk, 0)] if period is not None else []),
                        item.actual_kzt,
                        Formula(f"={PLAN}{row}-{columns.spent}{row}"),
                        str(line.get_funding_source_display()),
                        line.justification,
                    ],
                    formats_={4: NUMBER_FORMAT, **money},
                    indent={2} if block.subtotal else None,
                )
    rows.total = sheet.row + 1
    sheet.append(
        [
            None,
            None,
            _("Budget total"),
            None,
            None,
            None,
            *_totals_row(columns, rows.total, section_parts),
        ],
        formats_=money,
        bold=True,
        fill=SECTION_FILL,
    )
    _support_rows(sheet, rows, execution)
    return rows


def _support_rows(sheet: Sheet, rows: BudgetRows, execution: BudgetExecution) -> None:
    """The 10 % rule as formulas over the lines: grant-funded material-technical support and
    institutional development against the grant funds."""
    last = rows.total - 1
    grant = _criterion(str(BudgetLine.Source.GRANT.label))

    source = rows.columns.source

    def grant_sum(*conditions: str) -> str:
        return (
            f"SUMIFS({PLAN}$2:{PLAN}${last},{source}$2:{source}${last},{grant}"
            + "".join(f",B$2:B${last},{_criterion(value)}" for value in conditions)
            + ")"
        )

    support = [
        grant_sum(str(section.label))
        for section in (BudgetLine.Section.MATERIAL_TECHNICAL, BudgetLine.Section.INSTITUTIONAL)
    ]
    limit = int(execution.budget.support_limit_percent)
    rows.support = sheet.append(
        [
            None,
            None,
            _("Material-technical support and institutional development"),
            *[None] * 3,
            Formula("=" + "+".join(support)),
        ],
        formats_={6: TENGE_FORMAT},
    )
    rows.grant = sheet.append(
        [None, None, _("Grant funds"), *[None] * 3, Formula("=" + grant_sum())],
        formats_={6: TENGE_FORMAT},
    )
    rows.share = sheet.append(
        [
            None,
            None,
            _("Share of the grant, %"),
            *[None] * 3,
            Formula(
                f"=IF({PLAN}{rows.grant}=0,0,ROUND({PLAN}{rows.support}/{PLAN}{rows.grant}*100,2))"
            ),
        ],
        formats_={6: "0.00"},
    )
    rows.within = sheet.append(
        [
            None,
            None,
            _("Within the limit (at most %(limit)s %% of the grant)") % {"limit": limit},
            *[None] * 3,
            Formula(f"=IF({PLAN}{rows.share}<={limit},{_quoted(_('yes'))},{_quoted(_('no'))})"),
        ],
        bold=True,
    )


def summary_sheet(book: Workbook, execution: BudgetExecution, rows: BudgetRows) -> Sheet:
    """Every figure read from the budget sheet's totals: one place computes each number."""
    budget = rows.sheet.ref_prefix
    columns = rows.columns
    spent = [_("Spent")]
    if columns.period:
        spent = [_("Spent in the period"), _("Spent to the period's end")]
    summary = Sheet(
        book,
        _("Summary"),
        [_("Section"), _("Planned"), *spent, _("Remaining")],
        [48, 18, *[18] * len(spent), 18],
        autofilter=False,
        wrap=frozenset({0}),
    )
    # Summary columns B… mirror the budget sheet's summed columns G…; the last is remaining.
    letters = ["B", "C", "D", "E"][: len(columns.summed) + 1]
    remaining = f"={letters[0]}{{row}}-{letters[-2]}{{row}}"
    money = {index: TENGE_FORMAT for index in range(1, len(letters) + 1)}

    def figures(budget_row: int | None, row: int) -> list:
        if budget_row is None:  # a section without lines: the смета does not print it
            return [*[0] * len(columns.summed), Formula(remaining.format(row=row))]
        return [
            *(Formula(f"={budget}{column}{budget_row}") for column in columns.summed),
            Formula(remaining.format(row=row)),
        ]

    for section in execution.sections:
        row = summary.row + 1
        summary.append(
            [str(section.section.label), *figures(rows.sections.get(section.section.value), row)],
            formats_=money,
        )
    row = summary.row + 1
    summary.append([_("Budget total"), *figures(rows.total, row)], formats_=money, bold=True)
    summary.append(
        [
            _("Material-technical support and institutional development"),
            Formula(f"={budget}{PLAN}{rows.support}"),
        ],
        formats_={1: TENGE_FORMAT},
    )
    summary.append(
        [_("Share of the grant, %"), Formula(f"={budget}{PLAN}{rows.share}")],
        formats_={1: "0.00"},
    )
    summary.append(
        [
            _("Within the limit (at most %(limit)s %% of the grant)")
            % {"limit": int(execution.budget.support_limit_percent)},
            Formula(f"={budget}{PLAN}{rows.within}"),
        ]
    )
    return summary
