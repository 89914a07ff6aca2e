from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from accounts.api_tokens import api_token_user


class HashedTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, checked against the stored digest (accounts.ApiToken).

    A subclass of DRF's, so the 401 challenge and drf-spectacular's security scheme stay
    those of DRF's TokenAuthentication."""

    def authenticate_credentials(self, key):
        user = api_token_user(key)
        if user is None:
            raise AuthenticationFailed(_("Invalid token."))
        return (user, None)
