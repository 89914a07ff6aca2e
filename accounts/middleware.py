from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from accounts.two_factor import has_second_factor, requires_two_factor


class TwoFactorRequiredMiddleware:
    """Staff, the operator, experts and mentors confirm their sign-in with a second factor
    before any page, the admin included: until they do, every request goes to the second
    step (or to setting up an app on the first login). Installed after django-otp's
    OTPMiddleware, which tells whether this session is verified."""

    # The pages a half-signed-in person still needs: the steps themselves, leaving, and
    # the passkey ceremony (its registration refuses an enrolled, unverified person itself).
    OPEN_VIEWS = frozenset(
        {
            "accounts:login",
            "accounts:logout",
            "accounts:two_factor",
            "accounts:two_factor_setup",
            "set_language",
            "healthz",
        }
    )
    OPEN_NAMESPACES = frozenset({"otp_webauthn"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if match and (
            match.view_name in self.OPEN_VIEWS or match.namespace in self.OPEN_NAMESPACES
        ):
            return None
        if request.path_info.startswith(settings.STATIC_URL) or not requires_two_factor(user):
            return None
        step = "accounts:two_factor" if has_second_factor(user) else "accounts:two_factor_setup"
        url = reverse(step)
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
