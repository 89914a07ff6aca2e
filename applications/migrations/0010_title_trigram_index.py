"""A trigram index for the staff list's "title contains" on PostgreSQL.

`icontains` is `UPPER(title) LIKE UPPER('%…%')`: no B-tree can serve a leading wildcard,
so at 30 000 applications every search read the whole table twice (the page and its
count). A GIN index of the upper-cased title's trigrams answers a pattern of three letters
or more (Cyrillic included) from the index. SQLite has no such index: there the migration
does nothing, and the model's state is unchanged on both (the index is the database's
concern, not a field's), so makemigrations stays quiet.
"""

from django.db import migrations

INDEX = "application_title_trigram"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # Not Django's TrigramExtension: unapplying it asks SQLite for pg_extension.
        # Kept when the migration is unapplied: other indexes may come to use it.
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        # The same expression as icontains writes, or the planner would not use it.
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON applications_application "
            "USING gin (UPPER(title::text) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0009_application_received_village"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
