"""How django-axes names the account a login attempt was for."""

from django.conf import settings


def axes_username(request, credentials: dict | None) -> str:
    """The e-mail as login compares it: trimmed and in lower case.

    Login ignores letter case, so axes must too: counted as typed, five failures as
    `a@x.kz` left `A@X.KZ` free to go on guessing (security finding).
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        typed = credentials.get(field)
    else:
        typed = request.POST.get(field) if request is not None else None
    return (typed or "").strip().lower()
