"""One-time codes that confirm a public exhibition registration.

A code is six digits, stored only as a keyed hash, valid for CODE_VALIDITY and good for
CODE_ATTEMPTS tries. How it reaches the person is one function, ``code_send``: by e-mail
when the visitor gave one, else by SMS (notifications.notify.notify_address).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from exhibition.models import Registration
from notifications.notify import notify_address

CODE_VALIDITY = timedelta(minutes=15)
CODE_ATTEMPTS = 5
CODE_DIGITS = 6


def code_new() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def code_hash(registration: Registration, code: str) -> str:
    """Keyed with SECRET_KEY and the registration's own token: a leaked table gives nothing."""
    return salted_hmac(
        "exhibition.registration.code", f"{registration.token}:{code}", algorithm="sha256"
    ).hexdigest()


def code_matches(registration: Registration, code: str) -> bool:
    code = (code or "").strip()
    if not registration.code_hash or len(code) != CODE_DIGITS or not code.isdigit():
        return False
    return constant_time_compare(registration.code_hash, code_hash(registration, code))


def code_send(*, registration: Registration, code: str, language: str) -> None:
    """Delivers the code to the address the visitor gave: e-mail, else SMS (notify_address)."""
    context = {
        "registration": registration,
        "exhibition": registration.exhibition,
        "code": code,
        "minutes": int(CODE_VALIDITY.total_seconds() // 60),
    }
    notify_address(
        "exhibition.code",
        context,
        language=language,
        email=registration.email,
        phone=registration.phone,
    )


def already_registered_notice(registration: Registration, language: str) -> None:
    """Tells a confirmed visitor that someone registered again with their contact."""
    context = {
        "registration": registration,
        "exhibition": registration.exhibition,
        "url": settings.SITE_URL + registration.get_absolute_url(),
    }
    notify_address(
        "exhibition.already_registered",
        context,
        language=language,
        email=registration.email,
        phone=registration.phone,
    )
