"""The one place that says which status changes exist and who may make them."""

from accounts.roles import Role
from applications.models import Application

Status = Application.Status

TRANSITIONS: dict[tuple[str, str], Role] = {
    (Status.DRAFT, Status.SUBMITTED): Role.APPLICANT,
    (Status.RETURNED, Status.SUBMITTED): Role.APPLICANT,
    (Status.SUBMITTED, Status.ELIGIBLE): Role.STAFF,
    (Status.SUBMITTED, Status.INELIGIBLE): Role.STAFF,
    (Status.SUBMITTED, Status.RETURNED): Role.STAFF,
    (Status.ELIGIBLE, Status.RETURNED): Role.STAFF,
    (Status.INELIGIBLE, Status.RETURNED): Role.STAFF,
    (Status.INELIGIBLE, Status.ELIGIBLE): Role.STAFF,
    (Status.ELIGIBLE, Status.INELIGIBLE): Role.STAFF,
}


class TransitionNotAllowed(Exception):
    pass


def check_transition(application: Application, to_status: str, user) -> None:
    role = TRANSITIONS.get((application.status, to_status))
    if role is None:
        raise TransitionNotAllowed(f"{application.status} → {to_status} is not a step")
    if role == Role.APPLICANT and application.applicant_id != user.pk:
        raise TransitionNotAllowed("only the team lead submits an application")
    if role == Role.STAFF and not user.has_role(Role.STAFF):
        raise TransitionNotAllowed("only GAMO staff screen applications")
