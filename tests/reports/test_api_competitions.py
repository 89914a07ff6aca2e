"""The API's competitions: applications received per call (submitted, drafts left out),
counted in a fixed number of queries (issue 16)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from applications.models import Application
from tests.factories import ApplicationFactory, CompetitionFactory

pytestmark = pytest.mark.django_db


def test_each_call_counts_its_received_applications(
    client, operator, django_assert_max_num_queries
):
    first = CompetitionFactory(opens_at=timezone.now() - timedelta(days=60))
    second = CompetitionFactory(project=first.project)
    CompetitionFactory()  # another project's call is not listed
    now = timezone.now()
    for n, status in enumerate(["submitted", "eligible", "rejected"]):
        ApplicationFactory(
            competition=first, status=status, submitted_at=now, registration_number=f"A-{n}"
        )
    ApplicationFactory(competition=first, status=Application.Status.DRAFT)
    # A draft sent back keeps its date of submission: still not received.
    ApplicationFactory(competition=first, status=Application.Status.DRAFT, submitted_at=now)
    ApplicationFactory(competition=second, status=Application.Status.DRAFT)
    client.force_login(operator)
    with django_assert_max_num_queries(7):
        rows = client.get(f"/api/v1/projects/{first.project.slug}/competitions/").json()
    assert [(row["slug"], row["applications_received"]) for row in rows] == [
        (first.slug, 3),
        (second.slug, 0),
    ]
