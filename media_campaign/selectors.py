"""Reads reused by the media page and by the indicators (reports): all sums in the database.

Every total counts each post once, with its LATEST snapshot: figures on a platform only
grow, and an export taken twice must not count twice. The totals and the views over time
are read from the stored campaign days (models.CampaignDay), not from every snapshot.
"""

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Lag

from media_campaign.models import (
    POSTS_PER_VIDEO,
    CampaignDay,
    Post,
    PostSnapshot,
    Promotion,
    Publication,
    Video,
)
from projects.models import GrantProject

FIGURES = ("views", "likes", "comments", "shares", "positive", "neutral", "negative")
REACTIONS = ("positive", "neutral", "negative")


@dataclass(frozen=True)
class CampaignFigures:
    """The campaign's figures, each post counted once with its latest snapshot."""

    # (day, views known that day) for each day a snapshot was taken: a running total.
    views_over_time: list[tuple[date, int]]
    totals: dict[str, int]
    # The reactions to the posts about a video only: the document measures those.
    video_reactions: dict[str, int]

    @property
    def positive_share(self) -> float | None:
        classified = sum(self.video_reactions.values())
        return self.video_reactions["positive"] / classified if classified else None


def campaign_figures(project: GrantProject) -> CampaignFigures:
    """Every figure of the media page from the campaign's days (CampaignDay), in one
    query of a row or two per day a snapshot was taken. Worked out from the snapshots at
    each read instead, 60 000 of them cost SQLite 130–160 ms (it copies a window's rows
    through temporary tables: the LAG/LEAD query alone took 400 ms there) and
    PostgreSQL about 100 ms."""
    rows = (
        CampaignDay.objects.filter(project=project)
        .order_by("day", "about_video")
        .values_list("day", "about_video", *FIGURES)
    )
    return _figures_from_changes(rows)


def figures_from_snapshots(project: GrantProject) -> CampaignFigures:
    """The same figures worked out from the snapshots now: what the stored days must
    equal (the tests compare them)."""
    return _figures_from_changes(campaign_day_changes(project))


def _figures_from_changes(rows) -> CampaignFigures:
    """Folds (day, about_video, *changes) rows, in day order, into the figures: a post's
    changes add up to its latest snapshot, so the running sum of the views is the views
    known each day and the sums of all the changes are the totals."""
    series: list[tuple[date, int]] = []
    totals = dict.fromkeys(FIGURES, 0)
    reactions = dict.fromkeys(REACTIONS, 0)
    running = 0
    for day, about_video, *changes in rows:
        running += changes[0]
        if series and series[-1][0] == day:
            series[-1] = (day, running)
        else:
            series.append((day, running))
        for name, value in zip(FIGURES, changes, strict=True):
            totals[name] += value
            if about_video and name in reactions:
                reactions[name] += value
    return CampaignFigures(series, totals, reactions)


def campaign_day_changes(project: GrantProject) -> list[tuple]:
    """(day, about_video, *changes of FIGURES) for each day a snapshot was taken and each
    kind of post, in day order: every snapshot less its post's previous one (LAG), summed
    by day. The window runs in a subquery the ORM writes; the outer sums are plain SQL
    because an aggregate cannot contain a window function."""
    window = {"partition_by": [F("post_id")], "order_by": F("taken_on").asc()}
    snapshots = (
        PostSnapshot.objects.filter(post__project=project)
        .order_by()
        .annotate(
            about_video=Case(
                When(post__video__isnull=False, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            **{
                f"{name}_added": F(name) - Window(Lag(name, default=0), **window)
                for name in FIGURES
            },
        )
        .values_list("taken_on", "about_video", *(f"{name}_added" for name in FIGURES))
    )
    sql, params = snapshots.query.sql_with_params()
    added = ", ".join(f"SUM({name}_added)" for name in FIGURES)
    # Only the ORM's own SQL and the constant column names above go into the text.
    query = f"SELECT taken_on, about_video, {added} FROM ({sql}) s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"{query} GROUP BY taken_on, about_video ORDER BY taken_on", params)
        rows = cursor.fetchall()
    # SQLite gives the day as text and the flag as 0 or 1 through a plain cursor.
    to_date = PostSnapshot._meta.get_field("taken_on").to_python
    return [
        (to_date(day), bool(about_video), *(int(value) for value in changes))
        for day, about_video, *changes in rows
    ]


def videos_count(project: GrantProject, *, grantee_only: bool = False) -> int:
    videos = Video.objects.filter(project=project)
    if grantee_only:
        videos = videos.filter(grantee__isnull=False)
    return videos.count()


def posts_count(project: GrantProject, *, for_videos_only: bool = False) -> int:
    posts = Post.objects.filter(project=project)
    if for_videos_only:
        posts = posts.filter(video__isnull=False)
    return posts.count()


def posts_counts(project: GrantProject) -> tuple[int, int]:
    """All the project's posts and those about a video, in one query."""
    counts = Post.objects.filter(project=project).aggregate(
        posts=Count("pk"), about_videos=Count("pk", filter=Q(video__isnull=False))
    )
    return counts["posts"], counts["about_videos"]


def publications_count(project: GrantProject) -> int:
    return Publication.objects.filter(project=project).count()


def reach_totals(project: GrantProject) -> dict[str, int]:
    """Sums over the latest snapshot of each post, in one query."""
    return campaign_figures(project).totals


def total_views(project: GrantProject) -> int:
    return campaign_figures(project).totals["views"]


def positive_share(project: GrantProject) -> float | None:
    """Positive / all classified reactions (positive + neutral + negative) over the latest
    snapshots of the posts of a video, as a fraction 0–1; None while no reaction has been
    classified. The document measures reactions "to the videos": a post about the
    exhibition is left out."""
    return campaign_figures(project).positive_share


def videos_with_posts_count(
    project: GrantProject, *, at_least: int = POSTS_PER_VIDEO, grantee_only: bool = True
) -> int:
    """Videos (about a grantee, by default) promoted by at least `at_least` posts each."""
    videos = Video.objects.filter(project=project)
    if grantee_only:
        videos = videos.filter(grantee__isnull=False)
    return videos.annotate(post_count=Count("posts")).filter(post_count__gte=at_least).count()


def average_duration_seconds(project: GrantProject, *, grantee_only: bool = True) -> float | None:
    """The mean length of the videos whose length is known (about a grantee, by default:
    the document's seven 1–2 minute videos); None before any length is entered."""
    videos = Video.objects.filter(project=project, duration_seconds__isnull=False)
    if grantee_only:
        videos = videos.filter(grantee__isnull=False)
    return videos.aggregate(average=Avg("duration_seconds"))["average"]


def promotions(project: GrantProject) -> QuerySet:
    return Promotion.objects.filter(video__project=project).select_related("video")


def promotion_totals(project: GrantProject) -> dict[str, int]:
    """Budget, reach and the number of videos promoted, in one query."""
    totals = promotions(project).aggregate(
        budget_kzt=Sum("budget_kzt"),
        reach=Sum("reach"),
        videos=Count("video", distinct=True),
        grantee_videos=Count("video", distinct=True, filter=Q(video__grantee__isnull=False)),
    )
    return {name: value or 0 for name, value in totals.items()}


def views_over_time(project: GrantProject) -> list[tuple[date, int]]:
    """For each day a snapshot was taken: the total views known that day, each post counted
    with its latest snapshot up to that day (so the line never double counts)."""
    return campaign_figures(project).views_over_time


def videos_with_post_counts(project: GrantProject) -> QuerySet:
    """Each video with its number of posts and its promotions' budget and reach (as
    subqueries, so neither multiplies the other)."""
    promoted = Promotion.objects.filter(video=OuterRef("pk")).values("video")
    return (
        Video.objects.filter(project=project)
        .select_related("grantee__application", "village")
        .annotate(
            post_count=Count("posts"),
            promotion_budget_kzt=Coalesce(
                Subquery(promoted.annotate(total=Sum("budget_kzt")).values("total")),
                0,
                output_field=IntegerField(),
            ),
            promotion_reach=Coalesce(
                Subquery(promoted.annotate(total=Sum("reach")).values("total")),
                0,
                output_field=IntegerField(),
            ),
        )
    )


def posts_with_latest(project: GrantProject) -> QuerySet:
    latest = PostSnapshot.objects.filter(post=OuterRef("pk")).order_by("-taken_on")
    return (
        Post.objects.filter(project=project)
        .select_related("video")
        .annotate(
            latest_on=Subquery(latest.values("taken_on")[:1]),
            latest_views=Subquery(latest.values("views")[:1]),
            latest_positive=Subquery(latest.values("positive")[:1]),
        )
    )
