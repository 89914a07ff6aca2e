"""The demo, loaded once per test process and put back into each test that asks for it.

Loading the whole demo runs every app's business code (PDFs, pictures, rankings) and takes
about ten seconds; copying the rows it leaves takes a fraction of one. So the demo is loaded
once in a transaction that is rolled back, the rows it added or changed are kept, and each
test that needs the demo gets them written back inside its own transaction, which
pytest-django rolls back as usual: a test that changes the demo changes only its own copy,
and tests that do not ask for the demo never see it.

The rows are read and written with plain SQL, not through models, on purpose: a model
insert would run `auto_now`/`auto_now_add` again and give every demo row today's time.
"""

import datetime
import fcntl
import hashlib
import json
import pickle
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


def _hashable(value):
    if isinstance(value, list):
        return tuple(_hashable(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, default=str)
    return value


def _writable(value):
    # SQLite reads a time column back as datetime.time but has no adapter to write one.
    if isinstance(value, datetime.time):
        return connection.ops.adapt_timefield_value(value)
    return value


@dataclass
class Table:
    name: str
    pk: str
    columns: list[str]
    rows: dict  # pk -> row tuple


@dataclass
class DemoSnapshot:
    """What loading the demo did to the database, and the files it wrote."""

    deleted: dict[str, tuple[str, list]]  # table -> pk column, rows removed or changed
    inserted: dict[str, tuple[list[str], list[tuple]]]  # table -> columns, new rows
    models: list
    media: Path

    def restore(self, media_root: Path) -> None:
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table, (pk, pks) in self.deleted.items():
                cursor.executemany(
                    f"DELETE FROM {quote(table)} WHERE {quote(pk)} = %s",  # noqa: S608
                    [(value,) for value in pks],
                )
            for table, (columns, rows) in self.inserted.items():
                names = ", ".join(quote(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                    rows,
                )
            # Rows came with their ids: new rows the test makes must get the next ones.
            for sql in connection.ops.sequence_reset_sql(no_style(), self.models):
                cursor.execute(sql)
        if self.media.exists():
            shutil.copytree(self.media, media_root, dirs_exist_ok=True)


def _tables() -> dict[str, Table]:
    tables = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            meta = model._meta
            if not meta.managed or meta.proxy or meta.db_table in tables:
                continue
            # A generated column is computed by the database and refuses an insert.
            columns = [field.column for field in meta.local_concrete_fields if not field.generated]
            names = ", ".join(quote(column) for column in columns)
            cursor.execute(f"SELECT {names} FROM {quote(meta.db_table)}")  # noqa: S608
            at = columns.index(meta.pk.column)
            tables[meta.db_table] = Table(
                meta.db_table,
                meta.pk.column,
                columns,
                {row[at]: tuple(map(_writable, row)) for row in cursor.fetchall()},
            )
    return tables


def take(load, media: Path) -> DemoSnapshot:
    """Runs `load()` in a transaction that is rolled back, and keeps what it did."""
    with transaction.atomic():
        before = _tables()
        load()
        after = _tables()
        transaction.set_rollback(True)
    deleted, inserted, touched = {}, {}, set()
    for name, table in after.items():
        old = before[name].rows
        gone = [pk for pk in old if pk not in table.rows]
        changed = [
            pk
            for pk, row in table.rows.items()
            if pk in old and tuple(map(_hashable, old[pk])) != tuple(map(_hashable, row))
        ]
        new = [row for pk, row in table.rows.items() if pk not in old or pk in changed]
        if gone or changed:
            deleted[name] = (table.pk, gone + changed)
        if new:
            inserted[name] = (table.columns, new)
            touched.add(name)
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in touched and not model._meta.proxy
    ]
    return DemoSnapshot(deleted=deleted, inserted=inserted, models=models, media=media)


def shared(folder: Path | None, key: tuple, load: Callable[[], DemoSnapshot]) -> DemoSnapshot:
    """`load()` once for all the test processes of a run that share `folder` (xdist workers):
    the first keeps its snapshot there (pickled; its files stay in its own temporary
    folder, which lasts as long as the run), the others wait for it and read it. Every
    worker's database is a copy of the same migrated one, so the rows fit each of them."""
    if folder is None:
        return load()
    name = hashlib.sha256(repr(key).encode()).hexdigest()[:16]
    kept = folder / f"demo-{name}.pickle"
    with open(folder / f"demo-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if kept.exists():
                snapshot = pickle.loads(kept.read_bytes())  # noqa: S301 - written by this run
                # Models go by label: an auto-created through model does not pickle.
                return replace(snapshot, models=[apps.get_model(m) for m in snapshot.models])
            snapshot = load()
            partial = kept.with_suffix(".partial")
            labels = [model._meta.label for model in snapshot.models]
            partial.write_bytes(pickle.dumps(replace(snapshot, models=labels)))
            partial.replace(kept)
            return snapshot
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
