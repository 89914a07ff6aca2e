"""The ranking from the database's per-review rows, in whole numbers: the same Ranked list
as reviews.ranking.rank, figure for figure, at a fraction of the cost.

rank() works on Decimals review by review: at 30 000 applications (130 000 reviews) it
spent seconds on review scores, each expert's mean and standard deviation, and the
leave-one-expert-out reruns. Here:
- the database groups the criterion scores into one row per review;
- a review's 0–100 score depends only on its criterion scores, so it is computed once per
  distinct set of scores (by review_score itself) and carried as whole hundredths;
- an expert's mean and population standard deviation come from the count, sum and sum of
  squares of their scores, as the exact fractions statistics.mean and pstdev reduce to;
- an application's figures come from its sums, with the same Decimal operations, so
  quantisation and ties are the same;
- each leave-one-expert-out rerun looks only at the first `awards` applications the expert
  did not review and at the expert's applications that could still beat the last of them.
tests/reviews/test_ranking_sums.py checks all of it against rank() on random panels.
"""

import heapq
import statistics
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

from reviews.ranking import CriterionSpec, Ranked, _order_key, mark_stability, review_score

HUNDREDTH, THOUSANDTH = Decimal("0.01"), Decimal("0.001")

# One review as the database gives it: (application, expert, scores in the criteria's order).
Row = tuple[int, int, tuple[int, ...]]


def _hundredths(value: int) -> Decimal:
    """A score kept as whole hundredths, as the Decimal review_score gave (exponent −2)."""
    return Decimal(value).scaleb(-2)


def _sqrt_of_fraction(value: Fraction) -> Decimal:
    """What statistics.pstdev returns for Decimals: the correctly rounded square root."""
    root = getattr(statistics, "_decimal_sqrt_of_frac", None)
    if root is None:  # pragma: no cover - a Python without it: the same rounding, by hand
        return (Decimal(value.numerator) / Decimal(value.denominator)).sqrt()
    return root(value.numerator, value.denominator)


def _z_scores(rows: list[tuple[int, int, int]]) -> dict[tuple[int, int], int]:
    """Each review's z-score among that expert's reviews, in whole thousandths:
    standardised_scores() from the expert's count, sum and sum of squares."""
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for _application, member, value in rows:
        total = totals[member]
        total[0] += 1
        total[1] += value
        total[2] += value * value
    scales = expert_scales(totals)
    memo: dict[tuple[int, int], int] = {}
    result = {}
    for application, member, value in rows:
        z = memo.get((member, value))
        if z is None:
            z = memo[(member, value)] = z_score(value, *scales[member])
        result[(application, member)] = z
    return result


def expert_scales(totals: dict[int, list[int] | tuple[int, int, int]]) -> dict:
    """Each expert's mean and population standard deviation, as Decimals, from the count,
    sum and sum of squares of their review scores in hundredths."""
    scales = {}
    for member, (count, total, squares) in totals.items():
        mean = Fraction(total, 100 * count)
        scales[member] = (
            Decimal(mean.numerator) / Decimal(mean.denominator),
            _sqrt_of_fraction(Fraction(count * squares - total * total, 10_000 * count * count)),
        )
    return scales


def z_score(value: int, centre: Decimal, spread: Decimal) -> int:
    """A review's z-score among its expert's reviews, in whole thousandths."""
    exact = (_hundredths(value) - centre) / spread if spread else Decimal(0)
    return int(Decimal(exact).quantize(THOUSANDTH).scaleb(3))


def review_values(rows: list[Row], criteria: list[CriterionSpec]) -> list[tuple]:
    """(application, expert, score in hundredths, criterion scores) for each row: a review's
    0–100 score is review_score() itself, computed once per distinct set of scores."""
    pks = [criterion.pk for criterion in criteria]
    memo: dict[tuple[int, ...], int] = {}
    scored = []
    for application, member, scores in rows:
        value = memo.get(scores)
        if value is None:
            exact = review_score(dict(zip(pks, scores, strict=True)), criteria)
            value = memo[scores] = int(exact.scaleb(2))
        scored.append((application, member, value, scores))
    return scored


def mean_of(total: int, count: int) -> Decimal:
    """An application's mean from its reviews' total in hundredths: rank()'s Decimal mean."""
    return (_hundredths(total) / count).quantize(HUNDREDTH)


def limits_in_hundredths(spread_limit: Decimal, outlier_limit: Decimal) -> tuple:
    outlier_h = outlier_limit * 100
    if outlier_h == int(outlier_h):  # whole hundredths: compared as ints, not Decimals
        outlier_h = int(outlier_h)
    return int(spread_limit * 100), outlier_h


def fill_figures(
    item: Ranked, own: list, zs: list[int], pks: list[int], spread_h: int, outlier_h
) -> tuple[int, list[int]]:
    """An application's mean, median, range, z, criterion means and checks from its reviews
    (application, expert, hundredths, scores) and their z-scores in thousandths; returns the
    total in hundredths and the criterion totals."""
    count = len(own)
    values = sorted(review[2] for review in own)
    total = sum(values)
    # Column by column: every review has a score for each criterion.
    columns = zip(*(review[3] for review in own), strict=True)
    criterion_totals = [sum(column) for column in columns]
    item.mean = mean_of(total, count)
    middle = count // 2
    if count % 2:
        median = _hundredths(values[middle])
    else:
        median = (_hundredths(values[middle - 1]) + _hundredths(values[middle])) / 2
    item.median = Decimal(median).quantize(HUNDREDTH)
    item.low, item.high = _hundredths(values[0]), _hundredths(values[-1])
    item.standardised = (Decimal(sum(zs)).scaleb(-3) / count).quantize(THOUSANDTH)
    item.criterion_means = {
        pk: (Decimal(criterion_totals[k]) / count).quantize(HUNDREDTH) for k, pk in enumerate(pks)
    }
    if values[-1] - values[0] > spread_h:
        item.flags.append("spread")
    # |v − (T − v)/(n − 1)| > limit, in hundredths: |n·v − T| > limit·(n − 1).
    if count > 2 and any(abs(count * v - total) > outlier_h * (count - 1) for v in values):
        item.flags.append("outlier")
    return total, criterion_totals


def rank_rows(
    application_ids: list[int],
    rows: list[Row],
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
    """rank() for reviews given as rows (application, expert, scores in criteria order)."""
    pks = [criterion.pk for criterion in criteria]
    scored = review_values(rows, criteria)
    z_scores = _z_scores([(a, m, v) for a, m, v, _s in scored])
    per_application: dict[int, list] = defaultdict(list)
    for review in scored:
        per_application[review[0]].append(review)
    spread_h, outlier_h = limits_in_hundredths(spread_limit, outlier_limit)
    index = {pk: position for position, pk in enumerate(pks)}
    items, sums = [], {}
    for application_id in application_ids:
        own = per_application.get(application_id, [])
        item = Ranked(application_id, len(own), complete=len(own) >= required_reviews)
        items.append(item)
        if not own:
            sums[application_id] = (0, 0, {pk: 0 for pk in tie_criteria}, 0)
            continue
        zs = [z_scores[(application_id, review[1])] for review in own]
        total, criterion_totals = fill_figures(item, own, zs, pks, spread_h, outlier_h)
        sums[application_id] = (
            total,
            sum(zs),
            {pk: criterion_totals[index[pk]] for pk in tie_criteria},
            len(own),
        )
    tie_criteria = list(tie_criteria)
    # Each order key made once: the sort, the ties and the reruns all compare them.
    keys = {
        item.application_id: _order_key(item, by_standardised, tie_criteria)
        for item in items
        if item.reviews
    }
    ranked = sorted(
        (item for item in items if item.complete), key=lambda item: keys[item.application_id]
    )
    for position, item in enumerate(ranked, start=1):
        item.rank = position
    for current, following in pairwise(ranked):
        current_key = keys[current.application_id][:-1]
        current.tied_with_next = current_key == keys[following.application_id][:-1]
    if stability and awards:
        runs = _funded_without_each_expert(
            items,
            per_application,
            z_scores,
            sums,
            required=max(1, required_reviews - 1),
            by_standardised=by_standardised,
            tie_criteria=tie_criteria,
            index=index,
            awards=awards,
            keys=keys,
        )
        mark_stability(ranked, awards, runs)
    unranked = [item for item in items if not item.complete]
    return ranked + sorted(unranked, key=lambda item: item.application_id)


def reviews_by_expert(per_application: dict[int, list]) -> dict[int, list]:
    """Each expert's reviews (application, expert, value, scores), from each application's."""
    by_expert: dict[int, list] = defaultdict(list)
    for own in per_application.values():
        for review in own:
            by_expert[review[1]].append(review)
    return by_expert


def leaders_without(base: list, affected: set[int], awards: int) -> list:
    """The first `awards` keys of the order `base` (each ending in its application's id)
    whose application is not in `affected`: who is funded whatever those reviews become."""
    leaders = []
    for key in base:
        if key[-1] not in affected:
            leaders.append(key)
            if len(leaders) == awards:
                break
    return leaders


def _funded_without_each_expert(
    items,
    per_application,
    z_scores,
    sums,
    *,
    required,
    by_standardised,
    tie_criteria,
    index,
    awards,
    keys,
) -> list[set[int]]:
    """ranking._funded_without_each_expert from the sums: the top `awards` of each rerun are
    the first `awards` applications the expert did not review, and those of the expert's
    whose mean without them can still reach the last of these (checked in whole numbers
    before any Decimal is made)."""
    base = sorted(keys[item.application_id] for item in items if item.reviews >= required)
    reviews_by = reviews_by_expert(per_application)
    scale = 1000 if by_standardised else 100
    runs = []
    for member_id in sorted(reviews_by):
        affected = {review[0] for review in reviews_by[member_id]}
        candidates = leaders_without(base, affected, awards)
        # The last of them: a rerun's primary score below it (after rounding) cannot enter.
        floor = int(-candidates[-1][0] * scale) if len(candidates) == awards else None
        for application_id, _member, value, scores in reviews_by[member_id]:
            total, z_total, criterion_totals, count = sums[application_id]
            rest = count - 1
            if rest < required or rest == 0:
                continue
            left = (
                z_total - z_scores[(application_id, member_id)]
                if by_standardised
                else total - value
            )
            # round(left / rest) ≥ floor needs left / rest ≥ floor − ½.
            if floor is not None and 2 * left < (2 * floor - 1) * rest:
                continue
            if by_standardised:
                primary = (Decimal(left).scaleb(-3) / rest).quantize(THOUSANDTH)
            else:
                primary = (_hundredths(left) / rest).quantize(HUNDREDTH)
            ties = (
                -(Decimal(criterion_totals[pk] - scores[index[pk]]) / rest).quantize(HUNDREDTH)
                for pk in tie_criteria
            )
            candidates.append((-primary, *ties, application_id))
        runs.append({key[-1] for key in heapq.nsmallest(awards, candidates)})
    return runs
