"""The migration that gives every report file its project keeps the files built before:
each gets the project that was "current" when it was built, the latest by start date."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The project's tables were still competitions' then (projects 0001 took them over later).
BEFORE = [("reports", "0003_reportfile_project"), ("competitions", "0013_budget_line_group")]
AFTER = [("reports", "0005_reportfile_project_required")]


@pytest.fixture
def back_to_the_latest():
    """Later migrations add columns: the database goes back to every app's last one."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_existing_report_files_get_the_project_they_were_built_from(back_to_the_latest):
    executor = MigrationExecutor(connection)
    # The project's tables get their old names back first, so that the report files'
    # foreign keys, going back, find the table they pointed at then.
    executor.migrate([BEFORE[1]])
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    recipient = old.get_model("competitions", "GrantRecipient").objects.create(
        name="ГАМО", short_name="ГАМО", bin="051140010597", registered_on=date(2005, 11, 21)
    )
    Project = old.get_model("competitions", "GrantProject")
    fields = {"recipient": recipient, "operator_name": "Оператор", "region": "Маңғыстау"}
    earlier = Project.objects.create(
        slug="earlier",
        title="2024",
        starts_on=date(2024, 6, 1),
        ends_on=date(2024, 11, 30),
        **fields,
    )
    latest = Project.objects.create(
        slug="latest",
        title="2025",
        starts_on=date(2025, 6, 1),
        ends_on=date(2025, 11, 30),
        **fields,
    )
    files = old.get_model("reports", "ReportFile").objects
    done = files.create(
        kind="final", format="pdf", status="done", sha256="0" * 64, file="reports/old.pdf"
    )
    failed = files.create(kind="interim", format="xlsx", status="failed", error="broker down")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    ReportFile = executor.loader.project_state(AFTER).apps.get_model("reports", "ReportFile")
    kept = {report.pk: report for report in ReportFile.objects.all()}
    assert set(kept) == {done.pk, failed.pk}
    assert kept[done.pk].project_id == latest.pk != earlier.pk
    assert (kept[done.pk].sha256, kept[done.pk].file.name) == ("0" * 64, "reports/old.pdf")
    assert kept[failed.pk].project_id == latest.pk and kept[failed.pk].error == "broker down"
