"""Typed readers for the environment that fail loudly on a bad value.

Every variable the settings read goes through these helpers, so `READ` lists
them all: a test checks that docker-compose.yml sets nothing the settings ignore.
"""

import os

from django.core.exceptions import ImproperlyConfigured

READ: set[str] = set()

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env(name: str, default: str = "") -> str:
    """The variable's value; unset and empty both mean the default."""
    READ.add(name)
    return os.environ.get(name) or default


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name).strip().lower()
    if not value:
        return default
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected one of 1/0, true/false, yes/no, on/off")


def env_int(name: str, default: int) -> int:
    value = env(name).strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: expected a whole number") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_required(name: str, why: str) -> str:
    value = env(name).strip()
    if not value:
        raise ImproperlyConfigured(f"{name} is not set. {why}")
    return value
