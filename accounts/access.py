"""Who may open a page: one decorator for role checks, used by every app's views."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _

from accounts.roles import Role


def role_required(*roles: Role):
    """Anonymous visitors go to the login page; a logged-in person without the role gets 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_role(*roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def session_ended() -> HttpResponse:
    """What a background save gets after the session expired: the page keeps the
    typed text and shows this as a link to log in again."""
    return HttpResponse(_("Your session has ended: log in again, nothing is lost."), status=401)
