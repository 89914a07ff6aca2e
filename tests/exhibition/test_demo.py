"""The demo carries what the brief expects from activities 3 and 4, as the indicators read it."""

import pytest

from demo.loader import load_demo
from exhibition import selectors as exhibition_selectors
from exhibition.models import Letter
from media_campaign import selectors as media_selectors
from media_campaign.models import Post, PostSnapshot, Video
from projects.models import GrantProject

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_demo_meets_the_media_and_exhibition_targets(media_root, full_demo):
    project = GrantProject.objects.get(slug="jastarurban")
    assert media_selectors.videos_count(project) == 10
    assert media_selectors.videos_count(project, grantee_only=True) == 7
    villages = Video.objects.filter(grantee__isnull=False).values_list("village", flat=True)
    assert len(set(villages)) == 7
    assert media_selectors.posts_count(project) >= 25
    for video in media_selectors.videos_with_post_counts(project):
        assert video.post_count >= 2
    assert media_selectors.total_views(project) > 25_000
    assert media_selectors.positive_share(project) > 0.5
    assert media_selectors.publications_count(project) == 5
    series = media_selectors.views_over_time(project)
    assert len(series) >= 3 and series[-1][1] == media_selectors.total_views(project)

    exhibition = exhibition_selectors.project_exhibition(project)
    assert exhibition_selectors.stands_count(exhibition) == 7
    assert exhibition_selectors.participants_checked_in(exhibition) >= 50
    assert exhibition_selectors.round_tables_count(exhibition) == 1
    assert exhibition_selectors.letters_count(exhibition, ready_only=True) >= 10
    assert exhibition_selectors.support_grew_share(exhibition) > 0.3
    assert all(letter.pdf for letter in Letter.objects.all())

    counts = (Post.objects.count(), PostSnapshot.objects.count(), Letter.objects.count())
    load_demo()
    assert (Post.objects.count(), PostSnapshot.objects.count(), Letter.objects.count()) == counts
