"""A transactional test's reset, made cheap without changing what it leaves.

Django ends each transactional test by flushing every table and begins the next by saving
again, one object at a time, what migrations had put in the database (the role groups and
their permissions, content types, the places): about 1 100 objects, two queries each. On
PostgreSQL the flush truncates all 200-odd tables, each a new file and its indexes'. Both
took 1.1–1.5 s a test (48 of them, the browser's included).

- ``sql_flush_non_empty``: the flush deletes the rows of the tables that hold any; the
  others are empty already, so the database ends as a full flush leaves it. DELETE, not
  PostgreSQL's TRUNCATE, which would have to take every table whose foreign keys point at
  the emptied ones (the places and content types: most of the schema), each a new file.
- ``deserialize_in_bulk``: into the emptied tables, the same objects inserted a model at a
  time (and the groups' permissions a through table at a time), in one transaction with
  constraint checks deferred, as Django's own loader does it. ``post_save`` is sent once
  for each model (raw, as a loader sends it) so that what listens to those tables, the
  village picker's cached fingerprint, forgets what it held.
"""

from collections import defaultdict

from django.core import serializers
from django.db import router, transaction
from django.db.models.signals import post_save


def non_empty_tables(connection, tables) -> set[str]:
    tables, found = list(tables), set()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # SQLite allows 500 terms in a compound SELECT.
        for start in range(0, len(tables), 400):
            chunk = tables[start : start + 400]
            # The names are Django's own tables, quoted; each is also passed as a parameter.
            query = " UNION ALL ".join(
                f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})"  # noqa: S608
                for table in chunk
            )
            cursor.execute(query, chunk)
            found.update(row[0] for row in cursor.fetchall())
    return found


def sql_flush_non_empty(original):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return original(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        # Every foreign key Django makes is checked at commit (DEFERRABLE INITIALLY
        # DEFERRED on PostgreSQL and SQLite), and the flush runs in one transaction: the
        # tables may be emptied in any order.
        holding = non_empty_tables(self.connection, tables)
        return [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
            for table in tables
            if table in holding
        ]

    return sql_flush


def deserialize_in_bulk(original):
    def deserialize_db_from_string(self, data):
        connection = self.connection
        instances = defaultdict(dict)  # model → {pk: instance}, in the order they come
        links = defaultdict(list)  # (through, source column, target column) → pairs
        for item in serializers.deserialize("json", data, using=connection.alias):
            model = type(item.object)
            if model._meta.proxy or model._meta.parents or item.deferred_fields:
                # Not what migrations leave here: Django's own loader handles it.
                return original(self, data)
            instances[model][item.object.pk] = item.object
            for name, values in (item.m2m_data or {}).items():
                field = model._meta.get_field(name)
                through = field.remote_field.through
                key = (through, field.m2m_column_name(), field.m2m_reverse_name())
                links[key] += [(item.object.pk, value) for value in values]
        tables = {model._meta.db_table for model in instances}
        tables |= {through._meta.db_table for through, _, _ in links}
        if non_empty_tables(connection, tables):
            # The first transactional test of a run follows no flush: the rows are there,
            # and Django's loader updates them in place.
            return original(self, data)
        with transaction.atomic(using=connection.alias):
            with connection.constraint_checks_disabled():
                for model, by_pk in instances.items():
                    if router.allow_migrate_model(connection.alias, model):
                        model._base_manager.using(connection.alias).bulk_create(by_pk.values())
                for (through, source, target), pairs in links.items():
                    through._base_manager.using(connection.alias).bulk_create(
                        through(**{source: left, target: right}) for left, right in pairs
                    )
            connection.check_constraints(table_names=sorted(tables))
        for model, by_pk in instances.items():
            last = next(reversed(by_pk.values()))
            post_save.send(
                sender=model,
                instance=last,
                created=True,
                update_fields=None,
                raw=True,
                using=connection.alias,
            )

    return deserialize_db_from_string


def install(monkeypatch, connection) -> None:
    """Patches the backend classes of ``connection`` (the tests' process only)."""
    ops, creation = type(connection.ops), type(connection.creation)
    monkeypatch.setattr(ops, "sql_flush", sql_flush_non_empty(ops.sql_flush))
    monkeypatch.setattr(
        creation,
        "deserialize_db_from_string",
        deserialize_in_bulk(creation.deserialize_db_from_string),
    )
