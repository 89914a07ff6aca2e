"""A draft's shape is judged on save and never trusted on render (security finding, high)."""

import time

import pytest

from applications.forms import MAX_ACTIVITIES, MAX_BUDGET_LINES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", ["1500", "abc", "-1", "99999999999999999999999999", "3.5", "1e3"])
@pytest.mark.parametrize("prefix", ["activity", "budget"])
def test_autosave_refuses_a_row_count_no_form_could_send(client, draft, prefix, count):
    client.force_login(draft.applicant)
    response = client.post(
        f"/applications/{draft.pk}/autosave/",
        {f"{prefix}-TOTAL_FORMS": count, "main-title": "Жасыл аула"},
    )
    assert response.status_code == 400
    assert "Бетті қайта жүктеп" in response.content.decode()  # "Reload the page", in Kazakh
    draft.refresh_from_db()
    assert draft.draft_data == {}


def test_the_refusal_is_translated(client, draft):
    client.force_login(draft.applicant)
    client.cookies["django_language"] = "ru"
    response = client.post(f"/applications/{draft.pk}/autosave/", {"budget-TOTAL_FORMS": "abc"})
    assert response.status_code == 400
    assert "Обновите страницу" in response.content.decode()


def test_saving_by_hand_with_a_forged_count_answers_400_with_the_page(client, draft):
    client.force_login(draft.applicant)
    response = client.post(
        f"/applications/{draft.pk}/edit/", {"budget-TOTAL_FORMS": "1500", "save": "1"}
    )
    assert response.status_code == 400
    assert 'name="budget-0-item"' in response.content.decode()


def test_counts_up_to_the_maxima_are_kept(client, draft):
    client.force_login(draft.applicant)
    data = {
        "team-TOTAL_FORMS": str(draft.competition.max_team_size),
        "activity-TOTAL_FORMS": str(MAX_ACTIVITIES),
        "budget-TOTAL_FORMS": str(MAX_BUDGET_LINES),
        "budget-INITIAL_FORMS": "0",
        "budget-MAX_NUM_FORMS": str(MAX_BUDGET_LINES),
    }
    assert client.post(f"/applications/{draft.pk}/autosave/", data).status_code == 200
    draft.refresh_from_db()
    assert draft.draft_data["budget-TOTAL_FORMS"] == [str(MAX_BUDGET_LINES)]


def test_unknown_keys_and_rows_beyond_the_count_are_not_kept(client, draft):
    client.force_login(draft.applicant)
    data = {
        "main-title": "Жасыл аула",
        "main-is_staff": "1",
        "activity-TOTAL_FORMS": "1",
        "activity-0-name": "Асқар",
        "activity-0-password": "x",
        "activity-7-name": "Жасырын",
        # The lead no longer types teammates: old team rows are not kept.
        "team-TOTAL_FORMS": "1",
        "team-0-full_name": "Асқар",
        "budget-0-item": "no count for budget",
        "whatever": "x" * 1000,
        "save": "1",
    }
    assert client.post(f"/applications/{draft.pk}/autosave/", data).status_code == 200
    draft.refresh_from_db()
    assert draft.draft_data == {
        "main-title": ["Жасыл аула"],
        "activity-TOTAL_FORMS": ["1"],
        "activity-0-name": ["Асқар"],
    }


def test_a_huge_value_is_refused(client, draft):
    client.force_login(draft.applicant)
    before = draft.draft_data
    response = client.post(f"/applications/{draft.pk}/autosave/", {"main-idea": "ә" * 20_001})
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.draft_data == before and draft.autosaved_at is None


@pytest.mark.parametrize("count", ["1500", "abc", "-5", "9" * 30])
def test_a_bad_draft_already_stored_renders_quickly_and_clamped(
    client, draft, count, django_assert_max_num_queries
):
    draft.draft_data = {
        "team-TOTAL_FORMS": [count],
        "activity-TOTAL_FORMS": [count],
        "budget-TOTAL_FORMS": [count],
        "activity-0-name": ["Асқар"],
        "main-title": ["Жасыл аула"],
    }
    draft.save()
    client.force_login(draft.applicant)
    started = time.monotonic()
    with django_assert_max_num_queries(30):
        response = client.get(f"/applications/{draft.pk}/edit/")
    assert time.monotonic() - started < 30  # 94 s before the fix, on a quiet machine
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Жасыл аула"' in html
    assert f'name="budget-{MAX_BUDGET_LINES}-item"' not in html
    assert f'name="activity-{MAX_ACTIVITIES}-name"' not in html


def test_adding_a_row_stops_at_the_maximum(client, draft):
    client.force_login(draft.applicant)
    most = MAX_BUDGET_LINES
    response = client.post(
        f"/applications/{draft.pk}/edit/", {"budget-TOTAL_FORMS": str(most), "add": "budget"}
    )
    assert response.status_code == 200
    assert f'name="budget-{most}-item"' not in response.content.decode()
