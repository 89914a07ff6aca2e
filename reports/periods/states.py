"""The state of each calendar-plan event at a day (not started, in progress, done, late),
from what was recorded: the call opened and closed, the awards approved, the trainings'
last day passed, every grantee project closed, every video posted, the exhibition held.
An activity whose records say nothing (no kind of record belongs to it, or none has been
recorded yet) is judged by its dates."""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import pgettext_lazy

from projects.models import Activity
from reports.periods.events import Kind
from reports.periods.records import Records, local_day


class State(models.TextChoices):
    NOT_STARTED = "not_started", pgettext_lazy("activity state", "not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("activity state", "in progress")
    DONE = "done", pgettext_lazy("activity state", "done")
    LATE = "late", pgettext_lazy("activity state", "late")


@dataclass(frozen=True)
class ActivityState:
    state: State
    by_dates: bool  # judged by the plan's dates: nothing recorded says otherwise

    @property
    def label(self) -> str:
        return str(self.state.label)


# Per kind at a day: (started, done) — done is None when the kind cannot tell (a count
# of applications or publications has no end of its own).
Progress = tuple[bool, bool | None]


def kind_progress(records: Records, day: date) -> dict[str, Progress]:
    opened = [c for c in records.competitions if local_day(c.opens_at) <= day]
    approved = {
        d.competition_id
        for d in records.decisions
        if d.status == d.Status.APPROVED and d.reviewed_at and local_day(d.reviewed_at) <= day
    }
    trainings = records.trainings
    last_days = [t.last_day or t.starts_on for t in trainings]
    grantees = records.grantees
    posted = {p.video_id for p in records.posts if p.video_id and p.published_on <= day}
    return {
        Kind.CALL: (
            bool(opened) or any(a.published_on <= day for a in records.announcements),
            bool(opened) and all(local_day(c.closes_at) <= day for c in opened),
        ),
        Kind.APPLICATIONS: (any(d <= day for _c, d, _n in records.submissions), None),
        Kind.COMMISSION: (
            any(local_day(d.proposed_at) <= day for d in records.decisions),
            bool(records.competitions) and all(c.pk in approved for c in records.competitions),
        ),
        Kind.TRAINING: (
            any(t.starts_on <= day for t in trainings),
            bool(trainings) and all(last <= day for last in last_days),
        ),
        Kind.MENTORING: (
            any(d <= day for d, _n in records.meetings),
            bool(grantees)
            and all(g.completed_at and local_day(g.completed_at) <= day for g in grantees),
        ),
        Kind.VIDEO: (
            bool(posted) or any(v.filmed_on and v.filmed_on <= day for v in records.videos),
            bool(records.videos) and all(v.pk in posted for v in records.videos),
        ),
        Kind.PUBLICATION: (any(p.published_on <= day for p in records.publications), None),
        Kind.EXHIBITION: (
            any(e.held_on <= day for e in records.exhibitions),
            any(e.held_on <= day for e in records.exhibitions),
        ),
    }


def by_dates(activity: Activity, day: date) -> ActivityState:
    if day < activity.starts_on:
        return ActivityState(State.NOT_STARTED, True)
    if day > activity.ends_on:
        return ActivityState(State.DONE, True)
    return ActivityState(State.IN_PROGRESS, True)


def activity_state(
    activity: Activity, kinds: list[str], progress: dict, day: date
) -> ActivityState:
    """Done when every kind of the activity that can tell is done; late when past its end
    and not done; in progress once something was recorded; the dates otherwise (and when
    none of its kinds has an end of its own to tell)."""
    if not kinds:
        return by_dates(activity, day)
    known = [progress[kind] for kind in kinds]
    verdicts = [done for _begun, done in known if done is not None]
    if verdicts and all(verdicts):
        return ActivityState(State.DONE, False)
    if verdicts and day > activity.ends_on:
        return ActivityState(State.LATE, False)
    if any(begun for begun, _done in known) and day <= activity.ends_on:
        return ActivityState(State.IN_PROGRESS, False)
    return by_dates(activity, day)
