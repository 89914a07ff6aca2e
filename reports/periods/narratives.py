"""The narrative staff write per activity and period: each save a new version, the latest
current; what a report printed is recorded on its file."""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Max

from accounts.models import User
from projects.models import Activity, GrantProject
from reports.models import NarrativeVersion

TEXTS = ("done", "problems", "solutions")


def narrative_history(
    project: GrantProject, start: date, end: date
) -> dict[int, list[NarrativeVersion]]:
    """Every version written for the period, by activity id, the latest first: one query."""
    history: dict[int, list[NarrativeVersion]] = {}
    versions = (
        NarrativeVersion.objects.filter(
            activity__project=project, period_start=start, period_end=end
        )
        .select_related("written_by")
        .order_by("activity", "-version")
    )
    for version in versions:
        history.setdefault(version.activity_id, []).append(version)
    return history


def narratives_current(
    project: GrantProject, start: date, end: date
) -> dict[int, NarrativeVersion]:
    """Each activity's latest version for the period, by activity id."""
    return {
        activity: versions[0]
        for activity, versions in narrative_history(project, start, end).items()
    }


def narrative_save(
    *, activity: Activity, start: date, end: date, written_by: User, **texts: str
) -> NarrativeVersion | None:
    """Keeps what was written as the next version; None when nothing changed (a save of
    the same words is not a new version)."""
    texts = {name: (texts.get(name) or "").strip() for name in TEXTS}
    for _attempt in range(3):
        versions = NarrativeVersion.objects.filter(
            activity=activity, period_start=start, period_end=end
        )
        latest = versions.order_by("-version").first()
        if latest and all(getattr(latest, name) == texts[name] for name in TEXTS):
            return None
        number = (versions.aggregate(last=Max("version"))["last"] or 0) + 1
        try:
            with transaction.atomic():
                return NarrativeVersion.objects.create(
                    activity=activity,
                    period_start=start,
                    period_end=end,
                    version=number,
                    written_by=written_by,
                    **texts,
                )
        except IntegrityError:
            continue  # someone saved the same narrative at the same moment: number again
    raise IntegrityError("narrative version could not be numbered")
