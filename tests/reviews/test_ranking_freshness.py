"""The ranking page never shows a stale order (issue 16): the order is kept in the database
and the cache under the competition's ranking version, so every kind of write the ranking
depends on must change that version (or, for the competition's settings and criteria, the
key) in its own transaction. Each test opens the page (the order is then kept), makes one
kind of change the way the portal makes it, and opens the page again: it must equal rank()
on the rows as they are now, and differ from before."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.admin.sites import site
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone

from applications.models import Application
from applications.services.application import application_reopen, application_screen
from competitions.models import Criterion
from reviews.models import Assignment, CommissionMember, RankingState, Review
from reviews.selectors import _ranking_rows, open_flags, ranking_results
from reviews.services import flag_resolve, review_reopen, review_submit
from tests.reviews.test_cold_path import ranked_in_python

pytestmark = pytest.mark.django_db


def page(client, competition) -> list[tuple]:
    """The page's rows as (application, rank, mean, reviews, stability, tied)."""
    response = client.get(f"/reviews/ranking/{competition.slug}/")
    assert response.status_code == 200
    return [
        (
            row.application.pk,
            row.result.rank,
            row.result.mean,
            row.result.reviews,
            row.result.stability,
            row.result.tied_with_next,
        )
        for row, _decision, _proposed in response.context["rows"]
    ]


def expected(competition) -> list[tuple]:
    competition.refresh_from_db()
    return [
        (
            item.application_id,
            item.rank,
            item.mean,
            item.reviews,
            item.stability,
            item.tied_with_next,
        )
        for item in ranked_in_python(competition)
    ]


@pytest.fixture
def opened(client, staff, scored):
    """The page opened once: its order is kept in the database and the cache."""
    competition = scored[0].competition
    client.force_login(staff)
    before = page(client, competition)
    assert before == expected(competition)
    state = RankingState.objects.get(competition=competition)
    assert state.computed_for.startswith(f"{state.version}:")
    return competition, before


def fresh_after(client, competition, before) -> None:
    """Opened again, with the cache (a warm site) and without it (a cold one)."""
    now = expected(competition)
    assert now != before
    assert page(client, competition) == now
    cache.clear()
    assert page(client, competition) == now
    assert [item.pack() for item in ranking_results(competition)] == [
        item.pack() for item in ranked_in_python(competition)
    ]


def _scores(competition, value: int) -> dict:
    return {c.pk: (value, "Негіздеме") for c in competition.criteria.all()}


def test_a_submitted_review_shows_at_once(client, opened, scored, commission):
    competition, before = opened
    # The fourth application's third review: it becomes complete and ranked.
    assignment = Assignment.objects.create(
        application=scored[3], member=commission[2], conflict="none"
    )
    review_submit(assignment=assignment, scores=_scores(competition, 1), comment="Пікір")
    fresh_after(client, competition, before)


def test_a_reopened_review_shows_at_once(client, opened, scored, staff):
    competition, before = opened
    review = Review.objects.filter(assignment__application=scored[0]).order_by("pk").first()
    review_reopen(review=review, by=staff, reason="Балл қате қойылды")
    fresh_after(client, competition, before)


def test_a_resubmitted_review_with_other_scores_shows_at_once(client, opened, scored, staff):
    competition, before = opened
    # The first application's 9, 9, 9 become 9, 9, 0: it falls below the second.
    review = Review.objects.filter(assignment__application=scored[0]).order_by("pk").first()
    review_reopen(review=review, by=staff, reason="Балл қате қойылды")
    review_submit(
        assignment=review.assignment,
        scores=_scores(competition, 0),
        comment="Түзетілді",
        now=timezone.now() + timedelta(minutes=1),
    )
    assert page(client, competition)[0][0] == scored[1].pk
    fresh_after(client, competition, before)


def test_a_review_voided_by_a_confirmed_conflict_shows_at_once(client, opened, staff):
    competition, before = opened
    (flag,) = open_flags(competition)
    flag_resolve(
        competition=competition,
        application_id=flag.application.pk,
        member_id=flag.member.pk,
        confirm=True,
        note="Туыстар",
        by=staff,
    )
    assert Review.objects.filter(status="voided").exists()
    fresh_after(client, competition, before)


def test_an_application_screened_out_or_returned_leaves_at_once(client, opened, scored, staff):
    competition, before = opened
    application_screen(application=scored[1], by=staff, eligible=False, reason="Ереже бұзылды")
    fresh_after(client, competition, before)
    before = page(client, competition)
    application_reopen(
        application=scored[0],
        by=staff,
        reason="Бюджетті түзетіңіз",
        deadline=timezone.now() + timedelta(days=3),
    )
    fresh_after(client, competition, before)


def test_an_application_screened_in_shows_at_once(client, opened, scored, staff):
    competition, before = opened
    application_screen(application=scored[1], by=staff, eligible=False, reason="Ереже бұзылды")
    before = page(client, competition)
    assert before == expected(competition)
    application_screen(application=scored[1], by=staff, eligible=True, reason="")
    fresh_after(client, competition, before)


def test_the_competitions_ranking_settings_show_at_once(client, opened):
    competition, before = opened
    competition.required_reviews = 2  # the fourth application is ranked now
    competition.save()
    fresh_after(client, competition, before)
    before = page(client, competition)
    competition.ranking_method = competition.RankingMethod.STANDARDISED
    competition.save()
    fresh_after(client, competition, before)
    before = page(client, competition)
    competition.award_count = 1  # the second application is no longer funded
    competition.save()
    fresh_after(client, competition, before)


def test_the_criteria_weights_and_tie_order_show_at_once(client, opened, scored, staff):
    competition, before = opened
    # The third application's first criterion scored high, so that its weight counts.
    criteria = list(competition.criteria.order_by("position"))
    review = Review.objects.filter(assignment__application=scored[2]).order_by("pk").first()
    review_reopen(review=review, by=staff, reason="Балл қате қойылды")
    scores = _scores(competition, 5)
    scores[criteria[0].pk] = (10, "Негіздеме")
    review_submit(assignment=review.assignment, scores=scores, comment="Түзетілді")
    before = page(client, competition)
    Criterion.objects.filter(pk=criteria[0].pk).update(weight=Decimal(5))
    fresh_after(client, competition, before)
    before = page(client, competition)
    Criterion.objects.filter(pk=criteria[1].pk).update(tie_break_order=1)
    Criterion.objects.filter(pk=criteria[0].pk).update(weight=Decimal(1))
    now = expected(competition)
    assert page(client, competition) == now
    cache.clear()
    assert page(client, competition) == now


def _admin_request(staff):
    request = RequestFactory().post("/admin/")
    request.user = staff
    return request


def test_deleting_in_the_admin_shows_at_once(client, opened, scored, staff):
    competition, before = opened
    request = _admin_request(staff)
    review = Review.objects.filter(assignment__application=scored[0]).order_by("pk").first()
    site._registry[Review].delete_model(request, review)
    fresh_after(client, competition, before)
    before = page(client, competition)
    assignment = Assignment.objects.filter(application=scored[1]).order_by("pk").first()
    site._registry[Assignment].delete_queryset(request, Assignment.objects.filter(pk=assignment.pk))
    fresh_after(client, competition, before)
    before = page(client, competition)
    member = CommissionMember.objects.filter(competition=competition).order_by("pk").last()
    site._registry[CommissionMember].delete_model(request, member)
    fresh_after(client, competition, before)


def test_moving_an_assignment_in_the_admin_shows_at_once(client, opened, scored, commission, staff):
    competition, before = opened
    # The third expert did not review the fourth application: their review of the first
    # now counts for the fourth.
    assignment = Assignment.objects.get(application=scored[0], member=commission[2])
    assignment.application = scored[3]
    site._registry[Assignment].save_model(_admin_request(staff), assignment, None, True)
    fresh_after(client, competition, before)


def test_the_kept_order_is_read_not_computed_when_the_cache_is_cleared(
    client, opened, django_assert_max_num_queries, monkeypatch
):
    competition, before = opened
    from reviews import selectors

    def computed(*args, **kwargs):
        if len(args) < 3 and "applications" not in kwargs:
            raise AssertionError("the whole ranking was computed again")
        return _ranking_rows(*args, **kwargs)

    monkeypatch.setattr(selectors, "_ranking_rows", computed)
    cache.clear()
    assert page(client, competition) == before


def test_an_order_computed_from_an_older_version_is_not_kept(opened, scored):
    """A view that read the version before a review was submitted computed from the old
    rows: the version has changed since, so its order is not kept under the new one."""
    from reviews.ranking_store import read_state, store_order
    from reviews.selectors import current_order
    from reviews.services import ranking_changed

    competition, _before = opened
    criteria = list(competition.criteria.order_by("position"))
    old = read_state(competition.pk, with_order=False)
    order, _rows = current_order(competition, criteria)
    ranking_changed(competition.pk)
    kept_before = RankingState.objects.get(competition=competition).computed_at
    store_order(competition.pk, old, old.computed_for, order)
    state = RankingState.objects.get(competition=competition)
    assert state.version != old.version
    assert state.computed_at == kept_before  # not written over


def test_the_task_enqueued_on_commit_keeps_the_new_order(
    client, opened, scored, commission, django_capture_on_commit_callbacks
):
    competition, before = opened
    assignment = Assignment.objects.create(
        application=scored[3], member=commission[2], conflict="none"
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        review_submit(assignment=assignment, scores=_scores(competition, 1), comment="Пікір")
    assert len(callbacks) == 1
    state = RankingState.objects.get(competition=competition)
    # Computed by the task (Celery runs eagerly here) for the new version.
    assert state.computed_for.startswith(f"{state.version}:")
    assert state.order["order"][: len(before)] != [row[0] for row in before]
    cache.clear()
    assert page(client, competition) == expected(competition)


def test_another_competitions_change_leaves_this_order_kept(opened, staff):
    from reviews.services import ranking_changed
    from tests.factories import CompetitionFactory

    competition, _before = opened
    kept = RankingState.objects.get(competition=competition)
    ranking_changed(CompetitionFactory().pk)
    assert RankingState.objects.get(competition=competition).version == kept.version
    assert Application.objects.filter(competition=competition).exists()
