"""The village picker on a phone: district first, then the village, from one cached list."""

import json
from datetime import date

import pytest
from playwright.sync_api import expect

from accounts.models import User
from applications.models import ApplicantProfile, Application
from competitions.models import District, Settlement
from competitions.places import places_version
from demo.loader import DEMO_PASSWORD
from tests.applications.helpers import iin_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

APPLICANT = "applicant@demo.jastarurban.kz"


def logged_in(browser, url: str, language: str, **options):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US", **options)
    context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", APPLICANT)
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda address: "/accounts/login/" not in address)
    return context, page


def datalist_of(page, selector: str) -> list[str]:
    return page.evaluate(
        """(selector) => {
            const input = document.querySelector(selector);
            const list = input.list;
            return list ? Array.from(list.options, (option) => option.value) : [];
        }""",
        selector,
    )


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_district_narrows_the_villages_and_the_list_is_fetched_once(
    live_server, browser, demo, language
):
    _project, call = demo
    user = User.objects.get(email=APPLICANT)
    draft = Application.objects.create(competition=call, applicant=user)
    url = live_server.url
    context, page = logged_in(browser, url, language)
    fetched = []
    page.on(
        "response",
        lambda response: fetched.append(response) if "/places.json" in response.url else None,
    )
    page.goto(f"{url}/applications/{draft.pk}/edit/")
    mangystau = District.objects.get(kato_code="474600000")

    # Keyboard: the district select, then Tab to the village box.
    district = page.locator("#id_main-village_district")
    district.focus()
    district.select_option(str(mangystau.pk))
    page.keyboard.press("Tab")
    village = page.locator("#id_main-village")
    expect(village).to_be_focused()
    expect(village).to_have_attribute("list", f"places-list-{mangystau.pk}")
    names = datalist_of(page, "#id_main-village")
    assert "Қызылсай (Кызылсай)" in names and "Шетпе" in names
    assert "Бейнеу" not in names  # another district's
    assert (
        len(names)
        == Settlement.objects.filter(district=mangystau, kind__in=["village", "town"]).count()
    )
    village.fill("")

    # No district chosen: the whole list; picking a line sets the district for the person.
    district.select_option("")
    main_village = page.locator("#id_main-village")
    main_village.focus()
    expect(main_village).to_have_attribute("list", "places-list-all")
    line = next(name for name in datalist_of(page, "#id_main-village") if "Бейнеу —" in name)
    main_village.fill(line)
    beineu = District.objects.get(kato_code="473600000")
    expect(page.locator("#id_main-village_district")).to_have_value(str(beineu.pk))
    expect(main_village).to_have_value("Бейнеу")

    # The same list served both steps: fetched once.
    assert len(fetched) == 1
    response = fetched[0]
    assert f"v={places_version()}" in response.url and f"lang={language}" in response.url
    assert "immutable" in response.headers["cache-control"]
    body = json.loads(response.body())
    assert len(body["districts"]) == 7
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Labels: each control is named, the two under one legend.
    assert page.locator("label[for='id_main-village_district']").count() == 1
    assert page.locator("label[for='id_main-village']").count() >= 1
    context.close()


def test_without_javascript_the_district_and_a_typed_name_are_read_back(live_server, browser, demo):
    url = live_server.url
    context, page = logged_in(browser, url, "ru", java_script_enabled=False)
    page.goto(f"{url}/applications/profile/")
    zhanaozen = District.objects.get(kato_code="471800000")
    page.locator("#id_village_district").select_option(str(zhanaozen.pk))
    page.fill("#id_village", "кызылсай")
    page.fill("#id_iin", iin_for(date(2001, 4, 12)))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{url}/applications/")
    profile = ApplicantProfile.objects.get(user__email=APPLICANT)
    assert profile.village.kato_code == "471835100"  # Қызылсай of Жаңаөзен, not Маңғыстау's
    # Shown again as district and name.
    page.goto(f"{url}/applications/profile/")
    expect(page.locator("#id_village_district")).to_have_value(str(zhanaozen.pk))
    expect(page.locator("#id_village")).to_have_value("Қызылсай (Кызылсай)")
    context.close()
