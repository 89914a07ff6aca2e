"""The media campaign's indicators as the source document defines them, on fixtures built
to hit each rule: two posts per video (checked per video), the average length of the
grantee videos, positive reactions over the videos' posts only, and each video's promotion."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from media_campaign.models import Promotion
from projects.models import Indicator
from reports.indicators.registry import SOURCES
from tests.factories import (
    GranteeProjectFactory,
    IndicatorFactory,
    PostFactory,
    PostSnapshotFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db


def measure(key, project):
    return SOURCES[key].compute(project)


@pytest.fixture
def rules(db):
    """Grantee videos with 1, 2 and 3 posts lasting 60, 90 and 150 s; a project-wide video
    of 300 s with no post; an event post whose reactions are all positive."""
    first = GranteeProjectFactory()
    competition = first.application.competition
    project = competition.project
    grantees = [first] + [
        GranteeProjectFactory(application__competition=competition) for _ in range(2)
    ]
    videos = [
        VideoFactory(project=project, grantee=grantee, title=title, duration_seconds=seconds)
        for grantee, title, seconds in zip(
            grantees, ["Бір посты бар", "Екі посты бар", "Үш посты бар"], [60, 90, 150], strict=True
        )
    ]
    VideoFactory(project=project, grantee=None, title="Жоба туралы", duration_seconds=300)
    for video, count in zip(videos, [1, 2, 3], strict=True):
        for _ in range(count):
            # Each video post: 1 positive, 1 neutral, 2 negative on its latest day.
            post = PostFactory(video=video)
            PostSnapshotFactory(post=post, taken_on=date(2025, 9, 1), positive=9, neutral=0)
            PostSnapshotFactory(
                post=post, taken_on=date(2025, 10, 1), positive=1, neutral=1, negative=2
            )
    event = PostFactory(video=None, project=project, event="Қорытынды көрме")
    PostSnapshotFactory(post=event, positive=500, neutral=0, negative=0)
    return project


def test_two_posts_per_video_is_checked_video_by_video(rules):
    # 6 posts about the videos, but only two of the three grantee videos have two.
    assert measure("video_posts", rules) == 6
    assert measure("videos_with_two_posts", rules) == 2


def test_the_average_length_is_over_the_grantee_videos(rules):
    assert measure("video_average_seconds", rules) == 100  # (60 + 90 + 150) / 3


def test_positive_reactions_are_counted_over_the_videos_posts_only(rules):
    # 6 video posts × (1 of 4 classified) = 25 %; the event post's 500 positive are left out.
    assert measure("positive_reactions_share", rules) == Decimal("25.00")


def test_the_media_page_lists_the_videos_short_of_posts(client, staff, rules):
    client.force_login(staff)
    page = client.get(f"/projects/{rules.slug}/media/")
    short = [video.title for video in page.context["videos_short_of_posts"]]
    assert sorted(short) == ["Бір посты бар", "Жоба туралы"]
    html = page.content.decode()
    assert 'data-testid="videos-short-of-posts"' in html and "Бір посты бар" in html
    assert page.context["videos_with_posts"] == 2
    assert page.context["positive_display"] == "25\xa0%"
    assert "100" in page.context["average_display"]


def test_the_media_page_reads_its_targets_from_the_indicator_rows(client, staff, rules):
    views = IndicatorFactory(
        activity__project=rules, source="views_total", unit="views", target=31_500
    )
    IndicatorFactory(
        activity__project=rules,
        source="video_average_seconds",
        unit="seconds",
        target=60,
        target_max=120,
        comparison=Indicator.Comparison.BETWEEN,
    )
    client.force_login(staff)
    html = client.get(f"/projects/{rules.slug}/media/").content.decode().replace("\xa0", " ")
    assert "31 500" in html and "25 000" not in html
    assert "60–120" in html
    views.target = 40_000
    views.save()
    html = client.get(f"/projects/{rules.slug}/media/").content.decode().replace("\xa0", " ")
    assert "40 000" in html and "31 500" not in html


def test_staff_record_a_videos_promotion_and_it_feeds_the_indicators(client, staff, rules):
    video = rules.videos.get(title="Екі посты бар")
    client.force_login(staff)
    form = {
        "video": video.pk,
        "platform": "instagram",
        "targeting": "Мұнайлы ауданы, 18–35 жас",
        "budget_kzt": "1300",
        "reach": "2400",
        "starts_on": "2025-09-05",
        "ends_on": "2025-09-11",
    }
    assert client.post(f"/projects/{rules.slug}/media/promotions/add/", form).status_code == 302
    promotion = Promotion.objects.get()
    assert (promotion.budget_kzt, promotion.reach) == (1300, 2400)
    assert measure("promotion_reach", rules) == 2400
    assert measure("promoted_videos", rules) == 1
    page = client.get(f"/projects/{rules.slug}/media/")
    assert page.context["promotion_totals"]["budget_kzt"] == 1300
    html = page.content.decode().replace("\xa0", " ")
    assert "Мұнайлы ауданы, 18–35 жас" in html and "1 300 ₸" in html
    form["reach"] = "3100"
    assert (
        client.post(f"/projects/{rules.slug}/media/promotions/{promotion.pk}/", form).status_code
        == 302
    )
    assert measure("promotion_reach", rules) == 3100


@pytest.mark.parametrize(
    ("field", "value"),
    [("ends_on", "2025-09-01"), ("budget_kzt", "-5"), ("budget_kzt", "100000001"), ("reach", "x")],
)
def test_a_wrong_promotion_is_refused_with_a_message(client, staff, rules, field, value):
    video = rules.videos.first()
    form = {
        "video": video.pk,
        "platform": "facebook",
        "targeting": "Ақтау",
        "budget_kzt": "1000",
        "reach": "10",
        "starts_on": "2025-09-05",
        "ends_on": "2025-09-11",
        field: value,
    }
    client.force_login(staff)
    response = client.post(f"/projects/{rules.slug}/media/promotions/add/", form)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Promotion.objects.exists()


def test_a_promotion_of_another_projects_video_is_refused(client, staff, rules):
    stranger = VideoFactory()  # another project's video
    client.force_login(staff)
    response = client.post(
        f"/projects/{rules.slug}/media/promotions/add/",
        {
            "video": stranger.pk,
            "platform": "facebook",
            "targeting": "Ақтау",
            "budget_kzt": "1000",
            "reach": "10",
            "starts_on": "2025-09-05",
            "ends_on": "2025-09-11",
        },
    )
    assert "video" in response.context["form"].errors


def test_the_operator_reads_promotions_but_cannot_record_them(client, operator, rules):
    video = rules.videos.first()
    promotion = Promotion.objects.create(
        video=video,
        platform="tiktok",
        targeting="Ақтау",
        budget_kzt=900,
        reach=40,
        starts_on=date(2025, 9, 1),
        ends_on=date(2025, 9, 2),
    )
    client.force_login(operator)
    page = client.get(f"/projects/{rules.slug}/media/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "900" in html and f"/projects/{rules.slug}/media/promotions/{promotion.pk}/" not in html
    assert f"/projects/{rules.slug}/media/promotions/add/" not in html
    assert client.get(f"/projects/{rules.slug}/media/promotions/add/").status_code == 403
    assert (
        client.post(
            f"/projects/{rules.slug}/media/promotions/{promotion.pk}/", {"reach": "1"}
        ).status_code
        == 403
    )
    promotion.refresh_from_db()
    assert promotion.reach == 40


def test_the_media_page_runs_the_same_queries_for_more_rows(client, staff, rules):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/projects/{rules.slug}/media/").status_code == 200
        return len(captured)

    client.force_login(staff)
    for video in rules.videos.all():
        Promotion.objects.create(
            video=video,
            platform="facebook",
            targeting="Ақтау",
            budget_kzt=1000,
            reach=100,
            starts_on=date(2025, 9, 1),
            ends_on=date(2025, 9, 7),
        )
    IndicatorFactory(activity__project=rules, source="posts_total", target=25)
    few = queries()
    grantee = GranteeProjectFactory(application__competition=rules.competitions.first())
    for number in range(5):
        video = VideoFactory(project=rules, grantee=grantee, title=f"Тағы {number}")
        PostSnapshotFactory(post=PostFactory(video=video))
        Promotion.objects.create(
            video=video,
            platform="tiktok",
            targeting="Ақтау",
            budget_kzt=500,
            reach=50,
            starts_on=date(2025, 9, 1),
            ends_on=date(2025, 9, 7),
        )
    assert queries() == few <= 17
