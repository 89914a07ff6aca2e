"""The arithmetic of the decision, as pure functions of submitted scores.

Kept apart from the database so that every number on the ranking page, in the
protocol and in the tests comes from one place and can be checked by hand.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from statistics import mean, median, pstdev

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class CriterionSpec:
    pk: int
    weight: Decimal
    max_score: int


@dataclass(frozen=True)
class SubmittedReview:
    application_id: int
    member_id: int
    scores: dict[int, int]  # criterion pk → score


@dataclass
class Ranked:
    application_id: int
    reviews: int
    complete: bool
    mean: Decimal | None = None
    median: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    standardised: Decimal | None = None
    criterion_means: dict[int, Decimal] = field(default_factory=dict)
    rank: int | None = None
    flags: list[str] = field(default_factory=list)
    tied_with_next: bool = False
    stability: str = ""


def review_score(scores: dict[int, int], criteria: list[CriterionSpec]) -> Decimal:
    """Weighted sum of the criteria, normalised to 0–100."""
    weight = sum(criterion.weight for criterion in criteria)
    points = sum(
        criterion.weight * Decimal(scores[criterion.pk]) / criterion.max_score
        for criterion in criteria
    )
    return (points / weight * HUNDRED).quantize(Decimal("0.01"))


def standardised_scores(
    reviews: list[SubmittedReview], criteria: list[CriterionSpec]
) -> dict[tuple[int, int], Decimal]:
    """Each review's z-score among that expert's own reviews.

    A lenient and a harsh expert who agree on the order then count the same.
    """
    by_member: dict[int, list[SubmittedReview]] = defaultdict(list)
    for review in reviews:
        by_member[review.member_id].append(review)
    result = {}
    for member_id, own in by_member.items():
        values = [review_score(review.scores, criteria) for review in own]
        centre, spread = mean(values), pstdev(values)
        for review, value in zip(own, values, strict=True):
            z = (value - centre) / spread if spread else Decimal(0)
            result[(review.application_id, member_id)] = Decimal(z).quantize(Decimal("0.001"))
    return result


def _order_key(item: Ranked, by_standardised: bool, tie_criteria: list[int]):
    primary = item.standardised if by_standardised else item.mean
    return (
        -primary,
        *(-item.criterion_means.get(pk, Decimal(0)) for pk in tie_criteria),
        item.application_id,
    )


def rank(
    application_ids: list[int],
    reviews: list[SubmittedReview],
    criteria: list[CriterionSpec],
    *,
    required_reviews: int,
    by_standardised: bool = False,
    tie_criteria: list[int] = (),
    awards: int = 0,
    spread_limit: Decimal = Decimal(30),
    outlier_limit: Decimal = Decimal(25),
    stability: bool = True,
) -> list[Ranked]:
    """Ranks applications with enough submitted reviews; the rest are listed unranked.

    Ties on the primary score fall to the tie-break criteria in order; a tie that
    survives them is marked for the chair's decision (the order shown is then by
    application, only so that it is the same on every run).
    """
    z_scores = standardised_scores(reviews, criteria)
    per_application: dict[int, list[SubmittedReview]] = defaultdict(list)
    for review in reviews:
        per_application[review.application_id].append(review)
    items = []
    for application_id in application_ids:
        own = per_application.get(application_id, [])
        item = Ranked(application_id, len(own), complete=len(own) >= required_reviews)
        if own:
            values = [review_score(review.scores, criteria) for review in own]
            item.mean = Decimal(mean(values)).quantize(Decimal("0.01"))
            item.median = Decimal(median(values)).quantize(Decimal("0.01"))
            item.low, item.high = min(values), max(values)
            zs = [z_scores[(application_id, review.member_id)] for review in own]
            item.standardised = Decimal(mean(zs)).quantize(Decimal("0.001"))
            item.criterion_means = {
                criterion.pk: Decimal(mean(review.scores[criterion.pk] for review in own)).quantize(
                    Decimal("0.01")
                )
                for criterion in criteria
            }
            if item.high - item.low > spread_limit:
                item.flags.append("spread")
            if len(values) > 2 and any(
                abs(value - mean([v for j, v in enumerate(values) if j != i])) > outlier_limit
                for i, value in enumerate(values)
            ):
                item.flags.append("outlier")
        items.append(item)
    ranked = sorted(
        (item for item in items if item.complete),
        key=lambda item: _order_key(item, by_standardised, list(tie_criteria)),
    )
    for position, item in enumerate(ranked, start=1):
        item.rank = position
    for current, following in pairwise(ranked):
        current_key = _order_key(current, by_standardised, list(tie_criteria))[:-1]
        following_key = _order_key(following, by_standardised, list(tie_criteria))[:-1]
        current.tied_with_next = current_key == following_key
    if stability and awards:
        _label_stability(
            ranked,
            reviews,
            criteria,
            required_reviews,
            by_standardised,
            list(tie_criteria),
            awards,
            application_ids,
        )
    unranked = [item for item in items if not item.complete]
    return ranked + sorted(unranked, key=lambda item: item.application_id)


def _label_stability(
    ranked, reviews, criteria, required, by_standardised, tie_criteria, awards, application_ids
) -> None:
    """Re-ranks leaving each expert out in turn: funded every time, never, or sometimes."""
    funded_now = {item.application_id for item in ranked[:awards]}
    members = sorted({review.member_id for review in reviews})
    funded_runs = []
    for member_id in members:
        rest = [review for review in reviews if review.member_id != member_id]
        rerun = rank(
            application_ids,
            rest,
            criteria,
            required_reviews=max(1, required - 1),
            by_standardised=by_standardised,
            tie_criteria=tie_criteria,
            stability=False,
        )
        funded_runs.append(
            {item.application_id for item in rerun if item.rank and item.rank <= awards}
        )
    for item in ranked:
        times = sum(item.application_id in run for run in funded_runs)
        if item.application_id in funded_now and times == len(funded_runs):
            item.stability = "stable_funded"
        elif item.application_id not in funded_now and times == 0:
            item.stability = "stable_out"
        else:
            item.stability = "borderline"
