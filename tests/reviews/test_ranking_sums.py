"""The ranking from the database's sums (reviews.ranking_sums) equals reviews.ranking.rank,
which is itself checked against a brute-force rerun: every figure, flag, rank and label."""

import random
from decimal import Decimal

import pytest

from reviews.ranking import CriterionSpec, SubmittedReview, rank
from reviews.ranking_sums import rank_rows
from reviews.selectors import _compute_ranking

CRITERIA = [
    CriterionSpec(1, Decimal(1), 10),
    CriterionSpec(2, Decimal("0.3"), 10),
    CriterionSpec(3, Decimal(2), 7),  # thirds: review scores that do not divide evenly
    CriterionSpec(4, Decimal(1), 5),
]


def panel(rng: random.Random, applications: int, members: int, *, narrow: bool):
    """Random reviews; narrow scores make ties, equal z-scores and zero spreads common."""
    low = 8 if narrow else 0
    reviews = []
    for application in range(1, applications + 1):
        count = rng.choice([0, 1, 2, 3, 3, 4, 5])
        for member in rng.sample(range(1, members + 1), min(count, members)):
            scores = {c.pk: rng.randint(min(low, c.max_score), c.max_score) for c in CRITERIA}
            reviews.append(SubmittedReview(application, member, scores))
    return list(range(1, applications + 1)), reviews


def as_rows(reviews):
    return [
        (r.application_id, r.member_id, tuple(r.scores[c.pk] for c in CRITERIA)) for r in reviews
    ]


def random_case(rng, *, narrow: bool, by_standardised: bool) -> tuple:
    """A random panel (5 to 120 applications, 3 to 9 experts) and ranking options: from
    one reviewer required to more than some have, no award to more than applications."""
    applications, reviews = panel(
        rng, rng.choice([5, 40, 120]), rng.choice([3, 6, 9]), narrow=narrow
    )
    options = {
        "required_reviews": rng.choice([1, 2, 3, 4]),
        "by_standardised": by_standardised,
        "tie_criteria": rng.choice([[], [3], [3, 4], [4, 1]]),
        "awards": rng.choice([0, 1, 5, 30, 500]),
    }
    return applications, reviews, options


@pytest.mark.parametrize("by_standardised", [False, True])
@pytest.mark.parametrize("narrow", [False, True])
@pytest.mark.parametrize("seed", range(8))
def test_rank_rows_equals_rank(seed, narrow, by_standardised):
    rng = random.Random(seed)
    applications, reviews, options = random_case(
        rng, narrow=narrow, by_standardised=by_standardised
    )
    expected = [item.pack() for item in rank(applications, reviews, CRITERIA, **options)]
    found = [item.pack() for item in rank_rows(applications, as_rows(reviews), CRITERIA, **options)]
    assert found == expected


def test_an_expert_whose_reviews_are_all_equal_gets_zero_z_scores():
    reviews = [
        SubmittedReview(application, 1, {1: 7, 2: 7, 3: 5, 4: 3}) for application in (1, 2, 3)
    ] + [
        SubmittedReview(application, 2, {1: a, 2: 5, 3: 4, 4: 2})
        for application, a in ((1, 9), (2, 2))
    ]
    for by_standardised in (False, True):
        options = {"required_reviews": 1, "by_standardised": by_standardised, "awards": 1}
        assert [i.pack() for i in rank_rows([1, 2, 3], as_rows(reviews), CRITERIA, **options)] == [
            i.pack() for i in rank([1, 2, 3], reviews, CRITERIA, **options)
        ]


@pytest.mark.django_db
def test_the_ranking_page_figures_equal_rank_on_the_database(scored, django_assert_max_num_queries):
    """The database's grouping gives rank() the same reviews as the rows did before."""
    from reviews.models import CriterionScore

    competition = scored[0].competition
    criteria = list(competition.criteria.order_by("position"))
    specs = [CriterionSpec(c.pk, c.weight, c.max_score) for c in criteria]
    grouped = {}
    for score in CriterionScore.objects.filter(review__status="submitted").select_related(
        "review__assignment"
    ):
        assignment = score.review.assignment
        review = grouped.setdefault(
            score.review_id,
            SubmittedReview(assignment.application_id, assignment.member_id, {}),
        )
        review.scores[score.criterion_id] = score.score
    expected = rank(
        sorted(a.pk for a in scored),
        list(grouped.values()),
        specs,
        required_reviews=competition.required_reviews,
        awards=competition.award_count,
    )
    with django_assert_max_num_queries(3):
        found = _compute_ranking(competition)
    assert [item.pack() for item in found] == [item.pack() for item in expected]
    assert [item.rank for item in found][:3] == [1, 2, 3]
