"""Budget execution: plan, actual and remaining per line, section and total, summed by the
database in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.db.models import IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.utils.translation import gettext as _

from mentoring.models import Disbursement
from projects.models import BudgetLine, GrantProject, ProjectExpense
from projects.models.budget import Budget, project_budget


def _dated(queryset, field: str, since: date | None, until: date | None):
    """Only the rows dated inside [since, until] (either end open when None)."""
    if since is not None:
        queryset = queryset.filter(**{f"{field}__gte": since})
    if until is not None:
        queryset = queryset.filter(**{f"{field}__lte": until})
    return queryset


def _disbursements(project: GrantProject, since: date | None = None, until: date | None = None):
    """Payments to grantees that count as paid: only those the director approved."""
    return _dated(
        Disbursement.objects.approved().filter(project__application__competition__project=project),
        "paid_on",
        since,
        until,
    )


def small_grant_paid_kzt(
    project: GrantProject, since: date | None = None, until: date | None = None
) -> int:
    """What has been paid out to grantees under their small grants, in tenge.

    Counted as spent on the budget line marked ``includes_grantee_spending``: the
    money leaves the project's account when it is paid to a team, whatever the team
    then spends it on (that is in the grantee's own report).
    """
    return _disbursements(project, since, until).aggregate(total=Coalesce(Sum("amount_kzt"), 0))[
        "total"
    ]


def small_grant_paid_by_month(
    project: GrantProject, since: date | None = None, until: date | None = None
) -> dict[date, int]:
    """Grantee disbursements per month (first day) for the spending chart."""
    return {
        month.date() if hasattr(month, "date") else month: total
        for month, total in _disbursements(project, since, until)
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
class BlockExecution:
    """Lines the смета prints together inside a section: a group with its subtotal
    ("Salaries, including"), an activity's direct costs with theirs, or (``label`` empty)
    lines listed on their own, without a subtotal."""

    label: str
    lines: list[LineExecution]
    activity: int | None = None
    group: str = ""

    @property
    def subtotal(self) -> bool:
        return bool(self.label)

    @property
    def plan_kzt(self) -> int:
        return sum(item.plan_kzt for item in self.lines)

    @property
    def actual_kzt(self) -> int:
        return sum(item.actual_kzt for item in self.lines)

    @property
    def remaining_kzt(self) -> int:
        return self.plan_kzt - self.actual_kzt

    @property
    def overspent(self) -> bool:
        return self.actual_kzt > self.plan_kzt


def budget_blocks(lines: list[LineExecution]) -> list[BlockExecution]:
    """A section's lines in the смета's structure: direct costs by activity, the others by
    group, each block where its first line stands; a block's lines stay together even when
    their positions interleave with another block's."""
    blocks: list[BlockExecution] = []
    keyed: dict[tuple, BlockExecution] = {}
    for item in lines:
        line = item.line
        if line.activity_id is not None:
            key = ("activity", line.activity.number)
        elif line.group:
            key = ("group", line.group)
        else:
            key = None
        if key is None:
            if not blocks or blocks[-1].subtotal:
                blocks.append(BlockExecution(label="", lines=[]))
            blocks[-1].lines.append(item)
            continue
        block = keyed.get(key)
        if block is None:
            if key[0] == "activity":
                label = _("Activity %(number)s. %(title)s") % {
                    "number": line.activity.number,
                    "title": line.activity.title,
                }
                block = BlockExecution(label=label, lines=[], activity=line.activity.number)
            else:
                group = BudgetLine.Group(line.group)
                block = BlockExecution(label=str(group.label), lines=[], group=group.value)
            keyed[key] = block
            blocks.append(block)
        block.lines.append(item)
    return blocks


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

    # The section's number as the смета prints it (1, 2, 3): only sections with lines count.
    number: int = 0

    @cached_property
    def blocks(self) -> list[BlockExecution]:
        return budget_blocks(self.lines)


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
    def printed_sections(self) -> list[SectionExecution]:
        """The sections the смета prints: those with lines (the form shows an empty section
        as one zero line, so a section it lists always has one)."""
        return [section for section in self.sections if section.lines]

    @property
    def overspent_lines(self) -> list[LineExecution]:
        return [line for line in self.lines if line.overspent]

    @property
    def spent_percent(self) -> int:
        return round(100 * self.actual_kzt / self.plan_kzt) if self.plan_kzt else 0


def budget_execution(
    project: GrantProject, *, since: date | None = None, until: date | None = None
) -> BudgetExecution:
    """The смета with what was spent: expenses per line summed in the database, plus the
    grantees' small-grant spending on the line that includes it. ``since`` and ``until``
    count only what was spent on those days (a report's period, or up to its end)."""
    budget = project_budget(project)
    spent = (
        _dated(ProjectExpense.objects.filter(line=OuterRef("pk")), "spent_on", since, until)
        .values("line")
        .annotate(total=Sum("amount_kzt"))
        .values("total")
    )
    actual = dict(
        BudgetLine.objects.filter(project=project)
        .annotate(spent=Coalesce(Subquery(spent, output_field=IntegerField()), Value(0)))
        .values_list("pk", "spent")
    )
    # The grantees' total is the sum of their months: one query fewer on every page that
    # shows the execution (the dashboard's budget is 15 queries with its charts cold).
    paid_by_month = small_grant_paid_by_month(project, since, until)
    grantees = int(sum(paid_by_month.values()))
    lines = []
    for line in budget.lines:
        amount = int(actual.get(line.pk, 0))  # PostgreSQL sums bigints as numeric
        if line.includes_grantee_spending:
            amount += grantees
        lines.append(LineExecution(line=line, actual_kzt=amount))
    sections, number = [], 0
    for total in budget.sections:
        members = [item for item in lines if item.line.section == total.section]
        number += bool(members)
        sections.append(
            SectionExecution(
                section=total.section,
                plan_kzt=total.total_kzt,
                actual_kzt=sum(item.actual_kzt for item in members),
                lines=members,
                number=number if members else 0,
            )
        )
    monthly = dict(
        _dated(ProjectExpense.objects.filter(line__project=project), "spent_on", since, until)
        .annotate(month=TruncMonth("spent_on"))
        .values_list("month")
        .annotate(total=Sum("amount_kzt"))
        .order_by("month")
    )
    for month, amount in paid_by_month.items():
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
