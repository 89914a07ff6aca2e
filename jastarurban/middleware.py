from django.core.exceptions import BadRequest, PermissionDenied

from accounts.roles import Role


class KazakhFirstMiddleware:
    """Makes Kazakh the first language for every visitor, whatever the browser says.

    Village phones are often set to Russian or English; the portal still opens
    in Kazakh and a visitor switches language explicitly (remembered in a
    cookie). Django's LocaleMiddleware, which runs next, would otherwise follow
    the browser's Accept-Language header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class RejectNulMiddleware:
    """Refuses (400) a request whose parameters carry the NUL character.

    No form accepts it (Django's fields refuse it) and PostgreSQL cannot store it nor even
    compare with it, so a view that passed a raw parameter to a query or a JSON draft would
    fail with a 500. Found by the form fuzz test (tests/jastarurban/test_form_fuzz.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parameters = [request.GET]
        if request.method == "POST":
            parameters.append(request.POST)
        for query in parameters:
            for key, values in query.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    raise BadRequest("NUL character in a request parameter")
        return self.get_response(request)


class OperatorReadOnlyMiddleware:
    """The grant operator reads everything and changes nothing: any request but GET, HEAD or
    OPTIONS from someone whose only role is operator is refused here, in one place, so a
    new page cannot forget it. The exceptions act on the operator's own session or ask
    for a report to be built."""

    SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
    ALLOWED_VIEWS = frozenset(
        {
            "reports:request",
            "accounts:logout",
            "set_language",
            # Two-factor sign-in: the operator's own devices and codes.
            "accounts:two_factor",
            "accounts:two_factor_setup",
            "accounts:security_recovery_codes",
            "accounts:security_device_remove",
            # The operator's own API token: made and revoked, nothing of the project's.
            "accounts:api_token",
            "accounts:api_token_revoke",
            # The operator's own phone number, confirmed by a code.
            "accounts:phone_add",
            "accounts:phone_add_code",
            "otp_webauthn:credential-registration-begin",
            "otp_webauthn:credential-registration-complete",
            "otp_webauthn:credential-authentication-begin",
            "otp_webauthn:credential-authentication-complete",
        }
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in self.SAFE_METHODS:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.roles != {Role.OPERATOR}:
            return None
        if request.resolver_match and request.resolver_match.view_name in self.ALLOWED_VIEWS:
            return None
        raise PermissionDenied
