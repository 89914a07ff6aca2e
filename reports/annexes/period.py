"""An annex's period: the interim report's from–to dates, both days included; None on either
side leaves that side open (the final report passes neither)."""

from datetime import date

from django.db.models import Q


def in_period(field: str, start: date | None, end: date | None) -> Q:
    """The rows whose ``field`` (a date, or a datetime read as its day in the portal's time
    zone: pass ``submitted_at__date``) falls in the period."""
    condition = Q()
    if start is not None:
        condition &= Q(**{f"{field}__gte": start})
    if end is not None:
        condition &= Q(**{f"{field}__lte": end})
    return condition
