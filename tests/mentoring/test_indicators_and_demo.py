"""The figures behind the activity 2 indicators, on a hand-counted fixture and on the demo."""

from datetime import date

import pytest
from django.db.models import Sum

from accounts.roles import Role
from competitions.models import Competition
from mentoring import selectors
from mentoring.models import (
    APPROVED_DISBURSEMENTS,
    ClosingAnswer,
    GranteeProject,
    MentoringEvaluation,
)
from tests.factories import UserFactory
from tests.mentoring.conftest import make_project
from tests.reviews.helpers import demo_awarded_kzt

pytestmark = pytest.mark.django_db


def test_usefulness_life_improved_and_success_shares_from_known_answers(competition, media):
    usefulness = [5, 4, 3, 5, 2]
    answers = ["yes", "yes", "partly", "no", "yes"]
    outcomes = ["success", "success", "partial", "success", "failed"]
    for number in range(5):
        lead = UserFactory(roles=[Role.APPLICANT])
        project = make_project(competition, lead, number=number + 1)
        MentoringEvaluation.objects.create(
            project=project, usefulness=usefulness[number], answered_by=lead
        )
        ClosingAnswer.objects.create(
            project=project, answer=answers[number], why="…", answered_by=lead
        )
        GranteeProject.objects.filter(pk=project.pk).update(
            status="completed", outcome=outcomes[number]
        )
    withdrawn = make_project(competition, UserFactory(roles=[Role.APPLICANT]), number=9)
    GranteeProject.objects.filter(pk=withdrawn.pk).update(status="withdrawn")

    assert selectors.mentoring_usefulness(competition).percent == 60.0  # 3 of 5
    assert selectors.life_improved(competition).percent == 60.0  # 3 of 5
    assert selectors.projects_success(competition).percent == 60.0  # 3 of 5, withdrawn aside
    assert selectors.projects_completed(competition) == 4


def test_a_share_with_no_answers_has_no_percent(competition):
    assert selectors.training_satisfaction(competition).percent is None


def test_the_demo_carries_the_story_through_implementation(full_demo):
    competition = Competition.objects.get(slug="jastarurban-2025")
    assert selectors.trainings_held(competition, date(2025, 12, 1)) == 3
    assert selectors.training_days(competition) == 2
    assert selectors.grantees_trained(competition) == 7
    assert selectors.materials_published(competition) >= 3
    assert selectors.mentorships(competition) == 7
    assert UserFactory._meta.model.objects.filter(groups__name=Role.MENTOR).count() >= 7
    assert selectors.fewest_meetings(competition) >= 5
    assert selectors.projects_completed(competition) == 7
    assert selectors.projects_success(competition).percent >= 90
    assert selectors.training_satisfaction(competition).percent >= 80
    assert selectors.mentoring_usefulness(competition).percent >= 80
    assert selectors.life_improved(competition).percent >= 75
    # Every team reported and spent its whole award against receipts.
    grantees = GranteeProject.objects.filter(application__competition=competition)
    approved = Sum("disbursements__amount_kzt", filter=APPROVED_DISBURSEMENTS)
    paid = grantees.aggregate(total=approved)["total"]
    assert paid == demo_awarded_kzt()
    assert grantees.aggregate(total=Sum("reports__expenses__amount_kzt"))["total"] == paid
    for project in GranteeProject.objects.filter(application__competition=competition):
        assert project.reports.filter(status="accepted").count() == 2
        assert project.reports.filter(expenses__isnull=False).distinct().count() == 2
