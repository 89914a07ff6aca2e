"""The criterion scores are summed from an index alone (issue 16): the ranking's sums per
review read (review, criterion, score) from criterion_score_value, the dashboard's score
chart (criterion, score) from criterion_score_tally, never a score's row with its
justification."""

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
    assert_read_from("criterion_score_tally", TABLE, ["criterion_id", "score"], query["sql"], None)


def test_the_score_chart_leaves_out_what_is_not_submitted(scored):
    """Counted as every score less those of drafts and voided reviews: the same chart as
    counting the submitted reviews' scores."""
    from django.db.models import Count

    from reviews.models import CriterionScore, Review

    project = scored[0].competition.project
    reviews = list(Review.objects.order_by("pk"))
    reviews[0].status = Review.Status.DRAFT
    reviews[1].status = Review.Status.VOIDED
    Review.objects.bulk_update(reviews[:2], ["status"])
    CriterionScore.objects.filter(review=reviews[2]).update(score=0)
    submitted = (
        CriterionScore.objects.filter(
            review__status=Review.Status.SUBMITTED,
            review__assignment__application__competition__project=project,
        )
        .values_list("score")
        .annotate(n=Count("pk"))
        .order_by("score")
    )
    chart = score_distribution(project)
    assert chart == [(str(score), n) for score, n in submitted]
    assert sum(n for _score, n in chart) == 9 * 4 and chart[0] == ("0", 4)
