from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from competitions.models import Competition


class AuditEvent(models.Model):
    """An append-only record of what the commission process did; nothing edits it."""

    class Action(models.TextChoices):
        MEMBER_ADDED = "member_added", _("Expert added to the commission")
        ASSIGNED = "assigned", _("Application assigned")
        DECLARATION = "declaration", _("Declaration accepted")
        NO_CONFLICT = "no_conflict", _("No conflict declared")
        CONFLICT = "conflict", _("Conflict declared")
        DRAFT_VOIDED = "draft_voided", _("Draft voided by a conflict")
        REVIEW_SUBMITTED = "review_submitted", _("Review submitted")
        REVIEW_REOPENED = "review_reopened", _("Review reopened")
        DECIDED = "decided", _("Awards decided")
        PUBLISHED = "published", _("Results published")
        WITHDRAWN = "withdrawn", _("Winner withdrew; award offered to the reserve")
        FLAG_CONFIRMED = "flag_confirmed", _("Conflict flag confirmed; review voided")
        FLAG_DISMISSED = "flag_dismissed", _("Conflict flag dismissed")
        PROPOSED = "proposed", _("Award decision proposed")
        RETURNED = "returned", _("Award decision returned")
        APPEAL_LODGED = "appeal_lodged", _("Appeal lodged")
        APPEAL_ANSWERED = "appeal_answered", _("Appeal answered")

    competition = models.ForeignKey(
        Competition, on_delete=models.PROTECT, related_name="audit_events"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    application_id = models.PositiveBigIntegerField(_("application"), null=True, blank=True)
    expert_id = models.PositiveBigIntegerField(_("expert"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        # Append-only: a stored event is never rewritten.
        if self.pk is not None:
            raise ValueError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("audit events cannot be deleted")
