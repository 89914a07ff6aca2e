"""Four eyes on money: the accountant or the coordinator records a payment, the director
approves or returns it, nobody decides on a payment they recorded, and only approved
payments count as paid."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from mentoring import selectors
from mentoring.models import Disbursement, DisbursementStatusChange
from reports.budget import budget_execution, small_grant_paid_kzt
from tests.factories import ActivityFactory, BudgetLineFactory

pytestmark = pytest.mark.django_db


def _pay(client, project, amount=700_000, number="ПП-1"):
    return client.post(
        f"/mentoring/projects/{project.pk}/payments/",
        {"paid_on": "2025-08-04", "amount_kzt": amount, "document_number": number},
    )


def _messages(client, response) -> str:
    return client.get(response["Location"]).content.decode()


def kk(message: str) -> str:
    """A message as the page shows it: in Kazakh, HTML-escaped."""
    with translation.override("kk"):
        return escape(gettext(message))


@pytest.fixture
def recorded(client, accountant, project):
    client.force_login(accountant)
    _pay(client, project)
    client.logout()
    return Disbursement.objects.get()


def test_staff_without_a_money_position_cannot_record_a_payment(client, staff, director, project):
    for person in (staff, director):
        client.force_login(person)
        page = _messages(client, _pay(client, project))
        assert kk("Only the accountant or the coordinator records payments.") in page
    assert not Disbursement.objects.exists()


def test_the_coordinator_records_too_and_a_new_payment_awaits_approval(
    client, coordinator, project
):
    client.force_login(coordinator)
    _pay(client, project)
    payment = Disbursement.objects.get()
    assert (payment.status, payment.recorded_by, payment.decided_by) == (
        "recorded",
        coordinator,
        None,
    )
    change = DisbursementStatusChange.objects.get()
    assert (change.from_status, change.to_status, change.changed_by) == (
        "",
        "recorded",
        coordinator,
    )


def test_the_recorder_cannot_approve_their_own_payment(client, accountant, recorded):
    client.force_login(accountant)
    response = client.post(f"/mentoring/payments/{recorded.pk}/approve/")
    page = _messages(client, response)
    assert kk("You recorded this payment: another person, the director, must approve it.") in page
    recorded.refresh_from_db()
    assert recorded.status == "recorded" and recorded.decided_by is None


def test_the_database_refuses_a_payment_decided_by_its_recorder(recorded, accountant):
    with pytest.raises(IntegrityError), transaction.atomic():
        Disbursement.objects.filter(pk=recorded.pk).update(status="approved", decided_by=accountant)
    with pytest.raises(IntegrityError), transaction.atomic():
        Disbursement.objects.filter(pk=recorded.pk).update(status="approved")


def test_a_non_director_cannot_approve_or_return(client, coordinator, staff, recorded):
    for person in (coordinator, staff):
        client.force_login(person)
        page = _messages(client, client.post(f"/mentoring/payments/{recorded.pk}/approve/"))
        assert kk("Only the director approves or returns payments.") in page
        client.post(f"/mentoring/payments/{recorded.pk}/return/", {"reason": "Қате"})
    recorded.refresh_from_db()
    assert recorded.status == "recorded"


def test_the_operator_reads_the_payment_but_cannot_approve_it(client, operator, recorded):
    client.force_login(operator)
    page = client.get(f"/mentoring/projects/{recorded.project_id}/").content.decode()
    assert "ПП-1" in page and kk("Awaiting approval") in page
    assert client.post(f"/mentoring/payments/{recorded.pk}/approve/").status_code == 403
    assert (
        client.post(f"/mentoring/payments/{recorded.pk}/return/", {"reason": "x"}).status_code
        == 403
    )
    recorded.refresh_from_db()
    assert recorded.status == "recorded"


def test_strangers_cannot_approve(client, applicant, mentor, expert, recorded):
    for person in (applicant, mentor, expert):
        client.force_login(person)
        assert client.post(f"/mentoring/payments/{recorded.pk}/approve/").status_code == 403
    client.logout()
    assert client.post(f"/mentoring/payments/{recorded.pk}/approve/").status_code == 302
    recorded.refresh_from_db()
    assert recorded.status == "recorded"


def test_the_director_approves_and_the_transition_is_logged(client, director, accountant, recorded):
    client.force_login(director)
    page = client.get(f"/mentoring/projects/{recorded.project_id}/").content.decode()
    assert f"/mentoring/payments/{recorded.pk}/approve/" in page
    client.post(f"/mentoring/payments/{recorded.pk}/approve/")
    recorded.refresh_from_db()
    assert (recorded.status, recorded.decided_by) == ("approved", director)
    assert recorded.decided_at is not None
    log = list(
        DisbursementStatusChange.objects.filter(disbursement=recorded).values_list(
            "from_status", "to_status", "changed_by", "reason"
        )
    )
    assert log == [("", "recorded", accountant.pk, ""), ("recorded", "approved", director.pk, "")]
    # Decided once: a second approval or a return is refused.
    client.post(f"/mentoring/payments/{recorded.pk}/return/", {"reason": "x"})
    recorded.refresh_from_db()
    assert recorded.status == "approved" and recorded.changes.count() == 2


def test_the_director_returns_with_a_reason_and_the_award_frees_up(
    client, director, accountant, recorded, project
):
    client.force_login(director)
    client.post(f"/mentoring/payments/{recorded.pk}/return/", {"reason": ""})
    recorded.refresh_from_db()
    assert recorded.status == "recorded"
    client.post(f"/mentoring/payments/{recorded.pk}/return/", {"reason": "Шот нөмірі қате"})
    recorded.refresh_from_db()
    assert (recorded.status, recorded.decided_by, recorded.return_reason) == (
        "returned",
        director,
        "Шот нөмірі қате",
    )
    change = DisbursementStatusChange.objects.get(to_status="returned")
    assert (change.from_status, change.changed_by, change.reason) == (
        "recorded",
        director,
        "Шот нөмірі қате",
    )
    # A returned payment no longer holds its share of the award: the whole award can be
    # recorded again, while a pending one holds it.
    client.force_login(accountant)
    _pay(client, project, 1_000_000, "ПП-2")
    assert Disbursement.objects.filter(document_number="ПП-2").exists()
    _pay(client, project, 1, "ПП-3")
    assert not Disbursement.objects.filter(document_number="ПП-3").exists()


def test_an_unapproved_payment_counts_as_paid_nowhere(
    client, director, accountant, recorded, project, competition
):
    grant_project = competition.project
    BudgetLineFactory(
        project=grant_project,
        position=1,
        section="direct",
        activity=ActivityFactory(project=grant_project),
        quantity=7,
        unit_cost_kzt=1_000_000,
        includes_grantee_spending=True,
    )

    def paid_everywhere():
        overview = selectors.projects_overview(
            selectors.visible_projects(director).filter(pk=project.pk)
        ).get()
        execution = budget_execution(grant_project)
        return (
            selectors.project_budget(project).paid_kzt,
            overview.paid,
            small_grant_paid_kzt(grant_project),
            execution.actual_kzt,
            sum(amount for _month, amount in execution.spent_by_month[-1:]),
        )

    assert paid_everywhere() == (0, 0, 0, 0, 0)
    assert selectors.project_budget(project).awaiting_approval_kzt == 700_000
    client.force_login(director)
    client.post(f"/mentoring/payments/{recorded.pk}/approve/")
    assert paid_everywhere() == (700_000,) * 5
    assert recorded.paid_on == date(2025, 8, 4)


def test_the_team_sees_approved_payments_only(client, applicant, director, recorded):
    client.force_login(applicant)
    page = client.get(f"/mentoring/projects/{recorded.project_id}/").content.decode()
    assert "ПП-1" not in page
    client.force_login(director)
    client.post(f"/mentoring/payments/{recorded.pk}/approve/")
    client.force_login(applicant)
    page = client.get(f"/mentoring/projects/{recorded.project_id}/").content.decode()
    assert "ПП-1" in page


def test_the_project_page_with_payments_reads_in_a_fixed_number_of_queries(
    client, director, accountant, project, django_assert_max_num_queries
):
    client.force_login(accountant)
    for number in range(6):
        _pay(client, project, 10_000, f"ПП-{number}")
    client.force_login(director)
    with django_assert_max_num_queries(30) as captured:
        page = client.get(f"/mentoring/projects/{project.pk}/")
    assert page.content.decode().count('data-testid="payment"') == 6
    few = len(captured)
    client.force_login(accountant)
    for number in range(6, 12):
        _pay(client, project, 10_000, f"ПП-{number}")
    client.force_login(director)
    with django_assert_max_num_queries(few) as captured:
        page = client.get(f"/mentoring/projects/{project.pk}/")
    assert page.content.decode().count('data-testid="payment"') == 12


def test_the_project_list_shows_what_awaits_the_director(client, director, recorded):
    client.force_login(director)
    page = client.get("/mentoring/projects/", follow=True).content.decode()
    assert page.count('data-testid="awaiting-approval"') == 1
    client.post(f"/mentoring/payments/{recorded.pk}/approve/")
    page = client.get("/mentoring/projects/", follow=True).content.decode()
    assert 'data-testid="awaiting-approval"' not in page
    assert "700\xa0000\xa0₸" in page
