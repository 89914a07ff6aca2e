"""Drafts saved before the lead became member 1 stored the lead as a teammate row."""

from datetime import date, timedelta

import time_machine

from applications.models import ApplicantProfile, Application
from competitions.models import Settlement
from tests.applications.conftest import CLOSES
from tests.applications.helpers import application_post, iin_for

BEFORE = CLOSES - timedelta(hours=1)


def an_old_draft(draft: Application, team: list[dict]) -> dict:
    """The lead typed themself as the first team row, their teammate second."""
    lead = ApplicantProfile.objects.get(user=draft.applicant)
    spaced = f"{lead.iin[:6]} {lead.iin[6:]}"  # as typed, with a space
    data = application_post([{"iin": spaced, "full_name": "Мен өзім"}, *team])
    draft.draft_data = {key: [value] for key, value in data.items()}
    draft.save()
    return data


@time_machine.travel(BEFORE)
def test_an_old_draft_opens_without_the_lead_as_a_teammate(client, draft, team):
    an_old_draft(draft, team)
    client.force_login(draft.applicant)
    html = client.get(f"/applications/{draft.pk}/edit/").content.decode()
    assert "Мен өзім" not in html
    assert 'name="team-TOTAL_FORMS" value="1"' in html
    assert f'value="{team[0]["iin"]}"' in html  # the teammate moved up to row 1
    assert "бірдей ЖСН" not in html


@time_machine.travel(BEFORE)
def test_an_old_draft_is_submitted_as_it_stands(client, draft, team):
    data = an_old_draft(draft, team)
    client.force_login(draft.applicant)
    response = client.post(f"/applications/{draft.pk}/edit/", data | {"submit": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED
    members = list(draft.team.order_by("position"))
    assert [member.position for member in members] == [1, 2]
    assert members[0].full_name == draft.applicant.full_name  # from the profile
    assert members[1].iin == team[0]["iin"]


@time_machine.travel(BEFORE)
def test_only_the_leads_own_iin_is_dropped(client, draft):
    """Two teammates who share an IIN are still refused: only the lead's row goes."""
    twin = iin_for(date(2004, 4, 4))
    data = application_post([{"iin": twin}, {"iin": twin}])
    client.force_login(draft.applicant)
    response = client.post(f"/applications/{draft.pk}/edit/", data | {"submit": "1"})
    assert response.status_code == 400
    assert "Қатысушы 2 және қатысушы 3 үшін бірдей ЖСН енгізілген." in response.content.decode()


@time_machine.travel(BEFORE)
def test_a_village_chosen_by_district_and_typed_name_is_read_back_without_javascript(
    client, draft, team
):
    """No script: the district is picked from the select and the village's name typed."""
    zhanaozen = Settlement.objects.get(kato_code="471835100")  # Қызылсай of Жаңаөзен
    mangystau = Settlement.objects.get(kato_code="474635119")  # Қызылсай of Маңғыстау
    data = application_post(team) | {
        "main-village_district": str(mangystau.district_id),
        "main-village": "Кызылсай",
        "team-0-village_district": str(zhanaozen.district_id),
        "team-0-village": "қызылсай",
    }
    client.force_login(draft.applicant)
    response = client.post(f"/applications/{draft.pk}/edit/", data | {"submit": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    draft.refresh_from_db()
    assert draft.village == mangystau
    assert draft.team.get(position=2).village == zhanaozen


@time_machine.travel(BEFORE)
def test_an_older_drafts_whole_list_village_line_opens_as_district_and_name(client, draft, team):
    """Drafts saved with the one-list picker hold "Village — District" in one box."""
    place = Settlement.objects.get(kato_code="474635119")  # Қызылсай of Маңғыстау district
    data = application_post(team) | {"main-village": "Қызылсай (Кызылсай) — Маңғыстау ауданы"}
    draft.draft_data = {key: [value] for key, value in data.items()}
    draft.save()
    client.force_login(draft.applicant)
    html = client.get(f"/applications/{draft.pk}/edit/").content.decode()
    assert f'<option value="{place.district_id}" selected>' in html
    assert 'value="Қызылсай (Кызылсай)"' in html
    response = client.post(f"/applications/{draft.pk}/edit/", data | {"submit": "1"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.village == place
