"""The ranking's cache key reads the latest change of a call's eligible applications on
every ranking page: from an index alone, not from each application's row (issue 16)."""

import pytest
from django.db import connection
from django.db.models import Count, Max

from applications.models import Application

pytestmark = pytest.mark.django_db


def plan_of(sql: str, params) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return " ".join(str(row[-1]) for row in cursor.fetchall())
        # A test table is tiny: PostgreSQL would scan it whatever the indexes; with
        # sequential scans off it shows the index it can answer from.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return " ".join(row[0] for row in cursor.fetchall())


def test_the_eligible_state_is_read_from_an_index_alone(competition):
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
