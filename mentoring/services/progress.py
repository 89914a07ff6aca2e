"""Progress reports: the team writes, adds photos and expenses, sends; staff accept or return."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from jastarurban.images import photo_prepare
from jastarurban.money import format_tenge
from mentoring.models import (
    Expense,
    GranteeProject,
    Photo,
    ProgressReport,
    ProjectBudgetLine,
    ReportStatusChange,
)
from mentoring.uploads import scan_prepare

Status = ProgressReport.Status

# Who moves a report where: the team sends, staff decide.
TRANSITIONS = {
    (Status.DRAFT, Status.SUBMITTED): "team",
    (Status.RETURNED, Status.SUBMITTED): "team",
    (Status.SUBMITTED, Status.ACCEPTED): "staff",
    (Status.SUBMITTED, Status.RETURNED): "staff",
}


class ExpenseWarning(str):
    """A line overspent: the expense is kept, the team and staff are warned."""


def _transition(report: ProgressReport, to: str, *, by: User, side: str, comment: str = ""):
    if TRANSITIONS.get((report.status, to)) != side:
        raise ValidationError(
            _("A report that is “%(status)s” cannot be changed like this.")
            % {"status": report.get_status_display()}
        )
    now = timezone.now()
    ReportStatusChange.objects.create(
        report=report,
        from_status=report.status,
        to_status=to,
        changed_by=by,
        changed_at=now,
        comment=comment,
    )
    report.status = to
    return now


@transaction.atomic
def report_start(*, project: GranteeProject) -> ProgressReport:
    """The team's open report, or a new one: a team keeps one report open at a time."""
    project = GranteeProject.objects.select_for_update().get(pk=project.pk)
    if not project.is_active:
        raise ValidationError(_("This project is closed; nothing can be added to it."))
    open_report = project.reports.filter(status__in=[Status.DRAFT, Status.RETURNED]).first()
    if open_report:
        return open_report
    number = (project.reports.aggregate(last=Max("number"))["last"] or 0) + 1
    return ProgressReport.objects.create(project=project, number=number)


def _editable(report: ProgressReport) -> None:
    if not report.is_editable:
        raise ValidationError(_("This report has been sent; it can no longer be changed."))


def report_save(*, report: ProgressReport, done: str, video_links: str) -> ProgressReport:
    _editable(report)
    report.done = done
    report.video_links = video_links
    report.save(update_fields=["done", "video_links"])
    return report


@transaction.atomic
def photo_add(*, report: ProgressReport, image, stage: str, caption: str = "") -> Photo:
    _editable(report)
    prepared = photo_prepare(image)
    photo = Photo(report=report, stage=stage, caption=caption)
    photo.image.save(prepared.name, prepared, save=False)
    photo.save()
    return photo


def photo_delete(*, photo: Photo) -> None:
    _editable(photo.report)
    photo.image.delete(save=False)
    photo.delete()


@transaction.atomic
def expense_add(
    *,
    report: ProgressReport,
    line: ProjectBudgetLine,
    spent_on: date,
    amount_kzt: int,
    description: str,
    receipt,
) -> tuple[Expense, ExpenseWarning | None]:
    """Records an expense with its receipt.

    Refused when the project's expenses would add up to more than the award; a
    line overspent is allowed (the money may be moved later) but warned about.
    """
    _editable(report)
    project = GranteeProject.objects.select_for_update().get(pk=report.project_id)
    if line.project_id != project.pk:
        raise PermissionDenied
    spent = (
        Expense.objects.filter(report__project=project).aggregate(total=Sum("amount_kzt"))["total"]
        or 0
    )
    if spent + amount_kzt > project.award_kzt:
        raise ValidationError(
            _(
                "The team has spent %(spent)s; with this expense it would be %(total)s, "
                "above the award of %(award)s."
            )
            % {
                "spent": format_tenge(spent),
                "total": format_tenge(spent + amount_kzt),
                "award": format_tenge(project.award_kzt),
            },
            code="above_award",
        )
    stored, kind = scan_prepare(receipt)
    expense = Expense(
        report=report,
        line=line,
        spent_on=spent_on,
        amount_kzt=amount_kzt,
        description=description,
        receipt_type=kind,
    )
    expense.receipt.save(stored.name, stored, save=False)
    expense.save()
    on_line = line.expenses.aggregate(total=Sum("amount_kzt"))["total"] or 0
    warning = None
    if on_line > line.amount_kzt:
        warning = ExpenseWarning(
            _("“%(line)s” is overspent: %(spent)s against %(approved)s approved.")
            % {
                "line": line.item,
                "spent": format_tenge(on_line),
                "approved": format_tenge(line.amount_kzt),
            }
        )
    return expense, warning


def expense_delete(*, expense: Expense) -> None:
    _editable(expense.report)
    expense.receipt.delete(save=False)
    expense.delete()


@transaction.atomic
def report_submit(*, report: ProgressReport, by: User) -> ProgressReport:
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if not report.done.strip():
        raise ValidationError(_("Write what was done before sending the report."))
    report.submitted_at = _transition(report, Status.SUBMITTED, by=by, side="team")
    report.save(update_fields=["status", "submitted_at"])
    return report


@transaction.atomic
def report_review(
    *, report: ProgressReport, accept: bool, comment: str, by: User
) -> ProgressReport:
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if not accept and not comment.strip():
        raise ValidationError(_("Say what the team must correct."))
    target = Status.ACCEPTED if accept else Status.RETURNED
    report.reviewed_at = _transition(report, target, by=by, side="staff", comment=comment)
    report.reviewed_by = by
    report.staff_comment = comment
    report.save(update_fields=["status", "reviewed_at", "reviewed_by", "staff_comment"])
    return report
