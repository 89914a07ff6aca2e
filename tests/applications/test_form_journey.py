"""The applicant's form as a villager meets it on a phone: light, forgiving, findable errors."""

import gzip
import json
from datetime import date, timedelta

import pytest
import time_machine

from applications.models import Application
from competitions.models import Settlement
from tests.applications.conftest import CLOSES
from tests.applications.helpers import application_post, iin_for, teammates_from_post

BEFORE = CLOSES - timedelta(hours=1)


def submit(client, application, data):
    teammates_from_post(application, data)
    return client.post(f"/applications/{application.pk}/edit/", data | {"submit": "1"})


def with_blank_rows(data: dict) -> dict:
    """One more teammate, activity and budget row, each left empty."""
    for prefix in ("team", "activity", "budget"):
        count = int(data[f"{prefix}-TOTAL_FORMS"])
        data |= {f"{prefix}-TOTAL_FORMS": str(count + 1)}
    return data


@time_machine.travel(BEFORE)
def test_blank_teammate_activity_and_budget_rows_are_ignored(client, draft, team):
    client.force_login(draft.applicant)
    data = with_blank_rows(application_post(team))
    data |= {"team-1-full_name": "", "team-1-village": "", "budget-2-item": "  "}
    response = submit(client, draft, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft.refresh_from_db()
    assert draft.team.count() == 2
    assert draft.activities.count() == 1
    assert draft.budget_items.count() == 2


@time_machine.travel(BEFORE)
def test_the_cap_exactly_passes_and_one_tenge_more_is_refused_naming_the_cap(client, draft, team):
    client.force_login(draft.applicant)
    over = submit(
        client, draft, application_post(team, budget=[("Орындық", "дана", "1", "1000001")])
    )
    assert over.status_code == 400
    assert "1\xa0000\xa0000\xa0₸" in over.content.decode()
    exact = submit(
        client, draft, application_post(team, budget=[("Орындық", "дана", "2", "500000")])
    )
    assert exact.status_code == 302


@time_machine.travel(BEFORE)
def test_a_refused_submit_lists_each_problem_linked_to_its_field(client, draft, team):
    client.force_login(draft.applicant)
    data = application_post(team) | {"main-title": "", "main-goal": ""}
    html = submit(client, draft, data).content.decode()
    assert 'id="error-summary"' in html
    assert "Өтінім жіберілмеді: 2 өрісті түзетіңіз." in html
    assert 'href="#id_main-title"' in html and 'href="#id_main-goal"' in html
    title_input = html[
        html.index('id="id_main-title"') - 300 : html.index('id="id_main-title"') + 300
    ]
    assert 'aria-invalid="true"' in title_input
    assert 'aria-describedby="id_main-title_error"' in title_input
    assert 'id="id_main-title_error"' in html
    assert "Балаларға ойнайтын орын жоқ" in html  # what was typed stays


@time_machine.travel(BEFORE)
def test_applying_alone_is_refused_with_the_rule_in_people_not_forms(client, draft):
    client.force_login(draft.applicant)
    html = submit(client, draft, application_post([])).content.decode()
    assert "Командада 2–3 адам болуы керек: сіз және 1–2 серіктес." in html
    assert "form" not in html[html.index('id="error-summary"') : html.index("</ul>")]


@time_machine.travel(BEFORE)
def test_the_lead_is_shown_from_the_profile_not_retyped(client, draft):
    client.force_login(draft.applicant)
    html = client.get(f"/applications/{draft.pk}/edit/").content.decode()
    assert "Сіз (команда жетекшісі)" in html
    assert draft.applicant.full_name in html
    assert "25 жаста" in html
    assert 'href="/applications/profile/?next=' in html
    # Teammates are invited by name and phone; nobody types their IIN but themselves.
    assert 'name="invite-phone"' in html and 'name="team-0-iin"' not in html


def a_full_draft(draft) -> Application:
    """Two confirmed teammates, an activity and four budget lines typed: a large form."""
    data = application_post(
        [{"iin": iin_for(date(1995 + n, 1, 1))} for n in range(2)],
        budget=[("Орындық", "дана", "4", "150000")] * 4,
    )
    teammates_from_post(draft, data)
    draft.draft_data = {key: [value] for key, value in data.items()}
    draft.save()
    return draft


@time_machine.travel(BEFORE)
def test_the_edit_page_is_light_and_compressed(client, draft, django_assert_max_num_queries):
    a_full_draft(draft)
    assert Settlement.objects.count() > 500  # the whole KATO list is loaded
    client.force_login(draft.applicant)
    with django_assert_max_num_queries(17):
        response = client.get(f"/applications/{draft.pk}/edit/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content)
    assert len(html) <= 60_000, len(html)
    assert len(response.content) <= 30_000, len(response.content)
    assert html.count(b'data-testid="teammate"') == 2
    # No village list in the page: the picker offers only the 7 districts (and "choose").
    assert html.count(b"<option") == 8  # the project's village


@time_machine.travel(BEFORE)
def test_adding_a_row_returns_a_fragment_and_saves_the_draft(client, draft):
    client.force_login(draft.applicant)
    response = client.post(
        f"/applications/{draft.pk}/rows/activity/",
        {"activity-TOTAL_FORMS": "1", "activity-0-name": "Асқар", "main-title": "Саябақ"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and len(html) < 8_000
    assert 'name="activity-1-name"' in html
    assert 'name="activity-TOTAL_FORMS" value="2"' in html and 'hx-swap-oob="true"' in html
    draft.refresh_from_db()
    assert draft.draft_data["activity-0-name"] == ["Асқар"]
    # Teammates are invited, not typed in rows.
    assert client.post(f"/applications/{draft.pk}/rows/team/", {}).status_code == 404
    assert client.post(f"/applications/{draft.pk}/rows/nothing/", {}).status_code == 404


def test_another_applicant_cannot_add_rows_to_a_draft(client, draft, other_applicant):
    before = draft.draft_data
    client.force_login(other_applicant)
    response = client.post(
        f"/applications/{draft.pk}/rows/activity/",
        {"activity-TOTAL_FORMS": "1", "activity-0-name": "Бөгде"},
    )
    assert response.status_code == 404
    assert "Бөгде" not in response.content.decode()
    draft.refresh_from_db()
    assert draft.draft_data == before


@pytest.mark.django_db
def test_the_village_list_is_one_cached_list_with_kazakh_names_first(client):
    page = client.get("/applications/profile/")  # any page naming the list
    version_url = client.get("/places.json?lang=kk")
    body = json.loads(version_url.content)
    districts = dict(body["districts"])
    cities = ["Ақтау қалалық әкімдігі", "Жаңаөзен қалалық әкімдігі"]
    assert list(districts.values())[:2] == cities  # the two cities first
    lines = [(district, name) for _pk, district, name in body["places"]]
    assert len(lines) == len(set(lines))  # a name once in its district
    beineu = next(pk for pk, name in districts.items() if name.startswith("Бейнеу"))
    janbike = [name for district, name in lines if name.startswith("Жанбике")]
    assert len(janbike) == 2 and all(", " in name for name in janbike)  # by rural district
    assert all(district == beineu for district, name in lines if name.startswith("Жанбике"))
    nowhere = ("Скважина", "Кормоцех", "ЛСП", "Большой Эмир", "15 бекет")
    assert not any(word in name for _district, name in lines for word in nowhere)
    assert ("Жетібай (Жетыбай)") in {name for _district, name in lines}
    assert "immutable" not in version_url.get("Cache-Control", "")
    from competitions.places import places_version

    cached = client.get(f"/places.json?lang=ru&v={places_version()}")
    assert "immutable" in cached["Cache-Control"] and "max-age=31536000" in cached["Cache-Control"]
    russian = json.loads(cached.content)
    assert {"Бейнеуский район", "г. Актау"} <= set(dict(russian["districts"]).values())
    assert ("Жетібай (Жетыбай)") in {name for _pk, _district, name in russian["places"]}
    assert client.get("/places.json?lang=xx").status_code == 404
    assert page.status_code in (200, 302)


@time_machine.travel(BEFORE)
def test_a_village_can_be_typed_by_its_russian_or_kazakh_name(client, draft, team):
    client.force_login(draft.applicant)
    beineu = Settlement.objects.get(name_ru="Бейнеу", kind=Settlement.Kind.VILLAGE)
    data = application_post(team) | {"main-village": "Нет такого"}
    html = submit(client, draft, data).content.decode()
    assert "Тізімде «Нет такого» деген ауыл жоқ" in html
    assert submit(client, draft, data | {"main-village": "бейнеу"}).status_code == 302
    draft.refresh_from_db()
    assert draft.village == beineu


@time_machine.travel(BEFORE)
def test_applying_alone_is_refused_in_russian_too(client, draft):
    client.force_login(draft.applicant)
    client.cookies["django_language"] = "ru"
    html = submit(client, draft, application_post([])).content.decode()
    assert "В команде должно быть 2–3 человека: вы и 1–2 партнёра по команде." in html
    assert "Заявка не отправлена" in html
