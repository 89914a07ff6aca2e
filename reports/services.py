"""Writes of the reports app: daily indicator snapshots and report files."""

import logging
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from kombu.exceptions import OperationalError as KombuOperationalError

from accounts.models import User
from competitions.models import GrantProject, Indicator
from reports.indicators.sources import SOURCES
from reports.models import IndicatorSnapshot, ReportFile
from reports.tasks import build_report_file

logger = logging.getLogger(__name__)


def indicator_measure(indicator: Indicator):
    """The indicator's value now: its source's computation or the value entered by hand;
    None when neither exists yet (shown as "not yet measured", never as zero)."""
    if indicator.source in SOURCES:
        return SOURCES[indicator.source].compute(indicator.project), False
    if indicator.manual_value is not None:
        return indicator.manual_value, True
    return None, False


def indicators_snapshot(
    *, project: GrantProject | None = None, day: date | None = None, refresh: bool = False
) -> int:
    """Stores the day's value of every measurable indicator: one snapshot per indicator and
    day. The daily task fills in the day's missing ones; ``refresh`` (staff's "Snapshot now")
    recomputes the day's snapshots in place and records when. Returns how many snapshots
    were written or updated."""
    day = day or timezone.localdate()
    indicators = Indicator.objects.select_related("project")
    if not refresh:
        indicators = indicators.exclude(snapshots__taken_on=day)
    if project is not None:
        indicators = indicators.filter(project=project)
    written = 0
    for indicator in indicators:
        value, is_manual = indicator_measure(indicator)
        if value is None:
            continue
        figures = {"value": value, "is_manual": is_manual, "taken_at": timezone.now()}
        if refresh:
            IndicatorSnapshot.objects.update_or_create(
                indicator=indicator, taken_on=day, defaults=figures
            )
        else:
            try:
                with transaction.atomic():
                    IndicatorSnapshot.objects.create(indicator=indicator, taken_on=day, **figures)
            except IntegrityError:
                continue  # another worker took this day's snapshot first
        written += 1
    return written


def report_request(
    *, project: GrantProject, kind: str, format: str, language: str, requested_by: User | None
) -> ReportFile:
    """Records the request for one project's report and queues the build once the row is
    committed."""
    report = ReportFile.objects.create(
        project=project, kind=kind, format=format, language=language, requested_by=requested_by
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


def report_fail(*, report_id: int, error: BaseException | str) -> None:
    """Marks a request failed with its reason; a failed request may be built again."""
    reason = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    ReportFile.objects.filter(pk=report_id).exclude(status=ReportFile.Status.DONE).update(
        status=ReportFile.Status.FAILED, error=reason[:2000], finished_at=timezone.now()
    )


class SubmitRefused(Exception):
    """Why a report file cannot be marked submitted; ``items`` lists the blocking ones."""

    def __init__(self, message: str, items=()):
        super().__init__(message)
        self.message = message
        self.items = list(items)


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
