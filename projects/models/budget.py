"""The project's budget (смета): lines whose totals the database computes."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from jastarurban.money import line_total_field
from projects.models.passport import Activity, GrantProject

# The law on state grants caps material-technical support plus institutional
# development at 10 % of the grant.
SUPPORT_SHARE_LIMIT = Decimal("0.10")


def support_within_limit(*, support_kzt: int, grant_kzt: int) -> bool:
    """The 10 % rule: support and institutional development paid from the grant, against
    the grant. Read by the budget pages and enforced where staff enter a budget."""
    if not grant_kzt:
        return not support_kzt
    return Decimal(support_kzt) / Decimal(grant_kzt) <= SUPPORT_SHARE_LIMIT


class BudgetLine(models.Model):
    class Section(models.TextChoices):
        ADMINISTRATIVE = "administrative", _("Administrative costs")
        MATERIAL_TECHNICAL = "material_technical", _("Material-technical support")
        INSTITUTIONAL = "institutional", _("Institutional development")
        DIRECT = "direct", _("Direct costs")

    class Unit(models.TextChoices):
        MONTH = "month", _("month")
        SERVICE = "service", _("service")
        PERSON = "person", _("person")
        PIECE = "piece", _("piece")
        DAY = "day", _("day")

    class Source(models.TextChoices):
        GRANT = "grant", _("Grant funds")
        OWN = "own", _("Own contribution")

    class Group(models.TextChoices):
        """The смета's subtotals inside a section other than the activities of direct costs
        (which group by ``activity``): "Жалақы, соның ішінде" and "Шығын материалдары мен
        басқа да материалдар, соның ішінде"."""

        SALARIES = "salaries", _("Salaries, including")
        CONSUMABLES = "consumables", _("Consumables and other materials, including")

    project = models.ForeignKey(
        GrantProject,
        on_delete=models.CASCADE,
        related_name="budget_lines",
        verbose_name=_("project"),
    )
    position = models.PositiveSmallIntegerField(_("No."))
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_lines",
        verbose_name=_("activity"),
        help_text=_("Direct costs belong to an activity of the calendar plan."),
    )
    group = models.CharField(
        _("group"),
        max_length=20,
        choices=Group.choices,
        blank=True,
        help_text=_(
            "The subtotal of the section this line is counted in, as the budget form shows "
            "it; direct costs are subtotalled by activity."
        ),
    )
    name = models.CharField(_("item"), max_length=300)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("May be fractional, e.g. 0.5 of a day."),
    )
    unit_cost_kzt = models.PositiveBigIntegerField(_("unit cost, ₸"))
    total_kzt = line_total_field(_("total, ₸"))
    funding_source = models.CharField(
        _("funding source"), max_length=10, choices=Source.choices, default=Source.GRANT
    )
    justification = models.TextField(_("justification"), blank=True)
    includes_grantee_spending = models.BooleanField(
        _("includes the grantees' small-grant spending"),
        default=False,
        help_text=_("The small-grant line: what is paid out to grantees counts as spent here."),
    )

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["project", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "position"], name="budget_line_position_unique"
            ),
            # The official form shows an empty section as one zero line, so zero is allowed.
            models.CheckConstraint(
                condition=Q(quantity__gte=0), name="budget_line_quantity_not_negative"
            ),
            models.CheckConstraint(
                condition=(Q(section="direct") & Q(activity__isnull=False))
                | (~Q(section="direct") & Q(activity__isnull=True)),
                name="budget_line_activity_iff_direct",
            ),
        ]

    def __str__(self) -> str:
        return self.name


def expense_file_path(expense: "ProjectExpense", filename: str) -> str:
    return f"expenses/{expense.line.project_id}/{filename}"


class ProjectExpense(models.Model):
    """Money spent against a budget line, as the accountant books it with its document."""

    line = models.ForeignKey(
        BudgetLine, on_delete=models.PROTECT, related_name="expenses", verbose_name=_("budget line")
    )
    spent_on = models.DateField(_("date"))
    amount_kzt = models.PositiveBigIntegerField(_("amount, ₸"))
    document_number = models.CharField(_("document number"), max_length=60)
    file = models.FileField(_("document"), upload_to=expense_file_path, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["spent_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_kzt__gt=0), name="expense_amount_positive")
        ]
        indexes = [models.Index(fields=["line", "spent_on"])]

    def __str__(self) -> str:
        return f"{self.document_number}: {self.amount_kzt}"


@dataclass
class SectionTotal:
    section: BudgetLine.Section
    total_kzt: int
    lines: list[BudgetLine] = field(default_factory=list)


@dataclass
class Budget:
    """A project's budget with every subtotal the смета shows."""

    lines: list[BudgetLine]
    sections: list[SectionTotal]
    by_activity: dict[int, int]
    total_kzt: int
    grant_kzt: int
    own_kzt: int
    support_kzt: int

    @property
    def support_share(self) -> Decimal:
        if not self.grant_kzt:
            return Decimal(0)
        return Decimal(self.support_kzt) / Decimal(self.grant_kzt)

    @property
    def support_percent(self) -> Decimal:
        return self.support_share * 100

    @property
    def support_within_limit(self) -> bool:
        return support_within_limit(support_kzt=self.support_kzt, grant_kzt=self.grant_kzt)

    @property
    def support_limit_percent(self) -> Decimal:
        return SUPPORT_SHARE_LIMIT * 100


def _sum(**filters) -> Coalesce:
    return Coalesce(Sum("total_kzt", filter=Q(**filters) if filters else None), 0)


def project_budget(project: GrantProject) -> Budget:
    """Reads the budget in three queries whatever its size; the database adds it up."""
    lines = list(project.budget_lines.select_related("activity"))
    totals = BudgetLine.objects.filter(project=project).aggregate(
        total=_sum(),
        grant=_sum(funding_source=BudgetLine.Source.GRANT),
        own=_sum(funding_source=BudgetLine.Source.OWN),
        support=_sum(
            funding_source=BudgetLine.Source.GRANT,
            section__in=[BudgetLine.Section.MATERIAL_TECHNICAL, BudgetLine.Section.INSTITUTIONAL],
        ),
        **{f"section_{section}": _sum(section=section) for section in BudgetLine.Section.values},
    )
    by_activity = dict(
        BudgetLine.objects.filter(project=project, activity__isnull=False)
        .values_list("activity__number")
        .annotate(total=Sum("total_kzt"))
        .order_by("activity__number")
    )
    sections = [
        SectionTotal(
            section=BudgetLine.Section(section),
            total_kzt=totals[f"section_{section}"],
            lines=[line for line in lines if line.section == section],
        )
        for section in BudgetLine.Section.values
    ]
    return Budget(
        lines=lines,
        sections=sections,
        by_activity=by_activity,
        total_kzt=totals["total"],
        grant_kzt=totals["grant"],
        own_kzt=totals["own"],
        support_kzt=totals["support"],
    )
