"""What the reports app keeps: daily indicator values and every generated report file."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from competitions.models import GrantProject, Indicator


class IndicatorSnapshot(models.Model):
    """An indicator's value on one day: one row per indicator and day. A past day is
    history and never changes; staff may refresh today's, which updates this row and
    ``taken_at``."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="snapshots", verbose_name=_("indicator")
    )
    taken_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    is_manual = models.BooleanField(_("entered by hand"), default=False)
    taken_at = models.DateTimeField(_("taken at"), default=timezone.now)

    class Meta:
        verbose_name = _("indicator snapshot")
        verbose_name_plural = _("indicator snapshots")
        ordering = ["indicator", "taken_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "taken_on"], name="indicator_snapshot_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.taken_on}: {self.value}"


def report_file_path(report: "ReportFile", filename: str) -> str:
    return f"reports/{report.requested_at:%Y/%m}/{filename}"


class ReportFile(models.Model):
    """One generated report: who asked, when, as of which data, and the file's SHA-256."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("Interim report")
        FINAL = "final", _("Final report")
        PROTOCOL = "protocol", _("Commission protocol")
        APPLICATIONS = "applications", _("List of applications")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "XLSX"

    class Language(models.TextChoices):
        KK = "kk", _("Kazakh")
        RU = "ru", _("Russian")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    # The report holds this project's figures only; never another project's.
    project = models.ForeignKey(
        GrantProject,
        on_delete=models.PROTECT,
        related_name="report_files",
        verbose_name=_("project"),
    )
    kind = models.CharField(_("report"), max_length=20, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.KK
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    data_as_of = models.DateTimeField(_("data as of"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    file = models.FileField(_("file"), upload_to=report_file_path, blank=True)
    # Staff mark the file they sent to the operator (reports.services.report_submit): the
    # operator sees which one it is; a final report only with no blocking item open.
    submitted_at = models.DateTimeField(_("submitted to the operator at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted to the operator by"),
    )

    class Meta:
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # A file is marked ready only with its bytes and their checksum.
            models.CheckConstraint(
                condition=~models.Q(status="done") | (~models.Q(file="") & ~models.Q(sha256="")),
                name="report_file_done_has_file",
            ),
            # Only a ready file can have been sent, and the record says who sent it.
            models.CheckConstraint(
                condition=models.Q(submitted_at__isnull=True)
                | models.Q(status="done", submitted_by__isnull=False),
                name="report_file_submitted_when_done",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.format})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def can_be_submitted(self) -> bool:
        """Interim and final reports go to the operator; protocols and lists do not."""
        return (
            self.kind in (self.Kind.INTERIM, self.Kind.FINAL)
            and self.status == self.Status.DONE
            and self.submitted_at is None
        )

    @property
    def filename(self) -> str:
        return f"{self.project.slug}-{self.kind}-{self.language}-{self.pk}.{self.format}"
