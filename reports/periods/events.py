"""Each activity's event log for a period, compiled from the records: calls opened and
closed, their announcements, applications received, the commission's award decisions,
trainings (dates, venue, attendance), mentoring meetings counted, videos posted,
publications with their links, the exhibition.

Which activity of the calendar plan a kind of record belongs to is read from the plan's
indicators: the activity whose indicators are measured from that kind's sources (the
trainings' from ``trainings_held`` …). A kind no indicator names goes to the activity whose
dates hold the event's day, so nothing recorded is left out.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from media_campaign.models import Post
from projects.models import Activity
from reports.periods import Period
from reports.periods.records import Records, local_day


class Kind(models.TextChoices):
    CALL = "call", gettext_lazy("Call")
    APPLICATIONS = "applications", gettext_lazy("Applications")
    COMMISSION = "commission", gettext_lazy("Commission")
    TRAINING = "training", gettext_lazy("Training")
    MENTORING = "mentoring", gettext_lazy("Mentoring")
    VIDEO = "video", gettext_lazy("Video")
    PUBLICATION = "publication", gettext_lazy("Publication")
    EXHIBITION = "exhibition", gettext_lazy("Exhibition")


# The indicator sources (reports/indicators/) that measure each kind of record.
CALL_SOURCES = {"call_announcements", "applications_received", "applications_rural_share"}
KIND_SOURCES: dict[str, set[str]] = {
    Kind.CALL: CALL_SOURCES,
    Kind.APPLICATIONS: CALL_SOURCES,
    Kind.COMMISSION: {
        "commission_experts",
        "grants_awarded",
        "grants_awarded_kzt",
        "grantee_people",
    },
    Kind.TRAINING: {
        "trainings_held",
        "training_programme_days",
        "grantees_trained",
        "training_materials",
        "training_satisfaction_share",
    },
    Kind.MENTORING: {
        "mentorships",
        "fewest_meetings",
        "projects_completed",
        "projects_success_share",
        "mentoring_useful_share",
        "life_improved_share",
    },
    Kind.VIDEO: {
        "grantee_videos",
        "video_villages",
        "video_posts",
        "videos_with_two_posts",
        "video_average_seconds",
        "promoted_videos",
        "promotion_reach",
        "posts_total",
        "videos_total",
        "views_total",
        "positive_reactions_share",
    },
    Kind.PUBLICATION: {"media_publications"},
    Kind.EXHIBITION: {
        "exhibitions_held",
        "exhibition_stands",
        "exhibition_participants",
        "round_tables",
        "thank_you_letters",
        "support_grew_share",
    },
}


@dataclass(frozen=True)
class Event:
    day: date
    kind: str
    text: str
    detail: str = ""
    link: str = ""

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)


def kind_activities(activities: list[Activity], sources: list[tuple[int, str]]) -> dict[str, int]:
    """Each kind's activity (its number): the one with most indicators measured from the
    kind's sources, the earliest on a tie. ``sources`` are (activity number, source)."""
    owners = {}
    for kind, keys in KIND_SOURCES.items():
        votes = Counter(number for number, source in sources if source in keys)
        if votes:
            owners[kind] = min(votes, key=lambda number: (-votes[number], number))
    return owners


def _by_date(activities: list[Activity], day: date) -> int | None:
    for activity in activities:
        if activity.starts_on <= day <= activity.ends_on:
            return activity.number
    return None


def _short(day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def all_events(records: Records) -> list[Event]:
    """Every dated fact the records hold, oldest first."""
    events = []
    for competition in records.competitions:
        events.append(
            Event(
                local_day(competition.opens_at), Kind.CALL, _("Call opened: %s") % competition.title
            )
        )
        events.append(
            Event(
                local_day(competition.closes_at),
                Kind.CALL,
                _("Call closed: %s") % competition.title,
            )
        )
        if competition.results_published_at:
            events.append(
                Event(
                    local_day(competition.results_published_at),
                    Kind.COMMISSION,
                    _("Results published: %s") % competition.title,
                )
            )
    for item in records.announcements:
        events.append(
            Event(
                item.published_on,
                Kind.CALL,
                _("Call announced: %s") % item.get_channel_display(),
                detail=item.note,
                link=item.link,
            )
        )
    for decision in records.decisions:
        events.append(
            Event(
                local_day(decision.proposed_at),
                Kind.COMMISSION,
                _("The commission proposed the awards: %s") % decision.competition.title,
                detail=ngettext("%(count)s winner", "%(count)s winners", len(decision.winners))
                % {"count": len(decision.winners)},
            )
        )
        if decision.status == decision.Status.APPROVED and decision.reviewed_at:
            events.append(
                Event(
                    local_day(decision.reviewed_at),
                    Kind.COMMISSION,
                    _("Award decision approved: %s") % decision.competition.title,
                )
            )
    for training in records.trainings:
        first, last = (
            training.first_day or training.starts_on,
            training.last_day or training.starts_on,
        )
        dates = _short(first) if first == last else f"{_short(first)} – {_short(last)}"
        events.append(
            Event(
                first,
                Kind.TRAINING,
                _("Training: %s") % training.title,
                detail=_("%(dates)s, %(venue)s; attended: %(attended)s of %(registered)s")
                % {
                    "dates": dates,
                    "venue": training.venue,
                    "attended": training.attended,
                    "registered": training.registered,
                },
            )
        )
    for video in records.videos:
        if video.filmed_on:
            events.append(Event(video.filmed_on, Kind.VIDEO, _("Video filmed: %s") % video.title))
    # Translated once, not per post: thousands of posts at scale.
    posted = _("Posted on %(platform)s: %(what)s")
    platforms = {value: str(label) for value, label in Post.Platform.choices}
    for post in records.posts:
        what = post.video_title if post.video_id else post.event
        events.append(
            Event(
                post.published_on,
                Kind.VIDEO if post.video_id else Kind.PUBLICATION,
                posted % {"platform": platforms.get(post.platform, post.platform), "what": what},
                link=post.link,
            )
        )
    for publication in records.publications:
        events.append(
            Event(
                publication.published_on,
                Kind.PUBLICATION,
                f"{publication.outlet}: {publication.title}",
                detail=str(publication.get_kind_display()),
                link=publication.link,
            )
        )
    for exhibition in records.exhibitions:
        events.append(
            Event(
                exhibition.held_on,
                Kind.EXHIBITION,
                exhibition.title,
                detail=_("%(venue)s; checked in: %(count)s")
                % {"venue": exhibition.venue, "count": exhibition.checked_in},
            )
        )
    events.sort(key=lambda event: (event.day, event.kind))
    return events


def submission_events(records: Records, period: Period) -> list[Event]:
    """Applications received in the period: one line per call, dated its last application."""
    days: dict[int, list[tuple[date, int]]] = {}
    for competition, day, count in records.submissions:
        if day in period:
            days.setdefault(competition, []).append((day, count))
    events = []
    for competition, received in days.items():
        total = sum(count for _received_on, count in received)
        events.append(
            Event(
                received[-1][0],
                Kind.APPLICATIONS,
                ngettext("%(count)s application received", "%(count)s applications received", total)
                % {"count": total},
                detail=f"{records.titles.get(competition, '')} "
                f"({_short(received[0][0])} – {_short(received[-1][0])})",
            )
        )
    return events


def meeting_events(records: Records, period: Period) -> list[Event]:
    """Mentoring meetings counted for the period: one line, dated its last meeting."""
    held = [(day, count) for day, count in records.meetings if day in period]
    if not held:
        return []
    total = sum(count for _held_on, count in held)
    return [
        Event(
            held[-1][0],
            Kind.MENTORING,
            ngettext("%(count)s mentoring meeting held", "%(count)s mentoring meetings held", total)
            % {"count": total},
            detail=f"{_short(held[0][0])} – {_short(held[-1][0])}",
        )
    ]


def event_log(
    records: Records, activities: list[Activity], owners: dict[str, int], period: Period
) -> dict[int, list[Event]]:
    """The period's events per activity number."""
    log: dict[int, list[Event]] = {activity.number: [] for activity in activities}
    events = [
        *(event for event in all_events(records) if event.day in period),
        *submission_events(records, period),
        *meeting_events(records, period),
    ]
    for event in sorted(events, key=lambda e: (e.day, e.kind)):
        number = owners.get(event.kind) or _by_date(activities, event.day)
        if number is None and activities:
            number = activities[0].number
        if number is not None:
            log[number].append(event)
    return log
