"""Appeals against the published result: lodged by the team lead within the competition's
appeal window, answered by staff on the commission's behalf."""

from datetime import timedelta

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.errors import ServiceError
from accounts.roles import Role
from applications.models import Application
from reviews.models import Appeal, AuditEvent
from reviews.tasks import send_appeal_answer


class AppealRefused(ServiceError):
    """The appeal cannot be lodged or answered; the message says why."""


@transaction.atomic
def appeal_lodge(
    *,
    application: Application,
    reason: str,
    by,
    upload: UploadedFile | None = None,
    file_kind: str = "",
    now=None,
) -> Appeal:
    """The team lead appeals once, until the end of the last appeal day (Asia/Aqtau).

    The file, if any, has been checked by its content (PDF or image) by the form.
    """
    application = (
        Application.objects.select_for_update().select_related("competition").get(pk=application.pk)
    )
    competition = application.competition
    now = now or timezone.now()
    if application.applicant_id != by.pk:
        raise AppealRefused(_("Only the team lead may appeal."))
    if competition.results_published_at is None or application.submitted_at is None:
        raise AppealRefused(_("An appeal is possible once the results are published."))
    if not competition.can_appeal(now):
        closed = timezone.localtime(competition.appeals_close_at)
        raise AppealRefused(
            _("The appeal period ended on %(date)s.")
            % {"date": (closed - timedelta(seconds=1)).strftime("%d.%m.%Y %H:%M")}
        )
    if Appeal.objects.filter(application=application).exists():
        raise AppealRefused(_("This application has an appeal already."))
    reason = reason.strip()
    if not reason:
        raise AppealRefused(_("Give the grounds of the appeal."))
    appeal = Appeal(
        application=application, lodged_by=by, lodged_at=now, reason=reason, file_kind=file_kind
    )
    if upload is not None:
        appeal.file.save("appeal", upload, save=False)
    appeal.save()
    AuditEvent.objects.create(
        competition=competition,
        actor=by,
        action=AuditEvent.Action.APPEAL_LODGED,
        application_id=application.pk,
        details={"appeal": appeal.pk},
    )
    return appeal


@transaction.atomic
def appeal_answer(*, appeal: Appeal, upheld: bool, answer: str, by, now=None) -> Appeal:
    """Staff record the commission's answer; the team lead is told by e-mail."""
    appeal = Appeal.objects.select_for_update().select_related("application").get(pk=appeal.pk)
    if not by.has_role(Role.STAFF):
        raise AppealRefused(_("Only GAMO staff record the commission's answer."))
    if appeal.status != Appeal.Status.PENDING:
        raise AppealRefused(_("This appeal is answered already."))
    answer = answer.strip()
    if not answer:
        raise AppealRefused(_("Give the commission's reasons."))
    appeal.status = Appeal.Status.UPHELD if upheld else Appeal.Status.REJECTED
    appeal.answer = answer
    appeal.answered_by = by
    appeal.answered_at = now or timezone.now()
    appeal.save()
    AuditEvent.objects.create(
        competition_id=appeal.application.competition_id,
        actor=by,
        action=AuditEvent.Action.APPEAL_ANSWERED,
        application_id=appeal.application_id,
        details={"appeal": appeal.pk, "status": appeal.status},
    )
    transaction.on_commit(lambda: send_appeal_answer.delay(appeal.pk))
    return appeal
