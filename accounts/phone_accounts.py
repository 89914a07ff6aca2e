"""Accounts by phone number: sign up, log in, add a phone — each in two steps, a code between.

Who gets a code, and what a right code then does:
- log in: an active account whose number is confirmed and that may log in without a
  second factor (requires_two_factor: staff, the operator, experts and mentors keep their
  e-mail, password and app — a phone code must not stand in for both);
- sign up: any number. When an account that may log in by phone already confirmed it, the
  right code logs into that account (its owner just proved the number is theirs); a new
  account otherwise;
- add a phone: a number no other account confirmed.
Any other case gets a held code (accounts.codes.code_hold): the same limits and the same
answer, no SMS. So no answer tells whether a number has an account.

A number typed but never confirmed (e-mail registration, profile, staff in the admin)
logs nobody in; whoever confirms it by code takes it, and the other account loses it.
"""

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.codes import CodePurpose, code_check, code_hold, code_send
from accounts.consent import CONSENT_VERSION
from accounts.models import User
from accounts.roles import Role
from accounts.two_factor import requires_two_factor


def _holder(phone: str) -> User | None:
    """The account that confirmed this number, if any."""
    return User.objects.filter(phone=phone, phone_confirmed_at__isnull=False).first()


def _may_log_in_by_phone(user: User | None) -> bool:
    return user is not None and user.is_active and not requires_two_factor(user)


def phone_login_start(*, phone: str, ip: str, language: str) -> None:
    """Sends a log-in code when the number logs into an account. Raises CodeError."""
    user = _holder(phone)
    if _may_log_in_by_phone(user):
        code_send(
            phone=phone, purpose=CodePurpose.LOGIN, ip=ip, language=user.language, person=user
        )
    else:
        code_hold(phone=phone, purpose=CodePurpose.LOGIN, ip=ip)


def phone_login_finish(*, phone: str, code: str) -> User | None:
    """The account to log into, or None for a wrong, used or expired code."""
    if not code_check(phone=phone, purpose=CodePurpose.LOGIN, code=code):
        return None
    user = _holder(phone)
    return user if _may_log_in_by_phone(user) else None


def phone_signup_start(*, phone: str, ip: str, language: str) -> None:
    """Sends a sign-up code, unless another kind of account confirmed the number."""
    user = _holder(phone)
    if user is None:
        code_send(phone=phone, purpose=CodePurpose.SIGNUP, ip=ip, language=language)
    elif _may_log_in_by_phone(user):
        code_send(
            phone=phone, purpose=CodePurpose.SIGNUP, ip=ip, language=user.language, person=user
        )
    else:
        code_hold(phone=phone, purpose=CodePurpose.SIGNUP, ip=ip)


def _number_take(*, phone: str, user: User | None) -> None:
    """Frees the number from accounts that typed it without confirming it."""
    others = User.objects.filter(phone=phone, phone_confirmed_at__isnull=True)
    if user is not None:
        others = others.exclude(pk=user.pk)
    others.update(phone=None)


def phone_signup_finish(
    *, phone: str, code: str, full_name: str, language: str
) -> tuple[User, bool] | None:
    """(account, made now) for the right code; None otherwise.

    A new account is an active applicant with the number confirmed, the consent recorded
    and no password (it logs in by code; a password can be set by e-mail later).
    """
    if not code_check(phone=phone, purpose=CodePurpose.SIGNUP, code=code):
        return None
    existing = _holder(phone)
    if existing is not None:
        return (existing, False) if _may_log_in_by_phone(existing) else None
    now = timezone.now()
    try:
        with transaction.atomic():
            _number_take(phone=phone, user=None)
            user = User(
                email=None,
                full_name=full_name,
                phone=phone,
                phone_confirmed_at=now,
                language=language,
                is_active=True,
                personal_data_consent_at=now,
                personal_data_consent_version=CONSENT_VERSION,
            )
            user.set_unusable_password()
            user.save()
            user.groups.add(Group.objects.get(name=Role.APPLICANT))
    except IntegrityError:
        # Two sign-ups with one number at once: the other one won.
        return None
    return user, True


def phone_add_start(*, user: User, phone: str, ip: str, language: str) -> None:
    """Sends a confirmation code to a number for this account; a number another account
    confirmed gets a held code instead (the same answer, no SMS to a stranger)."""
    holder = _holder(phone)
    if holder is not None and holder.pk != user.pk:
        code_hold(phone=phone, purpose=CodePurpose.PHONE_CONFIRM, ip=ip)
    else:
        code_send(
            phone=phone, purpose=CodePurpose.PHONE_CONFIRM, ip=ip, language=language, person=user
        )


def phone_add_finish(*, user: User, phone: str, code: str) -> bool:
    """Confirms the number for this account when the code is right."""
    if not code_check(phone=phone, purpose=CodePurpose.PHONE_CONFIRM, code=code):
        return False
    holder = _holder(phone)
    if holder is not None and holder.pk != user.pk:
        return False
    now = timezone.now()
    try:
        with transaction.atomic():
            _number_take(phone=phone, user=user)
            user.phone = phone
            user.phone_confirmed_at = now
            user.save(update_fields=["phone", "phone_confirmed_at"])
    except IntegrityError:
        return False
    return True
