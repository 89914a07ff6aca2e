"""The criterion scores are summed from an index alone (issue 16): the ranking's sums per
review and the dashboard's score chart read (review, criterion, score) from
criterion_score_value, never a score's row with its justification."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.selectors import score_distribution
from reviews.selectors import _grouped_by_review_sql
from tests.applications.test_ranking_key_index import assert_read_from

pytestmark = pytest.mark.django_db

INDEX, TABLE = "criterion_score_value", "reviews_criterionscore"
COLUMNS = ["review_id", "criterion_id", "score"]


def test_the_ranking_sums_each_review_from_the_score_index(scored):
    competition = scored[0].competition
    criteria = list(competition.criteria.order_by("position"))
    assert_read_from(INDEX, TABLE, COLUMNS, *_grouped_by_review_sql(competition, criteria))


def test_the_score_chart_counts_from_the_score_index(scored):
    project = scored[0].competition.project
    with CaptureQueriesContext(connection) as queries:
        chart = score_distribution(project)
    assert sum(count for _score, count in chart) == 11 * 4  # 11 reviews of four criteria
    (query,) = queries.captured_queries
    assert_read_from(INDEX, TABLE, COLUMNS, query["sql"], None)
