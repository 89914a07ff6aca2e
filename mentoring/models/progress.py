from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jastarurban.files import PrivatePath
from mentoring.models.projects import GranteeProject, MonitoringVisit, ProjectBudgetLine


class ProgressReport(models.Model):
    """What the team did in a period, with photos and the expenses behind it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Sent for checking")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for corrections")

    project = models.ForeignKey(GranteeProject, on_delete=models.CASCADE, related_name="reports")
    number = models.PositiveSmallIntegerField(_("No."))
    done = models.TextField(_("what was done"), blank=True)
    video_links = models.TextField(_("video links"), blank=True, help_text=_("One link per line."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    staff_comment = models.TextField(_("staff comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="report_number_per_project")
        ]

    def __str__(self) -> str:
        return _("Report No. %(number)s") % {"number": self.number}

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    def links(self) -> list[str]:
        return [line.strip() for line in self.video_links.splitlines() if line.strip()]


class ReportStatusChange(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=10, choices=ProgressReport.Status.choices)
    to_status = models.CharField(max_length=10, choices=ProgressReport.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report}: {self.from_status} → {self.to_status}"


class Photo(models.Model):
    """A compressed, EXIF-free photo from a progress report or a monitoring visit."""

    class Stage(models.TextChoices):
        BEFORE = "before", _("Before")
        DURING = "during", _("During the work")
        AFTER = "after", _("After")

    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, null=True, blank=True, related_name="photos"
    )
    visit = models.ForeignKey(
        MonitoringVisit, on_delete=models.CASCADE, null=True, blank=True, related_name="photos"
    )
    stage = models.CharField(_("stage"), max_length=6, choices=Stage.choices, default=Stage.DURING)
    image = models.FileField(_("photo"), upload_to=PrivatePath("grantees/photos"))
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["stage", "uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(report__isnull=False, visit__isnull=True)
                | Q(report__isnull=True, visit__isnull=False),
                name="photo_belongs_to_report_or_visit",
            )
        ]

    def __str__(self) -> str:
        return self.caption or self.get_stage_display()


class GranteeExpense(models.Model):
    """Money the team spent against a line of its approved budget, with the receipt."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="expenses")
    line = models.ForeignKey(
        ProjectBudgetLine,
        on_delete=models.PROTECT,
        related_name="expenses",
        verbose_name=_("budget line"),
    )
    spent_on = models.DateField(_("date"))
    amount_kzt = models.PositiveBigIntegerField(_("amount, ₸"))
    description = models.CharField(_("what was bought"), max_length=300)
    receipt = models.FileField(_("receipt"), upload_to=PrivatePath("grantees/receipts"))
    receipt_type = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["report", "spent_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_kzt__gt=0), name="expense_positive")
        ]

    def __str__(self) -> str:
        return self.description
