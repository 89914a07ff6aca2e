"""The ranking's cache key reads the latest change of a call's eligible applications on
every ranking page: from an index alone, not from each application's row (issue 16)."""

import pytest
from django.db import connection
from django.db.models import Count, Max

from applications.models import Application
from tests.factories import ApplicationFactory, CompetitionFactory

pytestmark = pytest.mark.django_db


def plan_of(sql: str, params) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return " ".join(str(row[-1]) for row in cursor.fetchall())
        # A test table is tiny: PostgreSQL would scan it whatever the indexes; with
        # sequential and bitmap scans off it shows the index it would read.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return " ".join(row[0] for row in cursor.fetchall())


def several_calls_in_every_state(competition) -> None:
    """Applications spread over three calls and every state, with PostgreSQL's statistics
    taken of them (inside the test's transaction, so rolled back with it): without them its
    planner guesses from whatever the worker's earlier tests left in the table's
    statistics and may pick the status index."""
    first = ApplicationFactory(competition=competition)
    calls = [competition, CompetitionFactory(), CompetitionFactory()]
    states = list(Application.Status.values)
    Application.objects.bulk_create(
        Application(
            competition=calls[n % len(calls)],
            applicant=first.applicant,
            village=first.village,
            title=f"{n}",
            registration_number=f"T-{n:04d}",
            status=states[n % len(states)],
        )
        for n in range(600)
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE applications_application")


def test_the_eligible_state_is_read_from_an_index_alone(competition):
    several_calls_in_every_state(competition)
    eligible = competition.applications.filter(status=Application.Status.ELIGIBLE)
    query = (
        eligible.order_by().values("competition").annotate(n=Count("pk"), last=Max("updated_at"))
    )
    plan = plan_of(*query.query.sql_with_params())
    if connection.vendor == "sqlite":
        assert "COVERING INDEX application_competition_state" in plan
    else:
        # Index-only once vacuum has marked the pages visible; a fresh test table is not.
        assert "Scan using application_competition_state" in plan
