"""On a 360 px phone in Kazakh: the lead signs up by phone, invites a teammate by name and
phone, the teammate confirms in their own browser (codes read from the SMS outbox), the lead
submits."""

import re
from datetime import date

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from accounts.models import User
from applications.iin import parse_iin
from applications.models import Application, TeamMember
from applications.services.application import profile_save
from competitions.models import District
from notifications import sms
from tests.applications.helpers import iin_for, village
from tests.browser.conftest import settle_autosave
from tests.browser.test_apply import fill_project

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEAMMATE_PHONE = "+77055553311"
LEAD_PHONE = "+77017778899"


def kk(text: str) -> str:
    with translation.override("kk"):
        return gettext(text)


def phone_context(browser, url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US")
    context.add_cookies([{"name": "django_language", "value": "kk", "url": url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def last_sms(phone: str, pattern: str) -> str:
    for message in reversed(sms.outbox):
        if message.to == phone and re.search(pattern, message.text):
            return re.search(pattern, message.text).group(0)
    raise AssertionError(f"no SMS to {phone} matching {pattern}")


def test_the_lead_invites_the_teammate_confirms_on_their_phone_and_the_lead_submits(
    live_server, browser, settings, full_demo
):
    # The whole demo, as `make demo` loads it (restored from the run's one load).
    settings.SITE_URL = live_server.url
    url = live_server.url
    beineu = "Бейнеу"
    lead_context, lead = phone_context(browser, url)

    # The lead, a villager with no e-mail, signs up on their phone with an SMS code.
    lead.goto(f"{url}/accounts/signup/")
    lead.get_by_label(kk("Full name")).fill("Жұмабаев Ерлан")
    lead.get_by_label(kk("Mobile phone")).fill("8 701 777 88 99")
    lead.locator("#id_consent").check()
    lead.get_by_role("button", name=kk("Get a code")).click()
    lead.wait_for_url(re.compile(r"/accounts/signup/code/$"))
    lead.get_by_label(kk("Code from the SMS")).fill(last_sms(LEAD_PHONE, r"\b\d{6}\b"))
    lead.get_by_role("button", name=kk("Confirm")).click()
    lead.wait_for_url(lambda address: "/accounts/" not in address)
    person = User.objects.get(phone=LEAD_PHONE)
    assert person.email is None and person.phone_confirmed_at
    # Their profile (IIN and village) as the profile form would save it (test_apply walks it).
    profile_save(
        user=person,
        full_name=person.full_name,
        phone=person.phone,
        iin=parse_iin(iin_for(date(2001, 4, 12))),
        village=village(),
    )
    lead.goto(f"{url}/applications/")
    lead.locator("form[action^='/applications/start/'] button").first.click()
    lead.wait_for_url(re.compile(r"/applications/\d+/edit/$"))
    application = Application.objects.get(applicant=person)
    edit_url = lead.url
    fill_project(lead, beineu)
    settle_autosave(lead)

    # The lead types the teammate's name, phone and role only: no IIN box anywhere.
    team = lead.get_by_test_id("team-section")
    expect(team).to_contain_text("Олардың ЖСН-ін жазбайсыз")
    lead.fill("#id_invite-full_name", "Серікова Аяжан")
    lead.fill("#id_invite-phone", "8 705 555 33 11")
    lead.fill("#id_invite-role", "Ерікті")
    lead.locator("#invite-form button[type=submit]").click()
    lead.wait_for_url(re.compile(r"/edit/"))
    expect(lead.get_by_test_id("teammate")).to_contain_text("Серікова Аяжан")
    expect(lead.get_by_test_id("teammate-state")).to_have_text("Әлі расталмады")
    assert lead.evaluate("document.documentElement.scrollWidth") <= 360
    # Submitting now is refused: the teammate has not confirmed.
    lead.locator("button[name=submit]").click()
    expect(lead.locator("#error-summary")).to_contain_text("Серікова Аяжан әлі растамады")
    assert Application.objects.get(pk=application.pk).status == "draft"

    # The teammate opens the link from the SMS on their own phone.
    link = last_sms(TEAMMATE_PHONE, r"https?://\S+/applications/join/[\w-]+/")
    mate_context, mate = phone_context(browser, url)
    mate.goto(link)
    expect(mate.locator("h1")).to_have_text("Командаға шақыру")
    expect(mate.locator("main")).to_contain_text("Жұмабаев Ерлан")
    mate.locator("button[name=send]").click()
    code = last_sms(TEAMMATE_PHONE, r"\b\d{6}\b")
    mate.fill("#id_code-code", code)
    mate.locator("button[name=confirm]").click()
    mate.wait_for_url(f"{url}/applications/{application.pk}/me/")
    # Their own IIN, village (district, then the name) and their own consent.
    mate.fill("#id_member-iin", iin_for(date(2003, 9, 1)))
    mate.locator("#id_member-village_district").select_option(
        str(District.objects.get(kato_code="473600000").pk)
    )
    mate.fill("#id_member-village", beineu)
    mate.check("#id_member-consent")
    assert mate.evaluate("document.documentElement.scrollWidth") <= 360
    mate.locator("main form button[type=submit].btn-primary").click()
    expect(mate.get_by_test_id("member-state")).to_contain_text("Расталды")

    # The lead sees the confirmation and submits.
    lead.goto(edit_url)
    expect(lead.get_by_test_id("teammate-state")).to_contain_text("Расталды")
    for name in ("rules", "accuracy", "no_ties"):
        lead.check(f"#id_declare-{name}")
    settle_autosave(lead)
    lead.locator("button[name=submit]").click()
    lead.wait_for_url(f"{url}/applications/{application.pk}/")
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    member = application.team.get(position=2)
    assert (member.full_name, member.source) == ("Серікова Аяжан", TeamMember.Source.SELF)
    assert member.consent_at and member.consent_version

    # The teammate reads the submitted application, and cannot change it.
    mate.goto(f"{url}/applications/{application.pk}/")
    expect(mate.get_by_text(application.registration_number).first).to_be_visible()
    assert mate.evaluate("document.documentElement.scrollWidth") <= 360
    lead_context.close()
    mate_context.close()
