from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeStampedModel
from applications.models import Application


class GranteeProject(TimeStampedModel):
    """A winning application on its way to being implemented, with its award."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Being implemented")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="grantee_project"
    )
    award_kzt = models.PositiveBigIntegerField(_("award, ₸"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )

    class Meta:
        verbose_name = _("grantee project")
        verbose_name_plural = _("grantee projects")
        ordering = ["application__registration_number"]

    def __str__(self) -> str:
        return str(self.application)
