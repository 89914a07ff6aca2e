"""A villager registers in Kazakh on a phone, builds a team and submits with an attachment."""

import io
import re
from datetime import date

import pytest
from django.core import mail
from django.utils import translation
from PIL import Image
from playwright.sync_api import expect

from applications.models import Application
from competitions.places import place_label
from tests.applications.helpers import confirmed_teammate, iin_for, village
from tests.browser.conftest import settle_autosave


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), "green").save(buffer, "PNG")
    return buffer.getvalue()


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


WORDS = {
    "kk": {
        "lead": "Сіз (команда жетекшісі)",
        "total": "Бюджеттің жалпы сомасы: 650\xa0000\xa0₸",
        "refusal": "Командада 2–3 адам болуы керек: сіз және 1–2 серіктес.",
        "summary": "Өтінім жіберілмеді: 1 өрісті түзетіңіз.",
    },
    "ru": {
        "lead": "Вы (руководитель команды)",
        "total": "650\xa0000\xa0₸",
        "refusal": "В команде должно быть 2–3 человека: вы и 1–2 партнёра по команде.",
        "summary": "Заявка не отправлена: исправьте 1 поле.",
    },
}


def register(
    page, url: str, language: str, full_name: str, email: str, phone: str = "+7 701 111 22 33"
) -> None:
    """A new person registers, opens the activation link from the outbox, fills the profile."""
    page.goto(f"{url}/accounts/register/")
    assert page.locator("html").get_attribute("lang") == language
    page.fill("#id_full_name", full_name)
    page.fill("#id_email", email)
    page.fill("#id_phone", phone)
    page.fill("#id_password1", "ауыл-жастары-2025")
    page.fill("#id_password2", "ауыл-жастары-2025")
    page.check("#id_consent")
    page.locator("form button[type=submit].btn-primary").click()
    page.wait_for_url(f"{url}/accounts/register/done/")
    letter = next(message for message in reversed(mail.outbox) if email in message.to)
    link = re.search(r"https?://\S+/accounts/activate/\S+/", letter.body).group(0)
    page.goto(link)
    page.wait_for_url(f"{url}/applications/")


def fill_profile(page, url: str, born: date, beineu: str) -> None:
    page.goto(f"{url}/applications/profile/")
    page.fill("#id_iin", iin_for(born))
    page.fill("#id_village", beineu)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{url}/applications/")


def fill_project(page, beineu: str) -> None:
    page.fill("#id_main-title", "Ауыл саябағы")
    page.fill("#id_main-village", beineu)
    page.fill("#id_main-problem", "Балаларға ойнайтын орын жоқ")
    page.fill("#id_main-idea", "Ескі алаңды саябаққа айналдыру")
    page.fill("#id_main-goal", "Ауылды көріктендіру")
    page.fill("#id_main-expected_results", "Жаңа саябақ, 200 тұрғын")
    page.fill("#id_activity-0-name", "Алаңды тазалау")
    page.fill("#id_activity-0-starts_on", "2025-08-01")
    page.fill("#id_activity-0-ends_on", "2025-08-15")
    page.fill("#id_budget-0-item", "Орындық")
    page.fill("#id_budget-0-unit", "дана")
    page.fill("#id_budget-0-quantity", "4")
    page.fill("#id_budget-0-unit_cost_kzt", "150000")
    for name in ("rules", "accuracy", "no_ties"):
        page.check(f"#id_declare-{name}")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_new_user_applies_with_one_teammate_from_a_phone_and_alone_is_refused(
    live_server, browser, settings, full_demo, language
):
    # The whole demo, as `make demo` loads it (restored from the run's one load).
    settings.SITE_URL = live_server.url
    url = live_server.url
    words = WORDS[language]
    with translation.override(language):
        beineu = place_label(village())  # as the village list shows it
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US")
    context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    page = context.new_page()
    page.set_default_timeout(15_000)

    # One number, one account: the demo applicant's number is taken.
    register(page, url, language, "Жұмабаев Ерлан", "erlan@example.kz", "+7 701 111 22 41")
    fill_profile(page, url, date(2001, 4, 12), beineu)
    page.locator("form[action^='/applications/start/'] button").first.click()
    page.wait_for_url(re.compile(r"/applications/\d+/edit/$"))
    application = Application.objects.get(applicant__email="erlan@example.kz")
    edit_url = page.url

    # The lead is member 1, read from the profile; only the teammate is typed.
    expect(page.get_by_text(words["lead"])).to_be_visible()
    expect(page.locator("#lead-title").locator("xpath=..")).to_contain_text("Жұмабаев Ерлан")
    page.set_input_files(
        "#id_file",
        files=[{"name": "site-photo.png", "mimeType": "image/png", "buffer": png_bytes()}],
    )
    page.locator("form[enctype] button[type=submit]").click()
    page.wait_for_url(edit_url)
    expect(page.get_by_text("site-photo.png")).to_be_visible()
    # Attachments come before the Submit button.
    files_y = page.locator("#id_file").bounding_box()["y"]
    assert files_y < page.locator("button[name=submit]").bounding_box()["y"]

    fill_project(page, beineu)
    # The teammate confirmed themselves on their own phone (tests/browser/test_team_invite.py
    # walks that); here they are set up as confirmed.
    confirmed_teammate(application, iin=iin_for(date(2003, 9, 1)), full_name="Серікова Аяжан")
    # A second budget line; the total adds itself up as it is typed.
    page.locator("button[name=add][value=budget]").click()
    expect(page.locator("#id_budget-1-item")).to_be_visible()
    page.fill("#id_budget-1-item", "Көшет")
    page.fill("#id_budget-1-unit", "дана")
    page.fill("#id_budget-1-quantity", "10")
    page.fill("#id_budget-1-unit_cost_kzt", "5000")
    expect(page.locator("#budget-total")).to_contain_text(words["total"])
    expect(page.locator("#budget-1 [data-line-total]")).to_have_text("50\xa0000\xa0₸")
    page.fill("#id_budget-1-quantity", "81")  # 1 005 000 ₸: over the 1 000 000 ₸ cap
    expect(page.locator("[data-over-cap]")).to_be_visible()
    page.fill("#id_budget-1-quantity", "10")
    expect(page.locator("[data-over-cap]")).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # A file chosen but not attached is not silently dropped by Submit.
    page.set_input_files(
        "#id_file",
        files=[{"name": "later.png", "mimeType": "image/png", "buffer": png_bytes()}],
    )
    page.locator("button[name=submit]").click()
    expect(page.locator("[data-unattached]")).to_be_visible()
    assert page.url == edit_url
    page.set_input_files("#id_file", files=[])
    settle_autosave(page)
    page.locator("button[name=submit]").click()
    page.wait_for_url(f"{url}/applications/{application.pk}/")
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.team.count() == 2 and application.budget_items.count() == 2
    assert application.team.get(position=1).full_name == "Жұмабаев Ерлан"
    assert application.team.get(position=2).village == village()
    expect(page.get_by_text(application.registration_number).first).to_be_visible()
    assert application.attachments.count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    receipt = page.request.get(f"{url}/applications/{application.pk}/receipt.pdf")
    assert receipt.ok and receipt.body().startswith(b"%PDF")

    # A second person tries to apply alone: refused in their language, the reason findable.
    context.clear_cookies()
    context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    register(page, url, language, "Омарова Дана", "dana@example.kz", "+7 701 111 22 42")
    fill_profile(page, url, date(2000, 2, 2), beineu)
    page.locator("form[action^='/applications/start/'] button").first.click()
    page.wait_for_url(re.compile(r"/applications/\d+/edit/$"))
    fill_project(page, beineu)
    settle_autosave(page)
    page.locator("button[name=submit]").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(words["summary"])
    expect(summary).to_contain_text(words["refusal"])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert Application.objects.get(applicant__email="dana@example.kz").status == "draft"
    context.close()
