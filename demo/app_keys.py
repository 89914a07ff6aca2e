"""The demo's published authenticator-app keys: derived from the e-mail, not random."""

import hashlib


def demo_app_key(email: str) -> str:
    """The demo's published app key for a login (hex, as django-otp stores it): the same
    on every load, so a newcomer can add it to an app once or ask `manage.py demo_code`."""
    return hashlib.sha1(f"jastarurban-demo:{email.lower()}".encode()).hexdigest()  # noqa: S324
