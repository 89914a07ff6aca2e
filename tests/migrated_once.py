"""The test database, migrated once for all test processes and runs, then copied.

Migrating from nothing takes each pytest-xdist worker most of a minute of CPU, nearly all of
it Django rendering model states, for the same result every time. So the first worker to
get there migrates and keeps the result under a key made of every migration file (and the
data files the migrations read); every other worker, and every later run until a migration
changes, copies it:

- SQLite: the migrated in-memory database is written to a file in the system's temporary
  folder, and each worker's in-memory database is filled from it with SQLite's backup API;
- PostgreSQL: the migrated database becomes a template, and each worker's database is made
  with `CREATE DATABASE … TEMPLATE …`.

A file lock makes the other workers wait while the first one migrates. After a copy,
post_migrate is sent as `migrate` would send it, so rows that follow the code rather than a
migration (permissions, the role groups of accounts.roles) are what the code says today.
"""

import contextlib
import fcntl
import hashlib
import re
import sqlite3
import sys
import tempfile
from pathlib import Path
from unittest import mock

import django
from django.conf import settings
from django.core.management import call_command as _call_command
from django.db import connections

CACHE = Path(tempfile.gettempdir()) / "jastarurban-test-db"


def migrations_key(vendor: str) -> str:
    """A hash of every migration module the loader sees, and of the project's data files
    (competitions/data: the places the data migrations load)."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    files = {
        Path(sys.modules[type(migration).__module__].__file__)
        for migration in loader.disk_migrations.values()
    }
    files |= {path for path in Path(settings.BASE_DIR).glob("*/data/*") if path.is_file()}
    digest = hashlib.sha256(f"{django.__version__} {vendor}".encode())
    for path in sorted(files):
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def locked(key: str):
    CACHE.mkdir(exist_ok=True)
    with open(CACHE / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _post_migrate(alias: str) -> None:
    from django.core.management.sql import emit_post_migrate_signal

    emit_post_migrate_signal(verbosity=0, interactive=False, db=alias)


def _sqlite(connection, migrate) -> None:
    key = migrations_key("sqlite")
    stored = CACHE / f"{key}.sqlite3"
    with locked(key):
        connection.ensure_connection()
        if stored.exists():
            source = sqlite3.connect(stored)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            _post_migrate(connection.alias)
            return
        migrate()
        partial = stored.with_suffix(".partial")
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        partial.replace(stored)


def _postgresql(connection, migrate) -> None:
    key = migrations_key("postgresql")
    name = connection.settings_dict["NAME"]
    # One template for all workers: their databases differ by a suffix (_gw0, _gw1, ...).
    template = f"{re.sub(r'_gw[0-9]+$', '', name)}_migrated_{key}"[:63]
    quote = connection.ops.quote_name
    with locked(template):
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            exists = cursor.fetchone() is not None
            if exists:
                cursor.execute(f"DROP DATABASE {quote(name)}")
                cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(template)}")
        if exists:
            _post_migrate(connection.alias)
            return
        migrate()
        connection.close()
        with connection._nodb_cursor() as cursor:
            # The templates of migrations since changed are of no more use.
            cursor.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s",
                [template.removesuffix(key) + "%"],
            )
            for (stale,) in cursor.fetchall():
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(stale)}")
            cursor.execute(f"CREATE DATABASE {quote(template)} TEMPLATE {quote(name)}")


def call_command(name, *args, **options):
    """create_test_db's `migrate`, done once (see above); any other command as usual."""
    if name != "migrate":
        return _call_command(name, *args, **options)
    connection = connections[options.get("database", "default")]

    def migrate():
        _call_command(name, *args, **options)

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return _sqlite(connection, migrate)
    if connection.vendor == "postgresql":
        return _postgresql(connection, migrate)
    return migrate()


def migrating_once():
    """Patches call_command for create_test_db, which imports it when it runs."""
    return mock.patch("django.core.management.call_command", call_command)
