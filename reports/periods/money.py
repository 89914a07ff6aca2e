"""A report's money: spent in the period and up to its end, by line, in the смета's own
structure (reports/budget.py lays it out; the period's figures sit beside it)."""

from dataclasses import dataclass

from projects.models import GrantProject
from reports.budget import BudgetExecution, LineExecution, budget_execution
from reports.periods import Period


@dataclass(frozen=True)
class MoneyRow:
    """One printed row: a section, a subtotal (group or activity), a line or the total."""

    role: str  # "section", "block", "line" or "total"
    label: str
    plan_kzt: int
    period_kzt: int
    cumulative_kzt: int
    number: str = ""

    @property
    def remaining_kzt(self) -> int:
        return self.plan_kzt - self.cumulative_kzt

    @property
    def overspent(self) -> bool:
        return self.cumulative_kzt > self.plan_kzt


@dataclass
class PeriodMoney:
    cumulative: BudgetExecution  # spent up to the period's end
    period: BudgetExecution  # spent inside the period
    by_line: dict[int, int]  # the period's spending per budget line

    def in_period(self, items: list[LineExecution]) -> int:
        return sum(self.by_line.get(item.line.pk, 0) for item in items)

    @property
    def rows(self) -> list[MoneyRow]:
        rows = []
        for section in self.cumulative.printed_sections:
            rows.append(
                MoneyRow(
                    "section",
                    f"{section.number}. {section.section.label}",
                    section.plan_kzt,
                    self.in_period(section.lines),
                    section.actual_kzt,
                )
            )
            for block in section.blocks:
                if block.subtotal:
                    rows.append(
                        MoneyRow(
                            "block",
                            f"{block.label}:" if block.group else block.label,
                            block.plan_kzt,
                            self.in_period(block.lines),
                            block.actual_kzt,
                        )
                    )
                rows.extend(
                    MoneyRow(
                        "line",
                        item.line.name,
                        item.plan_kzt,
                        self.by_line.get(item.line.pk, 0),
                        item.actual_kzt,
                        number=str(item.line.position),
                    )
                    for item in block.lines
                )
        rows.append(
            MoneyRow(
                "total",
                "",
                self.cumulative.plan_kzt,
                self.period.actual_kzt,
                self.cumulative.actual_kzt,
            )
        )
        return rows


def period_money(project: GrantProject, period: Period) -> PeriodMoney:
    cumulative = budget_execution(project, until=period.until)
    spent = budget_execution(project, since=period.start, until=period.until)
    return PeriodMoney(
        cumulative=cumulative,
        period=spent,
        by_line={item.line.pk: item.actual_kzt for item in spent.lines},
    )
