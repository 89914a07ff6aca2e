"""The dashboard's charts, stored with the daily indicator snapshots.

The charts aggregate raw rows (524 000 criterion scores and 60 000 post snapshots at
30 000 applications: 0.1 to 0.15 s whenever they were computed for a page). The
indicators beside them are read from the day's snapshots, so the charts are taken at the
same moments (the daily task, staff's "Snapshot now") and read back as one row."""

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from media_campaign.selectors import views_over_time
from projects.models import GrantProject
from reports.indicators.sources import applications_by_district
from reports.models import ChartSnapshot
from reports.selectors import score_distribution


def dashboard_series(project: GrantProject) -> dict[str, list]:
    """The charts' figures now, computed from the rows."""
    return {
        "districts": applications_by_district(project),
        "scores": score_distribution(project),
        "views": views_over_time(project),
    }


def _stored(project: GrantProject) -> dict:
    """The charts as JSON keeps them. The districts' names are the reader's language, not
    the one the nightly task runs in: they are kept in each language (a Russian page
    showed Kazakh names). JSON has no dates: the views' days are kept as ISO text."""
    series = dashboard_series(project)
    districts = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            districts[language] = [
                [name, count] for name, count in applications_by_district(project)
            ]
    return {
        "districts": districts,
        "scores": [[score, count] for score, count in series["scores"]],
        "views": [[day.isoformat(), views] for day, views in series["views"]],
    }


def _read(stored: dict) -> dict[str, list]:
    by_language = stored["districts"]
    language = translation.get_language()
    names = by_language.get(language) or by_language[settings.LANGUAGE_CODE]
    return {
        "districts": [(name, count) for name, count in names],
        "scores": [(score, count) for score, count in stored["scores"]],
        "views": [(date.fromisoformat(day), views) for day, views in stored["views"]],
    }


def charts_snapshot(
    *, project: GrantProject | None = None, day: date | None = None, refresh: bool = False
) -> int:
    """Stores the day's charts of every project (or of ``project``), once a day; ``refresh``
    recomputes today's in place. Returns how many were written or updated."""
    day = day or timezone.localdate()
    projects = GrantProject.objects.order_by("pk")
    if project is not None:
        projects = projects.filter(pk=project.pk)
    if not refresh:
        projects = projects.exclude(chart_snapshots__taken_on=day)
    written = 0
    for each in projects:
        figures = {"series": _stored(each), "taken_at": timezone.now()}
        if refresh:
            ChartSnapshot.objects.update_or_create(project=each, taken_on=day, defaults=figures)
        else:
            try:
                with transaction.atomic():
                    ChartSnapshot.objects.create(project=each, taken_on=day, **figures)
            except IntegrityError:
                continue  # another worker or request took this day's charts first
        written += 1
    return written


def dashboard_charts(project: GrantProject) -> tuple[dict[str, list], ChartSnapshot]:
    """The charts of the latest snapshot and that snapshot (for its time). Before the first
    daily task has run, today's are taken now, once."""
    latest = ChartSnapshot.objects.filter(project=project).order_by("-taken_on").first()
    if latest is None:
        charts_snapshot(project=project)
        latest = ChartSnapshot.objects.filter(project=project).order_by("-taken_on").first()
    return _read(latest.series), latest
