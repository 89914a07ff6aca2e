"""What the reports app keeps: daily indicator values and every generated report file."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.models import Activity, GrantProject, Indicator


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


class ChartSnapshot(models.Model):
    """The dashboard's charts on one day, taken with the indicators' snapshots: one row per
    project and day, so the charts read one small row instead of aggregating every
    application, criterion score and post snapshot. Staff's "Snapshot now" refreshes
    today's in place and ``taken_at`` says when."""

    project = models.ForeignKey(
        GrantProject,
        on_delete=models.CASCADE,
        related_name="chart_snapshots",
        verbose_name=_("project"),
    )
    taken_on = models.DateField(_("date"))
    taken_at = models.DateTimeField(_("taken at"), default=timezone.now)
    # {"districts": [[name, count]…], "scores": [[score, count]…], "views": [[ISO day, views]…]}
    series = models.JSONField(_("chart series"))

    class Meta:
        verbose_name = _("chart snapshot")
        verbose_name_plural = _("chart snapshots")
        ordering = ["project", "taken_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "taken_on"], name="chart_snapshot_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.taken_on}"


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
    # The period the report covers: an interim report's as requested (inside the project's
    # dates), a final report's the project's; the protocol and the list have none.
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True)
    # The narrative versions the file printed: a later edit is a new version, never these.
    narratives = models.ManyToManyField(
        "NarrativeVersion", blank=True, related_name="report_files", verbose_name=_("narratives")
    )
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
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True, period_end__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="report_file_period_ordered",
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
        period = ""
        if self.period_start and self.period_end:
            period = f"-{self.period_start:%Y%m%d}-{self.period_end:%Y%m%d}"
        return f"{self.project.slug}-{self.kind}{period}-{self.language}-{self.pk}.{self.format}"


class NarrativeVersion(models.Model):
    """What staff wrote about one activity of the calendar plan for one period: what was
    done, the problems met and how they were solved. Each save is a new version (number
    1, 2, …) with who and when; the latest is current, the earlier ones stay as written,
    and a report file records the versions it printed."""

    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, related_name="narratives", verbose_name=_("activity")
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    version = models.PositiveIntegerField(_("version"))
    done = models.TextField(_("what was done"), blank=True)
    problems = models.TextField(_("problems met"), blank=True)
    solutions = models.TextField(_("how they were solved"), blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    written_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("activity narrative")
        verbose_name_plural = _("activity narratives")
        ordering = ["activity", "period_start", "period_end", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "period_start", "period_end", "version"],
                name="narrative_version_once",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="narrative_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.period_start}–{self.period_end} v{self.version}"


# The annexes' own records live beside their selectors (reports/annexes/).
from reports.annexes.models import ReportDocument, ReportPhoto  # noqa: E402, F401
