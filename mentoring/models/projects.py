from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeStampedModel
from applications.models import Application, BudgetItem
from jastarurban.files import PrivatePath


class GranteeProject(TimeStampedModel):
    """A winning application on its way to being implemented, with its award."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Being implemented")
        COMPLETED = "completed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Outcome(models.TextChoices):
        SUCCESS = "success", _("Completed successfully")
        PARTIAL = "partial", _("Completed partially")
        FAILED = "failed", _("Not completed")

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="grantee_project"
    )
    award_kzt = models.PositiveBigIntegerField(_("award, ₸"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mentored_projects",
        verbose_name=_("mentor"),
    )
    mentor_assigned_at = models.DateTimeField(_("mentor assigned at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("conclusion"), blank=True)
    final_report = models.FileField(
        _("final report"), upload_to=PrivatePath("grantees/final"), blank=True
    )
    final_report_type = models.CharField(max_length=100, blank=True)
    completed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )

    class Meta:
        verbose_name = _("grantee project")
        verbose_name_plural = _("grantee projects")
        ordering = ["application__registration_number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="completed", outcome__gt="") | ~Q(status="completed"),
                name="grantee_project_closed_with_outcome",
            )
        ]

    def __str__(self) -> str:
        return str(self.application)

    @property
    def title(self) -> str:
        return self.application.title

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def milestones_all_done(self) -> bool:
        """Every milestone of the work plan is done (reads prefetched milestones)."""
        milestones = list(self.milestones.all())
        return bool(milestones) and all(milestone.done_on for milestone in milestones)


class ProjectBudgetLine(models.Model):
    """A line of the grantee's approved budget; starts as the application's line."""

    project = models.ForeignKey(
        GranteeProject, on_delete=models.CASCADE, related_name="budget_lines"
    )
    position = models.PositiveSmallIntegerField(_("No."))
    item = models.CharField(_("item"), max_length=300)
    amount_kzt = models.PositiveBigIntegerField(_("approved, ₸"))
    source_item = models.OneToOneField(
        BudgetItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("approved budget line")
        verbose_name_plural = _("approved budget lines")
        ordering = ["project", "position"]
        constraints = [
            models.UniqueConstraint(fields=["project", "position"], name="budget_line_position")
        ]

    def __str__(self) -> str:
        return self.item


class BudgetLineChange(models.Model):
    """Why and by whom an approved amount changed: the accountant's audit trail."""

    line = models.ForeignKey(ProjectBudgetLine, on_delete=models.CASCADE, related_name="changes")
    old_amount_kzt = models.PositiveBigIntegerField(_("was, ₸"))
    new_amount_kzt = models.PositiveBigIntegerField(_("now, ₸"))
    reason = models.TextField(_("reason"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change of an approved budget line")
        verbose_name_plural = _("changes of approved budget lines")
        ordering = ["-changed_at"]

    def __str__(self) -> str:
        return f"{self.line}: {self.old_amount_kzt} → {self.new_amount_kzt}"


class Milestone(models.Model):
    project = models.ForeignKey(GranteeProject, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=300)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class DisbursementQuerySet(models.QuerySet):
    def approved(self) -> "DisbursementQuerySet":
        """Payments the director approved: the only ones that count as paid anywhere."""
        return self.filter(status=Disbursement.Status.APPROVED)

    def standing(self) -> "DisbursementQuerySet":
        """Payments approved or awaiting approval: together they may not exceed the award."""
        return self.exclude(status=Disbursement.Status.RETURNED)


# Only an approved payment counts as paid: the filter for sums across relations.
APPROVED_DISBURSEMENTS = Q(disbursements__status="approved")


class Disbursement(models.Model):
    """Money paid from the grant to the team's account; their sum never exceeds the award.

    Four eyes: the accountant or the coordinator records a payment, the director approves
    it or returns it with a reason; nobody approves a payment they recorded.
    """

    class Status(models.TextChoices):
        RECORDED = "recorded", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")

    project = models.ForeignKey(
        GranteeProject, on_delete=models.PROTECT, related_name="disbursements"
    )
    paid_on = models.DateField(_("paid on"))
    amount_kzt = models.PositiveBigIntegerField(_("amount, ₸"))
    document_number = models.CharField(_("payment document No."), max_length=60)
    document = models.FileField(
        _("payment document"), upload_to=PrivatePath("grantees/payments"), blank=True
    )
    document_type = models.CharField(max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECORDED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved or returned by"),
    )
    decided_at = models.DateTimeField(_("approved or returned at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for returning"), blank=True)

    objects = DisbursementQuerySet.as_manager()

    class Meta:
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        ordering = ["project", "paid_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_kzt__gt=0), name="disbursement_positive"),
            # Four eyes, kept by the database too: a decided payment names a decider who
            # is not the person who recorded it.
            models.CheckConstraint(
                condition=Q(status="recorded", decided_by__isnull=True)
                | (
                    Q(status__in=["approved", "returned"], decided_by__isnull=False)
                    & ~Q(decided_by=F("recorded_by"))
                ),
                name="disbursement_decided_by_another",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.paid_on:%d.%m.%Y} · {self.amount_kzt}"

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def awaits_approval(self) -> bool:
        return self.status == self.Status.RECORDED


class DisbursementStatusChange(models.Model):
    """Who moved a payment from one status to another, when and why."""

    disbursement = models.ForeignKey(Disbursement, on_delete=models.PROTECT, related_name="changes")
    from_status = models.CharField(
        _("from"), max_length=10, choices=Disbursement.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=10, choices=Disbursement.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"))
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("payment status change")
        verbose_name_plural = _("payment status changes")
        ordering = ["disbursement", "changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.disbursement}: {self.from_status or '—'} → {self.to_status}"


class MonitoringVisit(models.Model):
    class Rating(models.IntegerChoices):
        POOR = 1, _("1 — poor")
        WEAK = 2, _("2 — weak")
        FAIR = 3, _("3 — fair")
        GOOD = 4, _("4 — good")
        EXCELLENT = 5, _("5 — excellent")

    project = models.ForeignKey(GranteeProject, on_delete=models.CASCADE, related_name="visits")
    visited_on = models.DateField(_("visit date"))
    findings = models.TextField(_("findings"))
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating.choices)
    visited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("monitoring visit")
        verbose_name_plural = _("monitoring visits")
        ordering = ["project", "-visited_on"]

    def __str__(self) -> str:
        return f"{self.project} · {self.visited_on:%d.%m.%Y}"


class ClosingAnswer(models.Model):
    """The team's answer to "did the project improve life in your village?"."""

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    project = models.OneToOneField(
        GranteeProject, on_delete=models.CASCADE, related_name="closing_answer"
    )
    answer = models.CharField(
        _("did the project improve life in your village?"), max_length=6, choices=Answer.choices
    )
    why = models.TextField(_("why"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.project} · {self.answer}"
