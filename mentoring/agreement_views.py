"""The grant agreement's pages: GAMO prepares and signs, the team downloads and uploads the scan."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from jastarurban.files import file_response
from mentoring import forms
from mentoring.models import GrantAgreement, GranteeProject
from mentoring.selectors import agreement_for, agreement_project_for, report_schedule
from mentoring.services import acceptance
from mentoring.services import agreements as services

READERS = (Role.APPLICANT, Role.STAFF, Role.OPERATOR)


def _agreement_of(project: GranteeProject) -> GrantAgreement | None:
    try:
        return project.agreement
    except ObjectDoesNotExist:
        return None


def _initial(project: GranteeProject, agreement: GrantAgreement | None) -> dict:
    """The agreement as it stands, or a first draft: 70 % on signing, the rest in six weeks,
    a report a month after each payment."""
    if agreement is not None:
        return {
            "dated_on": agreement.dated_on,
            "language": agreement.language,
            "tranches": "\n".join(
                f"{t.due_on:%d.%m.%Y} {t.amount_kzt}" for t in agreement.tranches.all()
            ),
            "report_dates": "\n".join(f"{d.due_on:%d.%m.%Y}" for d in agreement.report_dues.all()),
        }
    today = timezone.localdate()
    first = project.award_kzt * 7 // 10
    return {
        "dated_on": today,
        "language": GrantAgreement.Language.BOTH,
        "tranches": f"{today:%d.%m.%Y} {first}\n"
        f"{today + timedelta(weeks=6):%d.%m.%Y} {project.award_kzt - first}",
        "report_dates": f"{today + timedelta(weeks=5):%d.%m.%Y}\n"
        f"{today + timedelta(weeks=11):%d.%m.%Y}",
    }


def _page(request, project: GranteeProject, *, form=None, status: int = 200) -> HttpResponse:
    user = request.user
    agreement = _agreement_of(project)
    is_staff = user.has_role(Role.STAFF)
    is_team = project.application.applicant_id == user.pk
    context = {
        "project": project,
        "agreement": agreement,
        "is_staff": is_staff,
        "is_team": is_team,
        "lines": project.budget_lines.order_by("position"),
        "tranches": agreement.tranches.all() if agreement else [],
        "schedule": report_schedule(
            agreement, list(project.reports.order_by("number")), timezone.localdate()
        ),
        "can_sign_for_gamo": user.has_position(*services.AGREEMENT_SIGNERS),
    }
    if form is not None:  # a refused form comes back with its errors, whatever the state
        context["form"] = form
    elif is_staff and project.is_active and (agreement is None or agreement.is_editable):
        context["form"] = forms.AgreementForm(initial=_initial(project, agreement))
    if is_team and agreement is not None and not agreement.team_signed:
        context["scan_form"] = forms.AgreementScanForm()
    signed_by_scan = agreement is not None and (
        agreement.team_signed_via == GrantAgreement.TeamSignedVia.SCAN
    )
    if agreement is not None and agreement.document_sha256 and not signed_by_scan:
        # Who has accepted by code: what staff chase and the lead sees, both sides of it.
        rows = acceptance.signatories(agreement)
        context["acceptance_rows"] = rows
        context["accepted_count"] = sum(row.accepted for row in rows)
        context["my_acceptance"] = next((row for row in rows if row.user == user), None)
    return render(request, "mentoring/agreement.html", context, status=status)


@role_required(*READERS)
def agreement(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, agreement_project_for(request.user, pk))


@require_POST
@role_required(Role.STAFF)
def agreement_prepare(request: HttpRequest, pk: int) -> HttpResponse:
    project = agreement_project_for(request.user, pk)
    form = forms.AgreementForm(request.POST)
    if form.is_valid():
        try:
            services.agreement_prepare(project=project, by=request.user, **form.cleaned_data)
        except ServiceError as error:
            refusal_show(request, error, form)
        else:
            messages.success(request, _("The agreement is ready: the team can download it."))
            return redirect("mentoring:agreement", project.pk)
    return _page(request, project, form=form, status=400)


@require_POST
@role_required(Role.APPLICANT)
def agreement_scan(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_for(request.user, pk)
    form = forms.AgreementScanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.agreement_team_sign_scan(
                agreement=agreement, scan=form.cleaned_data["scan"], by=request.user
            )
        except ServiceError as error:
            refusal_show(request, error)
        else:
            messages.success(request, _("The signed agreement is uploaded. Thank you!"))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("mentoring:agreement", agreement.project_id)


@require_POST
@role_required(Role.STAFF)
def agreement_sign(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_for(request.user, pk)
    try:
        services.agreement_gamo_sign(agreement=agreement, by=request.user)
    except ServiceError as error:
        refusal_show(request, error)
    else:
        messages.success(request, _("GAMO's signature is recorded."))
    return redirect("mentoring:agreement", agreement.project_id)


@role_required(*READERS)
def agreement_document(request: HttpRequest, pk: int) -> FileResponse:
    agreement = agreement_for(request.user, pk)
    return file_response(agreement.document, stem=f"agreement-{agreement.number}")


@role_required(*READERS)
def agreement_signed_scan(request: HttpRequest, pk: int) -> FileResponse:
    agreement = agreement_for(request.user, pk)
    if not agreement.team_scan:
        raise Http404
    return file_response(agreement.team_scan, stem=f"agreement-{agreement.number}-signed")
