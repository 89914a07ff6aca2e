"""Writes of the reports app: report files (the daily indicator snapshots are in snapshots.py)."""

import logging
from datetime import date

from django.db import transaction
from django.utils.translation import gettext
from kombu.exceptions import OperationalError as KombuOperationalError

from accounts.models import User
from competitions.models import GrantProject
from reports.models import ReportFile
from reports.tasks import build_report_file, report_fail

logger = logging.getLogger(__name__)


def report_request(
    *,
    project: GrantProject,
    kind: str,
    format: str,
    language: str,
    requested_by: User | None,
    period_start: date | None = None,
    period_end: date | None = None,
) -> ReportFile:
    """Records the request for one project's report and queues the build once the row is
    committed. A final report covers the project's dates; an interim one the period asked
    for (ReportRequestForm checks it lies inside them)."""
    if kind == ReportFile.Kind.FINAL:
        period_start, period_end = project.starts_on, project.ends_on
    report = ReportFile.objects.create(
        project=project,
        kind=kind,
        format=format,
        language=language,
        requested_by=requested_by,
        period_start=period_start,
        period_end=period_end,
    )
    transaction.on_commit(lambda: report_queue(report_id=report.pk))
    return report


def report_queue(*, report_id: int) -> bool:
    """Hands the build to Celery. With the broker down the request is marked failed (and
    can be tried again) instead of waiting forever as "queued"."""
    try:
        build_report_file.delay(report_id)
    except (KombuOperationalError, OSError) as error:
        logger.exception("report %s could not be queued", report_id)
        report_fail(
            report_id=report_id,
            error=gettext("The task queue cannot be reached (%(error)s); try again later.")
            % {"error": error},
        )
        return False
    return True
