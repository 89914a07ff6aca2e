import pytest

from mentoring.models import GranteeProject
from reviews.decisions import award_withdraw, results_publish
from reviews.models import Decision
from tests.reviews.helpers import decide

pytestmark = pytest.mark.django_db


def test_published_winners_become_grantee_projects_with_their_award(staff, scored):
    competition = scored[0].competition
    decide(competition=competition, winners=[scored[0].pk, scored[1].pk], reason="", by=staff)
    assert not GranteeProject.objects.exists()  # not before publication
    results_publish(competition=competition, by=staff)
    projects = GranteeProject.objects.order_by("application__registration_number")
    assert [(p.application, p.award_kzt, p.status) for p in projects] == [
        (scored[0], 900_000, "active"),
        (scored[1], 900_000, "active"),
    ]
    award_withdraw(decision=Decision.objects.get(application=scored[1]), reason="Көшті", by=staff)
    assert GranteeProject.objects.get(application=scored[1]).status == "withdrawn"
    assert GranteeProject.objects.get(application=scored[2]).status == "active"
    assert GranteeProject.objects.filter(status="active").count() == 2


def test_a_grantee_projects_approved_budget_starts_as_its_applications(staff, scored):
    competition = scored[0].competition
    scored[0].budget_items.create(
        position=9, item="Орындық", unit="дана", quantity=4, unit_cost_kzt=25_000
    )
    decide(competition=competition, winners=[scored[0].pk], reason="", by=staff)
    results_publish(competition=competition, by=staff)
    project = GranteeProject.objects.get(application=scored[0])
    lines = [(line.item, line.amount_kzt) for line in project.budget_lines.all()]
    assert lines == [(item.item, item.total_kzt) for item in scored[0].budget_items.all()]
    assert ("Орындық", 100_000) in lines


def test_the_demo_has_seven_grantee_projects(full_demo):
    projects = GranteeProject.objects.filter(application__competition__slug="jastarurban-2025")
    assert projects.count() == 7
    # Each award is its application's requested amount; together within the 7 000 000 ₸ fund.
    awarded = Decision.objects.filter(
        application__competition__slug="jastarurban-2025", outcome="awarded"
    )
    assert sum(project.award_kzt for project in projects) == sum(d.amount_kzt for d in awarded)
    assert sum(project.award_kzt for project in projects) <= 7_000_000
