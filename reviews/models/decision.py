from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from applications.models import Application


class Decision(models.Model):
    """The commission's outcome for one application, confirmed by staff."""

    class Outcome(models.TextChoices):
        AWARDED = "awarded", _("Awarded")
        RESERVE = "reserve", _("Reserve list")
        NOT_AWARDED = "not_awarded", _("Not awarded")
        WITHDRAWN = "withdrawn", _("Withdrew from the award")

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    reserve_position = models.PositiveSmallIntegerField(
        _("place on the reserve list"), null=True, blank=True
    )
    amount_kzt = models.PositiveBigIntegerField(_("award, ₸"), default=0)
    reason = models.TextField(_("reason for departing from the ranking"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["rank"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="awarded", amount_kzt__gt=0) | ~Q(outcome="awarded"),
                name="decision_award_has_amount",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_outcome_display()}"
