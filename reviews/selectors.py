import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q, Subquery, Sum

from applications.models import Application
from competitions.models import Competition, Criterion
from reviews.conflicts import likely_conflicts
from reviews.models import Assignment, CommissionMember, FlagResolution, Review
from reviews.ranking import CriterionSpec, Ranked
from reviews.ranking_sums import rank_rows

RANKING_CACHE_SECONDS = 24 * 3600
RANKING_PAGE_SIZE = 100


@dataclass
class Flag:
    """One flagged pair (expert, application), its reasons and how it was resolved."""

    member: CommissionMember
    application: Application
    reasons: list[str]
    resolution: FlagResolution | None = None
    # The expert declared the conflict themselves: nothing is left to resolve.
    declared_by_expert: bool = False

    @property
    def is_open(self) -> bool:
        return self.resolution is None and not self.declared_by_expert


def conflict_flags(competition: Competition) -> list[Flag]:
    """Every flagged pair with its resolution, resolved ones included (the protocol lists them)."""
    flags: dict[tuple[int, int], Flag] = {}
    for conflict in likely_conflicts(competition):
        key = (conflict.application.pk, conflict.member.pk)
        flag = flags.setdefault(key, Flag(conflict.member, conflict.application, []))
        if conflict.reason not in flag.reasons:
            flag.reasons.append(conflict.reason)
    resolutions = FlagResolution.objects.filter(competition=competition).select_related(
        "member__expert", "application", "resolved_by"
    )
    for resolution in resolutions:
        key = (resolution.application_id, resolution.member_id)
        flag = flags.setdefault(
            key,
            Flag(resolution.member, resolution.application, resolution.reasons.split(",")),
        )
        flag.resolution = resolution
    declared = set(
        Assignment.objects.filter(
            member__competition=competition, conflict=Assignment.Conflict.DECLARED
        )
        # A set: no ordering, which by the model's default would join and sort every
        # assigned application by its dates (0.75 s of the commission page at 10 000).
        .order_by()
        .values_list("application_id", "member_id")
    )
    for key, flag in flags.items():
        flag.declared_by_expert = flag.resolution is None and key in declared
    return sorted(
        flags.values(),
        key=lambda flag: (
            flag.application.registration_number,
            flag.member.added_at,
            flag.member.pk,
        ),
    )


def open_flags(competition: Competition) -> list[Flag]:
    return [flag for flag in conflict_flags(competition) if flag.is_open]


@dataclass(frozen=True)
class RankingRow:
    application: Application
    result: Ranked


def _fingerprint(competition: Competition, criteria: list[Criterion]) -> str:
    """What the ranking depends on, cheaply: when any of it changes, so does this key."""
    # Through the commission (a few rows) rather than the applications (thousands).
    # Voided reviews count too: confirming a conflict flag must change the key even if
    # another review is submitted in the same second. One query: each figure a subquery.
    submitted = Q(status=Review.Status.SUBMITTED)
    reviews = Review.objects.filter(assignment__member__competition=competition).order_by()
    eligible = competition.applications.filter(status=Application.Status.ELIGIBLE).order_by()
    by_member = "assignment__member__competition"

    def figure(queryset, by: str, aggregate):
        # Grouped by the competition itself: one row, one figure.
        return Subquery(queryset.values(by).annotate(x=aggregate).values("x"))

    figures = (
        Competition.objects.filter(pk=competition.pk)
        .annotate(
            n=figure(reviews, by_member, Count("pk", filter=submitted)),
            last=figure(reviews, by_member, Max("submitted_at", filter=submitted)),
            voided=figure(reviews, by_member, Count("pk", filter=Q(status=Review.Status.VOIDED))),
            eligible_n=figure(eligible, "competition", Count("pk")),
            eligible_last=figure(eligible, "competition", Max("updated_at")),
        )
        .values_list("n", "last", "voided", "eligible_n", "eligible_last")
        .first()
    )
    criteria_ = sorted((c.pk, c.weight, c.max_score, c.tie_break_order) for c in criteria)
    settings_ = (
        competition.ranking_method,
        competition.required_reviews,
        competition.award_count,
    )
    raw = repr((competition.pk, settings_, figures, criteria_)).encode()
    return f"ranking:{competition.pk}:{hashlib.sha256(raw).hexdigest()[:32]}"


def _compute_ranking(
    competition: Competition, criteria: list[Criterion] | None = None
) -> list[Ranked]:
    """One query: every eligible application with one row per assignment and the criterion
    scores of its submitted review summed by the database (they were fetched row by row and
    grouped in Python: 520 000 rows at 30 000 applications); then the figures from
    whole-number sums (reviews.ranking_sums, equal to reviews.ranking.rank)."""
    if criteria is None:
        criteria = list(competition.criteria.order_by("position"))
    specs = [CriterionSpec(c.pk, c.weight, c.max_score) for c in criteria]
    submitted = Q(assignments__review__status=Review.Status.SUBMITTED)
    columns = {
        f"c{criterion.pk}": Sum(
            "assignments__review__scores__score",
            filter=submitted & Q(assignments__review__scores__criterion_id=criterion.pk),
        )
        for criterion in criteria
    }
    # LEFT JOINs: an application nobody has reviewed yet still has its row (member None).
    joined = (
        competition.applications.filter(status=Application.Status.ELIGIBLE)
        .values("pk", "assignments__member_id")
        .annotate(**columns)
        .order_by("pk")
        .values_list("pk", "assignments__member_id", *columns)
    )
    eligible, rows = [], []
    for application, member, *scores in joined:
        if not eligible or eligible[-1] != application:
            eligible.append(application)
        if member is not None and scores and None not in scores:
            rows.append((application, member, tuple(scores)))
    tie_criteria = [
        c.pk
        for c in sorted((c for c in criteria if c.tie_break_order), key=lambda c: c.tie_break_order)
    ]
    return rank_rows(
        eligible,
        rows,
        specs,
        required_reviews=competition.required_reviews,
        by_standardised=competition.ranking_method == Competition.RankingMethod.STANDARDISED,
        tie_criteria=tie_criteria,
        awards=competition.award_count,
    )


def _packed_results(competition: Competition) -> list[tuple]:
    """The ranking's figures, computed once per state of the reviews and kept in the cache.

    Ranking thousands of applications (with the leave-one-expert-out check) takes
    seconds; the page is opened far more often than a review is submitted.
    """
    criteria = list(competition.criteria.order_by("position"))
    key = _fingerprint(competition, criteria)
    packed = cache.get(key)
    if packed is None:
        packed = [result.pack() for result in _compute_ranking(competition, criteria)]
        cache.set(key, packed, timeout=RANKING_CACHE_SECONDS)
    return packed


def ranking_results(competition: Competition) -> list[Ranked]:
    return [Ranked.unpack(packed) for packed in _packed_results(competition)]


def _rows(results: list[Ranked]) -> list[RankingRow]:
    # With its decision, if any (a reverse one-to-one: joined, not one more query).
    applications = Application.objects.select_related("village__district", "decision").in_bulk(
        [result.application_id for result in results]
    )
    return [RankingRow(applications[result.application_id], result) for result in results]


def competition_ranking(competition: Competition) -> list[RankingRow]:
    """Every eligible application with its scores and place, in a few queries at any size."""
    return _rows(ranking_results(competition))


def ranking_page(competition: Competition, number, per_page: int = RANKING_PAGE_SIZE):
    """One page of the ranking with its applications: what the ranking page shows."""
    page = Paginator(_packed_results(competition), per_page).get_page(number)
    page.object_list = _rows([Ranked.unpack(packed) for packed in page.object_list])
    return page


def applications_eligible(competition: Competition):
    return competition.applications.filter(status=Application.Status.ELIGIBLE)
