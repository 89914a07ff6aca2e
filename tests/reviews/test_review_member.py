"""Each review holds its assignment's expert (Review.member), however it was made: the
commission page counts each expert's submitted reviews from it."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from reviews.models import Assignment, Review
from reviews.selectors import commission_members

pytestmark = pytest.mark.django_db


def pairs() -> set[tuple[int, int]]:
    return set(Review.objects.values_list("member_id", "assignment__member_id"))


def test_every_review_made_holds_its_assignments_expert(scored, commission):
    """score_all() made them with Review.objects.create(assignment=…) and no expert."""
    assert Review.objects.count() == 11
    assert all(member == expert for member, expert in pairs())


def test_reviews_made_in_bulk_and_by_the_migration_hold_it_too(eligible, commission):
    assignments = [
        Assignment.objects.create(application=application, member=member)
        for application in eligible
        for member in commission[:2]
    ]
    Review.objects.bulk_create(
        Review(assignment=assignment, status="submitted", submitted_at=timezone.now())
        for assignment in assignments
    )
    assert all(member == expert for member, expert in pairs())
    # The migration's fill, over reviews that lost their expert.
    module = importlib.import_module("reviews.migrations.0008_review_member")
    Review.objects.update(member=commission[2])
    module.fill_members(apps, None)
    assert all(member == expert for member, expert in pairs())


def test_the_commission_counts_each_experts_reviews_in_two_queries(
    scored, commission, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        members = commission_members(scored[0].competition)
    expected = {
        member.pk: (
            Assignment.objects.filter(member=member).count(),
            Review.objects.filter(assignment__member=member, status="submitted").count(),
            Assignment.objects.filter(member=member, conflict="declared").count(),
        )
        for member in commission
    }
    assert {m.pk: (m.assigned, m.submitted, m.conflicts) for m in members} == expected
    assert sum(m.submitted for m in members) == 11
