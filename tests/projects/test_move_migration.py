"""The project's passport, budget and indicators move from competitions to projects, and the
two Expense models take their names, without losing a row: rows made before the move are
there after it with their keys and foreign keys, their content types (and so the audit log
and the permissions) moved with them, and new rows get new keys from the same sequences.

Report files got their project just before the move (reports 0003–0005): each file built
until then gets the project that was "current" when it was built, the latest by start
date. Both are checked on one trip back and forth: going back through ~470 migrations
costs 10–20 s of CPU each time."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from applications.models import Application
from mentoring.models import GranteeExpense
from projects.models import Activity, BudgetLine, GrantProject, Indicator, ProjectExpense
from reports.models import ReportFile
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [
    ("competitions", "0013_budget_line_group"),
    ("mentoring", "0005_agreement_acceptance_by_code"),
    ("reports", "0003_reportfile_project"),
]


@pytest.fixture
def back_to_the_latest():
    """The test leaves the database at every app's last migration, as later tests expect
    (a test that left it old broke the tests after it)."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def rows_before_the_move(old) -> dict:
    """A project with its plan, budget, a booked expense and an indicator, an earlier
    project, two report files with no project yet, and a grantee team's expense in its
    progress report, made through the models as they were."""
    User = old.get_model("accounts", "User")
    accountant = User.objects.create(email="accountant@example.kz", full_name="Бухгалтер")
    recipient = old.get_model("competitions", "GrantRecipient").objects.create(
        name="ГАМО", short_name="ГАМО", bin="051140010597", registered_on=date(2005, 11, 21)
    )
    Project = old.get_model("competitions", "GrantProject")
    fields = {
        "recipient": recipient,
        "operator_name": "Оператор",
        "region": "Маңғыстау",
        "goal": "Ауыл жастары",
    }
    project = Project.objects.create(
        slug="before",
        title="2025",
        starts_on=date(2025, 6, 1),
        ends_on=date(2025, 11, 30),
        **fields,
    )
    earlier = Project.objects.create(
        slug="earlier",
        title="2024",
        starts_on=date(2024, 6, 1),
        ends_on=date(2024, 11, 30),
        **fields,
    )
    files = old.get_model("reports", "ReportFile").objects
    report_built = files.create(
        kind="final", format="pdf", status="done", sha256="0" * 64, file="reports/old.pdf"
    )
    report_failed = files.create(
        kind="interim", format="xlsx", status="failed", error="broker down"
    )
    Activity = old.get_model("competitions", "Activity")
    first, second = (
        Activity.objects.create(
            project=project,
            number=number,
            task="Міндет",
            title=f"Іс-шара {number}",
            starts_on=date(2025, 6, 1),
            ends_on=date(2025, 7, 1),
        )
        for number in (1, 2)
    )
    BudgetLine = old.get_model("competitions", "BudgetLine")
    salaries = BudgetLine.objects.create(
        project=project,
        position=1,
        section="administrative",
        name="Жалақы",
        unit="month",
        quantity=Decimal(6),
        unit_cost_kzt=300_000,
    )
    hall = BudgetLine.objects.create(
        project=project,
        position=2,
        section="direct",
        activity=second,
        name="Зал",
        unit="day",
        quantity=Decimal("0.5"),
        unit_cost_kzt=100_000,
    )
    expense = old.get_model("competitions", "Expense").objects.create(
        line=hall,
        spent_on=date(2025, 6, 20),
        amount_kzt=50_000,
        document_number="ПП-7",
        entered_by=accountant,
    )
    indicator = old.get_model("competitions", "Indicator").objects.create(
        project=project,
        activity=first,
        position=1,
        code="participants",
        kind="quantitative",
        name="Қатысушылар",
        unit="people",
        target=Decimal(30),
    )
    competition = old.get_model("competitions", "Competition").objects.create(
        project=project,
        slug="call-before",
        title="Байқау",
        summary="-",
        eligibility="-",
        funds="-",
        opens_at=timezone.now() - timedelta(days=60),
        closes_at=timezone.now() - timedelta(days=30),
        max_request_kzt=1_000_000,
        award_count=1,
    )
    village = old.get_model("competitions", "Settlement").objects.filter(kind="village").first()
    application = old.get_model("applications", "Application").objects.create(
        competition=competition,
        applicant=User.objects.create(email="team@example.kz", full_name="Команда"),
        title="Ауыл саябағы",
        village=village,
        status="eligible",
        registration_number="JU-2025-0001",
    )
    grantee = old.get_model("mentoring", "GranteeProject").objects.create(
        application=application, award_kzt=1_000_000
    )
    team_line = old.get_model("mentoring", "ProjectBudgetLine").objects.create(
        project=grantee, position=1, item="Орындықтар", amount_kzt=400_000
    )
    report = old.get_model("mentoring", "ProgressReport").objects.create(project=grantee, number=1)
    team_expense = old.get_model("mentoring", "Expense").objects.create(
        report=report,
        line=team_line,
        spent_on=date(2025, 7, 5),
        amount_kzt=120_000,
        description="Орындықтар",
        receipt="grantees/receipts/chairs.pdf",
        receipt_type="application/pdf",
    )
    return {
        "accountant": accountant.pk,
        "project": project.pk,
        "activities": (first.pk, second.pk),
        "lines": (salaries.pk, hall.pk),
        "expense": expense.pk,
        "indicator": indicator.pk,
        "competition": competition.pk,
        "application": application.pk,
        "team_line": team_line.pk,
        "team_expense": team_expense.pk,
        "earlier_project": earlier.pk,
        "report_files": (report_built.pk, report_failed.pk),
    }


def test_the_move_keeps_every_row_its_links_and_its_content_type(back_to_the_latest):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    # Every app as the database now has it: the apps the move does not touch stay at their
    # latest migration (their tables have columns BEFORE's ancestors do not know).
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    applied = [key for key in executor.loader.applied_migrations if key in graph.nodes]
    old = executor.loader.project_state(applied).apps
    made = rows_before_the_move(old)
    OldContentType = old.get_model("contenttypes", "ContentType")
    old_types = {
        f"{app}.{model}": OldContentType.objects.get(app_label=app, model=model).pk
        for app, model in [
            ("competitions", "expense"),
            ("competitions", "grantproject"),
            ("competitions", "indicator"),
            ("mentoring", "expense"),
        ]
    }
    expense_type = old_types["competitions.expense"]
    # The audit log and the permissions name a model by its content type's row.
    LogEntry.objects.create(
        content_type_id=expense_type,
        object_pk=str(made["expense"]),
        object_repr="ПП-7",
        action=LogEntry.Action.CREATE,
    )
    view_expense, _created = Permission.objects.get_or_create(
        content_type_id=expense_type, codename="view_expense", defaults={"name": "Can view"}
    )
    readers = Group.objects.create(name="readers of the old expenses")
    readers.permissions.add(view_expense)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    project = GrantProject.objects.get(pk=made["project"])
    assert project.slug == "before" and project.recipient.bin == "051140010597"
    assert sorted(project.activities.values_list("pk", flat=True)) == list(made["activities"])
    lines = list(BudgetLine.objects.filter(project=project).order_by("position"))
    assert [line.pk for line in lines] == list(made["lines"])
    # The generated column still computes: 6 × 300 000 and ½ × 100 000.
    assert [line.total_kzt for line in lines] == [1_800_000, 50_000]
    assert lines[1].activity_id == made["activities"][1]
    expense = ProjectExpense.objects.get(pk=made["expense"])
    assert (expense.line_id, expense.amount_kzt) == (made["lines"][1], 50_000)
    assert expense.entered_by_id == made["accountant"]
    indicator = Indicator.objects.get(pk=made["indicator"])
    assert (indicator.project_id, indicator.activity_id) == (project.pk, made["activities"][0])
    assert project.competitions.get().pk == made["competition"]
    team_expense = GranteeExpense.objects.get(pk=made["team_expense"])
    assert (team_expense.line_id, team_expense.amount_kzt) == (made["team_line"], 120_000)
    assert team_expense.report.project.application_id == made["application"]
    assert Application.objects.get(pk=made["application"]).competition.project == project
    # The report files built before: the latest project by start date, the rest kept.
    built, failed = (ReportFile.objects.get(pk=pk) for pk in made["report_files"])
    assert built.project_id == project.pk != made["earlier_project"]
    assert (built.sha256, built.file.name) == ("0" * 64, "reports/old.pdf")
    assert failed.project_id == project.pk and failed.error == "broker down"

    # Same content type rows, under the new app and names.
    ContentType.objects.clear_cache()
    moved = ContentType.objects.get_for_model(ProjectExpense)
    assert moved.pk == expense_type
    assert (
        ContentType.objects.get_for_model(GrantProject).pk == old_types["competitions.grantproject"]
    )
    assert ContentType.objects.get_for_model(Indicator).pk == old_types["competitions.indicator"]
    assert ContentType.objects.get_for_model(GranteeExpense).pk == old_types["mentoring.expense"]
    assert not ContentType.objects.filter(app_label="competitions", model="expense").exists()
    entry = LogEntry.objects.get(object_pk=str(made["expense"]), object_repr="ПП-7")
    assert entry.content_type.get_object_for_this_type(pk=made["expense"]) == expense
    kept = Permission.objects.get(pk=view_expense.pk)
    assert (kept.content_type, kept.codename) == (moved, "view_projectexpense")
    assert readers.permissions.get() == kept

    # New rows get new keys: the tables kept their sequences through the renames.
    newer = GrantProject.objects.create(
        recipient=project.recipient,
        slug="after",
        title="2026",
        operator_name="Оператор",
        region="Маңғыстау",
        starts_on=date(2026, 6, 1),
        ends_on=date(2026, 11, 30),
        goal="Ауыл жастары",
    )
    activity = Activity.objects.create(
        project=newer,
        number=1,
        task="Міндет",
        title="Іс-шара",
        starts_on=date(2026, 6, 1),
        ends_on=date(2026, 7, 1),
    )
    line = BudgetLine.objects.create(
        project=newer,
        position=1,
        section="direct",
        activity=activity,
        name="Зал",
        unit="day",
        quantity=Decimal(1),
        unit_cost_kzt=10_000,
    )
    booked = ProjectExpense.objects.create(
        line=line,
        spent_on=date(2026, 6, 2),
        amount_kzt=10_000,
        document_number="ПП-8",
        entered_by=UserFactory(),
    )
    assert newer.pk > project.pk and activity.pk > max(made["activities"])
    assert line.pk > max(made["lines"]) and booked.pk > made["expense"]
    more = GranteeExpense.objects.create(
        report=team_expense.report,
        line=team_expense.line,
        spent_on=date(2025, 7, 6),
        amount_kzt=1_000,
        description="Бояу",
        receipt="grantees/receipts/paint.pdf",
        receipt_type="application/pdf",
    )
    assert more.pk > made["team_expense"]
