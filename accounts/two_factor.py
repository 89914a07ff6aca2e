"""Two-factor sign-in for the people who see other people's data: who needs it, and the
writes on their devices (an authenticator app, recovery codes, passkeys).

django-otp keeps the devices and the session's "verified" mark; django-otp-webauthn adds
passkeys as one more kind of device. Applicants need no second factor: many have one
phone, shared with the family.
"""

from base64 import b32encode

from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from accounts.errors import ServiceError
from accounts.models import User
from accounts.roles import Role

TWO_FACTOR_ROLES = (Role.STAFF, Role.OPERATOR, Role.EXPERT, Role.MENTOR)
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "app"
RECOVERY_DEVICE_NAME = "recovery"


class TwoFactorError(ServiceError):
    """A refusal to show the person as it is (a wrong code, the last device)."""

    field = "code"


def requires_two_factor(user) -> bool:
    """Staff, the operator, experts and mentors; anyone who may open the admin."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or user.has_role(*TWO_FACTOR_ROLES)


def second_factors(user: User) -> list[Device]:
    """The confirmed devices that can stand alone: apps and passkeys, not recovery codes."""
    return [
        device
        for device in devices_for_user(user, confirmed=True)
        if not isinstance(device, StaticDevice)
    ]


def has_second_factor(user: User) -> bool:
    return bool(second_factors(user))


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def _code(token: str) -> str:
    return "".join(token.split()).lower()


@transaction.atomic
def totp_device_start(*, user: User) -> TOTPDevice:
    """The app being set up: one unconfirmed device, the same key until it is confirmed
    (reloading the page must not change the QR code the person has just scanned)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def recovery_codes_regenerate(*, user: User) -> list[str]:
    """Ten new single-use codes; the old ones stop working. Shown to the person once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def totp_device_confirm(*, device: TOTPDevice, token: str) -> list[str]:
    """Confirms the app with one code from it and gives the first recovery codes.

    A wrong code is refused after its transaction commits: rolling back would also undo
    the throttling that django-otp records for it."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed = device.verify_is_allowed()[0]
        if allowed and device.verify_token(_code(token)):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
            if StaticToken.objects.filter(device__user=device.user).exists():
                return []
            return recovery_codes_regenerate(user=device.user)
    if not allowed:
        raise TwoFactorError(_("Too many wrong codes. Wait a minute and try again."))
    raise TwoFactorError(_("This code is not right. Enter the code your app shows now."))


def two_factor_verify(*, user: User, token: str) -> Device:
    """Checks a code from the app or a recovery code; a recovery code is used up.

    Each wrong code makes every device of the person wait longer before the next try
    (django-otp's throttling), so guessing six digits takes years. The refusal comes
    after the transaction commits, so that the throttling it recorded stays.
    """
    token = _code(token)
    with transaction.atomic():
        devices = [
            device
            for device in devices_for_user(user, confirmed=True, for_verify=True)
            if isinstance(device, TOTPDevice | StaticDevice)
        ]
        throttled = any(not device.verify_is_allowed()[0] for device in devices)
        if not throttled and token:
            for device in devices:
                if device.verify_token(token):
                    return device
    if throttled:
        raise TwoFactorError(_("Too many wrong codes. Wait a minute and try again."))
    raise TwoFactorError(
        _("This code is not right, or it was used already. Enter the code your app shows now.")
    )


@transaction.atomic
def device_remove(*, user: User, device_id: str) -> None:
    """Removes an app or a passkey, never the last one: the person would be locked out."""
    devices = second_factors(user)
    device = next((d for d in devices if d.persistent_id == device_id), None)
    if device is None:
        raise TwoFactorError(_("This device is not yours or is gone already."))
    if len(devices) == 1:
        raise TwoFactorError(
            _("This is your only way to confirm sign-in. Add another one before removing it.")
        )
    device.delete()


def devices_list(user: User) -> list[Device]:
    """Apps first, then passkeys, for the Security page."""
    apps = list(TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk"))
    passkeys = list(WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("pk"))
    return apps + passkeys


@transaction.atomic
def totp_device_set(*, user: User, key: str) -> TOTPDevice:
    """A confirmed app with the given key (the demo's and the load test's logins,
    demo/app_keys.py)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True, key=key).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, key=key, confirmed=True)
    return device


def app_secret(device: TOTPDevice) -> str:
    """The key as an app asks for it when typed in (base32)."""
    return b32encode(device.bin_key).decode()


def app_code(device: TOTPDevice) -> str:
    """The code the app shows now (for the demo's `demo_code` and for tests)."""
    value = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift
    )
    return f"{value:0{device.digits}d}"
