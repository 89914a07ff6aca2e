"""Sign up, log in and add a phone by an SMS code (rules: accounts/phone_accounts.py).

Each flow is two pages: the number (and for sign-up the name and consent), then the code.
The number waiting for its code is kept in the session, never in the address. Every
answer is the same whether or not the number has an account.
"""

import ipaddress
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.codes import RESEND_AFTER, CodePurpose
from accounts.errors import ServiceError, refusal_show
from accounts.forms import LoginForm, PhoneForm, PhoneSignupForm, SmsCodeForm
from accounts.phone_accounts import (
    phone_add_finish,
    phone_add_start,
    phone_login_finish,
    phone_login_start,
    phone_signup_finish,
    phone_signup_start,
)
from accounts.phones import phone_display, phone_masked
from accounts.views import _remember_language

PENDING = "phone_code_pending"
BACKEND = "accounts.backends.EmailPasswordBackend"


def client_ip(request: HttpRequest) -> str:
    """The address the codes' per-IP limit counts (the same reading as django-ratelimit's)."""
    address = import_string(settings.RATELIMIT_IP_META_KEY)(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return ""


def _pending(request: HttpRequest, purpose: str) -> dict | None:
    pending = request.session.get(PENDING)
    if not pending or pending.get("purpose") != purpose:
        return None
    if purpose == CodePurpose.PHONE_CONFIRM and pending.get("user") != request.user.pk:
        return None
    return pending


def _remember(request: HttpRequest, **pending) -> None:
    request.session[PENDING] = pending | {"sent_at": time.time()}


def _resend_wait(pending: dict) -> int:
    """Seconds until a new code may be asked for (the button counts them down)."""
    left = RESEND_AFTER.total_seconds() - (time.time() - pending.get("sent_at", 0))
    return max(0, int(left + 0.999))


def _safe_next(request: HttpRequest, url: str) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def _log_in(request: HttpRequest, user, next_url: str) -> HttpResponse:
    request.session.pop(PENDING, None)
    login(request, user, backend=BACKEND)
    return _remember_language(redirect(next_url or "accounts:home"), user.language)


def _code_page(request: HttpRequest, *, form, pending: dict, purpose: str) -> HttpResponse:
    return render(
        request,
        "accounts/phone_code.html",
        {
            "form": form,
            "purpose": purpose,
            "masked_phone": phone_masked(pending["phone"]),
            "resend_wait": _resend_wait(pending),
        },
    )


# Log in -----------------------------------------------------------------------------


@never_cache
@require_POST
def phone_login(request: HttpRequest) -> HttpResponse:
    """The login page's phone form, and "send again" on the code page."""
    pending = _pending(request, CodePurpose.LOGIN)
    if "resend" in request.POST and pending:
        form = PhoneForm({"phone": pending["phone"]})
    else:
        form = PhoneForm(request.POST)
    next_url = _safe_next(request, request.POST.get("next", ""))
    if form.is_valid():
        phone = form.cleaned_data["phone"]
        try:
            phone_login_start(phone=phone, ip=client_ip(request), language=get_language())
        except ServiceError as error:
            if "resend" in request.POST and pending:
                refusal_show(request, error)
                return redirect("accounts:phone_login_code")
            refusal_show(request, error, form)
        else:
            _remember(request, purpose=CodePurpose.LOGIN, phone=phone, next=next_url)
            return redirect("accounts:phone_login_code")
    return render(
        request,
        "accounts/login.html",
        {"form": LoginForm(request), "phone_form": form, "next": next_url},
    )


@never_cache
def phone_login_code(request: HttpRequest) -> HttpResponse:
    pending = _pending(request, CodePurpose.LOGIN)
    if pending is None:
        return redirect("accounts:login")
    form = SmsCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = phone_login_finish(phone=pending["phone"], code=form.cleaned_data["code"])
        if user is not None:
            return _log_in(request, user, pending.get("next", ""))
        form.add_error("code", _("The code is wrong or no longer valid. Ask for a new one."))
    return _code_page(request, form=form, pending=pending, purpose=CodePurpose.LOGIN)


# Sign up ----------------------------------------------------------------------------


@never_cache
def phone_signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:home")
    pending = _pending(request, CodePurpose.SIGNUP)
    if request.method == "POST" and "resend" in request.POST and pending:
        try:
            phone_signup_start(
                phone=pending["phone"], ip=client_ip(request), language=pending["language"]
            )
        except ServiceError as error:
            refusal_show(request, error)
        else:
            _remember(request, **{k: v for k, v in pending.items() if k != "sent_at"})
        return redirect("accounts:phone_signup_code")
    initial = {"phone": request.session.pop("signup_phone", "")}
    form = PhoneSignupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            phone_signup_start(phone=data["phone"], ip=client_ip(request), language=get_language())
        except ServiceError as error:
            refusal_show(request, error, form)
        else:
            _remember(
                request,
                purpose=CodePurpose.SIGNUP,
                phone=data["phone"],
                full_name=data["full_name"],
                language=get_language(),
            )
            return redirect("accounts:phone_signup_code")
    return render(request, "accounts/phone_signup.html", {"form": form})


@never_cache
def phone_signup_code(request: HttpRequest) -> HttpResponse:
    pending = _pending(request, CodePurpose.SIGNUP)
    if pending is None:
        return redirect("accounts:phone_signup")
    form = SmsCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = phone_signup_finish(
            phone=pending["phone"],
            code=form.cleaned_data["code"],
            full_name=pending["full_name"],
            language=pending["language"],
        )
        if result is not None:
            user, created = result
            if created:
                messages.success(request, _("Your account is ready. Welcome to JastarUrban!"))
            else:
                messages.info(
                    request, _("This number already had an account: you are logged in to it.")
                )
            return _log_in(request, user, "")
        form.add_error("code", _("The code is wrong or no longer valid. Ask for a new one."))
    return _code_page(request, form=form, pending=pending, purpose=CodePurpose.SIGNUP)


@require_POST
def phone_signup_offer(request: HttpRequest) -> HttpResponse:
    """ "No account? Sign up with this number" from the login code page: the sign-up form
    opens with the number filled in (nothing tells whether it has an account)."""
    pending = _pending(request, CodePurpose.LOGIN)
    if pending:
        request.session["signup_phone"] = pending["phone"]
    return redirect("accounts:phone_signup")


# Add a phone to an account ------------------------------------------------------------


@never_cache
@login_required
def phone_add(request: HttpRequest) -> HttpResponse:
    user = request.user
    pending = _pending(request, CodePurpose.PHONE_CONFIRM)
    if request.method == "POST" and "resend" in request.POST and pending:
        form = PhoneForm({"phone": pending["phone"]})
    else:
        form = PhoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        phone = form.cleaned_data["phone"]
        try:
            phone_add_start(user=user, phone=phone, ip=client_ip(request), language=user.language)
        except ServiceError as error:
            if "resend" in request.POST and pending:
                refusal_show(request, error)
                return redirect("accounts:phone_add_code")
            refusal_show(request, error, form)
        else:
            _remember(request, purpose=CodePurpose.PHONE_CONFIRM, phone=phone, user=user.pk)
            return redirect("accounts:phone_add_code")
    return render(
        request, "accounts/phone_add.html", {"form": form, "phone": phone_display(user.phone)}
    )


@never_cache
@login_required
def phone_add_code(request: HttpRequest) -> HttpResponse:
    pending = _pending(request, CodePurpose.PHONE_CONFIRM)
    if pending is None:
        return redirect("accounts:phone_add")
    form = SmsCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if phone_add_finish(
            user=request.user, phone=pending["phone"], code=form.cleaned_data["code"]
        ):
            request.session.pop(PENDING, None)
            messages.success(request, _("Your phone is confirmed."))
            return redirect("accounts:phone_add")
        form.add_error("code", _("The code is wrong or no longer valid. Ask for a new one."))
    return _code_page(request, form=form, pending=pending, purpose=CodePurpose.PHONE_CONFIRM)
