from datetime import date
from decimal import Decimal

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from projects.models import BudgetLine, Indicator, ProjectExpense


@transaction.atomic
def expense_record(
    *,
    line: BudgetLine,
    spent_on: date,
    amount_kzt: int,
    document_number: str,
    entered_by: User,
    file: File | None = None,
    note: str = "",
) -> ProjectExpense:
    """Books money spent against a budget line; the file was checked by content before."""
    expense = ProjectExpense(
        line=line,
        spent_on=spent_on,
        amount_kzt=amount_kzt,
        document_number=document_number,
        note=note,
        entered_by=entered_by,
    )
    if file is not None:
        expense.file = file
    expense.full_clean(exclude=["file"])
    expense.save()
    return expense


@transaction.atomic
def indicator_value_enter(
    *, indicator: Indicator, value: Decimal, entered_by: User, evidence: File | None = None
) -> Indicator:
    """A value the portal cannot compute, with who entered it, when, and its evidence."""
    indicator.manual_value = value
    indicator.manual_entered_by = entered_by
    indicator.manual_entered_at = timezone.now()
    if evidence is not None:
        indicator.manual_evidence = evidence
    indicator.save(
        update_fields=[
            "manual_value",
            "manual_entered_by",
            "manual_entered_at",
            "manual_evidence",
        ]
    )
    return indicator
