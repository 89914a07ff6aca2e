from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, F, Q, Sum, Value

from applications.models import Application
from competitions.models import Competition, Criterion
from reviews.conflicts import commission_with_villages, conflict_pairs, likely_conflicts
from reviews.models import Assignment, CommissionMember, CriterionScore, FlagResolution, Review
from reviews.ranking import CriterionSpec, Ranked
from reviews.ranking_order import Placed, RankingOrder, ordered_means, ranking_order, shown_items
from reviews.ranking_store import (
    order_from_json,
    ranking_key,
    read_order,
    read_state,
    store_order,
)
from reviews.ranking_sums import rank_rows

RANKING_CACHE_SECONDS = 24 * 3600
RANKING_PAGE_SIZE = 100


def commission_members(competition: Competition) -> list[CommissionMember]:
    """The commission (with each expert's village, for the conflict flags) and each
    expert's assigned, submitted and declared-conflict counts: two queries.

    The counts are grouped per expert in one query over the experts' assignments, declared
    conflicts and submitted reviews (which hold their expert: Review.member), from the
    indexes alone once PostgreSQL's visibility map is set, and by one sequential read of
    each table when it is not (a subquery per expert then read every row 50 times, 0.6 s
    at 30 000 applications). Joining the submitted reviews to their assignments to find
    the expert took 0.2 to 0.4 s.
    """
    members = commission_with_villages(competition)
    # The ids themselves, not a join: each index is then read in ranges, expert by expert.
    experts = [member.pk for member in members]
    zero = Value(0)
    assignments = Assignment.objects.filter(member__in=experts).order_by().values("member")
    assigned = assignments.annotate(assigned=Count("*"), conflicts=zero, submitted=zero)
    # Apart, from the (conflict, member) index: counted with the others, each assignment's
    # row would be read for its answer (SQLite, 0.17 s).
    declared = assignments.filter(conflict=Assignment.Conflict.DECLARED).annotate(
        assigned=zero, conflicts=Count("*"), submitted=zero
    )
    submitted = (
        Review.objects.filter(member__in=experts, status=Review.Status.SUBMITTED)
        .order_by()
        .values("member")
        .annotate(assigned=zero, conflicts=zero, submitted=Count("*"))
    )
    counts: dict[int, list[int]] = {member.pk: [0, 0, 0] for member in members}
    columns = ("member", "assigned", "conflicts", "submitted")
    rows = assigned.values_list(*columns).union(
        declared.values_list(*columns), submitted.values_list(*columns), all=True
    )
    for member, *figures in rows:
        counts[member] = [sum(pair) for pair in zip(counts[member], figures, strict=True)]
    for member in members:
        member.assigned, member.conflicts, member.submitted = counts[member.pk]
    return members


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
    declared = _declared_conflicts(competition)
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


FLAGS_PAGE_SIZE = 50


@dataclass(frozen=True)
class FlagsPage:
    """A page of the conflict flags and the counts of them all, from the one list."""

    page: Page
    total: int
    open: int


def conflict_flags_page(
    competition: Competition, number, members: list[CommissionMember] | None = None
) -> FlagsPage:
    """The open flags first, what is left to resolve, each part in the protocol's order:
    the page grows with every flag ever raised, so it shows them a page at a time.

    Counted and sorted from ids, numbers and dates (conflict_pairs); only the shown page's
    flags are built, with their experts, applications and resolutions. Building every flag
    from model objects took most of the page's own time at 30 000 applications. members:
    commission_with_villages() (or commission_members()) when the caller has them.
    """
    if members is None:
        members = commission_with_villages(competition)
    members = {member.pk: member for member in members}
    reasons: dict[tuple[int, int], list[str]] = {}
    numbers: dict[int, str] = {}
    for application_id, registration_number, member_id, reason in conflict_pairs(
        competition, list(members.values())
    ):
        numbers[application_id] = registration_number
        listed = reasons.setdefault((application_id, member_id), [])
        if reason not in listed:
            listed.append(reason)
    resolutions = {}
    for resolution in (
        FlagResolution.objects.filter(competition=competition)
        .select_related("resolved_by")
        .annotate(number=F("application__registration_number"))
    ):
        key = (resolution.application_id, resolution.member_id)
        numbers[resolution.application_id] = resolution.number
        resolutions[key] = resolution
    declared = _declared_conflicts(competition)

    def is_open(key) -> bool:
        return key not in resolutions and key not in declared

    keys = sorted(
        reasons.keys() | resolutions.keys(),
        key=lambda key: (not is_open(key), numbers[key[0]], members[key[1]].added_at, key[1]),
    )
    page = Paginator(keys, FLAGS_PAGE_SIZE).get_page(number)
    shown = list(page.object_list)
    applications = Application.objects.only("registration_number").in_bulk(
        {application for application, _member in shown}
    )
    page.object_list = [
        Flag(
            members[member],
            applications[application],
            # The reasons found today; a resolved flag no longer found keeps its own.
            reasons.get((application, member))
            or resolutions[application, member].reasons.split(","),
            resolutions.get((application, member)),
            declared_by_expert=(application, member) not in resolutions
            and (application, member) in declared,
        )
        for application, member in shown
    ]
    return FlagsPage(page=page, total=len(keys), open=sum(is_open(key) for key in keys))


def _declared_conflicts(competition: Competition) -> set[tuple[int, int]]:
    return set(
        Assignment.objects.filter(
            member__competition=competition, conflict=Assignment.Conflict.DECLARED
        )
        # A set: no ordering, which by the model's default would join and sort every
        # assigned application by its dates (0.75 s of the commission page at 10 000).
        .order_by()
        .values_list("application_id", "member_id")
    )


@dataclass(frozen=True)
class RankingRow:
    application: Application
    result: Ranked


def _grouped_by_review_sql(competition: Competition, criteria: list[Criterion]) -> tuple:
    """Every eligible application's assignments with the criterion scores of each submitted
    review, grouped by review first: the database reads the score index in review order
    and aggregates as it goes. Grouping the joined rows by (application, expert) instead
    sorted all 175 000 score rows at 10 000 applications (spilling to disk on PostgreSQL).
    The unary plus keeps SQLite from looking each score up through the criterion index."""
    application, assignment, review, score = (
        connection.ops.quote_name(model._meta.db_table)
        for model in (Application, Assignment, Review, CriterionScore)
    )
    count = len(criteria)
    sums = ", ".join(f"SUM(CASE WHEN criterion_id = %s THEN score END) c{k}" for k in range(count))
    shown, marks = ", ".join(f"s.c{k}" for k in range(count)), ", ".join(["%s"] * count)
    # Only the models' table names and placeholders are put into the text.
    sql = (
        f"SELECT ap.id, a.member_id, {shown} FROM {application} ap "  # noqa: S608
        f"LEFT JOIN {assignment} a ON a.application_id = ap.id "
        f"LEFT JOIN {review} r ON r.assignment_id = a.id AND r.status = %s "
        f"LEFT JOIN (SELECT review_id, {sums} FROM {score} "
        f"WHERE +criterion_id IN ({marks}) GROUP BY review_id) s ON s.review_id = r.id "
        "WHERE ap.competition_id = %s AND ap.status = %s"
    )
    pks = [criterion.pk for criterion in criteria]
    return sql, [Review.Status.SUBMITTED, *pks, *pks, competition.pk, Application.Status.ELIGIBLE]


def _ranking_rows(
    competition: Competition, criteria: list[Criterion], applications: set[int] | None = None
) -> tuple[list[int], list]:
    """The eligible applications (or those of `applications`) and their submitted reviews as
    rows (application, expert, criterion scores in the criteria's order), in one query: one
    row per assignment with the criterion scores of its submitted review summed by the
    database (they were fetched row by row and grouped in Python: 520 000 rows at 30 000
    applications)."""
    if not criteria:
        # A call without criteria yet: nothing to score, every eligible application unranked.
        eligible = competition.applications.filter(status=Application.Status.ELIGIBLE)
        if applications is not None:
            eligible = eligible.filter(pk__in=applications)
        return sorted(eligible.values_list("pk", flat=True)), []
    if applications is None:
        sql, params = _grouped_by_review_sql(competition, criteria)
    else:
        # A page's applications: looked up by their ids, their scores through the index.
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
            competition.applications.filter(status=Application.Status.ELIGIBLE, pk__in=applications)
            .values("pk", "assignments__member_id")
            .annotate(**columns)
            .order_by()
            .values_list("pk", "assignments__member_id", *columns)
        )
        sql, params = joined.query.sql_with_params()
    # Read through a plain cursor: the ORM's converters (int() on each sum) cost as much as
    # the query itself for 130 000 rows, and both databases give the sums as ints already.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    rows = []
    for row in fetched:
        scores = row[2:]
        if row[1] is not None and scores and None not in scores:
            rows.append((row[0], row[1], scores))
    return sorted({row[0] for row in fetched}), rows


def _ranking_options(competition: Competition, criteria: list[Criterion]) -> dict:
    tie_criteria = [
        c.pk
        for c in sorted((c for c in criteria if c.tie_break_order), key=lambda c: c.tie_break_order)
    ]
    return {
        "required_reviews": competition.required_reviews,
        "by_standardised": competition.ranking_method == Competition.RankingMethod.STANDARDISED,
        "tie_criteria": tie_criteria,
        "awards": competition.award_count,
    }


def _specs(criteria: list[Criterion]) -> list[CriterionSpec]:
    return [CriterionSpec(c.pk, c.weight, c.max_score) for c in criteria]


def _compute_ranking(
    competition: Competition, criteria: list[Criterion] | None = None, *, stability: bool = True
) -> list[Ranked]:
    """Every eligible application's figures from whole-number sums (reviews.ranking_sums,
    equal to reviews.ranking.rank)."""
    if criteria is None:
        criteria = list(competition.criteria.order_by("position"))
    eligible, rows = _ranking_rows(competition, criteria)
    return rank_rows(
        eligible,
        rows,
        _specs(criteria),
        **_ranking_options(competition, criteria),
        stability=stability,
    )


def ranking_results(competition: Competition, *, stability: bool = True) -> list[Ranked]:
    """The ranking's figures, computed once per state of the reviews and kept in the cache.

    Ranking thousands of applications (with the leave-one-expert-out check) takes
    seconds; the page is opened far more often than a review is submitted. Without
    ``stability`` (a report file prints the means and ranks only) the full ranking is read
    when cached (its ``stable`` field then set), and otherwise one without the reruns is
    computed and kept under its own key. Computed here, the list is returned as it is: only
    the cache gets it packed (unpacking it again cost 0.4 s at 30 000 applications).
    """
    criteria = list(competition.criteria.order_by("position"))
    version = read_state(competition.pk, with_order=False).version
    key = f"ranking:{competition.pk}:{ranking_key(version, competition, criteria)}"
    packed = cache.get(key)
    if packed is None and not stability:
        key = f"{key}:nostab"
        packed = cache.get(key)
    if packed is not None:
        return [Ranked.unpack(item) for item in packed]
    ranked = _compute_ranking(competition, criteria, stability=stability)
    cache.set(key, [result.pack() for result in ranked], timeout=RANKING_CACHE_SECONDS)
    return ranked


def _rows(results: list[Ranked]) -> list[RankingRow]:
    # With its decision, if any (a reverse one-to-one: joined, not one more query).
    applications = Application.objects.select_related("village__district", "decision").in_bulk(
        [result.application_id for result in results]
    )
    return [RankingRow(applications[result.application_id], result) for result in results]


def competition_ranking(competition: Competition) -> list[RankingRow]:
    """Every eligible application with its scores and place, in a few queries at any size."""
    return _rows(ranking_results(competition))


def current_order(
    competition: Competition, criteria: list[Criterion]
) -> tuple[RankingOrder, list | None]:
    """The order for the present state of the ranking's inputs: from the cache, else from
    the database, else computed (and kept in both); with the rows when computed here.

    One query when the cache holds it or is empty (the version, with the kept order when
    the cache has none): knowing whether the inputs changed read every review's state
    before (150 ms at 30 000 applications).
    """
    slot = f"ranking:{competition.pk}:order"
    cached = cache.get(slot)  # (key, order)
    state = read_state(competition.pk, with_order=cached is None)
    key = ranking_key(state.version, competition, criteria)
    if cached is not None and cached[0] == key:
        return cached[1], None
    order = None
    if state.computed_for == key:
        if state.order is not None:
            order = order_from_json(state.order)
        else:
            order = read_order(competition.pk, key)
    rows = None
    if order is None:
        eligible, rows = _ranking_rows(competition, criteria)
        options = _ranking_options(competition, criteria)
        order = ranking_order(eligible, rows, _specs(criteria), **options)
        store_order(competition.pk, state, key, order)
    cache.set(slot, (key, order), timeout=RANKING_CACHE_SECONDS)
    return order, rows


def ranking_refresh(*, competition_id: int, version: str | None = None) -> bool:
    """Computes and keeps the order if `version` (None: whatever it is now) is still the
    competition's and its order is not kept yet; a later version has its own task queued
    (a burst of submitted reviews computes once, not once each). Whether it computed.
    Here, beside current_order, and not in the services: the task that calls it is the one
    the services enqueue (tests/test_import_loops.py)."""
    if version is not None and read_state(competition_id, with_order=False).version != version:
        return False
    competition = Competition.objects.get(pk=competition_id)
    criteria = list(competition.criteria.order_by("position"))
    _order, rows = current_order(competition, criteria)
    return rows is not None


def ranking_page(competition: Competition, number):
    """One page of the ranking with its applications: what the ranking page shows.

    The order, ties and stability labels of every application are computed in whole
    numbers once per state of the inputs and kept in the database and the cache; only the
    page's applications get their figures, from their own reviews (read with the others
    when computing, else in one small query). Making all 26 000 applications' Decimals and
    packing them was most of the page's time when nothing was cached.
    """
    criteria = list(competition.criteria.order_by("position"))
    order, rows = current_order(competition, criteria)
    page = Paginator(range(len(order.order)), RANKING_PAGE_SIZE).get_page(number)
    page.object_list = _rows(_items_at(competition, criteria, order, rows, page.object_list))
    return page


def ranking_head(competition: Competition, rows: int) -> tuple[int, list[Ranked]]:
    """How many the ranking holds, and its first ``rows`` with their figures: what a
    printed report shows, from the kept order like the ranking page (figures equal to
    ranking_results', the stability labels those of the kept order)."""
    criteria = list(competition.criteria.order_by("position"))
    order, computed = current_order(competition, criteria)
    positions = range(min(rows, len(order.order)))
    return len(order.order), _items_at(competition, criteria, order, computed, positions)


def ranking_means(competition: Competition) -> list[Placed]:
    """Every eligible application in the ranking's order with its rank, reviews and mean,
    the figures ranking_results gives, from the kept order and one query of the reviews: a
    file listing all 26 000 prints these only, and ranking_results' other figures took two
    seconds of its build."""
    criteria = list(competition.criteria.order_by("position"))
    order, rows = current_order(competition, criteria)
    if rows is None:
        rows = _ranking_rows(competition, criteria)[1]
    return ordered_means(order, rows, _specs(criteria))


def _items_at(competition, criteria, order, rows, positions) -> list[Ranked]:
    """The figures of the applications at ``positions`` of ``order``, from their own
    reviews: read with the others when the order was computed here, else in one query."""
    shown = {order.order[position] for position in positions}
    if rows is None:
        rows = _ranking_rows(competition, criteria, shown)[1] if shown else []
    return shown_items(
        order,
        positions,
        [row for row in rows if row[0] in shown],
        _specs(criteria),
        required_reviews=competition.required_reviews,
    )


def applications_eligible(competition: Competition):
    return competition.applications.filter(status=Application.Status.ELIGIBLE)
