"""One-time codes that confirm a public exhibition registration.

A code is six digits, stored only as a keyed hash, valid for CODE_VALIDITY and good for
CODE_ATTEMPTS tries. How it reaches the person is one function, ``code_send``: it calls
the sender named by ``settings.EXHIBITION_CODE_SENDER`` (e-mail today; an SMS gateway
plugs in there with the same signature, ``(registration, code, language) -> None``).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.module_loading import import_string

from exhibition.models import Registration

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
    """Delivers the code through the configured sender (the one place SMS plugs in)."""
    sender = import_string(settings.EXHIBITION_CODE_SENDER)
    sender(registration, code, language)


def code_send_email(registration: Registration, code: str, language: str) -> None:
    if not registration.email:
        return
    context = {
        "registration": registration,
        "exhibition": registration.exhibition,
        "code": code,
        "minutes": int(CODE_VALIDITY.total_seconds() // 60),
    }
    with translation.override(language):
        subject = render_to_string("exhibition/email/code_subject.txt", context).strip()
        body = render_to_string("exhibition/email/code_body.txt", context)
    send_mail(subject, body, None, [registration.email])


def already_registered_notice(registration: Registration, language: str) -> None:
    """Tells a confirmed visitor that someone registered again with their contact."""
    if not registration.email:
        return
    context = {
        "registration": registration,
        "exhibition": registration.exhibition,
        "url": settings.SITE_URL + registration.get_absolute_url(),
    }
    with translation.override(language):
        subject = render_to_string("exhibition/email/already_subject.txt", context).strip()
        body = render_to_string("exhibition/email/already_body.txt", context)
    send_mail(subject, body, None, [registration.email])
