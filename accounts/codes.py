"""One-time six-digit codes sent by SMS: sign-up, log-in, confirming a phone or a team membership.

The rules (issue 13):
- a code is random (secrets), valid CODE_LIFETIME, good for one use;
- only an HMAC of it, keyed with SECRET_KEY, is stored: checking costs no password hash;
- one live code per number: a new one voids the old;
- a new code only RESEND_AFTER after the last one for that number, at most
  PER_PHONE_PER_HOUR codes per number and PER_IP_PER_HOUR per IP address an hour;
- MAX_ATTEMPTS wrong codes void the code.
A hit limit raises CodeError whose `.message` tells the person, in their language, how
long to wait.
"""

import math
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.errors import ServiceError
from accounts.models import CodePurpose, PhoneCode
from notifications.services import sms_send

__all__ = [
    "CodeError",
    "CodePurpose",
    "code_check",
    "code_hold",
    "code_new",
    "code_send",
    "wait_message",
]

CODE_LIFETIME = timedelta(minutes=5)
RESEND_AFTER = timedelta(seconds=60)
MAX_ATTEMPTS = 5
PER_PHONE_PER_HOUR = 5
PER_IP_PER_HOUR = 20
WINDOW = timedelta(hours=1)

# One UCS-2 SMS part is 70 characters; the Kazakh and Russian texts stay well under it
# (tests/accounts/test_codes.py counts them).
SMS_TEXT = _("JastarUrban code: %(code)s. Valid 5 minutes. Tell it to no one.")


class CodeError(ServiceError):
    """A sending limit was hit; `message` is for the person (already translated)."""

    field = "phone"


def _digest(*, phone: str, purpose: str, code: str) -> str:
    return salted_hmac(
        "accounts.codes", f"{phone}|{purpose}|{code}", algorithm="sha256"
    ).hexdigest()


def code_new() -> str:
    """Six random digits (secrets, not random): also what grant agreements are accepted by."""
    return f"{secrets.randbelow(1_000_000):06d}"


def wait_message(wait: timedelta) -> str:
    """How long to wait for a new code, in the active language (any code's sending limit)."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds <= 90:
        return gettext("Wait %(seconds)s s before asking for a new code.") % {"seconds": seconds}
    return gettext("Too many codes were asked for. Try again in %(minutes)s min.") % {
        "minutes": math.ceil(seconds / 60)
    }


def _check_limits(*, phone: str, ip: str, now) -> None:
    """Raises CodeError when this number or this IP address may not get a code yet."""
    hour_ago = now - WINDOW
    recent = list(
        PhoneCode.objects.filter(phone=phone, created_at__gt=hour_ago)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:PER_PHONE_PER_HOUR]
    )
    if recent and now - recent[0] < RESEND_AFTER:
        raise CodeError(wait_message(recent[0] + RESEND_AFTER - now))
    if len(recent) >= PER_PHONE_PER_HOUR:
        raise CodeError(wait_message(recent[-1] + WINDOW - now))
    if ip:
        by_ip = list(
            PhoneCode.objects.filter(ip=ip, created_at__gt=hour_ago)
            .order_by("-created_at")
            .values_list("created_at", flat=True)[:PER_IP_PER_HOUR]
        )
        if len(by_ip) >= PER_IP_PER_HOUR:
            raise CodeError(wait_message(by_ip[-1] + WINDOW - now))


@transaction.atomic
def _code_store(*, phone: str, purpose: str, ip: str) -> str:
    now = timezone.now()
    _check_limits(phone=phone, ip=ip, now=now)
    code = code_new()
    PhoneCode.objects.filter(phone=phone, spent_at__isnull=True).update(spent_at=now)
    PhoneCode.objects.create(
        phone=phone,
        purpose=purpose,
        digest=_digest(phone=phone, purpose=purpose, code=code),
        ip=ip or None,
        created_at=now,
    )
    return code


def code_send(*, phone: str, purpose: str, ip: str, language: str, person=None) -> None:
    """Makes a code for an E.164 number and sends it by SMS after the commit.

    Raises CodeError (nothing sent, nothing stored) when a limit is hit.
    """
    code = _code_store(phone=phone, purpose=purpose, ip=ip)
    with translation.override(language):
        text = gettext(SMS_TEXT) % {"code": code}
    sms_send(to=phone, text=text, event="code", person=person)


def code_hold(*, phone: str, purpose: str, ip: str) -> None:
    """Does all code_send does but the SMS: the same limits, the same answer, a code nobody
    knows. For a number that must not get a code (no account to log in to, a number another
    account has confirmed), so the answer does not tell whether the number has an account."""
    _code_store(phone=phone, purpose=purpose, ip=ip)


@transaction.atomic
def code_check(*, phone: str, purpose: str, code: str) -> bool:
    """True once for the live code of this number and purpose (it is then used up)."""
    now = timezone.now()
    row = (
        PhoneCode.objects.select_for_update()
        .filter(
            phone=phone,
            purpose=purpose,
            spent_at__isnull=True,
            created_at__gt=now - CODE_LIFETIME,
        )
        .order_by("-created_at")
        .first()
    )
    if row is None:
        return False
    typed = "".join(code.split())
    if constant_time_compare(row.digest, _digest(phone=phone, purpose=purpose, code=typed)):
        row.spent_at = now
        row.save(update_fields=["spent_at"])
        return True
    row.attempts += 1
    if row.attempts >= MAX_ATTEMPTS:
        row.spent_at = now
    row.save(update_fields=["attempts", "spent_at"])
    return False


def phone_codes_delete_old() -> int:
    """Deletes codes older than the hour the limits look back on; returns how many."""
    deleted, _by_model = PhoneCode.objects.filter(created_at__lt=timezone.now() - WINDOW).delete()
    return deleted
