"""A payment's status changes go through DISBURSEMENT_FLOW: who may take each step, the
refusals as ServiceErrors, and one log row per step with who and why."""

from datetime import date

import pytest
from django.utils import translation

from accounts.errors import ServiceError
from jastarurban.workflow import TransitionRefused
from mentoring.models import Disbursement, DisbursementStatusChange
from mentoring.services.projects import (
    DISBURSEMENT_FLOW,
    disbursement_add,
    disbursement_approve,
    disbursement_return,
)

pytestmark = pytest.mark.django_db

Status = Disbursement.Status


@pytest.fixture(autouse=True)
def _english():
    # The refusals are read in English here; the views' tests read them in Kazakh.
    with translation.override("en"):
        yield


def _record(project, by) -> Disbursement:
    return disbursement_add(
        project=project,
        paid_on=date(2025, 8, 4),
        amount_kzt=500_000,
        document_number="ПП-7",
        by=by,
    )


def _log(payment) -> list[tuple]:
    return list(
        DisbursementStatusChange.objects.filter(disbursement=payment).values_list(
            "from_status", "to_status", "changed_by", "reason"
        )
    )


def test_the_flow_has_the_three_steps_and_no_more():
    assert set(DISBURSEMENT_FLOW.steps) == {
        ("", Status.RECORDED),
        (Status.RECORDED, Status.APPROVED),
        (Status.RECORDED, Status.RETURNED),
    }


def test_recording_is_a_step_logged_from_nothing(project, accountant):
    payment = _record(project, accountant)
    assert payment.status == Status.RECORDED
    assert _log(payment) == [("", "recorded", accountant.pk, "")]


def test_approving_is_logged_with_the_same_moment_as_the_decision(project, accountant, director):
    payment = disbursement_approve(disbursement=_record(project, accountant), by=director)
    payment.refresh_from_db()
    assert (payment.status, payment.decided_by) == (Status.APPROVED, director)
    change = payment.changes.get(to_status=Status.APPROVED)
    assert (change.from_status, change.changed_by, change.changed_at) == (
        Status.RECORDED,
        director,
        payment.decided_at,
    )


def test_returning_logs_the_reason(project, accountant, director):
    payment = disbursement_return(
        disbursement=_record(project, accountant), reason="  Шот нөмірі қате ", by=director
    )
    payment.refresh_from_db()
    assert (payment.status, payment.return_reason) == (Status.RETURNED, "Шот нөмірі қате")
    assert _log(payment)[-1] == ("recorded", "returned", director.pk, "Шот нөмірі қате")


def test_returning_without_a_reason_is_refused_and_nothing_moves(project, accountant, director):
    payment = _record(project, accountant)
    with pytest.raises(ServiceError, match="Say why"):
        disbursement_return(disbursement=payment, reason="  ", by=director)
    payment.refresh_from_db()
    assert payment.status == Status.RECORDED and len(_log(payment)) == 1


@pytest.mark.parametrize("first", [disbursement_approve, disbursement_return])
def test_a_decided_payment_refuses_another_step_naming_its_status(
    project, accountant, director, first
):
    payment = first(
        disbursement=_record(project, accountant),
        by=director,
        **({"reason": "Қате"} if first is disbursement_return else {}),
    )
    for again in (
        lambda: disbursement_approve(disbursement=payment, by=director),
        lambda: disbursement_return(disbursement=payment, reason="x", by=director),
    ):
        with pytest.raises(TransitionRefused) as refused:
            again()
        assert (
            refused.value.message
            == f"This payment is already {payment.get_status_display().lower()}."
        )
    assert len(_log(payment)) == 2


def test_the_wrong_role_is_refused_at_every_step(project, accountant, coordinator, director):
    with pytest.raises(TransitionRefused, match="Only the accountant or the coordinator"):
        _record(project, director)
    assert not Disbursement.objects.exists()
    payment = _record(project, accountant)
    with pytest.raises(TransitionRefused, match="Only the director"):
        disbursement_approve(disbursement=payment, by=coordinator)
    with pytest.raises(TransitionRefused, match="You recorded this payment"):
        disbursement_approve(disbursement=payment, by=accountant)
    payment.refresh_from_db()
    assert payment.status == Status.RECORDED and len(_log(payment)) == 1
