"""Which applications a person may open; anyone else gets 404, as if it did not exist."""

from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404

from accounts.roles import Role
from applications.models import Application, Teammate


def applications_visible_to(user):
    applications = Application.objects.select_related(
        "competition__project", "village__district", "applicant"
    )
    if user.has_role(Role.STAFF, Role.OPERATOR):
        return applications
    # A teammate who confirmed themselves reads their team's application; anyone else
    # (another applicant, an invited person not yet confirmed) gets 404.
    member = Teammate.objects.filter(
        application=OuterRef("pk"), user=user, confirmed_at__isnull=False
    )
    return applications.filter(Q(applicant=user) | Exists(member))


def own_teammate(user, pk: int, teammate_id: int) -> Teammate:
    """A teammate on the lead's own application, for the lead's changes."""
    return get_object_or_404(
        Teammate.objects.select_related("application__competition", "application__applicant"),
        pk=teammate_id,
        application_id=pk,
        application__applicant=user,
    )


def my_team_place(user, pk: int) -> Teammate:
    """The person's own place on a team whose invitation they took (confirmed or not)."""
    return get_object_or_404(
        Teammate.objects.select_related(
            "application__competition", "application__applicant", "village__district"
        ),
        application_id=pk,
        user=user,
    )


def application_for_user(user, pk: int) -> Application:
    return get_object_or_404(applications_visible_to(user), pk=pk)


def own_application(user, pk: int) -> Application:
    """For changes only the team lead may make."""
    return get_object_or_404(
        Application.objects.select_related("competition"), pk=pk, applicant=user
    )
