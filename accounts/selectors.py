from accounts.models import User
from accounts.roles import Role


def unclaimed_account(email: str) -> User | None:
    """An account registered with this e-mail that nobody ever confirmed.

    One that was used once, or holds any role besides applicant (a deactivated
    expert, say), belongs to someone: registering again must not revive it.
    """
    user = User.objects.filter(
        email__iexact=email, is_active=False, last_login__isnull=True
    ).first()
    if user is None or user.roles - {Role.APPLICANT} or user.is_staff:
        return None
    return user
