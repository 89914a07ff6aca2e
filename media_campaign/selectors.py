"""Reads reused by the media page and by the indicators (reports): all sums in the database.

Every total counts each post once, with its LATEST snapshot: figures on a platform only
grow, and an export taken twice must not count twice.
"""

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import (
    Avg,
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
from django.db.models.functions import Coalesce, Lag, Lead

from media_campaign.models import (
    POSTS_PER_VIDEO,
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
    """Every figure of the media page in one query, each snapshot read once.

    A post's snapshot minus its previous one (LAG) is what that day added to the post's
    views: summed by day, the running total is the views known each day. A snapshot with
    no later one (LEAD is NULL) is the post's latest, which the totals sum. At 60 000
    snapshots the latest one looked up per snapshot (a subquery each) and the views read
    row by row into Python cost 400 ms; here the database sums them, to a row per day.
    The window runs in a subquery the ORM writes; the outer sums are plain SQL because
    an aggregate cannot contain a window function.

    SQLite (3.40) copies every row of a window through temporary tables: the same query
    took it 400 ms there, more than the per-snapshot lookups it is fast at.
    """
    if connection.vendor != "postgresql":
        return _figures_row_by_row(project)
    return _figures_in_one_query(project)


def _figures_in_one_query(project: GrantProject) -> CampaignFigures:
    window = {"partition_by": [F("post_id")], "order_by": F("taken_on").asc()}
    snapshots = (
        PostSnapshot.objects.filter(post__project=project)
        .order_by()
        .annotate(
            views_before=Window(Lag("views", default=0), **window),
            later=Window(Lead("taken_on"), **window),
            about_video=Case(
                When(post__video__isnull=False, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .values_list("taken_on", "about_video", "views_before", "later", *FIGURES)
    )
    sql, params = snapshots.query.sql_with_params()
    latest = ", ".join(f"SUM(CASE WHEN later IS NULL THEN {name} ELSE 0 END)" for name in FIGURES)
    # Only the ORM's own SQL and the constant column names above go into the text.
    query = f"SELECT taken_on, about_video, SUM(views - views_before), {latest} FROM ({sql}) s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"{query} GROUP BY taken_on, about_video ORDER BY taken_on", params)
        rows = cursor.fetchall()
    # SQLite gives the day as text through a plain cursor; the field converts it.
    to_date = PostSnapshot._meta.get_field("taken_on").to_python
    series: list[tuple[date, int]] = []
    totals = dict.fromkeys(FIGURES, 0)
    reactions = dict.fromkeys(REACTIONS, 0)
    running = 0
    for taken_on, about_video, added, *figures in rows:
        day = to_date(taken_on)
        running += added
        if series and series[-1][0] == day:
            series[-1] = (day, running)
        else:
            series.append((day, running))
        for name, value in zip(FIGURES, figures, strict=True):
            totals[name] += value
            if about_video and name in reactions:
                reactions[name] += value
    return CampaignFigures(series, totals, reactions)


def _latest_snapshots(project: GrantProject) -> QuerySet:
    """Each post's latest snapshot."""
    latest = PostSnapshot.objects.filter(post=OuterRef("post")).order_by("-taken_on")
    return PostSnapshot.objects.filter(
        post__project=project, taken_on=Subquery(latest.values("taken_on")[:1])
    )


def _figures_row_by_row(project: GrantProject) -> CampaignFigures:
    """The same figures as campaign_figures, the way SQLite is quick at: the latest
    snapshots summed, and the views of every snapshot run through in day order."""
    return CampaignFigures(
        _series_row_by_row(project), _latest_sums(project, FIGURES), _video_reactions(project)
    )


def _latest_sums(project: GrantProject, names: tuple[str, ...]) -> dict[str, int]:
    totals = _latest_snapshots(project).aggregate(**{name: Sum(name) for name in names})
    return {name: totals[name] or 0 for name in names}


def _video_reactions(project: GrantProject) -> dict[str, int]:
    latest = _latest_snapshots(project).filter(post__video__isnull=False)
    totals = latest.aggregate(**{name: Sum(name) for name in REACTIONS})
    return {name: totals[name] or 0 for name in REACTIONS}


def _series_row_by_row(project: GrantProject) -> list[tuple[date, int]]:
    rows = (
        PostSnapshot.objects.filter(post__project=project)
        .order_by("taken_on")
        .values_list("taken_on", "post_id", "views")
    )
    known: dict[int, int] = {}
    series: list[tuple[date, int]] = []
    total = 0
    for taken_on, post_id, views in rows.iterator(chunk_size=5000):
        # A running total: each row replaces what its post was known to have.
        total += views - known.get(post_id, 0)
        known[post_id] = views
        if series and series[-1][0] == taken_on:
            series[-1] = (taken_on, total)
        else:
            series.append((taken_on, total))
    return series


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
    if connection.vendor == "postgresql":
        return campaign_figures(project).totals
    return _latest_sums(project, FIGURES)


def total_views(project: GrantProject) -> int:
    if connection.vendor == "postgresql":
        return campaign_figures(project).totals["views"]
    return _latest_sums(project, ("views",))["views"]


def positive_share(project: GrantProject) -> float | None:
    """Positive / all classified reactions (positive + neutral + negative) over the latest
    snapshots of the posts of a video, as a fraction 0–1; None while no reaction has been
    classified. The document measures reactions "to the videos": a post about the
    exhibition is left out."""
    if connection.vendor == "postgresql":
        return campaign_figures(project).positive_share
    return CampaignFigures([], {}, _video_reactions(project)).positive_share


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
    if connection.vendor == "postgresql":
        return campaign_figures(project).views_over_time
    return _series_by_day_changes(project)


def _series_by_day_changes(project: GrantProject) -> list[tuple[date, int]]:
    """The database gives each day's change (every snapshot less its post's previous one)
    and Python adds the days up: reading all 60 000 snapshots into Python to keep each
    post's latest took 0.1 to 0.4 s of the dashboard at 30 000 applications."""
    snapshot, post = (
        connection.ops.quote_name(model._meta.db_table) for model in (PostSnapshot, Post)
    )
    # Only the models' table names are put into the text.
    sql = (
        "SELECT taken_on, SUM(views - previous) FROM ("  # noqa: S608
        "SELECT s.taken_on, s.views, "
        "LAG(s.views, 1, 0) OVER (PARTITION BY s.post_id ORDER BY s.taken_on) AS previous "
        f"FROM {snapshot} s INNER JOIN {post} p ON p.id = s.post_id WHERE p.project_id = %s"
        ") changes GROUP BY taken_on ORDER BY taken_on"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [project.pk])
        changes = cursor.fetchall()
    series: list[tuple[date, int]] = []
    total = 0
    for taken_on, change in changes:
        total += int(change)
        # SQLite gives the day as text.
        series.append(
            (date.fromisoformat(taken_on) if isinstance(taken_on, str) else taken_on, total)
        )
    return series


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
