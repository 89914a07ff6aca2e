"""Checks of the services the portal needs, for /healthz."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from jastarurban.celery import app as celery_app

OK = "ok"


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return OK


def check_broker() -> str:
    with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return OK


def check_cache() -> str:
    cache.set("healthz", OK, timeout=5)
    if cache.get("healthz") != OK:
        raise RuntimeError("cache did not return what was stored")
    return OK


def run_checks() -> dict[str, str]:
    """Runs each configured check; a failing one reports its error class, not its details."""
    checks = {"database": check_database}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = check_broker
    if settings.REDIS_URL:
        checks["cache"] = check_cache
    results = {}
    for name, check in checks.items():
        try:
            results[name] = check()
        except Exception as error:
            results[name] = f"error: {type(error).__name__}"
    return results
