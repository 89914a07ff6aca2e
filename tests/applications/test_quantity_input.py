"""A budget quantity typed as a Russian or Kazakh keyboard types it ("0,5") or with a point,
in every language; what is not a number, or too large, is refused in the person's language."""

from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext

from applications.models import Application, BudgetItem
from tests.applications.helpers import application_post
from tests.applications.test_bounds import submit

pytestmark = pytest.mark.django_db

LANGUAGES = ["kk", "ru", "en"]


def _post(client, draft, team, language, quantity, cost="3000"):
    client.cookies["django_language"] = language
    budget = [("Орындық", "дана", "4", "150000"), ("Жарық", "сағат", quantity, cost)]
    return submit(client, draft, application_post(team, budget=budget))


def _quantity_errors(response) -> list[str]:
    return [
        error
        for row in response.context["forms"].budget.errors
        for error in row.get("quantity", [])
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("typed", ["0,5", "0.5", " 0,5 "])
def test_half_a_unit_is_accepted_with_a_comma_or_a_point(client, draft, team, language, typed):
    response = _post(client, draft, team, language, typed)
    assert response.status_code == 302, _quantity_errors(response)
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED
    line = BudgetItem.objects.get(application=draft, item="Жарық")
    assert (line.quantity, line.total_kzt) == (Decimal("0.5"), 1500)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_word_is_refused_with_a_message_in_the_language_and_kept(client, draft, team, language):
    response = _post(client, draft, team, language, "abc")
    assert response.status_code == 400
    with translation.override(language):
        expected = gettext("Enter a number.")
    assert _quantity_errors(response) == [expected]
    page = response.content.decode()
    assert 'value="abc"' in page and 'inputmode="decimal"' in page
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT


@pytest.mark.parametrize(
    ("language", "over", "under"),
    [
        ("kk", "100000,01", "100000,00"),
        ("ru", "100000,01", "99999,5"),
        ("en", "100000.01", "99999.5"),
    ],
)
def test_the_cap_holds_in_each_language(client, draft, team, language, over, under):
    # At one tenge a unit, so only the quantity's own cap can refuse it.
    response = _post(client, draft, team, language, over, cost="1")
    with translation.override(language):
        expected = gettext("The quantity is too large: at most %(limit_value)s.")
    assert _quantity_errors(response) == [expected % {"limit_value": "100000"}]
    # The refused value is shown back as it was typed, in the person's format.
    assert f'value="{over}"' in response.content.decode()
    assert _post(client, draft, team, language, under, cost="1").status_code == 302
