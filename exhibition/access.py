from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from accounts.roles import Role


def writes_need_staff(request: HttpRequest) -> bool:
    """The operator reads every staff page; only GAMO staff write (their POST → 403)."""
    can_write = request.user.has_role(Role.STAFF)
    if request.method == "POST" and not can_write:
        raise PermissionDenied
    return can_write
