"""The query planner's statistics, gathered once the staff list's indexes are all there.

SQLite keeps no statistics until ANALYZE is run, and without them it guesses an index on
two columns is the most selective: the staff list filtered by competition, status and
district read the (competition, status) index, 26 000 of 30 000 applications, and looked
each one's village up (80-130 ms), where the district's 60 applications are a few index
reads away (1 ms). On PostgreSQL autovacuum analyzes in time; here it is done at once so
the new trigram index's expression has its statistics from the start.

Stale statistics still rank the indexes as the data did when gathered; a deployment on
SQLite that grows a lot should run `PRAGMA optimize` now and then (ops).
"""

from django.db import migrations


def analyze(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE applications_application")
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE")


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0010_title_trigram_index"),
    ]

    operations = [migrations.RunPython(analyze, migrations.RunPython.noop, elidable=True)]
