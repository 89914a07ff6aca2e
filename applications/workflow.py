"""The one place that says which status changes an application has and who may make them."""

from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from applications.models import Application, StatusChange
from jastarurban.workflow import Step, Workflow

Status = Application.Status


def _lead(user, application: Application) -> bool:
    return application.applicant_id == user.pk


def _log(application, source, target, by, reason, at) -> None:
    StatusChange.objects.create(
        application=application,
        from_status=source,
        to_status=target,
        changed_by=by,
        changed_at=at,
        reason=reason,
    )


LEAD_ONLY = _("Only the team lead submits the application.")
STAFF_ONLY = _("Only GAMO staff screen applications.")

APPLICATION_FLOW = Workflow(
    [
        Step(Status.DRAFT, Status.SUBMITTED, _lead, LEAD_ONLY),
        Step(Status.RETURNED, Status.SUBMITTED, _lead, LEAD_ONLY),
        Step(Status.SUBMITTED, Status.ELIGIBLE, Role.STAFF, STAFF_ONLY),
        Step(Status.SUBMITTED, Status.INELIGIBLE, Role.STAFF, STAFF_ONLY),
        Step(Status.SUBMITTED, Status.RETURNED, Role.STAFF, STAFF_ONLY),
        Step(Status.ELIGIBLE, Status.RETURNED, Role.STAFF, STAFF_ONLY),
        Step(Status.INELIGIBLE, Status.RETURNED, Role.STAFF, STAFF_ONLY),
        Step(Status.INELIGIBLE, Status.ELIGIBLE, Role.STAFF, STAFF_ONLY),
        Step(Status.ELIGIBLE, Status.INELIGIBLE, Role.STAFF, STAFF_ONLY),
    ],
    log=_log,
    not_a_step=_("The application's present status does not allow this step."),
)
