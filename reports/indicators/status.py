"""Whether an indicator is achieved, on track or behind, judged by the calendar plan's dates."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from projects.models import Activity, Indicator


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("Achieved")
    ON_TRACK = "on_track", _("On track")
    BEHIND = "behind", _("Behind")
    NOT_MEASURED = "not_measured", _("Not yet measured")


def indicator_status(
    *,
    target: Decimal,
    actual: Decimal | None,
    comparison: str,
    activity: Activity,
    today: date,
    target_max: Decimal | None = None,
) -> Status:
    """Achieved when the target is met; otherwise the share reached is compared with the
    share of the activity's period that has passed (before it starts, nothing is due)."""
    if actual is None:
        return Status.NOT_MEASURED
    if Indicator(target=target, target_max=target_max, comparison=comparison).is_met_by(actual):
        return Status.ACHIEVED
    if today < activity.starts_on:
        return Status.ON_TRACK
    if comparison == Indicator.Comparison.BETWEEN:
        # A range (an average length) is not reached bit by bit: out of it is behind,
        # unless nothing is measured yet while the activity runs.
        return Status.ON_TRACK if not actual and today <= activity.ends_on else Status.BEHIND
    if today > activity.ends_on or not target:
        return Status.BEHIND
    days = (activity.ends_on - activity.starts_on).days + 1
    elapsed = (today - activity.starts_on).days + 1
    return Status.ON_TRACK if actual * days >= target * elapsed else Status.BEHIND


def achieved_percent(target: Decimal, actual: Decimal | None) -> Decimal | None:
    if actual is None:
        return None
    if not target:
        return Decimal(100)
    return (Decimal(100) * actual / target).quantize(Decimal(1))


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    actual: Decimal | None
    as_of: date | None
    percent: Decimal | None
    status: Status
    source_label: str = ""
