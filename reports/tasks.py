"""Celery tasks of the reports app: thin wrappers that take ids and store results."""

import hashlib
import logging

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from reports.builders import build_report
from reports.models import ReportFile

logger = logging.getLogger(__name__)


@shared_task
def snapshot_indicators() -> int:
    """Daily (Celery beat): today's value of every indicator, once."""
    from reports.services import indicators_snapshot

    return indicators_snapshot()


@shared_task
def build_report_file(report_id: int) -> str:
    """Builds one requested report. The file and the "done" status are saved together,
    after the bytes exist; any failure marks the request failed with its message."""
    updated = ReportFile.objects.filter(
        pk=report_id, status__in=[ReportFile.Status.QUEUED, ReportFile.Status.FAILED]
    ).update(status=ReportFile.Status.RUNNING, error="")
    report = ReportFile.objects.get(pk=report_id)
    if not updated:
        return report.status  # already built or being built by another worker
    data_as_of = timezone.now()
    try:
        content = build_report(report.kind, report.format, report.language)
    except Exception as error:
        logger.exception("report %s failed", report_id)
        ReportFile.objects.filter(pk=report_id).update(
            status=ReportFile.Status.FAILED,
            error=f"{type(error).__name__}: {error}"[:2000],
            finished_at=timezone.now(),
        )
        return ReportFile.Status.FAILED
    with transaction.atomic():
        report.sha256 = hashlib.sha256(content).hexdigest()
        report.data_as_of = data_as_of
        report.finished_at = timezone.now()
        report.status = ReportFile.Status.DONE
        report.file.save(report.filename, ContentFile(content), save=False)
        report.save()
    return ReportFile.Status.DONE
