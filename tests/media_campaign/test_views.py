from datetime import date

import pytest

from media_campaign.models import Post, PostSnapshot, Video
from media_campaign.selectors import (
    positive_share,
    posts_count,
    publications_count,
    total_views,
    videos_count,
    views_over_time,
)
from tests.factories import GranteeProjectFactory, PostFactory, PostSnapshotFactory, VideoFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(db):
    """Three videos with two posts each, figures on two dates; one project-wide video."""
    grantee = GranteeProjectFactory()
    project = grantee.application.competition.project
    videos = [VideoFactory(project=project, grantee=grantee) for _ in range(2)]
    videos.append(VideoFactory(project=project, grantee=None))
    for video in videos:
        for _ in range(2):
            post = PostFactory(video=video)
            PostSnapshotFactory(post=post, taken_on=date(2025, 10, 1), views=500, positive=2)
            PostSnapshotFactory(post=post, taken_on=date(2025, 10, 15), views=900)
    return project


def test_selectors_count_each_post_once_with_its_latest_figures(campaign):
    assert videos_count(campaign) == 3
    assert videos_count(campaign, grantee_only=True) == 2
    assert posts_count(campaign) == 6
    assert total_views(campaign) == 6 * 900
    # latest snapshots: 6 positive, 3 neutral, 1 negative each
    assert positive_share(campaign) == pytest.approx(0.6)
    assert views_over_time(campaign) == [(date(2025, 10, 1), 3000), (date(2025, 10, 15), 5400)]
    assert publications_count(campaign) == 0


def test_total_views_is_one_query(campaign, django_assert_num_queries):
    with django_assert_num_queries(1):
        total_views(campaign)


def test_positive_share_is_none_before_any_reaction_is_classified(db):
    post = PostFactory()
    PostSnapshotFactory(post=post, positive=0, neutral=0, negative=0)
    assert positive_share(post.project) is None


def test_the_media_page_and_post_list_have_constant_queries(
    client, operator, campaign, django_assert_max_num_queries
):
    client.force_login(operator)
    # The figures (one query of the stored campaign days), their targets (one query for
    # every indicator row) and the promotions; the per-video figures come from the video
    # rows (it was 17, then 14).
    with django_assert_max_num_queries(12):
        home = client.get(f"/projects/{campaign.slug}/media/")
    assert home.status_code == 200
    assert "5,400" in home.content.decode() or "5 400" in home.content.decode().replace("\xa0", " ")
    with django_assert_max_num_queries(8):
        posts = client.get(f"/projects/{campaign.slug}/media/posts/")
    assert len(posts.context["posts"]) == 6


def test_staff_add_a_video_and_are_warned_about_an_unusual_length(client, staff, campaign):
    client.force_login(staff)
    response = client.post(
        f"/projects/{campaign.slug}/media/videos/add/",
        {"title": "Ұзын ролик", "duration_seconds": 300, "status": "filmed"},
        follow=True,
    )
    assert response.status_code == 200
    video = Video.objects.get(title="Ұзын ролик")
    assert video.project == campaign
    assert any(m.level_tag == "warning" for m in response.context["messages"])


def test_a_post_needs_a_video_or_an_event_and_a_new_link(client, staff, campaign):
    client.force_login(staff)
    existing = Post.objects.first()
    response = client.post(
        f"/projects/{campaign.slug}/media/posts/add/",
        {"platform": "tiktok", "link": existing.link + "/", "published_on": "2025-10-02"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "link" in errors and "__all__" in errors
    ok = client.post(
        f"/projects/{campaign.slug}/media/posts/add/",
        {
            "platform": "tiktok",
            "link": "https://www.tiktok.com/@gamo/video/1?lang=kk",
            "published_on": "2025-10-02",
            "event": "Қорытынды көрме",
        },
    )
    assert ok.status_code == 302
    assert Post.objects.filter(link="https://www.tiktok.com/@gamo/video/1").exists()


def test_staff_enter_figures_by_hand_once_per_day(client, staff, operator, campaign):
    post = Post.objects.first()
    figures = {
        "taken_on": "2025-10-20",
        "views": 1200,
        "likes": 50,
        "comments": 9,
        "shares": 3,
        "positive": 6,
        "neutral": 2,
        "negative": 1,
    }
    client.force_login(operator)
    assert (
        client.post(f"/projects/{campaign.slug}/media/posts/{post.pk}/", figures).status_code == 403
    )
    client.force_login(staff)
    assert (
        client.post(f"/projects/{campaign.slug}/media/posts/{post.pk}/", figures).status_code == 302
    )
    again = client.post(f"/projects/{campaign.slug}/media/posts/{post.pk}/", figures)
    assert again.status_code == 200
    assert PostSnapshot.objects.filter(post=post, taken_on=date(2025, 10, 20)).count() == 1


def test_staff_correct_a_posts_link(client, staff, campaign):
    post = Post.objects.first()
    client.force_login(staff)
    response = client.post(
        f"/projects/{campaign.slug}/media/posts/{post.pk}/edit/",
        {
            "platform": "facebook",
            "link": "https://www.facebook.com/gamo/posts/42/?ref=share",
            "published_on": "2025-09-03",
            "video": post.video_id,
        },
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert (post.platform, post.link) == ("facebook", "https://www.facebook.com/gamo/posts/42")


def test_the_media_page_figures_from_its_video_rows_equal_the_reports_selectors(
    client, operator, campaign
):
    """The page counts grantee videos with two posts, their average length and the posts
    from the rows it reads; the reports read the same through the selectors."""
    from media_campaign.selectors import average_duration_seconds, videos_with_posts_count

    grantee_video = Video.objects.filter(project=campaign, grantee__isnull=False).first()
    Video.objects.filter(pk=grantee_video.pk).update(duration_seconds=150)
    short = VideoFactory(project=campaign, grantee=grantee_video.grantee, duration_seconds=None)
    PostFactory(video=short)
    client.force_login(operator)
    response = client.get(f"/projects/{campaign.slug}/media/")
    assert response.context["videos_with_posts"] == videos_with_posts_count(campaign) == 2
    assert average_duration_seconds(campaign) == 120  # (150 + 90) / 2: no length is not 0
    assert str(response.context["average_display"]).startswith("120")
    assert response.context["posts_count"] == posts_count(campaign) == 7
    assert response.context["video_posts_count"] == posts_count(campaign, for_videos_only=True)


def test_views_over_time_keeps_each_posts_latest_figure_on_days_it_was_not_taken(campaign):
    """A post first seen later, a post not seen again, another project's post: each day
    counts every post of this project once, with its latest figure up to that day."""
    video = VideoFactory(project=campaign, grantee=None)
    late, early = PostFactory(video=video), PostFactory(video=video)
    PostSnapshotFactory(post=late, taken_on=date(2025, 10, 15), views=100)
    PostSnapshotFactory(post=late, taken_on=date(2025, 10, 20), views=250)
    PostSnapshotFactory(post=early, taken_on=date(2025, 9, 30), views=40)
    PostSnapshotFactory(post=PostFactory(), taken_on=date(2025, 10, 1), views=10_000)
    assert views_over_time(campaign) == [
        (date(2025, 9, 30), 40),
        (date(2025, 10, 1), 3040),
        (date(2025, 10, 15), 5540),
        (date(2025, 10, 20), 5690),
    ]


def test_the_stored_figures_equal_the_ones_worked_out_from_the_snapshots(campaign):
    """The page reads the stored campaign days; worked out from the snapshots now (one
    LAG query, on either database) the figures are the same."""
    from media_campaign.selectors import campaign_figures, figures_from_snapshots

    post = Post.objects.filter(project=campaign).order_by("pk").first()
    # A figure that went down (a platform removed views), entered out of day order, and
    # a post with a single snapshot about no video.
    PostSnapshotFactory(post=post, taken_on=date(2025, 10, 20), views=700, negative=4)
    PostSnapshotFactory(post=post, taken_on=date(2025, 10, 5), views=600)
    lone = PostFactory(project=campaign, video=None, event="exhibition")
    PostSnapshotFactory(post=lone, taken_on=date(2025, 10, 15), views=50, positive=9)
    stored, computed = campaign_figures(campaign), figures_from_snapshots(campaign)
    assert stored == computed
    assert stored.views_over_time == [
        (date(2025, 10, 1), 3000),
        (date(2025, 10, 5), 3100),
        (date(2025, 10, 15), 5450),
        (date(2025, 10, 20), 5250),
    ]
    assert stored.totals["views"] == 5250
