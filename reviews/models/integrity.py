"""What keeps the commission's outcome defensible: resolved conflict flags, a decision
proposed by one person and approved by another, and the applicants' appeals."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeStampedModel
from applications.models import Application
from competitions.models import Competition
from reviews.models.commission import CommissionMember


class FlagResolution(TimeStampedModel):
    """Staff's or the chair's answer to a likely conflict (an expert and a team who may be
    related or neighbours). A flag with no resolution is open and blocks the decision."""

    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed: a conflict of interest")
        DISMISSED = "dismissed", _("Dismissed: no conflict")

    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="flag_resolutions"
    )
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="flag_resolutions"
    )
    member = models.ForeignKey(
        CommissionMember, on_delete=models.CASCADE, related_name="flag_resolutions"
    )
    reasons = models.CharField(_("why it was flagged"), max_length=40)
    outcome = models.CharField(_("resolution"), max_length=10, choices=Outcome.choices)
    note = models.TextField(_("reason"))
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    resolved_at = models.DateTimeField(_("resolved at"))

    class Meta:
        verbose_name = _("conflict flag resolution")
        verbose_name_plural = _("conflict flag resolutions")
        ordering = ["resolved_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "member"], name="flag_resolved_once"),
            models.CheckConstraint(condition=~Q(note=""), name="flag_resolution_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.application}: {self.get_outcome_display()}"


class AwardDecision(TimeStampedModel):
    """The competition's award decision: proposed by the chair (or staff when the
    commission has no chair), approved or returned by the director, never the same person."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, awaiting the director")
        RETURNED = "returned", _("Returned to the proposer")
        APPROVED = "approved", _("Approved")

    competition = models.OneToOneField(
        Competition, on_delete=models.CASCADE, related_name="award_decision"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    winners = models.JSONField(_("winners"), default=list)
    amounts = models.JSONField(_("awards, ₸"), default=dict)
    reason = models.TextField(_("reason for departing from the ranking"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed at"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    reviewed_at = models.DateTimeField(_("approved or returned at"), null=True, blank=True)
    return_reason = models.TextField(_("why it was returned"), blank=True)

    class Meta:
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        constraints = [
            # Four eyes: whoever approves or returns did not propose.
            models.CheckConstraint(
                condition=Q(reviewed_by__isnull=True) | ~Q(reviewed_by=models.F("proposed_by")),
                name="award_decision_four_eyes",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competition}: {self.get_status_display()}"


class AwardDecisionStep(models.Model):
    """One transition of the award decision: who, when, from, to, why."""

    decision = models.ForeignKey(AwardDecision, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(_("from"), max_length=10, blank=True)
    to_status = models.CharField(_("to"), max_length=10, choices=AwardDecision.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"))
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("award decision step")
        verbose_name_plural = _("award decision steps")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or '—'} → {self.to_status}"

    @property
    def from_label(self) -> str:
        return AwardDecision.Status(self.from_status).label if self.from_status else ""


APPEAL_EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def appeal_upload_to(instance, filename: str) -> str:
    # The stored name never comes from the applicant: the checked type names it.
    return f"appeals/{instance.application_id}/appeal.{instance.extension}"


class Appeal(TimeStampedModel):
    """A team lead's appeal against the published result, and the commission's answer."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting the commission's answer")
        UPHELD = "upheld", _("Upheld")
        REJECTED = "rejected", _("Rejected")

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="appeal")
    lodged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    lodged_at = models.DateTimeField(_("lodged at"))
    reason = models.TextField(_("grounds of the appeal"))
    file = models.FileField(_("supporting file"), upload_to=appeal_upload_to, blank=True)
    file_kind = models.CharField(_("file type"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    answer = models.TextField(_("the commission's answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["lodged_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="pending")
                | (~Q(answer="") & Q(answered_by__isnull=False) & Q(answered_at__isnull=False)),
                name="appeal_answer_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_status_display()}"

    @property
    def extension(self) -> str:
        return APPEAL_EXTENSIONS.get(self.file_kind, "bin")
