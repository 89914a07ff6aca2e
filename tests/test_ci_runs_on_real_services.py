"""Under CI the suite must really run on PostgreSQL and Redis, not fall back to SQLite."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from tests.conftest import IN_CI

pytestmark = pytest.mark.skipif(not IN_CI, reason="checks the CI environment only")


@pytest.mark.django_db
def test_the_database_is_postgresql():
    assert connection.vendor == "postgresql", os.environ.get("DATABASE_URL")


def test_the_cache_and_broker_are_redis():
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    cache.set("ci-check", "ok", 5)
    assert cache.get("ci-check") == "ok"
    assert "RedisCache" in settings.CACHES["default"]["BACKEND"]
