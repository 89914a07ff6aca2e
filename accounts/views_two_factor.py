"""The second step of signing in, setting up an authenticator app, recovery codes and the
Security page (accounts/two_factor.py holds the rules and writes)."""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from accounts.errors import ServiceError, refusal_show
from accounts.forms import AppCodeForm, TwoFactorCodeForm
from accounts.two_factor import (
    device_remove,
    devices_list,
    has_second_factor,
    recovery_codes_left,
    recovery_codes_regenerate,
    requires_two_factor,
    totp_device_confirm,
    totp_device_start,
    two_factor_verify,
)

RECOVERY_CODES_SESSION_KEY = "two_factor_recovery_codes"


def _next_url(request: HttpRequest) -> str:
    """Where the person was going, if it is on this site; their home page otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("accounts:home")


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def second_step_url(user, next_url: str) -> str:
    """The step after the password: the code, or setting up an app the first time."""
    step = "accounts:two_factor" if has_second_factor(user) else "accounts:two_factor_setup"
    return _with_next(step, next_url)


@never_cache
@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    user, next_url = request.user, _next_url(request)
    if not requires_two_factor(user) or user.is_verified():
        return redirect(next_url)
    if not has_second_factor(user):
        return redirect(_with_next("accounts:two_factor_setup", next_url))
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = two_factor_verify(user=user, token=form.cleaned_data["code"])
        except ServiceError as error:
            refusal_show(request, error, form)
        else:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _(
                        "You used a recovery code; %(left)s left. "
                        "Make new ones on the Security page."
                    )
                    % {"left": recovery_codes_left(user)},
                )
            return redirect(next_url)
    has_passkey = WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()
    return render(
        request,
        "accounts/two_factor.html",
        {"form": form, "next": next_url, "has_passkey": has_passkey},
    )


def _qr_svg(data: str) -> str:
    return segno.make(data, error="m").svg_inline(
        scale=5, border=2, svgclass="qr-code", title=_("QR code for the authenticator app")
    )


@never_cache
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """The first login: scan the QR code (or type the key), confirm with one code."""
    user, next_url = request.user, _next_url(request)
    if not requires_two_factor(user):
        return redirect(next_url)
    if has_second_factor(user):
        # Someone who has a way to confirm uses it first; a verified person adds an
        # app from the Security page only when they have none (they may have passkeys).
        if not user.is_verified():
            return redirect(_with_next("accounts:two_factor", next_url))
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            return redirect("accounts:security")
    device = totp_device_start(user=user)
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = totp_device_confirm(device=device, token=form.cleaned_data["code"])
        except ServiceError as error:
            refusal_show(request, error, form)
        else:
            device.refresh_from_db()
            if not user.is_verified():
                otp_login(request, device)
            messages.success(request, _("Two-factor sign-in is on."))
            if not codes:
                return redirect(next_url)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            return redirect(_with_next("accounts:recovery_codes", next_url))
    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "next": next_url,
            "qr_svg": _qr_svg(device.config_url),
            "secret": secret,
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        },
    )


@never_cache
@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The recovery codes, shown once: they leave the session as the page is built."""
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        return redirect("accounts:security")
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": _next_url(request)},
    )


def _security_person(request: HttpRequest):
    if not requires_two_factor(request.user):
        return None
    return request.user


@never_cache
@login_required
def security(request: HttpRequest) -> HttpResponse:
    user = _security_person(request)
    if user is None:
        return render(request, "accounts/no_role.html", status=403)
    devices = devices_list(user)
    return render(
        request,
        "accounts/security.html",
        {
            "devices": devices,
            "can_remove": len(devices) > 1,
            "has_app": any(isinstance(device, TOTPDevice) for device in devices),
            "recovery_codes_left": recovery_codes_left(user),
            "current_device_id": getattr(user.otp_device, "persistent_id", ""),
        },
    )


@require_POST
@login_required
def security_recovery_codes(request: HttpRequest) -> HttpResponse:
    user = _security_person(request)
    if user is None:
        return render(request, "accounts/no_role.html", status=403)
    request.session[RECOVERY_CODES_SESSION_KEY] = recovery_codes_regenerate(user=user)
    messages.success(request, _("New recovery codes are made; the old ones no longer work."))
    return redirect(_with_next("accounts:recovery_codes", reverse("accounts:security")))


@require_POST
@login_required
def security_device_remove(request: HttpRequest) -> HttpResponse:
    user = _security_person(request)
    if user is None:
        return render(request, "accounts/no_role.html", status=403)
    try:
        device_remove(user=user, device_id=request.POST.get("device", ""))
    except ServiceError as error:
        refusal_show(request, error)
    else:
        messages.success(request, _("The device is removed."))
    return redirect("accounts:security")
