from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeletionRequest(models.Model):
    """A person asked for their personal data to be deleted (Law of the Republic of
    Kazakhstan "On personal data and their protection"). Kept so staff see who asked,
    when, and what was done; the person's account may be gone by then."""

    class Outcome(models.TextChoices):
        ACCOUNT_DELETED = "account_deleted", _("Drafts and the account deleted")
        AWAITS_RETENTION = (
            "awaits_retention",
            _("Drafts deleted; submitted applications anonymised after the retention period"),
        )

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deletion_requests",
        verbose_name=_("person"),
    )
    requested_at = models.DateTimeField(_("requested at"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    drafts_deleted = models.PositiveIntegerField(_("drafts deleted"), default=0)
    anonymise_after = models.DateField(_("anonymised after"), null=True, blank=True)

    class Meta:
        verbose_name = _("personal data deletion request")
        verbose_name_plural = _("personal data deletion requests")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.user or _('deleted account')} · {self.requested_at:%d.%m.%Y}"
