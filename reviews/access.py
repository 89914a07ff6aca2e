"""What an expert may open: only their assignments without a declared conflict."""

from django.shortcuts import get_object_or_404

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
