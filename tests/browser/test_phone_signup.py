"""A villager with no e-mail signs up on a 360 px phone in Kazakh with an SMS code."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from accounts.models import User
from accounts.roles import Role
from notifications import sms

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def kk(text: str) -> str:
    with translation.override("kk"):
        return gettext(text)


def test_sign_up_by_phone_in_kazakh_and_log_in_again(live_server, phone):
    page = phone
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "kk"
    page.get_by_role("link", name=kk("Sign up by phone")).click()

    page.get_by_label(kk("Full name")).fill("Серікбаев Ерасыл")
    page.get_by_label(kk("Mobile phone")).fill("8 701 123 45 67")
    page.locator("#id_consent").check()
    page.get_by_role("button", name=kk("Get a code")).click()
    page.wait_for_url(re.compile(r"/accounts/signup/code/$"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # "Send again" waits out its minute, counting down.
    resend = page.locator("[data-resend] button")
    expect(resend).to_be_disabled()
    expect(resend).to_contain_text("секундтан кейін")

    # The live server runs in this process: the console backend's outbox holds the SMS.
    [message] = sms.outbox
    assert message.to == "+77011234567"
    code = re.search(r"\b(\d{6})\b", message.text).group(1)
    page.get_by_label(kk("Code from the SMS")).fill(code)
    page.get_by_role("button", name=kk("Confirm")).click()
    page.wait_for_url(lambda url: "/accounts/" not in url)
    expect(page.get_by_test_id("current-user")).to_have_text("Серікбаев Ерасыл")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    user = User.objects.get(phone="+77011234567")
    assert user.email is None and user.phone_confirmed_at and user.has_role(Role.APPLICANT)
