from rest_framework.permissions import BasePermission

from accounts.roles import Role


class IsOperatorOrStaff(BasePermission):
    """The API is for the grant operator's monitoring and GAMO's staff, read-only."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(
            user
            and user.is_authenticated
            and user.has_role(Role.OPERATOR, Role.STAFF)
            and request.method in ("GET", "HEAD", "OPTIONS")
        )
