"""Unsent draft copies (with IINs) do not outlive the session (security finding, low).

autosave.js keeps a copy of the form in localStorage when a save fails; the copy
stayed after logging out, for the next person on the same phone to find.
"""

from datetime import date

import pytest
from playwright.sync_api import expect

from applications.iin import parse_iin
from applications.models import Application
from applications.services.application import profile_save
from tests.applications.helpers import iin_for, village
from tests.factories import PASSWORD, CompetitionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def draft_keys(page) -> list[str]:
    return page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('jastarurban-draft:'))"
    )


def log_in(page, url, email):
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{url}/applications/")


@pytest.fixture
def applicant_draft(applicant):
    profile_save(
        user=applicant,
        full_name=applicant.full_name,
        phone="+77011234567",
        iin=parse_iin(iin_for(date(2000, 5, 5))),
        village=village(),
    )
    return Application.objects.create(competition=CompetitionFactory(), applicant=applicant)


def test_logging_out_removes_the_unsent_copy(live_server, phone, applicant_draft):
    url, page = live_server.url, phone
    log_in(page, url, applicant_draft.applicant.email)
    page.goto(f"{url}/applications/{applicant_draft.pk}/edit/")
    # The network fails for autosave: the form is kept in this browser.
    page.route("**/autosave/", lambda route: route.abort())
    page.fill("#id_main-problem", "000505500123")
    page.wait_for_function(
        "() => Object.keys(localStorage).some(k => k.startsWith('jastarurban-draft:'))"
    )
    [key] = draft_keys(page)
    assert (
        key == f"jastarurban-draft:{applicant_draft.applicant.pk}:application-{applicant_draft.pk}"
    )
    assert "000505500123" in page.evaluate(f"() => localStorage.getItem('{key}')")
    page.unroute("**/autosave/")
    page.route("**/autosave/", lambda route: route.abort())  # no resend on the way out

    page.locator(".navbar-toggler").click()  # the menu is folded on a phone
    # Unfolded (Bootstrap adds .show when its animation ends): a click on the person's
    # menu while the navbar still slides open can land before the menu is there.
    expect(page.locator("#nav.show")).to_be_visible()
    page.get_by_test_id("current-user").click()  # log out is in the person's menu
    expect(page.locator("form[data-logout] button")).to_be_visible()
    page.locator("form[data-logout] button").click()
    page.wait_for_url(f"{url}/")
    assert draft_keys(page) == []


def test_the_page_after_logout_removes_copies_even_without_the_button(
    live_server, phone, applicant_draft
):
    url, page = live_server.url, phone
    log_in(page, url, applicant_draft.applicant.email)
    page.evaluate("() => localStorage.setItem('jastarurban-draft:1:application-1', '{}')")
    # Logged out by a form posted elsewhere (another tab, a script): the next page cleans up.
    page.evaluate(
        """() => { const f = document.querySelector('form[data-logout]').cloneNode(true);
                   f.removeAttribute('data-logout'); document.body.appendChild(f); f.submit(); }"""
    )
    page.wait_for_url(f"{url}/")
    assert draft_keys(page) == []


def test_a_second_person_on_the_phone_never_sees_the_first_ones_copy(
    live_server, phone, applicant_draft, other_applicant
):
    url, page = live_server.url, phone
    page.goto(f"{url}/")
    first = f"jastarurban-draft:{applicant_draft.applicant.pk}:application-{applicant_draft.pk}"
    page.evaluate(f"() => localStorage.setItem('{first}', '{{\"at\": 1, \"values\": []}}')")
    page.evaluate("() => localStorage.setItem('application-7', '{}')")  # a copy from before
    # The session ran out without logging out: the copy waits for its owner on the login page…
    page.goto(f"{url}/accounts/login/")
    assert draft_keys(page) == [first]
    # …but someone else logging in removes it.
    log_in(page, url, other_applicant.email)
    assert draft_keys(page) == []
    assert page.evaluate("() => localStorage.getItem('application-7')") is None
