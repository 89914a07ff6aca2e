"""Celery tasks of the reports app: thin wrappers that take ids and store results."""

import hashlib
import logging

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from reports.builders import build_report
from reports.models import ReportFile
from reports.periods import Period
from reports.periods.narratives import narratives_current

logger = logging.getLogger(__name__)


@shared_task
def snapshot_indicators() -> int:
    """Daily (Celery beat): today's value of every indicator, once."""
    from reports.services import indicators_snapshot

    return indicators_snapshot()


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
    from reports.services import report_fail

    updated = ReportFile.objects.filter(
        pk=report_id, status__in=[ReportFile.Status.QUEUED, ReportFile.Status.FAILED]
    ).update(status=ReportFile.Status.RUNNING, error="")
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
            report.status = ReportFile.Status.DONE
            report.save()
            if narratives is not None:
                report.narratives.set(narratives.values())
    except Exception as error:
        logger.exception("report %s could not be stored", report_id)
        for leftover in {name, report.file.name} - {""}:
            storage.delete(leftover)
        report_fail(report_id=report_id, error=error)
        return ReportFile.Status.FAILED
    return ReportFile.Status.DONE
