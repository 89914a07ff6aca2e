"""What the portal recorded about a project, as dated facts: each kind of record read once
per report, in a fixed number of queries, whatever the project's size. ``events`` turns
them into each activity's event log for a period, ``states`` into the calendar plan's
states at a day."""

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import TruncDate
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
    # Counted per call and Aqtau's day by the database (the zone named, not the database's
    # own): a few dozen rows, not a date made in Python from each of 30 000 applications.
    submissions = sorted(
        Application.objects.filter(competition__project=project, submitted_at__isnull=False)
        .exclude(status=Application.Status.DRAFT)
        .annotate(day=TruncDate("submitted_at", tzinfo=timezone.get_current_timezone()))
        .values_list("competition", "day")
        .annotate(count=Count("pk"))
        .order_by(),
        key=lambda row: (row[1], row[0]),
    )
    return Records(
        competitions=competitions,
        titles={competition.pk: competition.title for competition in competitions},
        announcements=list(
            Announcement.objects.filter(competition__project=project).order_by("published_on")
        ),
        submissions=submissions,
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
