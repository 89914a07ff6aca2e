"""Annex: the register of documents, in whole tenge: what the portal records (the grant
agreements with the grantee teams, the payments to them, the receipts behind the teams'
expenses, the project's own expenses) and what staff add by hand (acts, invoices, ...).

Each group has its own subtotal and there is no grand total: a payment to a team and the
receipts the team spent it against are the same money, counted once in each group."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from mentoring.models import Disbursement, GrantAgreement, GranteeExpense, ProgressReport
from projects.models import BudgetLine, GrantProject, ProjectExpense
from reports.annexes.models import ReportDocument
from reports.annexes.period import in_period


@dataclass(frozen=True)
class DocumentRow:
    kind: str
    number: str
    dated_on: date
    amount_kzt: int | None
    line: str
    description: str


@dataclass
class DocumentGroup:
    key: str
    title: str
    rows: list[DocumentRow] = field(default_factory=list)
    # (rows, sum) of the whole group when ``rows`` holds only its first rows (the PDF's).
    whole: tuple[int, int] | None = None

    @property
    def count(self) -> int:
        return len(self.rows) if self.whole is None else self.whole[0]

    @property
    def total_kzt(self) -> int:
        if self.whole is not None:
            return self.whole[1]
        return sum(row.amount_kzt or 0 for row in self.rows)


def _read(group: DocumentGroup, queryset, amount: str, limit: int | None):
    """The group's rows to print: every one, or the first ``limit`` with the whole group's
    count and sum from the database (at 30 000 applications a group has 20 000 rows)."""
    if limit is None:
        return queryset
    figures = queryset.order_by().aggregate(rows=Count("pk"), total=Coalesce(Sum(amount), 0))
    group.whole = (figures["rows"], figures["total"])
    return queryset[:limit]


def line_label(line: BudgetLine | None) -> str:
    return f"{line.position}. {line.name}" if line else ""


def documents(
    project: GrantProject,
    start: date | None = None,
    end: date | None = None,
    *,
    limit: int | None = None,
) -> list[DocumentGroup]:
    """The register's groups, each in date order; a fixed number of queries. ``limit``:
    each group's first rows only, its count and total still over every row."""
    grantees = {"project__application__competition__project": project}
    # Payments and grants are booked on the смета's small-grant line.
    small_grant = line_label(
        BudgetLine.objects.filter(project=project, includes_grantee_spending=True)
        .order_by("position")
        .first()
    )

    # Read as tuples of the printed columns: at scale the joined applications' texts and
    # drafts (problem, idea, the form's draft) were most of what these queries loaded.
    agreements = DocumentGroup("agreements", _("Grant agreements with grantee teams"))
    agreement_kind = _("Grant agreement")
    not_signed = f" ({_('not signed yet')})"
    for number, dated_on, award, team_signed_at, gamo_signed_at, registration, title in _read(
        agreements,
        GrantAgreement.objects.filter(in_period("dated_on", start, end), **grantees)
        .order_by("dated_on", "number")
        .values_list(
            "number",
            "dated_on",
            "project__award_kzt",
            "team_signed_at",
            "gamo_signed_at",
            "project__application__registration_number",
            "project__application__title",
        ),
        "project__award_kzt",
        limit,
    ):
        signed = team_signed_at is not None and gamo_signed_at is not None
        agreements.rows.append(
            DocumentRow(
                kind=agreement_kind,
                number=number,
                dated_on=dated_on,
                amount_kzt=award,
                line=small_grant,
                description=f"{registration} · {title}" + ("" if signed else not_signed),
            )
        )

    payments = DocumentGroup("payments", _("Payments to grantee teams"))
    payment_kind = _("Payment order")
    for number, paid_on, amount, registration, title in _read(
        payments,
        Disbursement.objects.approved()
        .filter(in_period("paid_on", start, end), **grantees)
        .order_by("paid_on", "pk")
        .values_list(
            "document_number",
            "paid_on",
            "amount_kzt",
            "project__application__registration_number",
            "project__application__title",
        ),
        "amount_kzt",
        limit,
    ):
        payments.rows.append(
            DocumentRow(
                kind=payment_kind,
                number=number,
                dated_on=paid_on,
                amount_kzt=amount,
                line=small_grant,
                description=f"{registration} · {title}",
            )
        )

    receipts = DocumentGroup("receipts", _("Grantee teams' expenses with receipts"))
    receipt_kind = _("Receipt")
    for spent_on, amount, description, item, report_number, registration in _read(
        receipts,
        GranteeExpense.objects.filter(
            in_period("spent_on", start, end),
            # What GAMO has accepted: a report still being written or corrected may change.
            report__status=ProgressReport.Status.ACCEPTED,
            report__project__application__competition__project=project,
        )
        .order_by("spent_on", "pk")
        .values_list(
            "spent_on",
            "amount_kzt",
            "description",
            "line__item",  # what the line prints as (ProjectBudgetLine.__str__)
            "report__number",
            "report__project__application__registration_number",
        ),
        "amount_kzt",
        limit,
    ):
        receipts.rows.append(
            DocumentRow(
                kind=receipt_kind,
                number=f"{registration} / {report_number}",
                dated_on=spent_on,
                amount_kzt=amount,
                line=f"{registration}: {item}",
                description=description,
            )
        )

    expenses = DocumentGroup("expenses", _("The project's expenses"))
    for expense in _read(
        expenses,
        ProjectExpense.objects.filter(in_period("spent_on", start, end), line__project=project)
        .select_related("line")
        .order_by("spent_on", "pk"),
        "amount_kzt",
        limit,
    ):
        expenses.rows.append(
            DocumentRow(
                kind=_("Expense document"),
                number=expense.document_number,
                dated_on=expense.spent_on,
                amount_kzt=expense.amount_kzt,
                line=line_label(expense.line),
                description=expense.note,
            )
        )

    added = DocumentGroup("added", _("Other documents"))
    for document in _read(
        added,
        ReportDocument.objects.filter(in_period("dated_on", start, end), project=project)
        .select_related("line")
        .order_by("dated_on", "pk"),
        "amount_kzt",
        limit,
    ):
        added.rows.append(
            DocumentRow(
                kind=str(document.get_kind_display()),
                number=document.number,
                dated_on=document.dated_on,
                amount_kzt=document.amount_kzt,
                line=line_label(document.line),
                description=document.description,
            )
        )
    return [agreements, payments, receipts, expenses, added]
