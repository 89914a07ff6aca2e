"""Each team member accepts the grant agreement by a one-time SMS code; staff invite them."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from accounts.views_phone import client_ip
from jastarurban.files import file_response
from mentoring.models import GrantAgreement
from mentoring.selectors import agreement_for
from mentoring.services import acceptance as services


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from the SMS"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "size": 8}
        ),
    )
    # The hash of the text the page showed: what the member accepts, even if GAMO prepares
    # a new text while the page is open.
    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)


def _member_agreement(request: HttpRequest, pk: int):
    """The agreement and the person's place on its team; 404 for anyone not on the team."""
    agreement = get_object_or_404(
        GrantAgreement.objects.select_related(
            "project__application__applicant", "project__application__village"
        ),
        pk=pk,
        document_sha256__gt="",
    )
    signatory = services.signatory_of(agreement, request.user)
    if signatory is None:
        raise Http404
    return agreement, signatory


@login_required
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    """The member reads the agreement, asks for a code and types it."""
    agreement, signatory = _member_agreement(request, pk)
    form = None
    status = 200
    if request.method == "POST":
        sha256 = request.POST.get("sha256", "")
        try:
            if request.POST.get("action") == "send":
                services.acceptance_code_send(
                    agreement=agreement, user=request.user, sha256=sha256, ip=client_ip(request)
                )
                messages.success(request, _("We have sent the code by SMS to your phone."))
                return redirect("mentoring:agreement_accept", agreement.pk)
            form = CodeForm(request.POST)
            if form.is_valid():
                services.agreement_accept(
                    agreement=agreement,
                    user=request.user,
                    sha256=form.cleaned_data["sha256"],
                    code=form.cleaned_data["code"],
                    ip=client_ip(request),
                )
                messages.success(request, _("You have accepted the agreement. Thank you!"))
                return redirect("mentoring:agreement_accept", agreement.pk)
            status = 400
        except ServiceError as error:
            if form is not None and error.field == "code":
                refusal_show(request, error, form)
                status = 400
            else:
                refusal_show(request, error)
                return redirect("mentoring:agreement_accept", agreement.pk)
        agreement.refresh_from_db()
        signatory = services.signatory_of(agreement, request.user)
    rows = services.signatories(agreement)
    code_waiting = (
        not signatory.accepted
        and not agreement.team_signed
        and services.live_code_exists(agreement, request.user)
    )
    if form is None and code_waiting:
        form = CodeForm(initial={"sha256": agreement.document_sha256})
    project = agreement.project
    context = {
        "agreement": agreement,
        "project": project,
        "me": next(row for row in rows if row.user == request.user),
        "rows": rows,
        "form": form if code_waiting or (form is not None and form.errors) else None,
        "tranches": agreement.tranches.all(),
        "report_dues": agreement.report_dues.all(),
        "phone_confirmed": signatory.phone_confirmed,
    }
    return render(request, "mentoring/agreement_accept.html", context, status=status)


@login_required
def accept_pdf(request: HttpRequest, pk: int) -> FileResponse:
    agreement, _signatory = _member_agreement(request, pk)
    return file_response(agreement.document, stem=f"agreement-{agreement.number}")


@require_POST
@role_required(Role.STAFF)
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff invite one member, or everyone who has not accepted, within the limits."""
    agreement = agreement_for(request.user, pk)
    member = None
    if request.POST.get("member"):
        member = next(
            (
                row.user
                for row in services.signatories(agreement)
                if row.user is not None and str(row.user.pk) == request.POST["member"]
            ),
            None,
        )
        if member is None:
            raise Http404
    link = settings.SITE_URL + reverse("mentoring:agreement_accept", args=[agreement.pk])
    try:
        invited, refused = services.acceptance_invite(
            agreement=agreement, by=request.user, link=link, user=member
        )
    except ServiceError as error:
        refusal_show(request, error)
    else:
        if invited:
            messages.success(
                request,
                _("Invited to accept the agreement: %(names)s.") % {"names": ", ".join(invited)},
            )
        for message in refused:
            messages.warning(request, message)
        if not invited and not refused:
            messages.info(request, _("Nobody is left to invite."))
    return redirect("mentoring:agreement", agreement.project_id)
