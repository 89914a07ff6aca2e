"""The cheaper flush and reload of transactional tests (tests/fast_reset.py) leave the
database as Django's own would: every table empty after a flush, then exactly the rows
migrations made, with the village picker's cached fingerprint forgotten."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from accounts.roles import Role
from competitions.places import VERSION_KEY
from tests.factories import UserFactory
from tests.fast_reset import non_empty_tables

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def every_table() -> list[str]:
    return connection.introspection.django_table_names(only_existing=True, include_views=False)


def test_the_flush_empties_every_table_the_reload_gives_back_what_migrations_made():
    made_by_migrations = connection._test_serialized_contents
    assert connection.creation.serialize_db_to_string() == made_by_migrations
    UserFactory(roles=[Role.STAFF])  # a row pointing at a group the flush empties too
    assert {"accounts_user", "accounts_user_groups"} <= non_empty_tables(connection, every_table())

    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    assert non_empty_tables(connection, every_table()) == set()

    cache.set(VERSION_KEY, "stale")
    connection.creation.deserialize_db_from_string(made_by_migrations)
    assert connection.creation.serialize_db_to_string() == made_by_migrations
    assert cache.get(VERSION_KEY) is None


def test_a_reload_over_the_rows_already_there_changes_nothing():
    made_by_migrations = connection._test_serialized_contents
    connection.creation.deserialize_db_from_string(made_by_migrations)
    assert connection.creation.serialize_db_to_string() == made_by_migrations
