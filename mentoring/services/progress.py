"""Progress reports: the team writes, adds photos and expenses, sends; staff accept or return."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.errors import ServiceError, refused_as_field
from accounts.models import User
from accounts.roles import Role
from jastarurban.images import photo_prepare
from jastarurban.money import format_tenge
from jastarurban.workflow import Step, Workflow
from mentoring.models import (
    GranteeExpense,
    GranteeProject,
    Photo,
    ProgressReport,
    ProjectBudgetLine,
    ReportStatusChange,
)
from mentoring.uploads import scan_prepare

Status = ProgressReport.Status


def _team(user, report: ProgressReport) -> bool:
    return report.project.application.applicant_id == user.pk


def _log(report, source, target, by, reason, at) -> None:
    ReportStatusChange.objects.create(
        report=report,
        from_status=source,
        to_status=target,
        changed_by=by,
        changed_at=at,
        comment=reason,
    )


class ExpenseWarning(str):
    """A line overspent: the expense is kept, the team and staff are warned."""


TEAM_SENDS = gettext_lazy("Only the team lead sends the report.")
STAFF_DECIDES = gettext_lazy("Only GAMO staff accept or return reports.")

# Who moves a report where: the team sends, staff decide.
REPORT_FLOW = Workflow(
    [
        Step(Status.DRAFT, Status.SUBMITTED, _team, TEAM_SENDS),
        Step(Status.RETURNED, Status.SUBMITTED, _team, TEAM_SENDS),
        Step(Status.SUBMITTED, Status.ACCEPTED, Role.STAFF, STAFF_DECIDES),
        Step(Status.SUBMITTED, Status.RETURNED, Role.STAFF, STAFF_DECIDES),
    ],
    log=_log,
    not_a_step=gettext_lazy("The report's present status does not allow this step."),
)


@transaction.atomic
def report_start(*, project: GranteeProject) -> ProgressReport:
    """The team's open report, or a new one: a team keeps one report open at a time."""
    project = GranteeProject.objects.select_for_update().get(pk=project.pk)
    if not project.is_active:
        raise ServiceError(_("This project is closed; nothing can be added to it."))
    open_report = project.reports.filter(status__in=[Status.DRAFT, Status.RETURNED]).first()
    if open_report:
        return open_report
    number = (project.reports.aggregate(last=Max("number"))["last"] or 0) + 1
    return ProgressReport.objects.create(project=project, number=number)


def _editable(report: ProgressReport) -> None:
    if not report.is_editable:
        raise ServiceError(_("This report has been sent; it can no longer be changed."))


def report_save(*, report: ProgressReport, done: str, video_links: str) -> ProgressReport:
    _editable(report)
    report.done = done
    report.video_links = video_links
    report.save(update_fields=["done", "video_links"])
    return report


@transaction.atomic
def photo_add(*, report: ProgressReport, image, stage: str, caption: str = "") -> Photo:
    _editable(report)
    with refused_as_field("image"):
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
) -> tuple[GranteeExpense, ExpenseWarning | None]:
    """Records an expense with its receipt.

    Refused when the project's expenses would add up to more than the award; a
    line overspent is allowed (the money may be moved later) but warned about.
    """
    _editable(report)
    project = GranteeProject.objects.select_for_update().get(pk=report.project_id)
    if line.project_id != project.pk:
        raise PermissionDenied
    spent = (
        GranteeExpense.objects.filter(report__project=project).aggregate(total=Sum("amount_kzt"))[
            "total"
        ]
        or 0
    )
    if spent + amount_kzt > project.award_kzt:
        raise ServiceError(
            _(
                "The team has spent %(spent)s; with this expense it would be %(total)s, "
                "above the award of %(award)s."
            )
            % {
                "spent": format_tenge(spent),
                "total": format_tenge(spent + amount_kzt),
                "award": format_tenge(project.award_kzt),
            },
            field="amount_kzt",
        )
    with refused_as_field("receipt"):
        stored, kind = scan_prepare(receipt)
    expense = GranteeExpense(
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


def expense_delete(*, expense: GranteeExpense) -> None:
    _editable(expense.report)
    expense.receipt.delete(save=False)
    expense.delete()


@transaction.atomic
def report_submit(*, report: ProgressReport, by: User) -> ProgressReport:
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if not report.done.strip():
        raise ServiceError(_("Write what was done before sending the report."))
    report.submitted_at = timezone.now()
    REPORT_FLOW.move(
        report, Status.SUBMITTED, by=by, at=report.submitted_at, fields=["submitted_at"]
    )
    return report


@transaction.atomic
def report_review(
    *, report: ProgressReport, accept: bool, comment: str, by: User
) -> ProgressReport:
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if not accept and not comment.strip():
        raise ServiceError(_("Say what the team must correct."))
    target = Status.ACCEPTED if accept else Status.RETURNED
    report.reviewed_at = timezone.now()
    report.reviewed_by = by
    report.staff_comment = comment
    REPORT_FLOW.move(
        report,
        target,
        by=by,
        reason=comment,
        at=report.reviewed_at,
        fields=["reviewed_at", "reviewed_by", "staff_comment"],
    )
    return report
