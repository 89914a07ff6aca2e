"""What an expert may open: only their assignments without a declared conflict; what the
commission's chair may open: their competition's commission and ranking."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.roles import Role
from competitions.models import Competition
from reviews.models import Assignment


def expert_assignments(user):
    """An expert's assignments; a declared conflict makes the application vanish for them."""
    return (
        Assignment.objects.filter(member__expert=user)
        .exclude(conflict=Assignment.Conflict.DECLARED)
        .select_related("member__competition", "application__village__district")
    )


def assignment_for_expert(user, application_pk: int) -> Assignment:
    return get_object_or_404(expert_assignments(user), application_id=application_pk)


def is_chair(user, competition: Competition) -> bool:
    return (
        user.has_role(Role.EXPERT)
        and competition.commission.filter(expert=user, is_chair=True).exists()
    )


def commission_competition(user, slug: str, *, write: bool = False) -> Competition:
    """Staff (and the operator, reading) reach every competition's commission; its chair
    reaches their own; any other expert gets 404."""
    competition = get_object_or_404(Competition, slug=slug)
    if user.has_role(Role.STAFF) or (not write and user.has_role(Role.OPERATOR)):
        return competition
    if is_chair(user, competition):
        return competition
    raise Http404


def may_resolve_flags(user, competition: Competition) -> bool:
    return user.has_role(Role.STAFF) or is_chair(user, competition)
