"""A period report's part per activity of the calendar plan: its state at the period's
end, the period's event log, its indicators at the period's end against their targets,
and the narrative staff wrote for the period."""

from dataclasses import dataclass, field

from projects.models import Activity, GrantProject, Indicator
from reports.indicators.status import IndicatorRow
from reports.models import NarrativeVersion
from reports.periods import Period
from reports.periods.events import Event, event_log, kind_activities
from reports.periods.records import project_records
from reports.periods.states import ActivityState, activity_state, kind_progress


@dataclass
class ActivitySection:
    activity: Activity
    state: ActivityState
    events: list[Event] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    narrative: NarrativeVersion | None = None
    # How many events there are when ``events`` holds the PDF's first rows only.
    event_count: int | None = None

    @property
    def events_total(self) -> int:
        return len(self.events) if self.event_count is None else self.event_count


def _owners(project: GrantProject, activities: list[Activity]) -> dict[str, int]:
    sources = list(
        Indicator.objects.filter(project=project)
        .exclude(source="")
        .values_list("activity__number", "source")
    )
    return kind_activities(activities, sources)


def period_event_log(
    project: GrantProject, activities: list[Activity], period: Period
) -> dict[int, list[Event]]:
    """The period's events per activity number (for the narrative page)."""
    return event_log(project_records(project), activities, _owners(project, activities), period)


def activity_sections(
    project: GrantProject,
    period: Period,
    indicators: list[IndicatorRow],
    narratives: dict[int, NarrativeVersion],
) -> list[ActivitySection]:
    activities = list(project.activities.order_by("number"))
    records = project_records(project)
    owners = _owners(project, activities)
    log = event_log(records, activities, owners, period)
    progress = kind_progress(records, period.as_of)
    kinds = {
        activity.number: [k for k, n in owners.items() if n == activity.number]
        for activity in activities
    }
    by_activity: dict[int, list[IndicatorRow]] = {}
    for row in indicators:
        by_activity.setdefault(row.indicator.activity_id, []).append(row)
    return [
        ActivitySection(
            activity=activity,
            state=activity_state(activity, kinds[activity.number], progress, period.as_of),
            events=log[activity.number],
            indicators=by_activity.get(activity.pk, []),
            narrative=narratives.get(activity.pk),
        )
        for activity in activities
    ]
