"""Staff set up two-factor sign-in on the first login, from a phone, and log in with it."""

import re
import time

import pytest
from django.utils import translation
from django.utils.translation import gettext
from django_otp.oath import TOTP
from playwright.sync_api import expect

from accounts.roles import Role
from tests.factories import PASSWORD, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def code_from_app(page, secret: str, *, after: int = 0) -> str:
    """What an authenticator app shows for the key typed in by hand (base32).

    Read with at least 6 seconds left in its 30-second step, as a person waits out an
    app's nearly empty timer: a code checked in the step after its own is accepted as one
    step late, django-otp then records a drift of -1, and the next code a step ahead
    falls outside its window (a flaky failure in CI)."""
    from base64 import b32decode

    left = 30 - time.time() % 30
    if left < 6:
        page.wait_for_timeout(left * 1000 + 100)
    token = TOTP(b32decode(secret))
    token.time = token.time + after
    return f"{token.token():06d}"


def log_in(page, url: str, email: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()


def test_staff_set_up_an_app_see_recovery_codes_and_log_in_with_a_fresh_code(live_server, phone):
    staff = UserFactory(roles=[Role.STAFF], email="zhanna@example.kz")
    page, url = phone, live_server.url

    log_in(page, url, staff.email)
    page.wait_for_url(re.compile(r"/accounts/two-factor/setup/\?next="))
    expect(page.locator("svg.qr-code")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # The person types the key shown under the QR code into the app.
    secret = page.get_by_test_id("totp-secret").inner_text().replace(" ", "")
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    page.fill("#id_code", "000000" if code_from_app(page, secret) != "000000" else "111111")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator(".invalid-feedback")).to_be_visible()

    page.wait_for_timeout(1100)  # django-otp makes the next try wait a second
    page.fill("#id_code", code_from_app(page, secret))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/accounts/two-factor/recovery-codes/"))
    codes = page.get_by_test_id("recovery-codes").locator("li").all_inner_texts()
    assert len(codes) == 10
    page.locator("main a.btn-primary").click()
    page.wait_for_url(f"{url}/staff/")

    # Shown once.
    page.goto(f"{url}/accounts/two-factor/recovery-codes/")
    page.wait_for_url(f"{url}/accounts/security/")
    expect(page.get_by_test_id("recovery-codes-left")).to_contain_text("10")
    page.context.clear_cookies()

    # Next time: the password, then a fresh code from the app (the next 30-second step:
    # the code used to set up is refused a second time).
    log_in(page, url, staff.email)
    page.wait_for_url(re.compile(r"/accounts/two-factor/\?next="))
    page.goto(f"{url}/staff/")  # no page before the second step
    page.wait_for_url(re.compile(r"/accounts/two-factor/\?next="))
    page.fill("#id_code", code_from_app(page, secret, after=30))
    page.get_by_test_id("two-factor-form").locator("button[type=submit]").click()
    page.wait_for_url(f"{url}/staff/")
    with translation.override("kk"):
        expect(page.locator("h1")).to_have_text(gettext("Staff desk"))
