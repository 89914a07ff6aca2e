"""The planned figures the operator judges the project by."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from competitions.models.projects import Activity, GrantProject


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
        TENGE = "tenge", _("₸")

    class Comparison(models.TextChoices):
        AT_LEAST = "at_least", _("at least")
        EXACTLY = "exactly", _("exactly")

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
    measurement = models.TextField(_("how it is measured"), blank=True)
    # The key of a computation in the reports app's registry (reports/indicators/sources.py);
    # competitions cannot import reports, so the registry validates it there.
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
        ]

    def __str__(self) -> str:
        return self.name
