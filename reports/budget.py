"""Budget execution: plan, actual and remaining per line, section and total, summed by the
database in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth

from competitions.models import BudgetLine, Expense, GrantProject
from competitions.models.budget import Budget, project_budget
from mentoring.models import Disbursement


def _disbursements(project: GrantProject):
    """Payments to grantees that count as paid: only those the director approved."""
    return Disbursement.objects.approved().filter(
        project__application__competition__project=project
    )


def small_grant_paid_kzt(project: GrantProject) -> int:
    """What has been paid out to grantees under their small grants, in tenge.

    Counted as spent on the budget line marked ``includes_grantee_spending``: the
    money leaves the project's account when it is paid to a team, whatever the team
    then spends it on (that is in the grantee's own report).
    """
    return _disbursements(project).aggregate(total=Coalesce(Sum("amount_kzt"), 0))["total"]


def small_grant_paid_by_month(project: GrantProject) -> dict[date, int]:
    """Grantee disbursements per month (first day) for the spending chart."""
    return {
        month.date() if hasattr(month, "date") else month: total
        for month, total in _disbursements(project)
        .annotate(month=TruncMonth("paid_on"))
        .values("month")
        .annotate(total=Sum("amount_kzt"))
        .values_list("month", "total")
        .order_by("month")
    }


@dataclass
class LineExecution:
    line: BudgetLine
    actual_kzt: int

    @property
    def plan_kzt(self) -> int:
        return self.line.total_kzt

    @property
    def remaining_kzt(self) -> int:
        return self.plan_kzt - self.actual_kzt

    @property
    def overspent(self) -> bool:
        return self.actual_kzt > self.plan_kzt


@dataclass
class SectionExecution:
    section: BudgetLine.Section
    plan_kzt: int
    actual_kzt: int
    lines: list[LineExecution]

    @property
    def remaining_kzt(self) -> int:
        return self.plan_kzt - self.actual_kzt

    @property
    def overspent(self) -> bool:
        return self.actual_kzt > self.plan_kzt


@dataclass
class BudgetExecution:
    budget: Budget
    sections: list[SectionExecution]
    lines: list[LineExecution]
    plan_kzt: int
    actual_kzt: int
    spent_by_month: list[tuple[date, int]]

    @property
    def remaining_kzt(self) -> int:
        return self.plan_kzt - self.actual_kzt

    @property
    def overspent(self) -> bool:
        return self.actual_kzt > self.plan_kzt

    @property
    def overspent_lines(self) -> list[LineExecution]:
        return [line for line in self.lines if line.overspent]

    @property
    def spent_percent(self) -> int:
        return round(100 * self.actual_kzt / self.plan_kzt) if self.plan_kzt else 0


def budget_execution(project: GrantProject) -> BudgetExecution:
    """The смета with what was spent: expenses per line summed in the database, plus the
    grantees' small-grant spending on the line that includes it."""
    budget = project_budget(project)
    spent = (
        Expense.objects.filter(line=OuterRef("pk"))
        .values("line")
        .annotate(total=Sum("amount_kzt"))
        .values("total")
    )
    actual = dict(
        BudgetLine.objects.filter(project=project)
        .annotate(spent=Coalesce(Subquery(spent, output_field=IntegerField()), Value(0)))
        .values_list("pk", "spent")
    )
    grantees = small_grant_paid_kzt(project)
    lines = []
    for line in budget.lines:
        amount = int(actual.get(line.pk, 0))  # PostgreSQL sums bigints as numeric
        if line.includes_grantee_spending:
            amount += grantees
        lines.append(LineExecution(line=line, actual_kzt=amount))
    sections = []
    for total in budget.sections:
        members = [item for item in lines if item.line.section == total.section]
        sections.append(
            SectionExecution(
                section=total.section,
                plan_kzt=total.total_kzt,
                actual_kzt=sum(item.actual_kzt for item in members),
                lines=members,
            )
        )
    monthly = dict(
        Expense.objects.filter(line__project=project)
        .annotate(month=TruncMonth("spent_on"))
        .values_list("month")
        .annotate(total=Sum("amount_kzt"))
        .order_by("month")
    )
    for month, amount in small_grant_paid_by_month(project).items():
        monthly[month] = monthly.get(month, 0) + amount
    running, spent_by_month = 0, []
    for month in sorted(monthly):
        running += int(monthly[month])
        spent_by_month.append((month, running))
    return BudgetExecution(
        budget=budget,
        sections=sections,
        lines=lines,
        plan_kzt=budget.total_kzt,
        actual_kzt=sum(item.actual_kzt for item in lines),
        spent_by_month=spent_by_month,
    )
