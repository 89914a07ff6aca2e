"""Which applications a person may open; anyone else gets 404, as if it did not exist."""

from django.shortcuts import get_object_or_404

from accounts.roles import Role
from applications.models import Application


def applications_visible_to(user):
    applications = Application.objects.select_related(
        "competition__project", "village__district", "applicant"
    )
    if user.has_role(Role.STAFF, Role.OPERATOR):
        return applications
    return applications.filter(applicant=user)


def application_for_user(user, pk: int) -> Application:
    return get_object_or_404(applications_visible_to(user), pk=pk)


def own_application(user, pk: int) -> Application:
    """For changes only the team lead may make."""
    return get_object_or_404(
        Application.objects.select_related("competition"), pk=pk, applicant=user
    )
