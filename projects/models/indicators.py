"""The planned figures the operator judges the project by."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from jastarurban.charts import plain
from jastarurban.money import format_tenge
from projects.models.passport import Activity, GrantProject


class IndicatorQuerySet(models.QuerySet):
    def by_source(self, project: GrantProject | int) -> dict[str, "Indicator"]:
        """The project's computed indicators keyed by their source, in one query: the pages
        of an activity show each figure against the target its indicator row holds, so
        no page types a target of its own. The first indicator (by position) wins when
        two share a source."""
        found: dict[str, Indicator] = {}
        for indicator in self.filter(project=project).exclude(source="").order_by("position"):
            found.setdefault(indicator.source, indicator)
        return found


class Indicator(models.Model):
    class Kind(models.TextChoices):
        QUANTITATIVE = "quantitative", _("Quantitative")
        QUALITATIVE = "qualitative", _("Qualitative")

    class Unit(models.TextChoices):
        COUNT = "count", _("items")
        PEOPLE = "people", _("people")
        PERCENT = "percent", _("%")
        VIEWS = "views", _("views")
        DAYS = "days", _("days")
        SECONDS = "seconds", _("seconds")
        TENGE = "tenge", _("₸")

    class Comparison(models.TextChoices):
        AT_LEAST = "at_least", _("at least")
        EXACTLY = "exactly", _("exactly")
        # "The average length of a video: 1–2 minutes": from target to target_max.
        BETWEEN = "between", _("between")

    project = models.ForeignKey(
        GrantProject, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("project")
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("activity")
    )
    position = models.PositiveSmallIntegerField(_("No."))
    code = models.SlugField(_("code"), max_length=60)
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    comparison = models.CharField(
        _("target means"), max_length=10, choices=Comparison.choices, default=Comparison.AT_LEAST
    )
    target_max = models.DecimalField(
        _("upper bound of the target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Only for a target that is a range, such as 60–120 seconds."),
    )
    measurement = models.TextField(_("how it is measured"), blank=True)
    # The key of a computation in the reports app's registry (reports/indicators/registry.py);
    # competitions cannot import reports, so reports validates it: a system check
    # (reports.E001) and the admin's choices (reports/admin.py).
    source = models.CharField(
        _("computed by"),
        max_length=60,
        blank=True,
        help_text=_("How the portal computes the actual value from its own data."),
    )
    manual_value = models.DecimalField(
        _("value entered by hand"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    manual_evidence = models.FileField(_("evidence"), upload_to="indicators/evidence/", blank=True)
    manual_entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    manual_entered_at = models.DateTimeField(_("entered at"), null=True, blank=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["project", "position"]
        constraints = [
            models.UniqueConstraint(fields=["project", "code"], name="indicator_code_unique"),
            models.CheckConstraint(
                condition=models.Q(target__gte=0), name="indicator_target_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(manual_value__isnull=True) | models.Q(source=""),
                name="indicator_computed_or_manual",
            ),
            models.CheckConstraint(
                condition=~models.Q(unit="percent") | models.Q(target__lte=100),
                name="indicator_percent_at_most_100",
            ),
            # A range has an upper bound not below its lower one; no other target has one.
            models.CheckConstraint(
                condition=(
                    models.Q(comparison="between", target_max__gte=models.F("target"))
                    | (~models.Q(comparison="between") & models.Q(target_max__isnull=True))
                ),
                name="indicator_range_has_upper_bound",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.comparison == self.Comparison.BETWEEN:
            if self.target_max is None or (
                self.target is not None and self.target_max < self.target
            ):
                raise ValidationError(
                    {"target_max": _("A range needs an upper bound not below the target.")}
                )
        elif self.target_max is not None:
            raise ValidationError(
                {"target_max": _("Only a target that is a range has an upper bound.")}
            )

    def is_met_by(self, actual: Decimal) -> bool:
        if self.comparison == self.Comparison.EXACTLY:
            return actual == self.target
        if self.comparison == self.Comparison.BETWEEN:
            return self.target <= actual <= self.target_max
        return actual >= self.target

    def amount_display(self, value: Decimal | None) -> str:
        """A value in this indicator's unit: "7 000 000 ₸", "42,5 %", "31 758", "—"."""
        if value is None:
            return "—"
        if self.unit == self.Unit.TENGE:
            return format_tenge(value)
        if self.unit == self.Unit.PERCENT:
            return f"{plain(value)}\xa0%"
        return plain(value)

    def target_display(self) -> str:
        """ "кемінде 30 дана", "7 000 000 ₸", "60–120 секунд": an exact target is just the
        amount."""
        amount = self.amount_display(self.target)
        if self.comparison == self.Comparison.BETWEEN:
            amount = f"{amount}–{self.amount_display(self.target_max)}"
        if self.unit not in (self.Unit.TENGE, self.Unit.PERCENT):
            amount = f"{amount}\xa0{self.get_unit_display()}"
        if self.comparison == self.Comparison.AT_LEAST:
            return f"{self.get_comparison_display()} {amount}"
        return amount
