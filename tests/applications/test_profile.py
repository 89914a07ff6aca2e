from datetime import date

import pytest

from applications.models import ApplicantProfile, Application
from tests.applications.helpers import iin_for, village
from tests.factories import CompetitionFactory

pytestmark = pytest.mark.django_db


def test_the_profile_derives_the_date_of_birth_from_the_iin(client, applicant):
    client.force_login(applicant)
    number = iin_for(date(2001, 9, 30))
    response = client.post(
        "/applications/profile/",
        {
            "full_name": "Сағынтаев Даурен",
            "phone": "8 701 555 44 33",
            "iin": number,
            "village": village().pk,
        },
    )
    assert response.status_code == 302
    profile = ApplicantProfile.objects.get(user=applicant)
    assert profile.birth_date == date(2001, 9, 30)
    applicant.refresh_from_db()
    assert applicant.phone == "+77015554433"


def test_a_bad_iin_keeps_what_was_typed(client, applicant):
    client.force_login(applicant)
    response = client.post(
        "/applications/profile/",
        {"full_name": "Сағынтаев Даурен", "phone": "+77015554433", "iin": "950315300120"},
    )
    assert response.status_code == 200
    assert "iin" in response.context["form"].errors
    assert 'value="Сағынтаев Даурен"' in response.content.decode()
    assert not ApplicantProfile.objects.exists()


def test_one_iin_belongs_to_one_account(client, with_profile, other_applicant):
    client.force_login(other_applicant)
    taken = with_profile.applicant_profile.iin
    response = client.post(
        "/applications/profile/",
        {"full_name": "Басқа", "phone": "+77015554433", "iin": taken, "village": village().pk},
    )
    assert "iin" in response.context["form"].errors


def test_applying_needs_a_profile_first(client, applicant):
    competition = CompetitionFactory()
    client.force_login(applicant)
    response = client.post(f"/applications/start/{competition.slug}/")
    assert response["Location"].startswith("/applications/profile/?next=")
    assert not Application.objects.exists()


def test_applying_twice_opens_the_same_draft(client, with_profile):
    competition = CompetitionFactory()
    client.force_login(with_profile)
    first = client.post(f"/applications/start/{competition.slug}/")["Location"]
    second = client.post(f"/applications/start/{competition.slug}/")["Location"]
    assert first == second
    assert Application.objects.count() == 1


def test_a_closed_competition_does_not_start_drafts(client, with_profile, competition):
    client.force_login(with_profile)
    client.post(f"/applications/start/{competition.slug}/")  # closed in 2025
    assert not Application.objects.exists()


def test_the_home_page_shows_each_application_as_a_tracker(client, draft):
    client.force_login(draft.applicant)
    response = client.get("/applications/")
    html = response.content.decode()
    assert 'aria-current="step"' in html
    assert f"/applications/{draft.pk}/edit/" in html
