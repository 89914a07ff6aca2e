"""Drafts and submitted teams from before teammates confirmed themselves."""

import importlib
from datetime import date, timedelta

import pytest
import time_machine

from applications.models import Application, TeamMember
from competitions.models import Settlement
from tests.applications.conftest import CLOSES
from tests.applications.helpers import application_post, iin_for, teammates_from_post, village
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

BEFORE = CLOSES - timedelta(hours=1)


def migrate_forwards():
    """The data step of the migration that made teammates confirm themselves."""
    from django.apps import apps

    module = importlib.import_module("applications.migrations.0004_team_members_confirm_themselves")
    module.forwards(apps, None)


def test_teammates_typed_into_an_old_draft_become_invitations_not_sent(draft):
    """The lead's typed rows are kept as invitations; the lead sends each its link."""
    data = application_post(
        [
            {"iin": iin_for(date(2004, 4, 4)), "full_name": "Асқар", "phone": "8 701 555 44 33"},
            {"iin": iin_for(date(2004, 4, 5)), "full_name": "Ләззат", "phone": "+77015554434"},
            {"iin": "", "full_name": "", "phone": ""},  # a blank row
        ]
    )
    draft.draft_data = {key: [value] for key, value in data.items()}
    draft.save()
    migrate_forwards()
    teammates = list(draft.teammates.order_by("pk"))
    assert [(t.full_name, t.phone) for t in teammates] == [
        ("Асқар", "+77015554433"),
        ("Ләззат", "+77015554434"),
    ]
    assert not any(t.is_confirmed or t.token_digest or t.iin for t in teammates)


def test_submitted_members_stay_valid_as_entered_by_the_lead(competition):
    application = ApplicationFactory(competition=competition, status=Application.Status.SUBMITTED)
    for position in (1, 2):
        iin = iin_for(date(2000, 1, position))
        TeamMember.objects.create(
            application=application,
            position=position,
            full_name=f"Мүше {position}",
            iin=iin,
            birth_date=date(2000, 1, position),
            phone="+77011234567",
            village=village(),
            role="Мүше",
        )
    migrate_forwards()
    assert list(application.team.order_by("position").values_list("source", flat=True)) == [
        TeamMember.Source.LEAD,
        TeamMember.Source.LEAD_TYPED,
    ]
    assert not application.teammates.exists()


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
    }
    teammates_from_post(draft, data)
    client.force_login(draft.applicant)
    response = client.post(f"/applications/{draft.pk}/edit/", data | {"submit": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    draft.refresh_from_db()
    assert draft.village == mangystau
    assert zhanaozen.district_id != mangystau.district_id


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
    teammates_from_post(draft, data)
    response = client.post(f"/applications/{draft.pk}/edit/", data | {"submit": "1"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.village == place
