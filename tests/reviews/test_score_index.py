"""The criterion scores are summed from an index alone (issue 16): the ranking's sums per
review and the dashboard's score chart read (review, criterion, score) from
criterion_score_value, never a score's row with its justification."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.selectors import score_distribution
from reviews.selectors import _grouped_by_review_sql
from tests.applications.test_ranking_key_index import plan_of

pytestmark = pytest.mark.django_db


def analysed() -> None:
    """On PostgreSQL, the score table with no other index than criterion_score_value (and
    its primary key), inside the test's transaction: on a test table never vacuumed an
    index-only scan saves nothing, so which index the planner picks among those that
    can serve the query depends on what earlier tests left in its statistics. With the
    others gone the plan shows that this index alone answers the query; SQLite's plan
    shows that it is chosen among all of them."""
    if connection.vendor != "postgresql":
        return
    table = "reviews_criterionscore"
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
        quote = connection.ops.quote_name
        for name, details in constraints.items():
            if not details["index"] or details["primary_key"] or name == "criterion_score_value":
                continue
            if details["unique"]:
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
            else:
                cursor.execute(f"DROP INDEX {quote(name)}")
        cursor.execute(f"ANALYZE {table}")


def test_the_ranking_sums_each_review_from_the_score_index(scored):
    competition = scored[0].competition
    analysed()
    criteria = list(competition.criteria.order_by("position"))
    assert "criterion_score_value" in plan_of(*_grouped_by_review_sql(competition, criteria))


def test_the_score_chart_counts_from_the_score_index(scored):
    project = scored[0].competition.project
    analysed()
    with CaptureQueriesContext(connection) as queries:
        chart = score_distribution(project)
    assert sum(count for _score, count in chart) == 11 * 4  # 11 reviews of four criteria
    (query,) = queries.captured_queries
    assert "criterion_score_value" in plan_of(query["sql"], None)
