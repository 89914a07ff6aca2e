"""A villager registers in Kazakh on a phone, builds a team and submits with an attachment."""

import io
import re
from datetime import date

import pytest
from django.core import mail
from PIL import Image
from playwright.sync_api import expect

from applications.models import Application
from competitions.demo.loader import load_demo
from tests.applications.helpers import iin_for, village
from tests.browser.conftest import settle_autosave


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), "green").save(buffer, "PNG")
    return buffer.getvalue()


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_new_user_registers_builds_a_team_and_submits_from_a_phone(
    live_server, phone, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = live_server.url
    load_demo()
    url = live_server.url
    page = phone
    place = village()
    beineu = f"{place.name_kk} — {place.district.name_kk}"  # as the Kazakh dropdown shows it

    page.goto(f"{url}/accounts/register/")
    assert page.locator("html").get_attribute("lang") == "kk"
    page.fill("#id_full_name", "Жұмабаев Ерлан")
    page.fill("#id_email", "erlan@example.kz")
    page.fill("#id_phone", "+7 701 111 22 33")
    page.fill("#id_password1", "ауыл-жастары-2025")
    page.fill("#id_password2", "ауыл-жастары-2025")
    page.check("#id_consent")
    page.locator("form button[type=submit].btn-primary").click()
    page.wait_for_url(f"{url}/accounts/register/done/")
    link = re.search(r"https?://\S+/accounts/activate/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.wait_for_url(f"{url}/applications/")

    page.goto(f"{url}/applications/profile/")
    page.fill("#id_iin", iin_for(date(2001, 4, 12)))
    page.select_option("#id_village", label=beineu)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{url}/applications/")

    page.locator("form[action^='/applications/start/'] button").first.click()
    page.wait_for_url(re.compile(r"/applications/\d+/edit/$"))
    application = Application.objects.get(applicant__email="erlan@example.kz")
    edit_url = page.url

    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "site-photo.png",
                "mimeType": "image/png",
                "buffer": png_bytes(),
            }
        ],
    )
    page.locator("form[enctype] button[type=submit]").click()
    page.wait_for_url(edit_url)
    expect(page.get_by_text("site-photo.png")).to_be_visible()

    page.fill("#id_main-title", "Ауыл саябағы")
    page.select_option("#id_main-village", label=beineu)
    page.fill("#id_main-problem", "Балаларға ойнайтын орын жоқ")
    page.fill("#id_main-idea", "Ескі алаңды саябаққа айналдыру")
    page.fill("#id_main-goal", "Ауылды көріктендіру")
    page.fill("#id_main-expected_results", "Жаңа саябақ, 200 тұрғын")
    for index, (name, born) in enumerate(
        [("Жұмабаев Ерлан", date(2001, 4, 12)), ("Серікова Аяжан", date(2003, 9, 1))]
    ):
        page.fill(f"#id_team-{index}-full_name", name)
        page.fill(f"#id_team-{index}-iin", iin_for(born))
        page.fill(f"#id_team-{index}-phone", "8 701 111 22 33")
        page.select_option(f"#id_team-{index}-village", label=beineu)
        page.fill(f"#id_team-{index}-role", "Үйлестіруші")
    page.fill("#id_activity-0-name", "Алаңды тазалау")
    page.fill("#id_activity-0-starts_on", "2025-08-01")
    page.fill("#id_activity-0-ends_on", "2025-08-15")
    page.fill("#id_budget-0-item", "Орындық")
    page.fill("#id_budget-0-unit", "дана")
    page.fill("#id_budget-0-quantity", "4")
    page.fill("#id_budget-0-unit_cost_kzt", "150000")
    # The form saves itself while it is being filled.
    expect(page.locator("#save-status")).to_contain_text(re.compile(r"\d\d:\d\d:\d\d"))
    application.refresh_from_db()
    assert application.draft_data.get("main-title") == ["Ауыл саябағы"]

    for name in ("rules", "accuracy", "no_ties"):
        page.check(f"#id_declare-{name}")
    settle_autosave(page)
    page.locator("button[name=submit]").click()
    page.wait_for_url(f"{url}/applications/{application.pk}/")
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    last = application.competition.last_number
    assert application.registration_number.endswith(f"-{last:04d}")
    expect(page.get_by_text(application.registration_number).first).to_be_visible()
    assert application.attachments.count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
