"""Writes of the reports app: report files (the daily indicator snapshots are in snapshots.py)."""

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from kombu.exceptions import OperationalError as KombuOperationalError

from accounts.errors import ServiceError
from accounts.models import User
from projects.models import GrantProject
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


class SubmitRefused(ServiceError):
    """Why a report file cannot be marked submitted; ``items`` lists the blocking ones."""

    def __init__(self, message: str, items=()):
        self.items = list(items)
        super().__init__(
            [message, *(f"{index}. {item.message}" for index, item in enumerate(self.items, 1))]
        )


def report_submit(*, report: ReportFile, by: User) -> ReportFile:
    """Records that staff sent this interim or final report file to the operator. The
    final report is refused while the consistency check has a blocking item open: what
    the operator receives last must not contradict itself."""
    from reports.consistency import blocking, consistency_check

    if report.kind not in (ReportFile.Kind.INTERIM, ReportFile.Kind.FINAL):
        raise SubmitRefused(gettext("Only interim and final reports are sent to the operator."))
    if report.status != ReportFile.Status.DONE:
        raise SubmitRefused(gettext("Only a ready file can be submitted."))
    if report.kind == ReportFile.Kind.FINAL:
        items = blocking(consistency_check(report.project))
        if items:
            raise SubmitRefused(
                gettext(
                    "The final report cannot be marked submitted while the consistency "
                    "check has blocking items open:"
                ),
                items,
            )
    # A conditional update: two clicks, or two staff, record one submission.
    marked = ReportFile.objects.filter(pk=report.pk, submitted_at__isnull=True).update(
        submitted_at=timezone.now(), submitted_by=by
    )
    if not marked:
        raise SubmitRefused(gettext("This file is already marked submitted to the operator."))
    report.refresh_from_db(fields=["submitted_at", "submitted_by"])
    return report
