"""What the portal recorded about a project, as dated facts: each kind of record read once
per report, in a fixed number of queries, whatever the project's size. ``events`` turns
them into each activity's event log for a period, ``states`` into the calendar plan's
states at a day."""

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from applications.models import Application
from competitions.models import Announcement, Competition
from exhibition.models import Exhibition
from media_campaign.models import Post, Publication, Video
from mentoring.models import GranteeProject, Meeting, Training
from projects.models import GrantProject
from reviews.models import AwardDecision


def local_day(moment) -> date | None:
    return timezone.localdate(moment) if moment else None


class PostLine(NamedTuple):
    """A post's columns the event log and the states read: thousands of posts at scale,
    read as tuples rather than a Post and its Video each (a third of the records' time)."""

    published_on: date
    platform: str
    link: str
    event: str
    video_id: int | None
    video_title: str | None


@dataclass
class Records:
    competitions: list[Competition]
    announcements: list[Announcement]
    # Per competition and day: how many applications were sent.
    submissions: list[tuple[int, date, int]]
    decisions: list[AwardDecision]
    trainings: list[Training]
    meetings: list[tuple[date, int]]  # per day: meetings held
    grantees: list[GranteeProject]
    videos: list[Video]
    posts: list[PostLine]
    publications: list[Publication]
    exhibitions: list[Exhibition]
    titles: dict[int, str] = field(default_factory=dict)


def project_records(project: GrantProject) -> Records:
    competitions = list(Competition.objects.filter(project=project).order_by("opens_at"))
    submitted = (
        Application.objects.filter(competition__project=project, submitted_at__isnull=False)
        .exclude(status=Application.Status.DRAFT)
        .values_list("competition", "submitted_at")
    )
    per_day: dict[tuple[int, date], int] = {}
    # A date per row, not the database's date functions: the day is Aqtau's, whatever the
    # database's time zone; the figures are two small columns per application.
    zone = timezone.get_current_timezone()  # once, not looked up for 30 000 rows
    for competition, moment in submitted.iterator(chunk_size=5000):
        key = (competition, moment.astimezone(zone).date())
        per_day[key] = per_day.get(key, 0) + 1
    return Records(
        competitions=competitions,
        titles={competition.pk: competition.title for competition in competitions},
        announcements=list(
            Announcement.objects.filter(competition__project=project).order_by("published_on")
        ),
        submissions=[(c, day, n) for (c, day), n in sorted(per_day.items(), key=lambda i: i[0][1])],
        decisions=list(
            AwardDecision.objects.filter(competition__project=project).select_related("competition")
        ),
        trainings=list(
            Training.objects.filter(competition__project=project)
            .annotate(
                first_day=Min("days__date"),
                last_day=Max("days__date"),
                day_count=Count("days", distinct=True),
                registered=Count("participants", distinct=True),
                attended=Count(
                    "participants",
                    filter=Q(participants__attended_days__isnull=False),
                    distinct=True,
                ),
            )
            .order_by("starts_on")
        ),
        meetings=list(
            Meeting.objects.filter(project__application__competition__project=project)
            .values_list("held_on")
            .annotate(count=Count("pk"))
            .order_by("held_on")
        ),
        grantees=list(
            GranteeProject.objects.filter(application__competition__project=project).only(
                "status", "completed_at"
            )
        ),
        videos=list(Video.objects.filter(project=project).only("title", "filmed_on", "status")),
        posts=[
            PostLine(*row)
            for row in Post.objects.filter(project=project)
            .order_by("published_on", "pk")
            .values_list("published_on", "platform", "link", "event", "video_id", "video__title")
        ],
        publications=list(Publication.objects.filter(project=project).order_by("published_on")),
        exhibitions=list(
            Exhibition.objects.filter(project=project)
            .annotate(
                checked_in=Count(
                    "registrations", filter=Q(registrations__checked_in_at__isnull=False)
                )
            )
            .order_by("held_on")
        ),
    )
