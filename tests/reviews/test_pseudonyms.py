"""Other experts' reviews are labelled A, B, C… in an order of their own per application."""

import re

import pytest
from django.utils import timezone

from accounts.roles import Role
from reviews.models import Assignment, CommissionMember, CriterionScore, Review
from reviews.views import pseudonym, pseudonyms
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_labels_run_past_z_like_spreadsheet_columns():
    assert [pseudonym(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_the_order_is_stable_for_an_application_and_differs_between_applications():
    members = list(range(100, 106))
    first = pseudonyms(7, members)
    assert first == pseudonyms(7, list(reversed(members)))  # stable, whatever the input order
    assert sorted(first.values()) == ["A", "B", "C", "D", "E", "F"]
    orders = {
        tuple(pseudonyms(application, members)[m] for m in members) for application in range(20)
    }
    assert len(orders) > 1  # not the commission's order everywhere


def test_the_order_depends_on_the_secret(settings):
    members = list(range(1, 9))
    ours = [pseudonyms(application, members) for application in range(5)]
    settings.SECRET_KEY = "another-secret-" * 4
    assert [pseudonyms(application, members) for application in range(5)] != ours


def test_thirty_experts_open_a_submitted_review_page(client, competition, eligible, staff):
    """Regression: the 27th expert had no letter (ascii_uppercase[26]) and the page was a 500."""
    application = eligible[0]
    criteria = list(competition.criteria.all())
    experts = [
        UserFactory(roles=[Role.EXPERT], email=f"panel{n}@example.kz", full_name=f"Сарапшы {n}")
        for n in range(30)
    ]
    now = timezone.now()
    for expert in experts:
        member = CommissionMember.objects.create(
            competition=competition, expert=expert, declaration_accepted_at=now
        )
        assignment = Assignment.objects.create(
            application=application, member=member, conflict="none"
        )
        review = Review.objects.create(
            assignment=assignment, status="submitted", submitted_at=now, comment="Пікір"
        )
        CriterionScore.objects.bulk_create(
            CriterionScore(review=review, criterion=c, score=6, justification="—") for c in criteria
        )
    client.force_login(experts[-1])
    response = client.get(f"/reviews/applications/{application.pk}/")
    assert response.status_code == 200
    labels = [letter for letter, _review in response.context["others"]]
    assert len(labels) == 29 and len(set(labels)) == 29
    assert {"AA", "AB"} & set(labels)  # beyond Z
    html = response.content.decode()
    assert len(re.findall(r'data-testid="other-review"', html)) == 29
    # The same page again shows the same labels in the same places.
    again = client.get(f"/reviews/applications/{application.pk}/")

    def shown(page):
        return [(label, review.pk) for label, review in page.context["others"]]

    assert shown(again) == shown(response)
