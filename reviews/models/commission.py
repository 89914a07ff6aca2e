"""The expert commission of a competition and who reviews which application."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from applications.models import Application
from competitions.models import Competition


class CommissionMember(models.Model):
    competition = models.ForeignKey(
        Competition,
        on_delete=models.CASCADE,
        related_name="commission",
        verbose_name=_("competition"),
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="commissions",
        verbose_name=_("expert"),
    )
    is_chair = models.BooleanField(_("chair of the commission"), default=False)
    # The confidentiality and conflict-of-interest declaration, accepted before
    # the expert may open any application.
    declaration_accepted_at = models.DateTimeField(
        _("declaration accepted at"), null=True, blank=True
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)
    reminded_on = models.DateField(_("last reminded on"), null=True, blank=True)

    class Meta:
        verbose_name = _("commission member")
        verbose_name_plural = _("commission members")
        ordering = ["competition", "added_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "expert"], name="commission_member_once"
            ),
            models.UniqueConstraint(
                fields=["competition"], condition=Q(is_chair=True), name="commission_one_chair"
            ),
        ]

    def __str__(self) -> str:
        return str(self.expert)


class Assignment(models.Model):
    """One expert asked to review one application, and their conflict-of-interest answer."""

    class Conflict(models.TextChoices):
        PENDING = "pending", _("Not declared yet")
        NONE = "none", _("No conflict")
        DECLARED = "declared", _("Conflict declared")

    class ConflictKind(models.TextChoices):
        KINSHIP = "kinship", _("Kinship with a team member")
        SAME_VILLAGE = "same_village", _("Lives in the same village")
        EMPLOYER = "employer", _("Employer or akimat ties")
        MENTOR = "mentor", _("Mentors the team")
        OTHER = "other", _("Other")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assignments"
    )
    member = models.ForeignKey(
        CommissionMember, on_delete=models.CASCADE, related_name="assignments"
    )
    conflict = models.CharField(
        _("conflict of interest"), max_length=10, choices=Conflict.choices, default=Conflict.PENDING
    )
    conflict_kind = models.CharField(
        _("kind of conflict"), max_length=15, choices=ConflictKind.choices, blank=True
    )
    conflict_note = models.TextField(_("note"), blank=True)
    declared_at = models.DateTimeField(_("declared at"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["application", "member"]
        constraints = [
            models.UniqueConstraint(fields=["application", "member"], name="assignment_once"),
            models.CheckConstraint(
                condition=~Q(conflict="declared") | ~Q(conflict_kind=""),
                name="assignment_conflict_has_kind",
            ),
        ]
        indexes = [
            # The few declared conflicts of a commission, found without reading each of its
            # tens of thousands of assignments (the commission page and assignment).
            models.Index(fields=["conflict", "member"], name="assignment_conflict_member"),
        ]

    def __str__(self) -> str:
        return f"{self.member} → {self.application}"
