from datetime import date, datetime
from decimal import Decimal

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from competitions.models import BudgetLine, Competition, Expense, Indicator

COPIED_ALONG = ("criteria", "faq")


@transaction.atomic
def competition_copy(
    *, competition: Competition, slug: str, opens_at: datetime, closes_at: datetime
) -> Competition:
    """A new call with the same configuration, criteria and FAQ; no applications, no numbers."""
    copy = Competition.objects.get(pk=competition.pk)
    copy.pk = None
    copy.slug = slug
    copy.opens_at = opens_at
    copy.closes_at = closes_at
    copy.last_number = 0
    copy.save()
    copy.eligible_districts.set(competition.eligible_districts.all())
    for relation in COPIED_ALONG:
        for item in getattr(competition, relation).all():
            item.pk = None
            item.competition = copy
            item.save()
    return copy


@transaction.atomic
def competition_open(
    *, competition: Competition, criteria_from: Competition | None = None
) -> Competition:
    """Saves a new call of its project; with `criteria_from`, the experts' criteria and the
    FAQ of that earlier call come along (a call without criteria cannot be scored)."""
    competition.last_number = 0
    competition.save()
    if criteria_from is not None:
        for relation in COPIED_ALONG:
            for item in getattr(criteria_from, relation).all():
                item.pk = None
                item.competition = competition
                item.save()
    return competition


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
) -> Expense:
    """Books money spent against a budget line; the file was checked by content before."""
    expense = Expense(
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
