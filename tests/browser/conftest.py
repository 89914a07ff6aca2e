import re

import pytest

from tests.conftest import require

SECOND_STEP = re.compile(r"/accounts/two-factor/")


def pass_second_step(page, email: str) -> None:
    """After the password, staff, the operator, experts and mentors type their app's code
    (their app is set up already: the demo's with its published key, others in the test)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.two_factor import app_code

    page.wait_for_url(SECOND_STEP)
    device = TOTPDevice.objects.get(user__email__iexact=email, confirmed=True)
    # A person logs in several times within one 30-second step in these stories; the app
    # would show the next code by then, which the test cannot wait for.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    page.fill("#id_code", app_code(device))
    page.get_by_test_id("two-factor-form").locator("button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/two-factor/" not in url)


def settle_autosave(page) -> None:
    """Lets the last debounced autosave finish: the live server's in-memory SQLite
    database cannot serve two writing requests at once. The field being typed in is left
    first: its change event autosaves at once, here, and not when a click on a button
    moves the focus, beside the button's own request."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.wait_for_timeout(1600)
    page.wait_for_load_state("networkidle")


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def browser(chromium_path, monkeypatch):
    # Playwright's sync API runs an event loop in the test thread; the test itself
    # only sets up data, so Django's guard against async-unsafe calls is lifted.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright for Python is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A page the size of a cheap phone's screen (360 × 740)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
