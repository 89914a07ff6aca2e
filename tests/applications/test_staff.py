import re
from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail

from applications.models import Application, StatusChange
from applications.totals import totals_refresh
from tests.applications.conftest import CLOSES
from tests.applications.helpers import application_post, iin_for, teammates_from_post, village
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
BEFORE = CLOSES - timedelta(days=1)


@pytest.fixture
def submitted(client, draft, team):
    teammates_from_post(draft, application_post(team))
    client.force_login(draft.applicant)
    with time_machine.travel(BEFORE):
        response = client.post(
            f"/applications/{draft.pk}/edit/", application_post(team) | {"submit": "1"}
        )
    assert response.status_code == 302
    client.logout()
    draft.refresh_from_db()
    return draft


def make_submitted(competition, n: int, village_name="Бейнеу", members=2):
    from accounts.roles import Role

    place = village(village_name)
    for index in range(n):
        application = Application.objects.create(
            competition=competition,
            applicant=UserFactory(roles=[Role.APPLICANT]),
            status=Application.Status.SUBMITTED,
            title=f"Жоба {index}",
            village=place,
            registration_number=f"JU-2025-{Application.objects.count() + 100:04d}",
        )
        for position in range(members):
            application.team.create(
                position=position + 1,
                full_name=f"Мүше {position}",
                iin=iin_for(date(1995, 1, 1 + position)),
                birth_date=date(1995, 1, 1 + position),
                phone="+77011234567",
                village=place,
                role="Мүше",
            )
        application.budget_items.create(
            position=1, item="Орындық", unit="дана", quantity=2, unit_cost_kzt=100_000 * (index + 1)
        )
    # Rows written here, not by submission: the stored figures follow them as the seed's do.
    totals_refresh(competition.applications.all())


def test_the_list_filters_by_district_team_size_and_amount(client, staff, competition):
    make_submitted(competition, 3)
    make_submitted(competition, 2, village_name="Шетпе", members=3)
    client.force_login(staff)
    shetpe = village("Шетпе")
    page = client.get("/applications/staff/", {"district": shetpe.district_id}).context["page"]
    assert {a.village_id for a in page} == {shetpe.pk}
    page = client.get("/applications/staff/", {"team_size": 3}).context["page"]
    assert len(page) == 2 and all(a.team_count == 3 for a in page)
    page = client.get(
        "/applications/staff/", {"requested_min": 300_000, "requested_max": 500_000}
    ).context["page"]
    assert sorted(a.requested_total_kzt for a in page) == [400_000, 400_000]
    # Unfiltered, the page's rows still carry their team size and amount.
    page = client.get("/applications/staff/").context["page"]
    assert sorted(a.team_count for a in page) == [2, 2, 2, 3, 3]
    assert all(a.requested_total_kzt > 0 for a in page)


def test_every_box_of_the_range_filters_has_its_own_name(client, staff):
    """A label's `for` names only the first box of a "from – to" pair (axe: critical)."""
    client.force_login(staff)
    client.cookies["django_language"] = "en"
    html = client.get("/applications/staff/").content.decode()
    for name, label in [
        ("submitted_min", "Submitted from"),
        ("submitted_max", "Submitted until"),
        ("requested_min", "Requested from, ₸"),
        ("requested_max", "Requested up to, ₸"),
    ]:
        assert re.search(rf'<input[^>]*name="{name}"[^>]*aria-label="{re.escape(label)}"', html)


def test_drafts_never_reach_the_staff_list(client, staff, draft):
    client.force_login(staff)
    assert list(client.get("/applications/staff/").context["page"]) == []


@pytest.mark.parametrize("count", [5, 60])
def test_the_list_takes_constant_queries(
    client, staff, competition, count, django_assert_max_num_queries
):
    make_submitted(competition, count)
    client.force_login(staff)
    with django_assert_max_num_queries(10):
        response = client.get("/applications/staff/", {"status": "submitted"})
    html = response.content.decode()
    shown = list(response.context["page"])
    assert len(shown) == min(count, 50)
    assert all(application.title in html for application in shown)


def test_the_operator_reads_the_list_but_cannot_screen(client, operator, submitted):
    client.force_login(operator)
    assert client.get("/applications/staff/").status_code == 200
    response = client.post(f"/applications/{submitted.pk}/screen/", {"decision": "eligible"})
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED


def test_ineligible_needs_a_reason_which_the_team_reads_and_receives(
    client, staff, submitted, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    client.post(f"/applications/{submitted.pk}/screen/", {"decision": "ineligible"})
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/applications/{submitted.pk}/screen/",
            {"decision": "ineligible", "reason": "Жоба қалада өтеді"},
        )
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.INELIGIBLE
    change = StatusChange.objects.filter(application=submitted).latest("changed_at")
    assert (change.from_status, change.to_status, change.changed_by) == (
        "submitted",
        "ineligible",
        staff,
    )
    assert "Жоба қалада өтеді" in mail.outbox[-1].body
    client.force_login(submitted.applicant)
    assert "Жоба қалада өтеді" in client.get(f"/applications/{submitted.pk}/").content.decode()


def test_a_returned_application_is_corrected_and_resubmitted_with_its_number(
    client, staff, submitted, team
):
    client.force_login(staff)
    with time_machine.travel(CLOSES + timedelta(days=2)):
        client.post(
            f"/applications/{submitted.pk}/reopen/",
            {"reason": "Бюджетті түзетіңіз", "deadline": "2025-07-20T18:00"},
        )
        submitted.refresh_from_db()
        assert submitted.status == Application.Status.RETURNED
        client.force_login(submitted.applicant)
        response = client.post(
            f"/applications/{submitted.pk}/edit/",
            application_post(team, title="Түзетілген") | {"submit": "1"},
        )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED
    assert submitted.registration_number == "JU-2025-0001"
    assert submitted.title == "Түзетілген"
    assert submitted.competition.last_number == 1


def test_after_the_new_deadline_the_correction_is_refused(client, staff, submitted, team):
    client.force_login(staff)
    with time_machine.travel(CLOSES + timedelta(days=2)):
        client.post(
            f"/applications/{submitted.pk}/reopen/",
            {"reason": "Түзетіңіз", "deadline": "2025-07-20T18:00"},
        )
    client.force_login(submitted.applicant)
    with time_machine.travel(CLOSES + timedelta(days=5, hours=1)):
        response = client.post(
            f"/applications/{submitted.pk}/edit/", application_post(team) | {"submit": "1"}
        )
    assert response.status_code == 400
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.RETURNED


def test_reopening_needs_a_reason_and_a_future_deadline(client, staff, submitted):
    client.force_login(staff)
    with time_machine.travel(CLOSES + timedelta(days=2)):
        for data in (
            {"reason": "", "deadline": "2025-07-20T18:00"},
            {"reason": "Түзетіңіз", "deadline": "2025-07-01T18:00"},
            {"reason": "Түзетіңіз", "deadline": "ертең"},
        ):
            response = client.post(f"/applications/{submitted.pk}/reopen/", data, follow=True)
            assert [m.level_tag for m in response.context["messages"]] == ["error"]
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED
    assert not StatusChange.objects.filter(application=submitted, to_status="returned").exists()


def test_the_village_and_team_size_filters_keep_the_page_to_few_queries(
    client, staff, competition, django_assert_max_num_queries
):
    """The village list comes as (pk, name) pairs in one query, chosen one stays selected."""
    make_submitted(competition, 3, village_name="Шетпе", members=3)
    make_submitted(competition, 2)
    shetpe = village("Шетпе")
    client.force_login(staff)
    with django_assert_max_num_queries(10):
        response = client.get("/applications/staff/", {"village": shetpe.pk, "team_size": 3})
    assert {a.village_id for a in response.context["page"]} == {shetpe.pk}
    assert len(response.context["page"]) == 3
    assert f'<option value="{shetpe.pk}" selected>' in response.content.decode()
    assert client.get("/applications/staff/", {"village": "x"}).status_code == 200


def test_submission_stores_the_team_size_and_amount_the_staff_list_filters_on(
    client, staff, submitted
):
    """The list filters on stored figures: submission writes them with the rows they sum."""
    rows = submitted.team.count(), sum(item.total_kzt for item in submitted.budget_items.all())
    assert rows[0] >= 2 and rows[1] > 0
    assert (submitted.team_count, submitted.requested_total_kzt) == rows
    client.force_login(staff)
    found = client.get(
        "/applications/staff/",
        {"team_size": rows[0], "requested_min": rows[1], "requested_max": rows[1]},
    ).context["page"]
    assert [a.pk for a in found] == [submitted.pk]
    other = client.get("/applications/staff/", {"team_size": rows[0] + 1}).context["page"]
    assert list(other) == []
