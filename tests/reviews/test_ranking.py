import random
from decimal import Decimal

import pytest

from reviews.ranking import CriterionSpec, SubmittedReview, rank, review_score

CRITERIA = [
    CriterionSpec(1, Decimal(1), 10),  # relevance
    CriterionSpec(2, Decimal(1), 10),  # novelty
    CriterionSpec(3, Decimal(2), 10),  # social impact, weighted double
    CriterionSpec(4, Decimal(1), 5),  # feasibility, out of 5
]
IMPACT, FEASIBILITY = 3, 4
MEMBERS = (1, 2, 3)


def review(application, member, relevance, novelty, impact, feasibility):
    scores = {1: relevance, 2: novelty, 3: impact, 4: feasibility}
    return SubmittedReview(application, member, scores)


def test_a_review_score_is_the_weighted_sum_normalised_to_100():
    assert review_score({1: 10, 2: 10, 3: 10, 4: 5}, CRITERIA) == Decimal("100.00")
    assert review_score({1: 0, 2: 0, 3: 0, 4: 0}, CRITERIA) == Decimal("0.00")
    # (5/10 + 5/10 + 2 × 10/10 + 0/5) / 5 × 100 = 60
    assert review_score({1: 5, 2: 5, 3: 10, 4: 0}, CRITERIA) == Decimal("60.00")


def test_incomplete_applications_get_no_rank():
    reviews = [review(1, m, 8, 8, 8, 4) for m in MEMBERS] + [review(2, 1, 10, 10, 10, 5)]
    result = rank([1, 2], reviews, CRITERIA, required_reviews=3)
    assert [(item.application_id, item.rank) for item in result] == [(1, 1), (2, None)]
    assert not result[1].complete and result[1].reviews == 1


def test_mean_median_spread_and_disagreement_flags():
    reviews = [review(1, 1, 10, 10, 10, 5), review(1, 2, 9, 9, 9, 5), review(1, 3, 1, 1, 1, 1)]
    item = rank([1], reviews, CRITERIA, required_reviews=3)[0]
    assert item.high == Decimal("100.00") and item.low == Decimal("12.00")
    assert item.median == Decimal("92.00")
    assert "spread" in item.flags and "outlier" in item.flags


def test_ties_fall_to_social_impact_then_feasibility_the_same_on_every_run():
    # Each application scores 60: impact decides 10 over 11 and 12, feasibility 12 over 11.
    reviews = [
        *(review(10, m, 5, 5, 10, 0) for m in MEMBERS),  # impact 10, feasibility 0
        *(review(11, m, 10, 10, 5, 0) for m in MEMBERS),  # impact 5, feasibility 0
        *(review(12, m, 9, 9, 5, 1) for m in MEMBERS),  # impact 5, feasibility 1
    ]
    orders = set()
    for shuffle in range(4):
        ordered = reviews[shuffle:] + reviews[:shuffle]
        result = rank(
            [12, 11, 10], ordered, CRITERIA, required_reviews=3, tie_criteria=[IMPACT, FEASIBILITY]
        )
        assert all(item.mean == Decimal("60.00") for item in result)
        orders.add(tuple(item.application_id for item in result))
    assert orders == {(10, 12, 11)}
    assert not any(item.tied_with_next for item in result)


def test_a_tie_no_criterion_breaks_is_marked_for_the_chair():
    reviews = [review(a, m, 7, 7, 7, 3) for a in (1, 2) for m in MEMBERS]
    result = rank([2, 1], reviews, CRITERIA, required_reviews=3, tie_criteria=[IMPACT])
    assert result[0].tied_with_next
    assert [item.application_id for item in result] == [1, 2]  # by id, only for stability


def test_standardised_ranking_levels_a_lenient_and_a_harsh_expert():
    # Expert 1 marks everyone high, expert 2 low; both put 2 first and 3 last.
    reviews = [
        review(1, 1, 9, 9, 9, 4),
        review(2, 1, 10, 10, 10, 5),
        review(3, 1, 8, 8, 8, 4),
        review(1, 2, 2, 2, 2, 1),
        review(2, 2, 3, 3, 3, 2),
        review(3, 2, 1, 1, 1, 1),
    ]
    result = rank([1, 2, 3], reviews, CRITERIA, required_reviews=2, by_standardised=True)
    assert [item.application_id for item in result] == [2, 1, 3]


def test_stability_labels_relative_to_the_award_cut():
    marks = {1: [10, 10, 10], 2: [9, 9, 2], 3: [6, 6, 9], 4: [1, 1, 1]}
    reviews = [
        review(application, member, value, value, value, value // 2)
        for application, values in marks.items()
        for member, value in enumerate(values, start=1)
    ]
    result = rank([1, 2, 3, 4], reviews, CRITERIA, required_reviews=3, awards=2)
    labels = {item.application_id: item.stability for item in result}
    assert labels[1] == "stable_funded"
    assert labels[4] == "stable_out"
    assert labels[2] == "borderline" and labels[3] == "borderline"


@pytest.mark.parametrize("by_standardised", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_the_stability_labels_equal_a_brute_force_rerun_without_each_expert(seed, by_standardised):
    """The fast leave-one-expert-out check agrees with ranking again from scratch."""
    rng = random.Random(seed)
    members = list(range(1, 8))
    applications = list(range(1, 41))
    reviews = [
        review(application, member, *(rng.randint(3, 10) for _ in range(3)), rng.randint(1, 5))
        for application in applications
        for member in rng.sample(members, rng.choice([3, 4, 5]))
    ]
    required, awards = 4, 7
    ranked = rank(
        applications,
        reviews,
        CRITERIA,
        required_reviews=required,
        awards=awards,
        by_standardised=by_standardised,
        tie_criteria=[IMPACT, FEASIBILITY],
    )
    funded_now = {item.application_id for item in ranked[:awards] if item.rank}
    runs = []
    for member in members:
        rerun = rank(
            applications,
            [r for r in reviews if r.member_id != member],
            CRITERIA,
            required_reviews=required - 1,
            by_standardised=by_standardised,
            tie_criteria=[IMPACT, FEASIBILITY],
            stability=False,
        )
        runs.append({item.application_id for item in rerun if item.rank and item.rank <= awards})
    for item in (item for item in ranked if item.rank):
        times = sum(item.application_id in run for run in runs)
        expected = (
            "stable_funded"
            if item.application_id in funded_now and times == len(runs)
            else "stable_out"
            if item.application_id not in funded_now and times == 0
            else "borderline"
        )
        assert item.stability == expected, item.application_id
