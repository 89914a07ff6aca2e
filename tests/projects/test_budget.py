from decimal import Decimal

import pytest
from django.db import IntegrityError

from projects.models import BudgetLine
from projects.models.budget import project_budget
from tests.factories import ActivityFactory, BudgetLineFactory, GrantProjectFactory

pytestmark = pytest.mark.django_db


def saved_total(**fields) -> int:
    line = BudgetLineFactory(**fields)
    line.refresh_from_db()
    return line.total_kzt


def test_a_fractional_quantity_gives_whole_tenge():
    assert saved_total(quantity=Decimal("0.5"), unit_cost_kzt=140_000) == 70_000
    assert saved_total(quantity=Decimal("0.5"), unit_cost_kzt=3) == 2  # 1.5 rounds up
    assert saved_total(quantity=Decimal("0.33"), unit_cost_kzt=100_001) == 33_000


def test_a_direct_cost_must_name_its_activity():
    with pytest.raises(IntegrityError):
        BudgetLineFactory(section=BudgetLine.Section.DIRECT, activity=None)


def test_an_administrative_cost_has_no_activity():
    activity = ActivityFactory()
    with pytest.raises(IntegrityError):
        BudgetLineFactory(
            project=activity.project, section=BudgetLine.Section.ADMINISTRATIVE, activity=activity
        )


def test_support_costs_over_ten_percent_of_the_grant_are_flagged():
    project = GrantProjectFactory()
    BudgetLineFactory(project=project, unit_cost_kzt=900_000)
    line = BudgetLineFactory(
        project=project, section=BudgetLine.Section.MATERIAL_TECHNICAL, unit_cost_kzt=100_000
    )
    assert project_budget(project).support_within_limit  # exactly 10 %
    line.unit_cost_kzt = 100_001
    line.save()
    budget = project_budget(project)
    assert not budget.support_within_limit
    assert budget.support_kzt == 100_001


def test_own_contribution_is_kept_apart_from_the_grant():
    project = GrantProjectFactory()
    BudgetLineFactory(project=project, unit_cost_kzt=5_000)
    BudgetLineFactory(project=project, unit_cost_kzt=2_000, funding_source=BudgetLine.Source.OWN)
    budget = project_budget(project)
    assert (budget.total_kzt, budget.grant_kzt, budget.own_kzt) == (7_000, 5_000, 2_000)


def test_the_budget_reads_in_constant_queries(django_assert_num_queries):
    project = GrantProjectFactory()
    activity = ActivityFactory(project=project)
    for _ in range(30):
        BudgetLineFactory(project=project, section=BudgetLine.Section.DIRECT, activity=activity)
    with django_assert_num_queries(3):
        project_budget(project)
