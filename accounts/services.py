from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from accounts.consent import CONSENT_VERSION
from accounts.models import User
from accounts.roles import Role
from accounts.tasks import send_activation_email, send_registration_notice
from accounts.tokens import activation_token


@transaction.atomic
def user_register(
    *, email: str, full_name: str, password: str, phone: str = "", language: str
) -> User | None:
    """Creates an applicant account that stays inactive until its e-mail is confirmed.

    When the e-mail already has an account, nothing about that account changes (its
    password above all: re-registering a pending e-mail used to take the account
    over); its owner gets a notice instead — with a fresh confirmation link while
    the account is still unconfirmed — and None is returned. The caller answers
    the same either way, so registration does not tell who has an account.
    """
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        # Hash anyway, so both answers take about as long.
        make_password(password)
        transaction.on_commit(lambda: send_registration_notice.delay(existing.pk))
        return None
    user = User(email=email)
    user.full_name = full_name
    # An unconfirmed contact number; one another account already holds is left out rather
    # than said to be taken (the same answer either way). It is confirmed by code later.
    user.phone = phone if phone and not User.objects.filter(phone=phone).exists() else None
    user.language = language
    user.is_active = False
    user.personal_data_consent_at = timezone.now()
    user.personal_data_consent_version = CONSENT_VERSION
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=Role.APPLICANT))
    transaction.on_commit(lambda: send_activation_email.delay(user.pk))
    return user


def user_activate(*, uidb64: str, token: str) -> User | None:
    """Activates the account a confirmation link names; None when the link is bad or used."""
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        return None
    if not activation_token.check_token(user, token):
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


def user_set_language(*, user: User, language: str) -> None:
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
