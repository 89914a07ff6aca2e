"""Celery tasks of accounts. services.py enqueues them; they never import it back."""

from celery import shared_task
from django.conf import settings
from django.urls import reverse

from accounts.codes import phone_codes_delete_old
from accounts.models import User
from accounts.selectors import unclaimed_account
from accounts.tokens import activation_link
from notifications.notify import notify


@shared_task
def send_activation_email(user_id: int) -> None:
    user = User.objects.filter(pk=user_id, is_active=False).first()
    if user is not None:
        notify(user, "account.activation", {"user": user, "link": activation_link(user)})


@shared_task
def send_registration_notice(user_id: int) -> None:
    """Tells the owner of an e-mail that someone tried to register with it.

    An account nobody confirmed yet gets a fresh confirmation link (the first letter
    may have been lost); any other gets the way to log in or reset the password.
    """
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return
    pending = unclaimed_account(user.email) is not None
    context = {
        "user": user,
        "pending": pending,
        "link": activation_link(user) if pending else "",
        "login_url": f"{settings.SITE_URL}{reverse('accounts:login')}",
        "reset_url": f"{settings.SITE_URL}{reverse('accounts:password_reset')}",
    }
    notify(user, "account.registration_notice", context)


@shared_task
def delete_old_phone_codes() -> int:
    return phone_codes_delete_old()
