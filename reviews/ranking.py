"""The arithmetic of the decision, as pure functions of submitted scores.

Kept apart from the database so that every number on the ranking page, in the
protocol and in the tests comes from one place and can be checked by hand.
"""

import heapq
from collections import Counter, defaultdict
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

    def pack(self) -> tuple:
        """Plain ints and strings: what the cache keeps (Decimals pickle slowly)."""
        return (
            self.application_id,
            self.reviews,
            self.complete,
            *(None if value is None else str(value) for value in self._decimals()),
            tuple((pk, str(value)) for pk, value in self.criterion_means.items()),
            self.rank,
            tuple(self.flags),
            self.tied_with_next,
            self.stability,
        )

    @classmethod
    def unpack(cls, packed: tuple) -> "Ranked":
        application_id, reviews, complete, *decimals, means, rank, flags, tied, stability = packed
        mean_, median_, low, high, standardised = (
            None if value is None else Decimal(value) for value in decimals
        )
        return cls(
            application_id,
            reviews,
            complete,
            mean_,
            median_,
            low,
            high,
            standardised,
            {pk: Decimal(value) for pk, value in means},
            rank,
            list(flags),
            tied,
            stability,
        )

    def _decimals(self) -> tuple:
        return (self.mean, self.median, self.low, self.high, self.standardised)


def review_score(scores: dict[int, int], criteria: list[CriterionSpec]) -> Decimal:
    """Weighted sum of the criteria, normalised to 0–100."""
    weight = sum(criterion.weight for criterion in criteria)
    points = sum(
        criterion.weight * Decimal(scores[criterion.pk]) / criterion.max_score
        for criterion in criteria
    )
    return (points / weight * HUNDRED).quantize(Decimal("0.01"))


def _mean(values) -> Decimal:
    """The arithmetic mean as a Decimal; statistics.mean is exact but far slower on Decimals."""
    values = list(values)
    return Decimal(sum(values)) / len(values)


def review_scores(
    reviews: list[SubmittedReview], criteria: list[CriterionSpec]
) -> dict[tuple[int, int], Decimal]:
    """Each review's 0–100 score, keyed by (application, expert)."""
    return {
        (review.application_id, review.member_id): review_score(review.scores, criteria)
        for review in reviews
    }


def standardised_scores(
    reviews: list[SubmittedReview],
    criteria: list[CriterionSpec],
    scores: dict[tuple[int, int], Decimal] | None = None,
) -> dict[tuple[int, int], Decimal]:
    """Each review's z-score among that expert's own reviews.

    A lenient and a harsh expert who agree on the order then count the same.
    """
    by_member: dict[int, list[SubmittedReview]] = defaultdict(list)
    for review in reviews:
        by_member[review.member_id].append(review)
    scores = scores if scores is not None else review_scores(reviews, criteria)
    result = {}
    for member_id, own in by_member.items():
        values = [scores[(review.application_id, member_id)] for review in own]
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


def _summary(
    application_id: int,
    own: list[SubmittedReview],
    criteria: list[CriterionSpec],
    scores: dict[tuple[int, int], Decimal],
    z_scores: dict[tuple[int, int], Decimal],
    required_reviews: int,
    spread_limit: Decimal,
    outlier_limit: Decimal,
) -> Ranked:
    """One application's figures from its own submitted reviews."""
    item = Ranked(application_id, len(own), complete=len(own) >= required_reviews)
    if not own:
        return item
    values = [scores[(application_id, review.member_id)] for review in own]
    item.mean = _mean(values).quantize(Decimal("0.01"))
    item.median = Decimal(median(values)).quantize(Decimal("0.01"))
    item.low, item.high = min(values), max(values)
    zs = [z_scores[(application_id, review.member_id)] for review in own]
    item.standardised = _mean(zs).quantize(Decimal("0.001"))
    item.criterion_means = {
        criterion.pk: _mean(review.scores[criterion.pk] for review in own).quantize(Decimal("0.01"))
        for criterion in criteria
    }
    if item.high - item.low > spread_limit:
        item.flags.append("spread")
    total = sum(values)
    if len(values) > 2 and any(
        abs(value - (total - value) / (len(values) - 1)) > outlier_limit for value in values
    ):
        item.flags.append("outlier")
    return item


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
    scores = review_scores(reviews, criteria)
    z_scores = standardised_scores(reviews, criteria, scores)
    per_application: dict[int, list[SubmittedReview]] = defaultdict(list)
    for review in reviews:
        per_application[review.application_id].append(review)
    limits = (spread_limit, outlier_limit)
    items = [
        _summary(
            application_id,
            per_application.get(application_id, []),
            criteria,
            scores,
            z_scores,
            required_reviews,
            *limits,
        )
        for application_id in application_ids
    ]
    tie_criteria = list(tie_criteria)
    ranked = sorted(
        (item for item in items if item.complete),
        key=lambda item: _order_key(item, by_standardised, tie_criteria),
    )
    for position, item in enumerate(ranked, start=1):
        item.rank = position
    for current, following in pairwise(ranked):
        current_key = _order_key(current, by_standardised, tie_criteria)[:-1]
        following_key = _order_key(following, by_standardised, tie_criteria)[:-1]
        current.tied_with_next = current_key == following_key
    if stability and awards:
        funded_runs = _funded_without_each_expert(
            items,
            per_application,
            scores,
            z_scores,
            required=max(1, required_reviews - 1),
            by_standardised=by_standardised,
            tie_criteria=tie_criteria,
            awards=awards,
        )
        mark_stability(ranked, awards, funded_runs)
    unranked = [item for item in items if not item.complete]
    return ranked + sorted(unranked, key=lambda item: item.application_id)


def mark_stability(ranked: list, awards: int, funded_runs: list[set[int]]) -> None:
    """Funded in every leave-one-expert-out run, in none, or on the border."""
    funded_now = {item.application_id for item in ranked[:awards]}
    # Counted run by run (experts × awards), not item by item over every run: that was
    # 26 000 × 50 membership tests at 30 000 applications.
    funded_times = Counter(application_id for run in funded_runs for application_id in run)
    for item in ranked:
        times = funded_times[item.application_id]
        if item.application_id in funded_now and times == len(funded_runs):
            item.stability = "stable_funded"
        elif item.application_id not in funded_now and times == 0:
            item.stability = "stable_out"
        else:
            item.stability = "borderline"


def _funded_without_each_expert(
    items,
    per_application,
    scores,
    z_scores,
    *,
    required,
    by_standardised,
    tie_criteria,
    awards,
) -> list[set[int]]:
    """Who would be funded if each expert's reviews were left out in turn.

    Leaving an expert out changes only the applications that expert reviewed (a
    review's score and z-score do not depend on other experts), and an
    application's mean without one review is (sum − that review) / (n − 1): each
    rerun costs one pass over the order keys, not a recomputation. The keys are
    the same quantised Decimals `_order_key` compares, so ties break the same way.
    """
    hundredth, thousandth = Decimal("0.01"), Decimal("0.001")
    sums = {}
    base_keys = []
    for item in items:
        own = per_application.get(item.application_id, [])
        values = [scores[(item.application_id, r.member_id)] for r in own]
        zs = [z_scores[(item.application_id, r.member_id)] for r in own]
        sums[item.application_id] = (
            sum(values),
            sum(zs),
            {pk: sum(r.scores[pk] for r in own) for pk in tie_criteria},
            len(own),
        )
        if item.reviews >= required:
            base_keys.append(_order_key(item, by_standardised, tie_criteria))

    def key_without(application_id: int, review: SubmittedReview):
        total, z_total, criterion_totals, count = sums[application_id]
        rest = count - 1
        if rest < required or rest == 0:
            return None
        if by_standardised:
            primary = (z_total - z_scores[(application_id, review.member_id)]) / rest
            primary = primary.quantize(thousandth)
        else:
            primary = ((total - scores[(application_id, review.member_id)]) / rest).quantize(
                hundredth
            )
        ties = (
            -(Decimal(criterion_totals[pk] - review.scores[pk]) / rest).quantize(hundredth)
            for pk in tie_criteria
        )
        return (-primary, *ties, application_id)

    reviews_by: dict[int, list[SubmittedReview]] = defaultdict(list)
    for own in per_application.values():
        for review in own:
            reviews_by[review.member_id].append(review)
    runs = []
    for member_id in sorted(reviews_by):
        affected = {review.application_id for review in reviews_by[member_id]}
        candidates = [key for key in base_keys if key[-1] not in affected]
        for review in reviews_by[member_id]:
            key = key_without(review.application_id, review)
            if key is not None:
                candidates.append(key)
        runs.append({key[-1] for key in heapq.nsmallest(awards, candidates)})
    return runs
