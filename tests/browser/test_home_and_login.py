import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from demo.loader import DEMO_PASSWORD, load_demo
from tests.browser.conftest import pass_second_step

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def translated(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


def test_home_opens_in_kazakh_switches_to_russian_and_staff_log_in(live_server, phone, settings):
    settings.DEMO_LOADERS = []  # the project, its open call and the logins are enough here
    load_demo()
    phone.goto(live_server.url + "/")
    # Kazakh first, even though this browser asks for English.
    assert phone.locator("html").get_attribute("lang") == "kk"
    assert phone.get_by_role("heading", name=translated("kk", "Open competitions")).is_visible()
    # The open call leads the page, with its deadline and the apply button.
    assert "JastarUrban: Ауылдан басталады" in phone.get_by_test_id("open-call").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    phone.get_by_role("button", name=translated("kk", "Menu")).click()
    switch = phone.get_by_test_id("lang-ru")
    # The collapsed menu slides open; click only once Bootstrap has finished.
    phone.wait_for_selector("#nav.collapse.show")
    with phone.expect_navigation():
        switch.click()
    expect(phone.locator("html")).to_have_attribute("lang", "ru")
    assert phone.get_by_role("heading", name=translated("ru", "Open competitions")).is_visible()

    phone.goto(live_server.url + "/accounts/login/")
    assert phone.locator("html").get_attribute("lang") == "ru"  # remembered
    phone.get_by_label(translated("ru", "E-mail")).fill("coordinator@demo.jastarurban.kz")
    phone.get_by_label(translated("ru", "Password")).fill(DEMO_PASSWORD)
    phone.get_by_role("button", name=translated("ru", "Log in"), exact=True).click()
    expect(phone.get_by_role("heading", name=translated("ru", "Confirm it is you"))).to_be_visible()
    pass_second_step(phone, "coordinator@demo.jastarurban.kz")
    phone.wait_for_url(live_server.url + "/staff/")
    assert phone.get_by_role("heading", name=translated("ru", "Staff desk")).is_visible()
    assert phone.locator("html").get_attribute("lang") == "ru"
