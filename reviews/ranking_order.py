"""The ranking page's order from the per-review sums, in whole numbers: which application
stands where, the ties and the stability labels, without the figures of every application.

rank_rows() makes a Ranked with its Decimals for each of 26 000 applications, which the
page then shows a hundred of: that was two thirds of the page's time cold. Here an
application's place comes from integer sums (its mean in hundredths is its total divided
by its count, rounded half to even as Decimal.quantize rounds), the leave-one-expert-out
check from the same sums, and only the shown applications get their figures, by
ranking_sums.fill_figures from their own reviews. The order, the labels and each expert's
totals (for the z-scores) are small enough to keep in the cache.
tests/reviews/test_ranking_order.py checks every item against rank_rows() and rank().
"""

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import NamedTuple

from reviews.ranking import CriterionSpec, Ranked
from reviews.ranking_sums import (
    Row,
    expert_scales,
    fill_figures,
    leaders_without,
    limits_in_hundredths,
    mean_of,
    review_values,
    reviews_by_expert,
    z_score,
)


def rounded(numerator: int, denominator: int) -> int:
    """numerator / denominator to the nearest whole number, halves to even (negatives too):
    Decimal.quantize's rounding of the exact quotient."""
    whole, rest = divmod(numerator, denominator)
    if 2 * rest > denominator or (2 * rest == denominator and whole % 2):
        return whole + 1
    return whole


@dataclass
class RankingOrder:
    """Everything the page needs but the shown applications' own reviews."""

    order: list[int]  # application ids: the ranked by place, then the unranked by id
    ranked: int  # how many of `order` have a place
    tied: set[int]  # tied with the next on every comparison: the chair decides
    stable_funded: set[int] = field(default_factory=set)
    borderline: set[int] = field(default_factory=set)
    # Whether the leave-one-expert-out check ran (it needs awards and is asked for).
    checked: bool = False
    experts: dict[int, tuple[int, int, int]] = field(default_factory=dict)  # count, sum, squares

    def place(self, position: int) -> Ranked:
        """A shown application's rank, tie and label on an empty Ranked (figures to fill)."""
        application_id = self.order[position]
        item = Ranked(application_id, 0, False)
        if position < self.ranked:
            item.rank = position + 1
            item.tied_with_next = application_id in self.tied
            if self.checked:
                if application_id in self.stable_funded:
                    item.stability = "stable_funded"
                elif application_id in self.borderline:
                    item.stability = "borderline"
                else:
                    item.stability = "stable_out"
        return item


def _stability_label(funded_now: bool, times: int, runs: int) -> str:
    if funded_now and times == runs:
        return "stable_funded"
    if not funded_now and times == 0:
        return "stable_out"
    return "borderline"


def ranking_order(
    application_ids: list[int],
    rows: list[Row],
    criteria: list[CriterionSpec],
    *,
    required_reviews: int,
    by_standardised: bool = False,
    tie_criteria: list[int] = (),
    awards: int = 0,
    stability: bool = True,
) -> RankingOrder:
    """rank_rows()'s order, ties and stability labels from integer sums."""
    pks = [criterion.pk for criterion in criteria]
    tie_index = [pks.index(pk) for pk in tie_criteria]
    # One pass: each expert's count, sum and sum of squares, each application's reviews.
    experts: dict[int, list[int]] = {}
    per_application: dict[int, list] = {}
    for review in review_values(rows, criteria):
        application, member, value, _scores = review
        totals = experts.get(member)
        if totals is None:
            experts[member] = [1, value, value * value]
        else:
            totals[0] += 1
            totals[1] += value
            totals[2] += value * value
        own = per_application.get(application)
        if own is None:
            per_application[application] = [review]
        else:
            own.append(review)
    if by_standardised:
        scales = expert_scales(experts)
        z_of = {
            (application, review[1]): z_score(review[2], *scales[review[1]])
            for application, own in per_application.items()
            for review in own
        }
    # (total of the primary score, its count, tie-criteria totals) per reviewed application:
    # hundredths of the mean, or thousandths of z when standardised.
    sums = {}
    keys = {}
    for application_id, own in per_application.items():
        count = len(own)
        if by_standardised:
            primary_total = sum(z_of[(application_id, review[1])] for review in own)
        else:
            primary_total = sum([review[2] for review in own])
        if tie_index:
            columns = list(zip(*[review[3] for review in own], strict=True))
            ties = [sum(columns[k]) for k in tie_index]
        else:
            ties = []
        sums[application_id] = (primary_total, count, ties)
        keys[application_id] = (
            -rounded(primary_total, count),
            *[-rounded(100 * total, count) for total in ties],
            application_id,
        )
    ranked, unranked = [], []
    for application_id in application_ids:
        complete = len(per_application.get(application_id, ())) >= required_reviews
        (ranked if complete else unranked).append(application_id)
    ranked.sort(key=keys.__getitem__)
    unranked.sort()
    tied = {
        current
        for current, following in pairwise(ranked)
        if keys[current][:-1] == keys[following][:-1]
    }
    result = RankingOrder(
        order=ranked + unranked,
        ranked=len(ranked),
        tied=tied,
        experts={member: tuple(totals) for member, totals in experts.items()},
    )
    if stability and awards:
        runs = _funded_without_each_expert(
            keys,
            sums,
            per_application,
            z_of if by_standardised else None,
            required=max(1, required_reviews - 1),
            tie_index=tie_index,
            awards=awards,
        )
        funded_now = set(ranked[:awards])
        times = Counter(application_id for run in runs for application_id in run)
        result.checked = True
        for application_id in ranked:
            label = _stability_label(application_id in funded_now, times[application_id], len(runs))
            if label == "stable_funded":
                result.stable_funded.add(application_id)
            elif label == "borderline":
                result.borderline.add(application_id)
    return result


def _funded_without_each_expert(
    keys, sums, per_application, z_of, *, required, tie_index, awards
) -> list[set[int]]:
    """ranking_sums._funded_without_each_expert on integer keys: the first `awards`
    applications the expert did not review, and those of the expert's whose primary score
    without them can still reach the last of these."""
    base = sorted(key for application, key in keys.items() if sums[application][1] >= required)
    reviews_by = reviews_by_expert(per_application)
    runs = []
    for member_id in sorted(reviews_by):
        affected = {review[0] for review in reviews_by[member_id]}
        candidates = leaders_without(base, affected, awards)
        floor = -candidates[-1][0] if len(candidates) == awards else None
        for application_id, _member, value, scores in reviews_by[member_id]:
            primary_total, count, ties = sums[application_id]
            rest = count - 1
            if rest < required or rest == 0:
                continue
            left = primary_total - (z_of[(application_id, member_id)] if z_of else value)
            # rounded(left / rest) ≥ floor needs left / rest ≥ floor − ½.
            if floor is not None and 2 * left < (2 * floor - 1) * rest:
                continue
            candidates.append(
                (
                    -rounded(left, rest),
                    *(
                        -rounded(100 * (total - scores[k]), rest)
                        for total, k in zip(ties, tie_index, strict=True)
                    ),
                    application_id,
                )
            )
        runs.append({key[-1] for key in heapq.nsmallest(awards, candidates)})
    return runs


def shown_items(
    order: RankingOrder,
    positions: range,
    rows: list[Row],
    criteria: list[CriterionSpec],
    *,
    required_reviews: int,
    spread_limit: Decimal = Decimal(30),
    outlier_limit: Decimal = Decimal(25),
) -> list[Ranked]:
    """The Ranked of the applications at `positions`, figure for figure as rank_rows() gives
    them, from their own reviews (`rows`, all of theirs) and the experts' totals."""
    pks = [criterion.pk for criterion in criteria]
    spread_h, outlier_h = limits_in_hundredths(spread_limit, outlier_limit)
    scales = expert_scales(order.experts)
    per_application: dict[int, list] = defaultdict(list)
    for review in review_values(rows, criteria):
        per_application[review[0]].append(review)
    items = []
    for position in positions:
        item = order.place(position)
        own = per_application.get(item.application_id, [])
        item.reviews, item.complete = len(own), len(own) >= required_reviews
        if own:
            zs = [z_score(review[2], *scales[review[1]]) for review in own]
            fill_figures(item, own, zs, pks, spread_h, outlier_h)
        items.append(item)
    return items


class Placed(NamedTuple):
    """An application's rank (None when unranked), submitted reviews and their mean."""

    application_id: int
    rank: int | None
    reviews: int
    mean: Decimal | None


def ordered_means(
    order: RankingOrder, rows: list[Row], criteria: list[CriterionSpec]
) -> list[Placed]:
    """Every application of `order` in its place with rank_rows()'s rank, reviews and mean,
    from every application's reviews (`rows`): a list of all of them prints these only, and
    the other figures (median, z-score, criterion means) were most of rank_rows()' time."""
    totals: dict[int, list[int]] = {}
    for application, _member, value, _scores in review_values(rows, criteria):
        total = totals.get(application)
        if total is None:
            totals[application] = [1, value]
        else:
            total[0] += 1
            total[1] += value
    placed = []
    for position, application_id in enumerate(order.order):
        count, total = totals.get(application_id, (0, 0))
        placed.append(
            Placed(
                application_id,
                position + 1 if position < order.ranked else None,
                count,
                mean_of(total, count) if count else None,
            )
        )
    return placed
