"""Reads reused by the media page and by the indicators (reports): all sums in the database.

Every total counts each post once, with its LATEST snapshot: figures on a platform only
grow, and an export taken twice must not count twice.
"""

from datetime import date

from django.db import connection
from django.db.models import Avg, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from media_campaign.models import (
    POSTS_PER_VIDEO,
    Post,
    PostSnapshot,
    Promotion,
    Publication,
    Video,
)
from projects.models import GrantProject


def latest_snapshots(project: GrantProject, *, on: date | None = None) -> QuerySet:
    """Each post's latest snapshot (as of `on`, if given)."""
    newer = PostSnapshot.objects.filter(post=OuterRef("post"))
    if on is not None:
        newer = newer.filter(taken_on__lte=on)
    latest = newer.order_by("-taken_on").values("taken_on")[:1]
    return PostSnapshot.objects.filter(post__project=project, taken_on=Subquery(latest))


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
    fields = ("views", "likes", "comments", "shares", "positive", "neutral", "negative")
    totals = latest_snapshots(project).aggregate(**{name: Sum(name) for name in fields})
    return {name: totals[name] or 0 for name in fields}


def total_views(project: GrantProject) -> int:
    return latest_snapshots(project).aggregate(total=Sum("views"))["total"] or 0


def positive_share(project: GrantProject) -> float | None:
    """Positive / all classified reactions (positive + neutral + negative) over the latest
    snapshots of the posts of a video, as a fraction 0–1; None while no reaction has been
    classified. The document measures reactions "to the videos": a post about the
    exhibition is left out."""
    totals = (
        latest_snapshots(project)
        .filter(post__video__isnull=False)
        .aggregate(positive=Sum("positive"), neutral=Sum("neutral"), negative=Sum("negative"))
    )
    classified = sum(totals[name] or 0 for name in totals)
    return (totals["positive"] or 0) / classified if classified else None


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
    with its latest snapshot up to that day (so the line never double counts).

    The database gives each day's change (every snapshot less its post's previous one) and
    Python adds the days up: reading all 60 000 snapshots into Python to keep each post's
    latest took 0.1 to 0.4 s of the dashboard at 30 000 applications."""
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
