"""The team as people: the lead's invitations, the invitation link, the member's own page."""

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.codes import CodePurpose, code_send
from accounts.errors import ServiceError, refusal_show
from accounts.phones import phone_display, phone_masked
from accounts.roles import Role
from applications.access import my_team_place, own_application, own_teammate
from applications.eligibility import age_deadline
from applications.forms import CodeForm, InviteForm, MemberForm
from applications.selectors import teammate_by_token
from applications.services.teammates import (
    teammate_confirm,
    teammate_invite,
    teammate_leave,
    teammate_phone_confirm,
    teammate_remove,
    teammate_resend,
)
from jastarurban.ratelimits import client_ip

LOGIN_BACKEND = "accounts.backends.EmailPasswordBackend"


def _to_team(pk: int):
    return redirect(f"/applications/{pk}/edit/#section-team")


@role_required(Role.APPLICANT)
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    application = own_application(request.user, pk)
    form = InviteForm(request.POST, prefix="invite")
    if not form.is_valid():
        from applications.views import edit_page

        return edit_page(request, application, invite_form=form, status=400)
    try:
        teammate = teammate_invite(application=application, **form.cleaned_data)
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        messages.success(
            request,
            _("%(name)s is invited: an SMS with a link went to %(phone)s.")
            % {"name": teammate.full_name, "phone": phone_display(teammate.phone)},
        )
    return _to_team(pk)


@role_required(Role.APPLICANT)
@require_POST
def resend(request: HttpRequest, pk: int, teammate_id: int) -> HttpResponse:
    teammate = own_teammate(request.user, pk, teammate_id)
    try:
        teammate_resend(teammate=teammate)
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        messages.success(
            request,
            _("The invitation is sent again to %(phone)s.")
            % {"phone": phone_display(teammate.phone)},
        )
    return _to_team(pk)


@role_required(Role.APPLICANT)
@require_POST
def remove(request: HttpRequest, pk: int, teammate_id: int) -> HttpResponse:
    teammate = own_teammate(request.user, pk, teammate_id)
    try:
        teammate_remove(teammate=teammate)
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        messages.success(request, _("%(name)s is off the team.") % {"name": teammate.full_name})
    return _to_team(pk)


def join(request: HttpRequest, token: str) -> HttpResponse:
    """The invitation link: anyone may open it, only the invited phone's holder can use it."""
    teammate = teammate_by_token(token)
    if teammate is None:
        return render(request, "applications/team/join_invalid.html", status=404)
    code_form = CodeForm(prefix="code")
    code_sent = False
    if request.method == "POST" and "send" in request.POST:
        try:
            code_send(
                phone=teammate.phone,
                purpose=CodePurpose.MEMBER_CONFIRM,
                ip=client_ip(request),
                language=get_language(),
            )
        except ServiceError as error:
            refusal_show(request, error)
        else:
            code_sent = True
    elif request.method == "POST":
        code_sent = True
        code_form = CodeForm(request.POST, prefix="code")
        if code_form.is_valid():
            try:
                user = teammate_phone_confirm(
                    teammate=teammate, code=code_form.cleaned_data["code"]
                )
            except ServiceError as refusal:
                refusal_show(request, refusal)
                return redirect("competitions:home")
            if user is not None:
                login(request, user, backend=LOGIN_BACKEND)
                messages.success(request, _("Your phone is confirmed."))
                return redirect("applications:member", pk=teammate.application_id)
            code_form.add_error("code", _("The code is wrong or has expired. Ask for a new one."))
    return render(
        request,
        "applications/team/join.html",
        {
            "teammate": teammate,
            "application": teammate.application,
            "code_form": code_form,
            "code_sent": code_sent,
            "masked_phone": phone_masked(teammate.phone),
        },
        status=400 if code_form.errors else 200,
    )


@role_required(Role.APPLICANT)
def member(request: HttpRequest, pk: int) -> HttpResponse:
    """The teammate's own page: their IIN, village and consent, and leaving the team."""
    teammate = my_team_place(request.user, pk)
    application = teammate.application
    initial = {"iin": teammate.iin, "village": teammate.village_id}
    form = MemberForm(request.POST or None, initial=initial, prefix="member")
    if request.method == "POST" and application.is_editable and form.is_valid():
        try:
            teammate_confirm(
                teammate=teammate,
                iin=form.cleaned_data["iin"],
                village=form.cleaned_data["village"],
                consent=form.cleaned_data["consent"],
            )
        except ServiceError as refusal:
            refusal_show(request, refusal, form)
        else:
            messages.success(request, _("Thank you: you are confirmed on the team."))
            return redirect("applications:member", pk=pk)
    return render(
        request,
        "applications/team/member.html",
        {
            "teammate": teammate,
            "application": application,
            "form": form,
            "closing_day": age_deadline(application.competition),
            "now": timezone.now(),
        },
        status=400 if form.errors else 200,
    )


@role_required(Role.APPLICANT)
@require_POST
def leave(request: HttpRequest, pk: int) -> HttpResponse:
    teammate = my_team_place(request.user, pk)
    try:
        teammate_leave(teammate=teammate)
    except ServiceError as refusal:
        refusal_show(request, refusal)
        return redirect("applications:member", pk=pk)
    messages.success(request, _("You have left the team. The team lead is told."))
    return redirect("applications:home")
