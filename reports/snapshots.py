"""The daily indicator snapshots: written by the beat task and by staff's "Snapshot now"."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from projects.models import GrantProject, Indicator
from reports.indicators.registry import SOURCES
from reports.models import IndicatorSnapshot


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
