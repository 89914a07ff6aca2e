"""Celery tasks of the reports app: thin wrappers that take ids and store results.

services.py enqueues them, so they never import it back."""

import hashlib
import logging

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from reports.builders import build_report
from reports.chart_snapshots import charts_snapshot
from reports.models import ReportFile
from reports.periods import Period
from reports.periods.narratives import narratives_current
from reports.snapshots import indicators_snapshot
from reports.workflow import REPORT_FILE_FLOW

logger = logging.getLogger(__name__)


@shared_task
def snapshot_indicators() -> int:
    """Daily (Celery beat): today's value of every indicator and the dashboard's charts of
    every project, once. Returns how many indicator values were taken."""
    written = indicators_snapshot()
    charts_snapshot()
    return written


def report_scope(report: ReportFile) -> tuple[Period | None, dict | None]:
    """The period a report covers and the narrative versions it prints: read once, before
    the build, so that the file records exactly the versions in its pages."""
    if report.period_start is None or report.period_end is None:
        return None, None
    period = Period(
        report.period_start, report.period_end, final=report.kind == ReportFile.Kind.FINAL
    )
    return period, narratives_current(report.project, period.start, period.end)


@shared_task
def build_report_file(report_id: int) -> str:
    """Builds one requested report. The file and the "done" status are saved together,
    after the bytes exist; any failure marks the request failed with its message and
    removes whatever part of the file reached the storage."""
    updated = REPORT_FILE_FLOW.claim(
        ReportFile.objects.filter(pk=report_id), ReportFile.Status.RUNNING, error=""
    )
    report = ReportFile.objects.select_related("project").get(pk=report_id)
    if not updated:
        return report.status  # already built or being built by another worker
    data_as_of = timezone.now()
    period, narratives = report_scope(report)
    try:
        content = build_report(
            report.kind,
            report.format,
            report.language,
            project=report.project,
            period=period,
            narratives=narratives,
        )
    except Exception as error:
        logger.exception("report %s failed", report_id)
        report_fail(report_id=report_id, error=error)
        return ReportFile.Status.FAILED
    storage = report.file.storage
    name = report.file.field.generate_filename(report, report.filename)
    try:
        # The name holds the request's id: a file there is left from an attempt that died
        # mid-write (its row never became "done"), so it is ours to replace.
        storage.delete(name)
        with transaction.atomic():
            report.file.name = storage.save(name, ContentFile(content))
            report.sha256 = hashlib.sha256(content).hexdigest()
            report.data_as_of = data_as_of
            report.finished_at = timezone.now()
            REPORT_FILE_FLOW.move(report, ReportFile.Status.DONE, by=None)
            if narratives is not None:
                report.narratives.set(narratives.values())
    except Exception as error:
        logger.exception("report %s could not be stored", report_id)
        for leftover in {name, report.file.name} - {""}:
            storage.delete(leftover)
        report_fail(report_id=report_id, error=error)
        return ReportFile.Status.FAILED
    return ReportFile.Status.DONE


def report_fail(*, report_id: int, error: BaseException | str) -> None:
    """Marks a request failed with its reason; a failed request may be built again."""
    reason = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    REPORT_FILE_FLOW.claim(
        ReportFile.objects.filter(pk=report_id),
        ReportFile.Status.FAILED,
        error=reason[:2000],
        finished_at=timezone.now(),
    )
