"""The ranking's cache key reads the latest change of a call's eligible applications on
every ranking page: from an index alone, not from each application's row (issue 16)."""

import pytest
from django.db import connection
from django.db.models import Count, Max

from applications.models import Application

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_the_eligible_state_is_read_from_an_index_alone(competition):
    eligible = competition.applications.filter(status=Application.Status.ELIGIBLE)
    query = (
        eligible.order_by().values("competition").annotate(n=Count("pk"), last=Max("updated_at"))
    )
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "COVERING INDEX application_competition_state" in plan
