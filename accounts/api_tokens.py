"""A person's API token: made, looked up and revoked here; the key itself is never stored.

The API (reports/api) accepts the key as `Authorization: Token <key>`, as DRF's own tokens
did; unlike them (rest_framework.authtoken keeps keys in plain text) only the key's SHA-256
digest is saved, so the key can be shown once and a leaked database opens nothing.
"""

import hashlib
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.errors import ServiceError
from accounts.models import ApiToken

# "ju_" tells a JastarUrban key apart in a script or a secret scanner's findings.
KEY_PREFIX = "ju_"
SHOWN_PREFIX_LENGTH = 10


class ApiTokenError(ServiceError):
    pass


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_create(*, user) -> str:
    """Makes the person's token and returns its key, which is not kept anywhere."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            ApiToken.objects.create(
                user=user, prefix=key[:SHOWN_PREFIX_LENGTH], digest=key_digest(key)
            )
    except IntegrityError:
        raise ApiTokenError(_("You already have a token: revoke it first.")) from None
    return key


def api_token_revoke(*, token: ApiToken) -> None:
    token.delete()


def api_token_user(key: str):
    """The active person whose token this key is, or None; notes the day of use."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=key_digest(key), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    today = timezone.localdate()
    if token.last_used_on != today:
        # At most one write a day per token, not one per call.
        ApiToken.objects.filter(pk=token.pk).update(last_used_on=today)
    return token.user
