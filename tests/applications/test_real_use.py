"""Applications as people really send them: teams of two and of three, a blank row left at
the end of every table, a Russian or an English session, and each rule met exactly or
missed by one (a tenge over the cap, a day of age, one member too few)."""

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from applications.models import Application
from jastarurban.money import format_tenge
from tests.applications.conftest import CLOSES
from tests.applications.helpers import application_post, iin_for, teammates_from_post

pytestmark = pytest.mark.django_db

BEFORE = CLOSES - timedelta(hours=1)
TURNS_18_ON_CLOSING = date(2007, 7, 15)
STILL_35_ON_CLOSING = date(1989, 7, 16)
# 2 × 400 000 + 0.5 × 400 000: the cap of 1 000 000 ₸ exactly, half a unit included.
AT_THE_CAP = [("Орындық", "дана", "2", "400000"), ("Жарық", "дана", "0.5", "400000")]
ONE_OVER = [("Орындық", "дана", "2", "400000"), ("Жарық", "дана", "1", "200001")]


def submit(client, draft, data):
    teammates_from_post(draft, data)
    return client.post(f"/applications/{draft.pk}/edit/", data | {"submit": "1"})


def with_blank_rows(data: dict) -> dict:
    """The browser posts one more, untouched row in each table, as the form offers it."""
    for prefix in ("team", "activity", "budget"):
        data[f"{prefix}-TOTAL_FORMS"] = str(int(data[f"{prefix}-TOTAL_FORMS"]) + 1)
    return data


def mates(count: int) -> list[dict]:
    """The lead's teammates, at the two ends of the age rule on the closing day."""
    people = [
        {"iin": iin_for(TURNS_18_ON_CLOSING), "full_name": "Серікова Аружан"},
        {"iin": iin_for(STILL_35_ON_CLOSING), "full_name": "Петров Иван"},
    ]
    return people[:count]


@time_machine.travel(BEFORE)
@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("size", [2, 3])
def test_a_team_of_two_or_three_submits_at_the_cap_in_its_language(client, draft, language, size):
    client.force_login(draft.applicant)
    client.cookies["django_language"] = language
    team = mates(size - 1)
    response = submit(client, draft, with_blank_rows(application_post(team, budget=AT_THE_CAP)))
    assert response.status_code == 302, response.context["forms"].error_summary()
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED
    assert draft.team.count() == size
    assert draft.activities.count() == 1 and draft.budget_items.count() == 2
    assert sum(item.total_kzt for item in draft.budget_items.all()) == 1_000_000
    page = client.get(f"/applications/{draft.pk}/").content.decode()
    assert "1\xa0000\xa0000\xa0₸" in page
    assert all(member["full_name"] in page for member in team)


@time_machine.travel(BEFORE)
@pytest.mark.parametrize("language", ["ru", "en"])
def test_one_tenge_over_the_cap_is_refused_in_the_sessions_language(client, draft, language):
    client.force_login(draft.applicant)
    client.cookies["django_language"] = language
    data = with_blank_rows(application_post(mates(2), budget=ONE_OVER))
    response = submit(client, draft, data)
    assert response.status_code == 400
    with translation.override(language):
        refusal = gettext("The budget comes to %(total)s; at most %(limit)s may be requested.") % {
            "total": format_tenge(1_000_001),
            "limit": format_tenge(1_000_000),
        }
    assert escape(refusal) in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT and not draft.team.exists()


@time_machine.travel(BEFORE)
@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_lead_alone_is_one_member_too_few_in_either_language(client, draft, language):
    client.force_login(draft.applicant)
    client.cookies["django_language"] = language
    response = submit(client, draft, with_blank_rows(application_post([])))
    assert response.status_code == 400
    with translation.override(language):
        rule = gettext(
            "A team has %(min)s–%(max)s people: you and %(min_mates)s–%(max_mates)s teammates."
        ) % {"min": 2, "max": 3, "min_mates": 1, "max_mates": 2}
    assert escape(rule) in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT
