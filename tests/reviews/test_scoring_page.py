"""What the expert scores against: each criterion's levels beside its score, the budget with
its header and total, and how far through the queue they are."""

import pytest

from applications.models import BudgetItem
from jastarurban.money import format_tenge
from reviews.services import assignments_create_all
from tests.reviews.test_expert_views import no_conflict, scores

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(competition, eligible, commission, staff):
    assignments_create_all(competition=competition, by=staff)
    return eligible


def test_each_score_has_its_levels_beside_it(client, assigned, experts):
    client.force_login(experts[0])
    no_conflict(client, assigned[0])
    response = client.get(f"/reviews/applications/{assigned[0].pk}/")
    html = response.content.decode()
    criteria = list(assigned[0].competition.criteria.order_by("position"))
    assert html.count('data-testid="criterion"') == len(criteria)
    assert html.count('data-testid="levels"') == len(criteria)
    for criterion in criteria:
        # The screen reader reads the levels with the input they belong to.
        assert f'aria-describedby="levels-{criterion.pk}"' in html
        assert f'id="levels-{criterion.pk}"' in html
    assert html.count("<li>4–7: орташа</li>") == len(criteria)


def test_the_budget_has_its_header_and_total(client, assigned, experts):
    for position, (item, cost) in enumerate([("Орындық", 85_000), ("Шам", 45_000)], start=1):
        BudgetItem.objects.create(
            application=assigned[0],
            position=position,
            item=item,
            unit="дана",
            quantity=4,
            unit_cost_kzt=cost,
        )
    client.force_login(experts[0])
    no_conflict(client, assigned[0])
    response = client.get(f"/reviews/applications/{assigned[0].pk}/")
    assert response.context["requested_kzt"] == 520_000
    html = response.content.decode()
    budget = html[html.index('data-testid="budget"') :]
    assert "<thead>" in budget.split("</table>")[0]
    assert f'data-testid="budget-total">{format_tenge(520_000)}<' in html


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("kk", "4 өтінімнен 1 бағаланды"),
        ("ru", "Оценено 1 из 4 заявок"),
        ("en", "1 of 4 applications scored"),
    ],
)
def test_the_queue_says_how_many_are_scored(client, assigned, experts, language, text):
    client.force_login(experts[0])
    no_conflict(client, assigned[0])
    data = scores(assigned[0].competition) | {"submit": "1"}
    assert client.post(f"/reviews/applications/{assigned[0].pk}/", data).status_code == 302
    client.cookies["django_language"] = language
    html = client.get("/reviews/").content.decode()
    assert text in html
