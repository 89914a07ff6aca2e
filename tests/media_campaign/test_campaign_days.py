"""The media page and the indicators read the campaign's stored days (CampaignDay), not the
snapshots: every write must leave them giving the figures the snapshots give."""

import importlib
from datetime import date

import pytest
from django.apps import apps

from media_campaign.models import CampaignDay, Post, PostSnapshot
from media_campaign.selectors import (
    FIGURES,
    REACTIONS,
    CampaignFigures,
    campaign_figures,
    figures_from_snapshots,
)
from media_campaign.services import post_update, snapshots_import
from tests.factories import PostFactory, PostSnapshotFactory, VideoFactory

pytestmark = pytest.mark.django_db


def figures_the_plain_way(project) -> CampaignFigures:
    """On each day a snapshot was taken, every post's latest snapshot up to that day,
    looked up one by one: slow, and plain enough to trust."""
    snapshots = list(
        PostSnapshot.objects.filter(post__project=project)
        .select_related("post")
        .order_by("taken_on")
    )
    series = []
    for day in sorted({snapshot.taken_on for snapshot in snapshots}):
        known = {s.post_id: s.views for s in snapshots if s.taken_on <= day}
        series.append((day, sum(known.values())))
    latest = {snapshot.post_id: snapshot for snapshot in snapshots}
    return CampaignFigures(
        series,
        {name: sum(getattr(s, name) for s in latest.values()) for name in FIGURES},
        {
            name: sum(getattr(s, name) for s in latest.values() if s.post.video_id)
            for name in REACTIONS
        },
    )


def assert_in_step(project) -> CampaignFigures:
    stored = campaign_figures(project)
    assert stored == figures_from_snapshots(project) == figures_the_plain_way(project)
    return stored


@pytest.fixture
def campaign(db):
    """Posts about a video with several snapshots, gaps between them and a figure that
    went down; a post about an event; a post with no snapshot; another project's post on
    the same days."""
    video = VideoFactory()
    project = video.project
    steady, late = PostFactory(video=video), PostFactory(video=video)
    event = PostFactory(project=project, video=None, event="Көрме")
    PostFactory(video=video)  # never measured
    for day, views, positive in [(1, 100, 1), (15, 300, 4), (29, 250, 3)]:
        PostSnapshotFactory(
            post=steady, taken_on=date(2025, 10, day), views=views, positive=positive
        )
    PostSnapshotFactory(post=late, taken_on=date(2025, 10, 20), views=40, negative=2)
    PostSnapshotFactory(post=event, taken_on=date(2025, 10, 1), views=70, positive=50)
    PostSnapshotFactory(post=event, taken_on=date(2025, 10, 20), views=90, positive=60)
    PostSnapshotFactory(post=PostFactory(), taken_on=date(2025, 10, 15), views=10_000)
    return project


def test_the_stored_days_give_the_figures_the_snapshots_give(campaign):
    figures = assert_in_step(campaign)
    assert figures.views_over_time == [
        (date(2025, 10, 1), 170),
        (date(2025, 10, 15), 370),
        (date(2025, 10, 20), 430),
        (date(2025, 10, 29), 380),
    ]
    assert figures.totals["views"] == 250 + 40 + 90
    # The event's 60 positive reactions are not the videos'.
    # The latest of each post about a video (the factory's 3 neutral, 6 positive on the
    # late one, 1 negative on the other).
    assert figures.video_reactions == {"positive": 3 + 6, "neutral": 3 + 3, "negative": 1 + 2}
    # Kept apart by day and kind of post: 1.10 and 20.10 have both.
    assert CampaignDay.objects.filter(project=campaign).count() == 6


def test_the_figures_are_one_query_of_a_row_per_day_and_kind(campaign, django_assert_num_queries):
    with django_assert_num_queries(1):
        campaign_figures(campaign)


def test_a_project_without_snapshots_has_no_days_and_zero_figures(db):
    project = PostFactory().project
    figures = assert_in_step(project)
    assert figures.views_over_time == [] and figures.totals["views"] == 0
    assert figures.positive_share is None


def test_an_import_between_two_days_and_over_one_keeps_the_days_in_step(campaign):
    steady = Post.objects.filter(project=campaign, snapshots__taken_on=date(2025, 10, 29)).get()
    content = (
        "link,date,views,likes,comments,shares,positive,neutral,negative\n"
        f"{steady.link},08.10.2025,200,1,1,1,2,0,0\n"
        f"{steady.link},29.10.2025,900,1,1,1,9,0,0\n"
    )
    snapshots_import(project=campaign, content=content.encode(), platform="generic")
    figures = assert_in_step(campaign)
    assert (date(2025, 10, 8), 270) in figures.views_over_time
    assert figures.views_over_time[-1] == (date(2025, 10, 29), 900 + 40 + 90)


def test_figures_typed_in_by_hand_keep_the_days_in_step(client, staff, campaign):
    post = Post.objects.filter(project=campaign, event="Көрме").get()
    client.force_login(staff)
    response = client.post(
        f"/projects/{campaign.slug}/media/posts/{post.pk}/",
        {
            "taken_on": "2025-11-01",
            "views": 500,
            "likes": 0,
            "comments": 0,
            "shares": 0,
            "positive": 0,
            "neutral": 0,
            "negative": 0,
        },
    )
    assert response.status_code == 302
    assert assert_in_step(campaign).views_over_time[-1] == (date(2025, 11, 1), 250 + 40 + 500)


def test_a_post_moved_from_its_video_to_an_event_takes_its_reactions_along(campaign):
    late = Post.objects.filter(project=campaign, snapshots__taken_on=date(2025, 10, 20))
    late = late.exclude(event="Көрме").get()
    late.video, late.event = None, "Дөңгелек үстел"
    post_update(post=late)
    assert assert_in_step(campaign).video_reactions["negative"] == 1


def test_the_migration_derives_the_days_of_the_snapshots_already_stored(campaign):
    migration = importlib.import_module("media_campaign.migrations.0004_campaign_days")
    stored = campaign_figures(campaign)
    CampaignDay.objects.all().delete()
    migration.derive_days(apps, None)
    assert campaign_figures(campaign) == stored == figures_the_plain_way(campaign)


def admin_change_data(post: Post) -> dict:
    """The admin's change form of `post` as it shows it, its snapshots inline, in day order."""
    snapshots = list(post.snapshots.order_by("taken_on"))
    data = {
        "project": post.project_id,
        "platform": post.platform,
        "link": post.link,
        "published_on": post.published_on.isoformat(),
        "video": post.video_id or "",
        "event": post.event,
        "snapshots-TOTAL_FORMS": len(snapshots),
        "snapshots-INITIAL_FORMS": len(snapshots),
        "snapshots-MIN_NUM_FORMS": 0,
        "snapshots-MAX_NUM_FORMS": 1000,
    }
    for index, snapshot in enumerate(snapshots):
        prefix = f"snapshots-{index}-"
        data |= {f"{prefix}{name}": getattr(snapshot, name) for name in FIGURES}
        data |= {
            f"{prefix}id": snapshot.pk,
            f"{prefix}post": post.pk,
            f"{prefix}taken_on": snapshot.taken_on.isoformat(),
        }
    return data


def test_a_post_deleted_in_the_admin_leaves_the_figures(admin_client, campaign):
    event = Post.objects.filter(project=campaign, event="Көрме").get()
    response = admin_client.post(f"/admin/media_campaign/post/{event.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Post.objects.filter(pk=event.pk).exists()
    assert assert_in_step(campaign).totals["views"] == 250 + 40


def test_snapshots_edited_and_deleted_in_the_admin_leave_the_figures(admin_client, campaign):
    steady = Post.objects.filter(project=campaign, snapshots__taken_on=date(2025, 10, 29)).get()
    data = admin_change_data(steady)
    # The 29.10 figure corrected, the 15.10 one deleted.
    data["snapshots-2-views"] = 600
    data["snapshots-1-DELETE"] = "on"
    response = admin_client.post(f"/admin/media_campaign/post/{steady.pk}/change/", data)
    assert response.status_code == 302, response.context["errors"]
    assert steady.snapshots.count() == 2
    figures = assert_in_step(campaign)
    assert figures.views_over_time[-1] == (date(2025, 10, 29), 600 + 40 + 90)
    assert date(2025, 10, 15) not in dict(figures.views_over_time)


def test_a_post_moved_to_another_project_in_the_admin_leaves_both_in_step(admin_client, campaign):
    event = Post.objects.filter(project=campaign, event="Көрме").get()
    other = Post.objects.exclude(project=campaign).get().project
    data = admin_change_data(event) | {"project": other.pk}
    response = admin_client.post(f"/admin/media_campaign/post/{event.pk}/change/", data)
    assert response.status_code == 302, response.context["errors"]
    # The event's 90 views left the campaign and joined the other project's 10 000.
    assert assert_in_step(campaign).totals["views"] == 250 + 40
    assert assert_in_step(other).totals["views"] == 10_000 + 90
