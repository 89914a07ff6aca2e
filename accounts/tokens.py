from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """Signs e-mail confirmation links.

    A link stops working once the account is active, and when the password changes:
    a link mailed before a change must not log anyone in with the new password.
    """

    key_salt = "accounts.tokens.ActivationTokenGenerator"

    def _make_hash_value(self, user, timestamp) -> str:
        return f"{user.pk}{user.password}{user.is_active}{user.email}{timestamp}"


activation_token = ActivationTokenGenerator()


def activation_link(user) -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("accounts:activate", args=[uidb64, activation_token.make_token(user)])
    return f"{settings.SITE_URL}{path}"
