"""The ranking page's order in whole numbers (reviews.ranking_order) with the shown
applications' figures equals rank_rows() and rank() item for item: places, ties, every
figure and the leave-one-expert-out labels, on random panels with ties and missing reviews."""

import random
from decimal import Decimal

import pytest

from reviews.ranking import CriterionSpec, SubmittedReview, rank
from reviews.ranking_order import ordered_means, ranking_order, rounded, shown_items
from reviews.ranking_sums import rank_rows
from tests.reviews.test_ranking_sums import CRITERIA, as_rows, panel, random_case

TENTHS = [CriterionSpec(1, Decimal("0.25"), 10), CriterionSpec(2, Decimal(2), 5)]


def paged(applications, rows, criteria, options, per_page):
    """Every item as the page shows it, page after page."""
    order = ranking_order(applications, rows, criteria, **options)
    items = []
    for start in range(0, len(order.order), per_page):
        positions = range(start, min(start + per_page, len(order.order)))
        shown = {order.order[p] for p in positions}
        own = [row for row in rows if row[0] in shown]
        items += shown_items(
            order, positions, own, criteria, required_reviews=options["required_reviews"]
        )
    return items


@pytest.mark.parametrize("by_standardised", [False, True])
@pytest.mark.parametrize("narrow", [False, True])
@pytest.mark.parametrize("seed", range(10))
def test_the_page_order_equals_rank_rows_and_rank(seed, narrow, by_standardised):
    rng = random.Random(1000 + seed)
    applications, reviews, options = random_case(
        rng, narrow=narrow, by_standardised=by_standardised
    )
    expected = [item.pack() for item in rank(applications, reviews, CRITERIA, **options)]
    rows = as_rows(reviews)
    assert [item.pack() for item in rank_rows(applications, rows, CRITERIA, **options)] == (
        expected
    )
    found = paged(applications, rows, CRITERIA, options, per_page=rng.choice([1, 7, 100]))
    assert [item.pack() for item in found] == expected


@pytest.mark.parametrize("by_standardised", [False, True])
@pytest.mark.parametrize("narrow", [False, True])
@pytest.mark.parametrize("seed", range(10))
def test_every_place_with_its_reviews_and_mean_equals_rank(seed, narrow, by_standardised):
    """What a file listing every application prints: the order, ranks, review counts and
    means rank() gives, unranked applications (too few reviews, or none) included."""
    rng = random.Random(2000 + seed)
    applications, reviews, options = random_case(
        rng, narrow=narrow, by_standardised=by_standardised
    )
    expected = [
        (item.application_id, item.rank, item.reviews, item.mean)
        for item in rank(applications, reviews, CRITERIA, **options)
    ]
    rows = as_rows(reviews)
    order = ranking_order(applications, rows, CRITERIA, **options)
    assert [tuple(placed) for placed in ordered_means(order, rows, CRITERIA)] == expected


def test_unranked_applications_with_reviews_are_there_to_compare():
    """Those panels do have applications with reviews but too few for a place (a mean and
    no rank), and applications without any."""
    seen = set()
    for seed in range(10):
        applications, reviews, options = random_case(
            random.Random(2000 + seed), narrow=True, by_standardised=False
        )
        for item in rank(applications, reviews, CRITERIA, **options):
            seen.add((item.rank is None, item.reviews > 0))
    assert seen == {(False, True), (True, True), (True, False)}


def test_ties_and_labels_are_there_to_compare():
    """The random panels do exercise what they check: ties for the chair, every label."""
    rng = random.Random(7)
    applications, reviews = panel(rng, 120, 6, narrow=True)
    options = {"required_reviews": 2, "tie_criteria": [3], "awards": 30}
    found = paged(applications, as_rows(reviews), CRITERIA, options, per_page=50)
    assert any(item.tied_with_next for item in found)
    assert {item.stability for item in found} == {"", "stable_funded", "borderline", "stable_out"}


def test_rounded_rounds_halves_to_even_as_quantize_does():
    for numerator in range(-400, 401):
        for denominator in (1, 2, 3, 4, 6, 7, 8):
            exact = (Decimal(numerator) / denominator).quantize(Decimal(1))
            assert rounded(numerator, denominator) == int(exact), (numerator, denominator)


def test_weights_in_fractions_and_other_maxima():
    rng = random.Random(3)
    reviews_at = [(a, m) for a in range(1, 30) for m in rng.sample(range(1, 6), 3)]
    reviews = [
        SubmittedReview(a, m, {1: rng.randint(0, 10), 2: rng.randint(0, 5)}) for a, m in reviews_at
    ]
    rows = [(r.application_id, r.member_id, (r.scores[1], r.scores[2])) for r in reviews]
    options = {"required_reviews": 3, "tie_criteria": [2], "awards": 4}
    expected = [i.pack() for i in rank(list(range(1, 30)), reviews, TENTHS, **options)]
    found = paged(list(range(1, 30)), rows, TENTHS, options, per_page=10)
    assert [item.pack() for item in found] == expected
