"""Every number and date of the application form is bounded (security finding, low).

A 40-digit unit cost gave a 500 on submit, and activity dates from year 1 to 9999
were accepted.
"""

from datetime import timedelta

import pytest
import time_machine

from applications.models import Application
from tests.applications.conftest import CLOSES
from tests.applications.helpers import application_post, teammates_from_post

pytestmark = pytest.mark.django_db

FORTY_DIGITS = "9" * 40


def submit(client, draft, data):
    teammates_from_post(draft, data)
    client.force_login(draft.applicant)
    with time_machine.travel(CLOSES - timedelta(hours=1)):
        return client.post(f"/applications/{draft.pk}/edit/", data | {"submit": "1"})


def refused(response, draft, field, message):
    assert response.status_code == 400
    errors = response.context["forms"].budget.errors + response.context["forms"].activities.errors
    assert any(message in " ".join(row.get(field, [])) for row in errors), errors
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT


def test_a_forty_digit_unit_cost_is_refused_with_a_message(client, draft, team):
    budget = [("Орындық", "дана", "1", FORTY_DIGITS)]
    response = submit(client, draft, application_post(team, budget=budget))
    refused(response, draft, "unit_cost_kzt", "Сома тым үлкен: ең көбі 10")


def test_a_unit_cost_just_over_the_bound_is_refused(client, draft, team):
    budget = [("Орындық", "дана", "1", "10000000001")]
    response = submit(client, draft, application_post(team, budget=budget))
    refused(response, draft, "unit_cost_kzt", "тым үлкен")


@pytest.mark.parametrize("quantity", [FORTY_DIGITS, "100000.01", "9999999999.99"])
def test_a_huge_quantity_is_refused(client, draft, team, quantity):
    budget = [("Орындық", "дана", quantity, "1")]
    response = submit(client, draft, application_post(team, budget=budget))
    assert response.status_code == 400
    assert response.context["forms"].budget.errors[0]["quantity"]


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "2023-12-31", "2027-01-01"])
@pytest.mark.parametrize("field", ["starts_on", "ends_on"])
def test_an_activity_date_outside_the_window_is_refused(client, draft, team, field, day):
    data = application_post(team)
    data[f"activity-0-{field}"] = day
    if field == "starts_on":
        data["activity-0-ends_on"] = "9999-12-31" if day > "2025" else "2025-08-20"
    response = submit(client, draft, data)
    refused(response, draft, field, "01.01.2024 мен 31.12.2026 аралығындағы күнді таңдаңыз")


@pytest.mark.parametrize("day", ["2024-01-01", "2026-12-31"])
def test_the_window_is_the_call_year_and_one_year_either_side(client, draft, team, day):
    data = application_post(team) | {
        "activity-0-starts_on": "2024-01-01",
        "activity-0-ends_on": day,
    }
    response = submit(client, draft, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED
    first = draft.activities.order_by("position").first()
    assert (first.starts_on.isoformat(), first.ends_on.isoformat()) == ("2024-01-01", day)
