"""Taking the award decision in tests that are about something else."""

from accounts.roles import Position, Role
from reviews.decisions import decision_approve, decision_propose
from reviews.selectors import open_flags
from reviews.services import flag_resolve
from tests.factories import UserFactory


def director_user(**kwargs):
    return UserFactory(roles=[Role.STAFF], position=Position.DIRECTOR, **kwargs)


def dismiss_flags(competition, by) -> None:
    for flag in open_flags(competition):
        flag_resolve(
            competition=competition,
            application_id=flag.application.pk,
            member_id=flag.member.pk,
            confirm=False,
            note="Туыс емес — тексерілді.",
            by=by,
        )


def decide(*, competition, winners, reason, by, director=None, now=None):
    """The whole four-eyes path: open flags dismissed, `by` proposes, a director approves."""
    dismiss_flags(competition, by)
    decision_propose(competition=competition, winners=winners, reason=reason, by=by, now=now)
    return decision_approve(competition=competition, by=director or director_user(), now=now)


def demo_awarded_kzt() -> int:
    """The demo's awards: each winner gets what it requested, and every demo team plans the
    whole 1 000 000 ₸, so the seven awards are the source document's 7 000 000 ₸."""
    from django.db.models import Sum

    from reviews.models import Decision

    total = Decision.objects.filter(
        application__competition__slug="jastarurban-2025", outcome=Decision.Outcome.AWARDED
    ).aggregate(total=Sum("amount_kzt"))["total"]
    assert total == 7_000_000
    return total
