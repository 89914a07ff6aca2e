import pytest

from mentoring.models import GranteeProject
from reviews.decisions import award_withdraw, decision_confirm, results_publish
from reviews.models import Decision
from tests.reviews.test_decision import scored  # noqa: F401 - a fixture shared with the decision tests

pytestmark = pytest.mark.django_db


def test_published_winners_become_grantee_projects_with_their_award(staff, scored):  # noqa: F811
    competition = scored[0].competition
    decision_confirm(
        competition=competition, winners=[scored[0].pk, scored[1].pk], reason="", by=staff
    )
    assert not GranteeProject.objects.exists()  # not before publication
    results_publish(competition=competition, by=staff)
    projects = GranteeProject.objects.order_by("application__registration_number")
    assert [(p.application, p.award_kzt, p.status) for p in projects] == [
        (scored[0], 1_000_000, "active"),
        (scored[1], 1_000_000, "active"),
    ]
    award_withdraw(decision=Decision.objects.get(application=scored[1]), reason="Көшті", by=staff)
    assert GranteeProject.objects.get(application=scored[1]).status == "withdrawn"
    assert GranteeProject.objects.get(application=scored[2]).status == "active"
    assert GranteeProject.objects.filter(status="active").count() == 2


def test_the_demo_has_seven_grantee_projects(full_demo):
    projects = GranteeProject.objects.filter(application__competition__slug="jastarurban-2025")
    assert projects.count() == 7
    assert sum(project.award_kzt for project in projects) == 7_000_000
