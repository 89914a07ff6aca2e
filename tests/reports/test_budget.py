"""Budget execution: plan, spent, remaining, overspending and the 10 % rule."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from mentoring.models import Disbursement
from projects.models import BudgetLine, ProjectExpense
from projects.services import expense_record
from reports.budget import budget_execution, small_grant_paid_by_month, small_grant_paid_kzt
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    CompetitionFactory,
    GranteeProjectFactory,
    GrantProjectFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(db):
    project = GrantProjectFactory()
    activity = ActivityFactory(project=project)
    BudgetLineFactory(project=project, position=1, quantity=5, unit_cost_kzt=180_000)
    BudgetLineFactory(
        project=project,
        position=2,
        section=BudgetLine.Section.MATERIAL_TECHNICAL,
        quantity=1,
        unit_cost_kzt=50_000,
    )
    BudgetLineFactory(
        project=project,
        position=3,
        section=BudgetLine.Section.DIRECT,
        activity=activity,
        quantity=Decimal("0.5"),
        unit_cost_kzt=140_000,
        includes_grantee_spending=True,
    )
    return project


def spend(project, position, amount, staff, day=date(2025, 6, 30)):
    line = BudgetLine.objects.get(project=project, position=position)
    return expense_record(
        line=line, spent_on=day, amount_kzt=amount, document_number=f"D-{amount}", entered_by=staff
    )


def test_plan_actual_and_remaining_per_line_section_and_total(project, staff):
    spend(project, 1, 180_000, staff)
    spend(project, 1, 180_000, staff, date(2025, 7, 31))
    spend(project, 3, 80_000, staff, date(2025, 7, 5))
    execution = budget_execution(project)
    assert execution.plan_kzt == 900_000 + 50_000 + 70_000
    assert execution.actual_kzt == 440_000
    assert execution.remaining_kzt == 580_000
    lines = {item.line.position: item for item in execution.lines}
    assert (lines[1].actual_kzt, lines[1].remaining_kzt) == (360_000, 540_000)
    sections = {section.section: section for section in execution.sections}
    assert sections[BudgetLine.Section.DIRECT].actual_kzt == 80_000
    assert [item.line.position for item in execution.overspent_lines] == [3]
    assert execution.spent_by_month == [
        (date(2025, 6, 1), 180_000),
        (date(2025, 7, 1), 440_000),
    ]


def test_the_ten_percent_rule_is_broken_on_this_fixture(project, client, staff, monkeypatch):
    # 50 000 of 1 020 000 is within 10 %; a second material-technical line breaks it.
    assert budget_execution(project).budget.support_within_limit
    BudgetLineFactory(
        project=project,
        position=4,
        section=BudgetLine.Section.INSTITUTIONAL,
        quantity=1,
        unit_cost_kzt=60_000,
    )
    budget = budget_execution(project).budget
    assert budget.support_kzt == 110_000
    assert not budget.support_within_limit
    client.force_login(staff)
    page = client.get(f"/projects/{project.slug}/reports/budget/").content.decode()
    assert 'data-testid="support-breach"' in page


def pay(grantee, amount, status, recorded_by, decided_by=None, day=date(2025, 8, 4)):
    return Disbursement.objects.create(
        project=grantee,
        paid_on=day,
        amount_kzt=amount,
        document_number=f"ПП-{amount}",
        recorded_by=recorded_by,
        status=status,
        decided_by=decided_by,
    )


def test_grantee_spending_rolls_up_into_the_small_grant_line(project, staff):
    director = UserFactory(email="director@example.kz")
    call = CompetitionFactory(project=project)
    other_call = CompetitionFactory(project=GrantProjectFactory())
    first, second = (GranteeProjectFactory(application__competition=call) for _ in range(2))
    elsewhere = GranteeProjectFactory(application__competition=other_call)
    approved = Disbursement.Status.APPROVED
    pay(first, 700_000, approved, staff, director)
    pay(second, 300_000, approved, staff, director, day=date(2025, 9, 1))
    pay(first, 300_000, Disbursement.Status.RECORDED, staff)  # awaits the director
    pay(second, 50_000, Disbursement.Status.RETURNED, staff, director)
    pay(elsewhere, 900_000, approved, staff, director)  # another project's money

    assert small_grant_paid_kzt(project) == 1_000_000
    assert small_grant_paid_by_month(project) == {
        date(2025, 8, 1): 700_000,
        date(2025, 9, 1): 300_000,
    }
    lines = {item.line.position: item for item in budget_execution(project).lines}
    assert lines[3].actual_kzt == 1_000_000
    assert lines[1].actual_kzt == 0


def test_staff_records_an_expense_with_a_document_checked_by_content(
    client, full_demo, staff, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    line = BudgetLine.objects.get(project__slug="jastarurban", position=17)
    form = {"line": line.pk, "spent_on": "2025-09-15", "amount_kzt": 9230, "document_number": "A-1"}
    fake = SimpleUploadedFile("act.pdf", b"not really a pdf", content_type="application/pdf")
    response = client.post(
        "/projects/jastarurban/reports/budget/expenses/new/", {**form, "file": fake}
    )
    assert response.status_code == 200
    assert not ProjectExpense.objects.filter(document_number="A-1").exists()
    real = SimpleUploadedFile("act.pdf", b"%PDF-1.7 act", content_type="application/pdf")
    response = client.post(
        "/projects/jastarurban/reports/budget/expenses/new/", {**form, "file": real}
    )
    assert response.status_code == 302
    expense = ProjectExpense.objects.get(document_number="A-1")
    assert expense.entered_by == staff and expense.amount_kzt == 9230
    download = client.get(f"/projects/jastarurban/reports/budget/expenses/{expense.pk}/file/")
    assert b"".join(download.streaming_content) == b"%PDF-1.7 act"


def test_the_budget_page_reads_in_a_fixed_number_of_queries(
    client, full_demo, operator, django_assert_max_num_queries
):
    client.force_login(operator)
    with django_assert_max_num_queries(14):
        page = client.get("/projects/jastarurban/reports/budget/")
    html = page.content.decode()
    assert "11\xa0550\xa0500\xa0₸" in html
    # Every line of the budget is a row of the page, not only the total.
    lines = BudgetLine.objects.filter(project__slug="jastarurban")
    names = [escape(name) for name in lines.values_list("name", flat=True)]
    assert len(names) > 10 and all(name in html for name in names)
