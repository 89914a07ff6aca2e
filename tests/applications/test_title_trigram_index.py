"""The staff list's "title contains" reads the trigram index on PostgreSQL (issue 16):
without it every search scanned all applications twice (the page and its count)."""

import pytest
from django.db import connection

from applications.models import Application

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a PostgreSQL index; SQLite has no trigrams"
)
def test_title_contains_can_be_answered_from_the_trigram_index():
    query = Application.objects.filter(title__icontains="жол").values("pk")
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        # The test table is tiny: the planner would rightly read it whole. Barred from that,
        # it shows whether the index's expression is the one icontains writes.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "application_title_trigram" in plan
