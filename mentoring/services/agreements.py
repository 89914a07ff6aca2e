"""Grant agreements: GAMO prepares one per grantee project, the team and GAMO sign it.

Payments to the team wait for an agreement signed by both sides (`agreement_require_signed`,
called by the payment services); progress reports are due by its reporting schedule.
"""

import hashlib
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.errors import ServiceError
from accounts.models import User
from accounts.roles import Position, Role
from jastarurban.money import format_tenge
from mentoring.agreement_pdf import agreement_pdf
from mentoring.models import AgreementTranche, GrantAgreement, GranteeProject, ReportDue
from mentoring.uploads import scan_prepare

# Who signs for GAMO: the director, as for every other decision on money.
AGREEMENT_SIGNERS = (Position.DIRECTOR,)


def agreement_require_signed(project: GranteeProject) -> None:
    """Refuses unless the project's agreement is signed by both the team and GAMO."""
    if not GrantAgreement.objects.signed().filter(project=project).exists():
        raise ServiceError(
            _(
                "Payments wait for the grant agreement: it must be signed by both the team "
                "and GAMO before any money is recorded or approved."
            )
        )


def _next_number(year: int) -> str:
    taken = GrantAgreement.objects.filter(number__startswith=f"{year}/").values_list(
        "number", flat=True
    )
    last = max((int(number.split("/")[1]) for number in taken), default=0)
    return f"{year}/{last + 1:03d}"


def _check_schedules(
    project: GranteeProject, dated_on: date, tranches: list[tuple[date, int]], report_dates
) -> None:
    if not tranches:
        raise ServiceError(_("Give at least one payment of the schedule."))
    if not report_dates:
        raise ServiceError(_("Give at least one report due date."))
    total = sum(amount for _day, amount in tranches)
    if total != project.award_kzt:
        raise ServiceError(
            _("The payments add up to %(total)s; they must add up to the award of %(award)s.")
            % {"total": format_tenge(total), "award": format_tenge(project.award_kzt)}
        )
    days = [day for day, _amount in tranches]
    if days != sorted(days) or days[0] < dated_on:
        raise ServiceError(_("Payment dates go in order and none is before the agreement's date."))
    if list(report_dates) != sorted(set(report_dates)) or report_dates[0] < dated_on:
        raise ServiceError(
            _("Report due dates go in order, differ, and none is before the agreement's date.")
        )


@transaction.atomic
def agreement_prepare(
    *,
    project: GranteeProject,
    dated_on: date,
    language: str,
    tranches: list[tuple[date, int]],
    report_dates: list[date],
    by: User,
) -> GrantAgreement:
    """Prepares the agreement, or prepares it again while nobody has signed it.

    The PDF is built here from the approved budget and the two schedules, and stored:
    the document the sides sign does not change when a budget line does later.
    """
    if not by.has_role(Role.STAFF):
        raise ServiceError(_("Only GAMO staff prepare grant agreements."))
    project = GranteeProject.objects.select_for_update().get(pk=project.pk)
    if not project.is_active:
        raise ServiceError(_("This project is closed; nothing can be added to it."))
    _check_schedules(project, dated_on, tranches, report_dates)
    agreement = GrantAgreement.objects.filter(project=project).first()
    if agreement is not None and not agreement.is_editable:
        raise ServiceError(_("The agreement is signed already; it can no longer change."))
    if agreement is None or agreement.dated_on.year != dated_on.year:
        number = _next_number(dated_on.year)
    else:
        number = agreement.number
    agreement = agreement or GrantAgreement(project=project)
    agreement.number = number
    agreement.dated_on = dated_on
    agreement.language = language
    agreement.prepared_by = by
    agreement.save()
    agreement.tranches.all().delete()
    AgreementTranche.objects.bulk_create(
        AgreementTranche(agreement=agreement, number=n, due_on=day, amount_kzt=amount)
        for n, (day, amount) in enumerate(tranches, start=1)
    )
    agreement.report_dues.all().delete()
    ReportDue.objects.bulk_create(
        ReportDue(agreement=agreement, number=n, due_on=day)
        for n, day in enumerate(report_dates, start=1)
    )
    agreement.project = project
    pdf = agreement_pdf(agreement)
    if agreement.document:
        agreement.document.delete(save=False)
    # A new text: acceptances of the previous one no longer count (AgreementAcceptance).
    agreement.document_sha256 = hashlib.sha256(pdf).hexdigest()
    agreement.version += 1
    agreement.document.save(f"agreement-{agreement.pk}.pdf", ContentFile(pdf), save=True)
    return agreement


def _locked(agreement: GrantAgreement) -> GrantAgreement:
    return GrantAgreement.objects.select_for_update().select_related("project").get(pk=agreement.pk)


def agreement_team_signed(*, agreement: GrantAgreement, via: str, by: User) -> GrantAgreement:
    """Records the team's signature, however it was given (call inside a transaction).

    The one place the team's side becomes signed: the scan upload below, and the last
    member's acceptance by a one-time code (mentoring.services.acceptance).
    """
    if agreement.team_signed:
        raise ServiceError(_("The team has signed this agreement already."))
    agreement.team_signed_at = timezone.now()
    agreement.team_signed_by = by
    agreement.team_signed_via = via
    return agreement


@transaction.atomic
def agreement_team_sign_scan(*, agreement: GrantAgreement, scan, by: User) -> GrantAgreement:
    """The team lead uploads the scan of the agreement signed by the team (PDF or photo)."""
    agreement = _locked(agreement)
    if agreement.project.application.applicant_id != by.pk:
        raise ServiceError(_("Only the team lead uploads the signed agreement."))
    try:
        stored, kind = scan_prepare(scan)
    except ValidationError as error:
        if error.code != "bad_type":
            raise ServiceError(error.messages, field="scan") from None
        raise ServiceError(
            _(
                "The signed agreement must be a PDF scan or a photo (JPEG, PNG), "
                "whatever the file's name says."
            ),
            field="scan",
        ) from None
    agreement_team_signed(agreement=agreement, via=GrantAgreement.TeamSignedVia.SCAN, by=by)
    agreement.team_scan.save(stored.name, stored, save=False)
    agreement.team_scan_type = kind
    agreement.save()
    return agreement


@transaction.atomic
def agreement_gamo_sign(*, agreement: GrantAgreement, by: User) -> GrantAgreement:
    """The director records that GAMO has signed the agreement."""
    if not by.has_position(*AGREEMENT_SIGNERS):
        raise ServiceError(_("Only the director signs grant agreements for GAMO."))
    agreement = _locked(agreement)
    if agreement.gamo_signed:
        raise ServiceError(_("GAMO has signed this agreement already."))
    agreement.gamo_signed_at = timezone.now()
    agreement.gamo_signed_by = by
    agreement.save(update_fields=["gamo_signed_at", "gamo_signed_by", "updated_at"])
    return agreement


def report_due_claim(*, due: ReportDue) -> bool:
    """Marks the reminder of this report and due date as sent; False if it was already.

    A conditional update, so two runs of the daily task (a retry, a second beat) can never
    both claim it.
    """
    return bool(
        ReportDue.objects.filter(pk=due.pk)
        .exclude(reminded_for=F("due_on"))
        .update(reminded_for=F("due_on"))
    )
