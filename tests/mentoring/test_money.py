"""The team's money: payments and the approved budget never exceed the award."""

import pytest

from mentoring.models import BudgetLineChange, Disbursement

pytestmark = pytest.mark.django_db


def _pay(client, project, amount, number="ПП-1"):
    return client.post(
        f"/mentoring/projects/{project.pk}/payments/",
        {"paid_on": "2025-08-04", "amount_kzt": amount, "document_number": number},
    )


def test_the_accountant_records_payments_up_to_the_award_and_no_further(
    client, accountant, project
):
    client.force_login(accountant)
    _pay(client, project, 700_000)
    _pay(client, project, 300_000, "ПП-2")
    response = _pay(client, project, 1, "ПП-3")
    assert [d.amount_kzt for d in Disbursement.objects.order_by("pk")] == [700_000, 300_000]
    page = client.get(response["Location"]).content.decode()
    assert "1\xa0000\xa0001\xa0₸" in page


def test_a_payment_document_must_be_a_scan_or_a_pdf(client, accountant, project):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(accountant)
    client.post(
        f"/mentoring/projects/{project.pk}/payments/",
        {
            "paid_on": "2025-08-04",
            "amount_kzt": 10,
            "document_number": "1",
            "document": SimpleUploadedFile("pp.pdf", b"GIF89a"),
        },
    )
    assert not Disbursement.objects.exists()


def test_an_approved_line_changes_with_a_logged_reason_within_the_award(client, staff, project):
    client.force_login(staff)
    line = project.budget_lines.get(position=1)
    client.post(f"/mentoring/budget-lines/{line.pk}/", {"amount_kzt": 300_000, "reason": ""})
    line.refresh_from_db()
    assert line.amount_kzt == 400_000  # no reason, no change
    client.post(
        f"/mentoring/budget-lines/{line.pk}/",
        {"amount_kzt": 300_000, "reason": "Бағасы төмендеді"},
    )
    client.post(
        f"/mentoring/budget-lines/{line.pk}/",
        {"amount_kzt": 400_001, "reason": "Қымбаттады"},
    )
    line.refresh_from_db()
    assert line.amount_kzt == 300_000
    change = BudgetLineChange.objects.get()
    assert (change.old_amount_kzt, change.new_amount_kzt, change.reason, change.changed_by) == (
        400_000,
        300_000,
        "Бағасы төмендеді",
        staff,
    )


def test_a_new_line_fits_in_what_the_award_leaves(client, staff, project):
    client.force_login(staff)
    project.budget_lines.filter(position=2).update(amount_kzt=500_000)
    client.post(
        f"/mentoring/projects/{project.pk}/budget/",
        {"item": "Көшеттер", "amount_kzt": 100_001, "reason": "Қосымша"},
    )
    assert not project.budget_lines.filter(item="Көшеттер").exists()
    client.post(
        f"/mentoring/projects/{project.pk}/budget/",
        {"item": "Көшеттер", "amount_kzt": 100_000, "reason": "Қосымша"},
    )
    assert project.budget_lines.get(item="Көшеттер").amount_kzt == 100_000


def test_closing_needs_the_final_report_and_freezes_the_project(client, staff, accountant, project):
    from tests.mentoring.conftest import pdf

    client.force_login(staff)
    client.post(
        f"/mentoring/projects/{project.pk}/complete/", {"outcome": "success", "note": "Жақсы"}
    )
    project.refresh_from_db()
    assert project.status == "active"
    client.post(
        f"/mentoring/projects/{project.pk}/complete/",
        {"outcome": "partial", "note": "Жарықтандыру қалды", "final_report": pdf()},
    )
    project.refresh_from_db()
    assert (project.status, project.outcome, project.completed_by) == (
        "completed",
        "partial",
        staff,
    )
    assert client.get(f"/mentoring/projects/{project.pk}/final-report/").status_code == 200
    client.force_login(accountant)
    _pay(client, project, 10)
    assert not Disbursement.objects.exists()


def test_the_team_answers_the_closing_question_and_the_evaluation_once(client, applicant, project):
    client.force_login(applicant)
    client.post(
        f"/mentoring/projects/{project.pk}/closing/", {"answer": "yes", "why": "Саябақ бар"}
    )
    client.post(f"/mentoring/projects/{project.pk}/closing/", {"answer": "no", "why": "Өзгертем"})
    client.post(f"/mentoring/projects/{project.pk}/evaluation/", {"usefulness": 5, "comment": ""})
    project.refresh_from_db()
    assert project.closing_answer.answer == "yes"
    assert project.mentoring_evaluation.usefulness == 5
