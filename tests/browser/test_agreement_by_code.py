"""On a 360 px phone, in Kazakh and in Russian: each member of a team of two reads the grant
agreement and accepts it with the code the SMS brought; the team's side is then signed."""

import re
from datetime import date

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from accounts.models import User
from mentoring.models import GrantAgreement
from mentoring.services.agreements import agreement_prepare
from notifications import sms
from tests.factories import PASSWORD, CompetitionFactory, UserFactory
from tests.mentoring.test_acceptance import team_project

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def say(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


def last_code(phone: str) -> str:
    for message in reversed(sms.outbox):
        if message.to == phone:
            return re.search(r"\b\d{6}\b", message.text).group(0)
    raise AssertionError(f"no SMS to {phone}")


def test_each_member_accepts_on_a_phone_in_their_language(live_server, browser):
    from accounts.roles import Role

    project, people = team_project(CompetitionFactory(), 2)
    agreement = agreement_prepare(
        project=project,
        dated_on=date(2025, 7, 30),
        language=GrantAgreement.Language.BOTH,
        tranches=[(date(2025, 8, 4), 1_000_000)],
        report_dates=[date(2025, 9, 1)],
        by=UserFactory(roles=[Role.STAFF]),
    )
    url = live_server.url
    for person, language in zip(people, ["kk", "ru"], strict=True):
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US")
        context.add_cookies([{"name": "django_language", "value": language, "url": url}])
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.set_default_navigation_timeout(120_000)
        page.goto(f"{url}/accounts/login/")
        page.fill("#id_username", person.email)
        page.fill("#id_password", PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(lambda address: "/accounts/login/" not in address)
        User.objects.filter(pk=person.pk).update(language=language)

        page.goto(f"{url}/mentoring/agreements/{agreement.pk}/accept/")
        expect(page.locator("h1")).to_contain_text(agreement.number)
        expect(page.get_by_test_id("tranche")).to_contain_text("1 000 000 ₸")
        # Nothing spills sideways on the phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.get_by_test_id("send-code").click()
        expect(page.get_by_test_id("code-form")).to_be_visible()
        page.get_by_label(say(language, "Code from the SMS")).fill(last_code(person.phone))
        page.get_by_role("button", name=say(language, "I accept the agreement")).click()
        expect(page.get_by_test_id("accepted")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        context.close()
    agreement.refresh_from_db()
    assert agreement.team_signed and agreement.team_signed_via == "codes"
