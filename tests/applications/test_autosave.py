import re
from datetime import timedelta

import pytest
from django.utils import timezone

from applications.models import Application

pytestmark = pytest.mark.django_db


def test_autosave_keeps_a_half_filled_form_exactly_as_typed(client, draft):
    client.force_login(draft.applicant)
    typed = {
        "main-title": "Жасыл аула",
        "main-problem": "Ауылда ағаш аз, жазда ыстық",
        "budget-TOTAL_FORMS": "1",
        "budget-0-unit_cost_kzt": "12345x",  # not valid yet: kept anyway
        "budget-0-quantity": "0,5",
    }
    response = client.post(f"/applications/{draft.pk}/autosave/", typed)
    assert response.status_code == 200
    assert re.search(r"\d\d:\d\d:\d\d", response.content.decode())
    draft.refresh_from_db()
    assert draft.autosaved_at is not None
    assert draft.draft_data["main-title"] == ["Жасыл аула"]
    assert draft.draft_data["budget-0-unit_cost_kzt"] == ["12345x"]
    assert "csrfmiddlewaretoken" not in draft.draft_data
    page = client.get(f"/applications/{draft.pk}/edit/").content.decode()
    assert 'value="Жасыл аула"' in page
    assert "Ауылда ағаш аз, жазда ыстық" in page
    assert 'value="12345x"' in page


def test_an_expired_session_gets_401_and_the_draft_is_untouched(client, draft):
    draft.draft_data = {"main-title": ["Бұрынғы"]}
    draft.save()
    response = client.post(f"/applications/{draft.pk}/autosave/", {"main-title": "Жаңа"})
    assert response.status_code == 401
    draft.refresh_from_db()
    assert draft.draft_data == {"main-title": ["Бұрынғы"]}


def test_a_submitted_application_is_not_changed_by_autosave(client, draft):
    draft.status = Application.Status.SUBMITTED
    draft.title = "Жасыл аула"
    draft.draft_data = {"main-title": ["Жасыл аула"]}
    draft.save()
    client.force_login(draft.applicant)
    response = client.post(f"/applications/{draft.pk}/autosave/", {"main-title": "x"})
    assert response.status_code == 409
    draft.refresh_from_db()
    assert (draft.status, draft.title) == (Application.Status.SUBMITTED, "Жасыл аула")
    assert draft.draft_data == {"main-title": ["Жасыл аула"]}
    assert draft.autosaved_at is None


def test_saving_the_draft_by_hand_keeps_everything_and_redirects(client, draft):
    client.force_login(draft.applicant)
    response = client.post(
        f"/applications/{draft.pk}/edit/", {"main-idea": "Орындықтар", "save": "1"}
    )
    assert response["Location"] == f"/applications/{draft.pk}/edit/"
    draft.refresh_from_db()
    assert draft.draft_data["main-idea"] == ["Орындықтар"]


def test_adding_a_row_keeps_what_was_typed(client, draft):
    client.force_login(draft.applicant)
    response = client.post(
        f"/applications/{draft.pk}/edit/",
        {"activity-TOTAL_FORMS": "2", "activity-0-name": "Асқар", "add": "activity"},
    )
    html = response.content.decode()
    assert 'value="Асқар"' in html
    assert 'name="activity-2-name"' in html


def test_the_edit_page_dates_a_save_from_an_earlier_day(client, draft):
    draft.autosaved_at = timezone.now() - timedelta(days=3)
    draft.save()
    client.force_login(draft.applicant)
    earlier = timezone.localtime(draft.autosaved_at).strftime("%d.%m.%Y %H:%M")
    assert earlier in client.get(f"/applications/{draft.pk}/edit/").content.decode()
    draft.autosaved_at = timezone.now()
    draft.save()
    page = client.get(f"/applications/{draft.pk}/edit/").content.decode()
    today = timezone.localtime(draft.autosaved_at).strftime("%H:%M:%S")
    assert (
        today in page
        and timezone.localdate().strftime("%d.%m.%Y") not in page.split(today)[0][-40:]
    )
