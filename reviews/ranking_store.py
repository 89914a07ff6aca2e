"""The ranking's version and stored order (reviews.models.RankingState).

The version changes in the transaction of every write the ranking depends on
(reviews.services.ranking_changed); the competition's settings and criteria are read with
the page anyway, so they are part of the key instead of changing the version. A
competition whose ranking nothing has changed yet has no row, and the version "".
"""

import hashlib
from dataclasses import dataclass
from uuid import uuid4

from django.utils import timezone

from competitions.models import Competition, Criterion
from reviews.models import RankingState
from reviews.ranking_order import RankingOrder


@dataclass(frozen=True)
class State:
    version: str
    computed_for: str = ""
    order: dict | None = None  # read only when asked for
    exists: bool = True


def read_state(competition_id: int, *, with_order: bool) -> State:
    """One row by its key; with the kept order when the cache has none (a cold view reads
    the version and the order in one query)."""
    fields = ["version", "computed_for", *(["order"] if with_order else [])]
    row = RankingState.objects.filter(competition_id=competition_id).values(*fields).first()
    return State("", exists=False) if row is None else State(**row)


def read_order(competition_id: int, key: str) -> RankingOrder | None:
    data = (
        RankingState.objects.filter(competition_id=competition_id, computed_for=key)
        .values_list("order", flat=True)
        .first()
    )
    return None if data is None else order_from_json(data)


def ranking_key(version: str, competition: Competition, criteria: list[Criterion]) -> str:
    """The version with what the competition and its criteria say about ranking. Its
    creation time tells apart two competitions with the same id and no version yet (a
    test's rolled back call and the next test's): the key never names another's order."""
    settings_ = (
        competition.created_at.isoformat(),
        competition.ranking_method,
        competition.required_reviews,
        competition.award_count,
    )
    criteria_ = sorted(
        (c.pk, str(c.weight), c.max_score, c.tie_break_order, c.position) for c in criteria
    )
    digest = hashlib.sha256(repr((settings_, criteria_)).encode()).hexdigest()[:32]
    return f"{version}:{digest}"


def order_as_json(order: RankingOrder) -> dict:
    return {
        "order": order.order,
        "ranked": order.ranked,
        "tied": sorted(order.tied),
        "stable_funded": sorted(order.stable_funded),
        "borderline": sorted(order.borderline),
        "checked": order.checked,
        "experts": [[member, *totals] for member, totals in order.experts.items()],
    }


def order_from_json(data: dict) -> RankingOrder:
    return RankingOrder(
        order=data["order"],
        ranked=data["ranked"],
        tied=set(data["tied"]),
        stable_funded=set(data["stable_funded"]),
        borderline=set(data["borderline"]),
        checked=data["checked"],
        experts={member: tuple(totals) for member, *totals in data["experts"]},
    )


def store_order(competition_id: int, state: State, key: str, order: RankingOrder) -> None:
    """Keeps the order if the version it was computed for (`state`, read before the rows)
    is still the competition's: computed while a review was being submitted, it is stale
    already and is not kept (the next view, or the task that review enqueued, computes it
    again)."""
    fields = {"computed_for": key, "order": order_as_json(order), "computed_at": timezone.now()}
    if state.exists:
        RankingState.objects.filter(competition_id=competition_id, version=state.version).update(
            **fields
        )
    else:
        # No row: made now, unless a change made it meanwhile (with a newer version).
        RankingState.objects.bulk_create(
            [RankingState(competition_id=competition_id, version="", **fields)],
            ignore_conflicts=True,
        )


def bump_version(competition_id: int) -> str:
    """A new version for the competition's ranking, written in the caller's transaction."""
    version = uuid4().hex
    if not RankingState.objects.filter(competition_id=competition_id).update(version=version):
        # No row yet: made with this version (or, made meanwhile by a view, given it).
        RankingState.objects.bulk_create(
            [RankingState(competition_id=competition_id, version=version)],
            ignore_conflicts=True,
        )
        RankingState.objects.filter(competition_id=competition_id).update(version=version)
    return version
