from datetime import date, timedelta
from threading import Barrier, Thread

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.http import QueryDict
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.roles import Role
from applications.forms import ApplicationForms
from applications.models import Application, StatusChange
from applications.services.application import application_submit
from applications.tasks import send_submission_receipt
from competitions.models import Settlement
from tests.applications.conftest import AQTAU, CLOSES
from tests.applications.helpers import (
    application_post,
    iin_for,
    teammates_from_post,
    village,
    with_profile_of,
)
from tests.conftest import require
from tests.factories import CompetitionFactory, UserFactory

pytestmark = pytest.mark.django_db

BEFORE = CLOSES - timedelta(hours=1)


def submit(client, application, data):
    teammates_from_post(application, data)
    return client.post(f"/applications/{application.pk}/edit/", data | {"submit": "1"})


@time_machine.travel(BEFORE)
def test_a_complete_application_is_submitted_numbered_and_mailed(
    client, draft, team, django_capture_on_commit_callbacks
):
    client.force_login(draft.applicant)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, draft, application_post(team))
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED
    assert draft.registration_number == "JU-2025-0001"
    assert draft.team.count() == 2
    assert [item.total_kzt for item in draft.budget_items.all()] == [600_000, 2]
    assert StatusChange.objects.get(application=draft).to_status == "submitted"
    assert mail.outbox[0].attachments[0][0] == "JU-2025-0001.pdf"
    assert mail.outbox[0].attachments[0][1].startswith(b"%PDF")
    # Read-only from now on.
    assert client.get(f"/applications/{draft.pk}/edit/")["Location"] == f"/applications/{draft.pk}/"


@time_machine.travel(CLOSES + timedelta(seconds=1))
def test_one_second_after_the_deadline_it_is_refused_and_the_draft_stays(client, draft, team):
    client.force_login(draft.applicant)
    data = application_post(team, title="Кеш қалған өтінім")
    response = submit(client, draft, data)
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT
    assert draft.registration_number == ""
    assert draft.draft_data["main-title"] == ["Кеш қалған өтінім"]
    assert "18:00" in response.content.decode()


@time_machine.travel(BEFORE)
@pytest.mark.parametrize("size", [1, 4])
def test_a_team_of_one_or_four_is_refused(client, draft, size):
    client.force_login(draft.applicant)
    teammates = [{"iin": iin_for(date(1990 + n, 2, 2))} for n in range(size - 1)]
    response = submit(client, draft, application_post(teammates))
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT
    assert "Командада 2–3 адам болуы керек: сіз және 1–2 серіктес" in response.content.decode()


@time_machine.travel(BEFORE)
@pytest.mark.parametrize("size", [2, 3])
def test_a_team_of_two_or_three_people_with_the_lead_is_submitted(client, draft, size):
    client.force_login(draft.applicant)
    teammates = [{"iin": iin_for(date(1995 + n, 2, 2))} for n in range(size - 1)]
    assert submit(client, draft, application_post(teammates)).status_code == 302
    lead = draft.applicant.applicant_profile
    members = list(draft.team.order_by("position"))
    assert len(members) == size
    assert (members[0].position, members[0].iin, members[0].village) == (1, lead.iin, lead.village)
    assert members[0].full_name == draft.applicant.full_name


@time_machine.travel(BEFORE)
def test_a_budget_over_the_maximum_is_refused(client, draft, team):
    client.force_login(draft.applicant)
    data = application_post(team, budget=[("Құрылыс", "қызмет", "1", "1000001")])
    response = submit(client, draft, data)
    assert response.status_code == 400
    assert "1\xa0000\xa0001\xa0₸" in response.content.decode()


@time_machine.travel(BEFORE)
def test_messages_name_the_member_and_the_rule(client, draft):
    client.force_login(draft.applicant)
    town = Settlement.objects.get(kind=Settlement.Kind.TOWN, name_ru="Жанаозен")
    members = [  # the lead, from the profile, is member 1
        {"iin": iin_for(date(1989, 7, 15)), "full_name": "Берік"},  # 36 on 15.07.2025
        {"iin": iin_for(date(2001, 1, 1)), "full_name": "Гүлім", "village": town},
    ]
    html = submit(client, draft, application_post(members)).content.decode()
    with translation.override("kk"):
        who = gettext("Member %(position)s (%(name)s)")
        too_old = gettext(
            "%(who)s is %(age)s on %(day)s; the competition admits ages %(min)s–%(max)s."
        ) % {
            "who": who % {"position": 2, "name": "Берік"},
            "age": 36,
            "day": "15.07.2025",
            "min": 18,
            "max": 35,
        }
        not_rural = gettext(
            "%(who)s lives in %(place)s, which is not a village; only rural youth may apply."
        ) % {"who": who % {"position": 3, "name": "Гүлім"}, "place": town.name_kk}
    assert escape(too_old) in html
    assert escape(not_rural) in html


@time_machine.travel(BEFORE)
def test_a_member_outside_the_eligible_districts_is_refused(client, draft, competition):
    beineu = village()
    competition.eligible_districts.set([village("Шетпе").district])
    client.force_login(draft.applicant)
    # The lead lives in Beineu (their profile); the teammate in Shetpe.
    members = [{"iin": iin_for(date(2000, 2, 2)), "village": village("Шетпе")}]
    response = submit(client, draft, application_post(members))
    assert response.status_code == 400
    assert beineu.district.name_kk in response.content.decode()


@time_machine.travel(BEFORE)
def test_the_receipt_is_a_pdf_for_the_team_and_staff(client, draft, team, staff):
    client.force_login(draft.applicant)
    submit(client, draft, application_post(team))
    response = client.get(f"/applications/{draft.pk}/receipt.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "JU-2025-0001.pdf" in response["Content-Disposition"]
    client.force_login(staff)
    assert client.get(f"/applications/{draft.pk}/receipt.pdf").status_code == 200


@time_machine.travel(BEFORE)
@pytest.mark.parametrize(
    "born, age, admitted",
    [
        (date(2007, 7, 15), 18, True),  # turns 18 on the closing day
        (date(2007, 7, 16), 17, False),  # turns 18 the day after
        (date(1989, 7, 16), 35, True),  # turns 36 the day after
        (date(1989, 7, 15), 36, False),  # turns 36 on the closing day
    ],
)
def test_the_age_rule_counts_on_the_closing_day(client, draft, born, age, admitted):
    client.force_login(draft.applicant)
    member = {"iin": iin_for(born), "full_name": "Берік"}
    response = submit(client, draft, application_post([member]))
    draft.refresh_from_db()
    with translation.override("kk"):
        refusal = gettext(
            "%(who)s is %(age)s on %(day)s; the competition admits ages %(min)s–%(max)s."
        ) % {
            "who": gettext("Member %(position)s (%(name)s)") % {"position": 2, "name": "Берік"},
            "age": age,
            "day": "15.07.2025",
            "min": 18,
            "max": 35,
        }
    if admitted:
        assert response.status_code == 302
        assert draft.status == Application.Status.SUBMITTED
        assert draft.team.get(position=2).iin == member["iin"]
    else:
        assert response.status_code == 400
        assert draft.status == Application.Status.DRAFT
        assert escape(refusal) in response.content.decode()


@time_machine.travel(BEFORE)
def test_one_person_may_be_on_one_application_only(client, competition, team, with_profile):
    first = Application.objects.create(competition=competition, applicant=with_profile)
    client.force_login(with_profile)
    assert submit(client, first, application_post(team)).status_code == 302
    other = with_profile_of(UserFactory(roles=[Role.APPLICANT]), date(1999, 9, 9))
    second = Application.objects.create(competition=competition, applicant=other)
    client.force_login(other)
    response = submit(client, second, application_post([team[0]]))
    assert response.status_code == 400
    assert "Қатысушы 2 (Мүше 1)" in response.content.decode()  # member 2: the lead is 1


@time_machine.travel(BEFORE)
def test_html_typed_into_a_field_is_shown_escaped(client, draft, team):
    client.force_login(draft.applicant)
    submit(client, draft, application_post(team, title="<script>alert(1)</script>"))
    html = client.get(f"/applications/{draft.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.services
def test_two_simultaneous_submissions_get_distinct_consecutive_numbers(monkeypatch):
    # SQLite serialises writers by locking whole tables; the row lock is PostgreSQL's.
    require(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL)")
    # Receipts are not under test here, and Celery's eager mode keeps a process-wide
    # flag that two threads running tasks at once can leave set.
    monkeypatch.setattr(send_submission_receipt, "delay", lambda application_id: None)

    competition = CompetitionFactory()  # open now, closes in 30 days
    drafts = []
    for _ in range(2):
        user = with_profile_of(UserFactory(roles=[Role.APPLICANT]), date(1994, 3, 1))
        drafts.append(Application.objects.create(competition=competition, applicant=user))
    for n, draft in enumerate(drafts):
        teammates_from_post(draft, application_post([{"iin": iin_for(date(1996, 3, n + 1))}]))
    barrier = Barrier(2)
    errors = []

    def run(application, members):
        try:
            query = QueryDict(mutable=True)
            for key, value in application_post(members).items():
                query[key] = value
            forms = ApplicationForms(competition, application, query)
            assert forms.is_valid(), [f.errors for f in forms.all]
            barrier.wait()
            application_submit(application=application, forms=forms, by=application.applicant)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [
        Thread(
            target=run,
            args=(
                drafts[n],
                [{"iin": iin_for(date(1996, 3, n + 1))}],
            ),
        )
        for n in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    numbers = sorted(Application.objects.values_list("registration_number", flat=True))
    year = competition.opens_at.astimezone(AQTAU).year
    assert numbers == [f"JU-{year}-0001", f"JU-{year}-0002"]
