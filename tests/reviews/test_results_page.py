"""The public results page: when the commission decided, the funded projects with their
village and award, the reserve list in order, and the way there from the call's page."""

from datetime import datetime

import pytest
from django.utils import timezone

from jastarurban.money import format_tenge
from reviews.decisions import results_publish
from tests.reviews.helpers import decide

pytestmark = pytest.mark.django_db

AQTAU = timezone.get_fixed_timezone(5 * 60)
DECIDED = datetime(2025, 8, 14, 11, 0, tzinfo=AQTAU)
PUBLISHED = datetime(2025, 8, 15, 10, 0, tzinfo=AQTAU)


@pytest.fixture
def published(scored, staff):
    """One grant: the best team wins, the next two are the reserve list, the last is unranked."""
    competition = scored[0].competition
    competition.award_count = 1
    competition.save()
    decide(competition=competition, winners=[scored[0].pk], reason="", by=staff, now=DECIDED)
    results_publish(competition=competition, by=staff, now=PUBLISHED)
    return scored


def test_it_shows_the_decision_date_winners_and_the_reserve_in_order(client, published):
    competition = published[0].competition
    response = client.get(f"/reviews/results/{competition.slug}/")
    assert [d.application for d in response.context["awarded"]] == [published[0]]
    assert [d.application for d in response.context["reserve"]] == [published[1], published[2]]
    html = response.content.decode()
    assert "14.08.2025" in html and "15.08.2025" in html
    assert html.index(published[1].title) < html.index(published[2].title)
    assert published[3].title not in html
    village = published[0].village
    assert f"{village.name}, {village.district.name}" in html
    assert format_tenge(900_000) in html


def test_it_reads_in_russian(client, published):
    client.cookies["django_language"] = "ru"
    html = client.get(f"/reviews/results/{published[0].competition.slug}/").content.decode()
    assert "Резервный список" in html and "Решение от" in html


def test_the_closed_call_links_to_its_results(client, published):
    competition = published[0].competition
    html = client.get(f"/competitions/{competition.slug}/").content.decode()
    assert f'href="/reviews/results/{competition.slug}/"' in html


def test_an_unpublished_call_has_no_link_and_no_page(client, scored):
    competition = scored[0].competition
    html = client.get(f"/competitions/{competition.slug}/").content.decode()
    assert "/reviews/results/" not in html
    assert client.get(f"/reviews/results/{competition.slug}/").status_code == 404


def test_the_page_takes_constant_queries(client, published, django_assert_max_num_queries):
    # Competition, award decision, and the winners and reserve in one query.
    with django_assert_max_num_queries(3):
        response = client.get(f"/reviews/results/{published[0].competition.slug}/")
    assert len(response.context["awarded"]) + len(response.context["reserve"]) == 3
