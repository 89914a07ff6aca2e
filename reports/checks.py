"""System checks of the reports app: every indicator's source is a registered computation,
and a configured signing key loads.

An unknown key (a typo in the admin before it had choices, a source renamed in code,
a row loaded from a fixture) would leave the indicator "not yet measured" for good, and
the snapshot task would skip it without a word. The check reads the database, so it is
registered under the ``database`` tag: ``manage.py check --database default`` and
``migrate`` run it, a plain ``check`` does not; while migrations are pending it waits.
"""

from django.core import checks
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from jastarurban.pdf import signing_key_check, signing_key_configured
from projects.models import Indicator
from reports.indicators.registry import SOURCES

UNKNOWN_SOURCE = "reports.E001"


@checks.register(checks.Tags.database)
def indicator_sources_known(app_configs=None, databases=None, **kwargs) -> list[checks.Error]:
    errors = []
    for alias in databases or ():
        connection = connections[alias]
        if Indicator._meta.db_table not in connection.introspection.table_names():
            continue  # before the first migrate there is nothing to check
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            # `migrate` runs this check before migrating: a data migration that renames a
            # source must be able to run. The next check, after it, judges the rows.
            continue
        try:
            unknown = list(
                Indicator.objects.using(alias)
                .exclude(source="")
                .exclude(source__in=list(SOURCES))
                .values_list("pk", "code", "source")
                .order_by("pk")
            )
        except DatabaseError:  # a column not migrated yet: migrate will add it
            continue
        for pk, code, source in unknown:
            errors.append(
                checks.Error(
                    f"Indicator {code!r} (id {pk}) is computed by {source!r}, "
                    "which is not a registered source.",
                    hint=(
                        "Choose a registered source in the admin (Indicators → computed by) "
                        "or register the computation in reports/indicators/. Known sources: "
                        + ", ".join(sorted(SOURCES))
                    ),
                    obj=f"projects.Indicator:{pk}",
                    id=UNKNOWN_SOURCE,
                )
            )
    return errors


SIGNING_KEY_UNUSABLE = "reports.E002"


@checks.register()
def report_signing_key(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A configured signing key that does not load is found at deploy time, not when the
    operator's report fails to build."""
    key = signing_key_configured()
    if key is None:
        return []
    try:
        signing_key_check(key)
    except Exception as error:  # any reason the key fails to load is reported
        return [
            checks.Error(
                f"REPORT_SIGNING_P12 does not load: {error}",
                hint="Set REPORT_SIGNING_P12 to a PKCS#12 file and REPORT_SIGNING_PASSPHRASE "
                "to its passphrase, or unset both to send unsigned PDF/A files.",
                id=SIGNING_KEY_UNUSABLE,
            )
        ]
    return []
