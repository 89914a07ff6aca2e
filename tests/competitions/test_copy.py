from datetime import timedelta

import pytest

from applications.models import Application
from competitions.models import Competition, District
from competitions.services import competition_copy

pytestmark = pytest.mark.django_db


def test_a_copy_keeps_the_configuration_and_starts_empty(demo, applicant):
    _project, competition = demo
    competition.faq.create(position=99, question="Сұрақ?", answer="Жауап.")
    districts = list(District.objects.filter(kind=District.Kind.DISTRICT)[:2])
    competition.eligible_districts.set(districts)
    competition.last_number = 12
    competition.save()
    Application.objects.create(competition=competition, applicant=applicant)
    before = Competition.objects.count()
    copy = competition_copy(
        competition=competition,
        slug="jastarurban-2026",
        opens_at=competition.opens_at + timedelta(days=365),
        closes_at=competition.closes_at + timedelta(days=365),
    )
    assert Competition.objects.count() == before + 1
    assert copy.title_kk == competition.title_kk and copy.title_ru == competition.title_ru
    assert (copy.max_request_kzt, copy.award_count, copy.min_age, copy.max_age) == (
        1_000_000,
        7,
        18,
        35,
    )
    assert list(copy.criteria.values_list("code", "weight", "max_score")) == list(
        competition.criteria.values_list("code", "weight", "max_score")
    )
    # The demo's FAQ and the one added here, in order.
    faq = list(copy.faq.order_by("position").values_list("position", "question"))
    assert faq == list(competition.faq.order_by("position").values_list("position", "question"))
    assert faq[-1] == (99, "Сұрақ?")
    assert set(copy.eligible_districts.all()) == set(districts)
    assert copy.last_number == 0
    assert not copy.applications.exists()
    assert competition.criteria.count() == 4  # the original keeps its own


def test_staff_copy_from_the_admin(client, demo, staff):
    _project, competition = demo
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    before = Competition.objects.count()
    response = client.post(
        "/admin/competitions/competition/",
        {"action": "copy_competition", "_selected_action": [competition.pk]},
    )
    assert response.status_code == 302
    assert Competition.objects.count() == before + 1
