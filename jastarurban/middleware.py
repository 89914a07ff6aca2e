from django.core.exceptions import PermissionDenied

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


class OperatorReadOnlyMiddleware:
    """The grant operator reads everything and changes nothing: any request but GET, HEAD or
    OPTIONS from someone whose only role is operator is refused here, in one place, so a
    new page cannot forget it. The exceptions act on the operator's own session or ask
    for a report to be built."""

    SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
    ALLOWED_VIEWS = frozenset({"reports:request", "accounts:logout", "set_language"})

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
