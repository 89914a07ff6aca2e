"""The grantee project's life: award, mentor, approved budget, payments, visits, closing."""

from datetime import date

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.errors import ServiceError, refused_as_field
from accounts.models import User
from accounts.roles import Position, Role
from competitions.models import Competition
from jastarurban.images import photo_prepare
from jastarurban.money import format_tenge
from jastarurban.workflow import Step, TransitionRefused, Workflow
from mentoring.models import (
    BudgetLineChange,
    ClosingAnswer,
    Disbursement,
    DisbursementStatusChange,
    GranteeProject,
    Milestone,
    MonitoringVisit,
    Photo,
    ProjectBudgetLine,
)
from mentoring.services.agreements import agreement_require_signed
from mentoring.tasks import send_payment_notice
from mentoring.uploads import scan_prepare
from reviews.models import Decision


@transaction.atomic
def grantee_projects_sync(competition: Competition) -> list[GranteeProject]:
    """Makes every published award a grantee project, and marks withdrawn ones.

    Called when results are published and whenever an award changes hands
    afterwards (settings.AWARD_HOOKS); running it again changes nothing. A new
    project's approved budget starts as the application's budget.
    """
    if competition.results_published_at is None:
        return []
    decisions = Decision.objects.filter(
        application__competition=competition,
        outcome__in=[Decision.Outcome.AWARDED, Decision.Outcome.WITHDRAWN],
    )
    projects = []
    for decision in decisions:
        if decision.outcome == Decision.Outcome.AWARDED:
            project, _created = GranteeProject.objects.update_or_create(
                application_id=decision.application_id,
                defaults={"award_kzt": decision.amount_kzt, "status": GranteeProject.Status.ACTIVE},
            )
            if not project.budget_lines.exists():
                ProjectBudgetLine.objects.bulk_create(
                    ProjectBudgetLine(
                        project=project,
                        position=item.position,
                        item=item.item,
                        amount_kzt=item.total_kzt,
                        source_item=item,
                    )
                    for item in project.application.budget_items.all()
                )
            projects.append(project)
        else:
            GranteeProject.objects.filter(application_id=decision.application_id).update(
                status=GranteeProject.Status.WITHDRAWN
            )
    return projects


def _locked(project: GranteeProject) -> GranteeProject:
    """The project row locked, so that sums checked against the award stay true."""
    return GranteeProject.objects.select_for_update().get(pk=project.pk)


def _require_active(project: GranteeProject) -> None:
    if not project.is_active:
        raise ServiceError(_("This project is closed; nothing can be added to it."))


@transaction.atomic
def mentor_assign(*, project: GranteeProject, mentor: User | None) -> GranteeProject:
    if mentor is not None and not mentor.has_role(Role.MENTOR):
        raise ServiceError(_("%(name)s is not a mentor.") % {"name": mentor.full_name})
    project = _locked(project)
    project.mentor = mentor
    project.mentor_assigned_at = timezone.now() if mentor else None
    project.save(update_fields=["mentor", "mentor_assigned_at", "updated_at"])
    return project


@transaction.atomic
def budget_line_change(
    *, line: ProjectBudgetLine, amount_kzt: int, reason: str, by: User
) -> ProjectBudgetLine:
    """Changes an approved amount; the approved total may never exceed the award."""
    project = _locked(line.project)
    _require_active(project)
    if not reason.strip():
        raise ServiceError(_("Say why the amount changes."))
    others = (
        project.budget_lines.exclude(pk=line.pk).aggregate(total=Sum("amount_kzt"))["total"] or 0
    )
    if others + amount_kzt > project.award_kzt:
        raise ServiceError(
            _("The approved budget would be %(total)s, above the award of %(award)s.")
            % {"total": format_tenge(others + amount_kzt), "award": format_tenge(project.award_kzt)}
        )
    BudgetLineChange.objects.create(
        line=line,
        old_amount_kzt=line.amount_kzt,
        new_amount_kzt=amount_kzt,
        reason=reason.strip(),
        changed_by=by,
    )
    line.amount_kzt = amount_kzt
    line.save(update_fields=["amount_kzt"])
    return line


@transaction.atomic
def budget_line_add(
    *, project: GranteeProject, item: str, amount_kzt: int, reason: str, by: User
) -> ProjectBudgetLine:
    project = _locked(project)
    position = (
        project.budget_lines.order_by("-position").values_list("position", flat=True).first() or 0
    ) + 1
    line = ProjectBudgetLine.objects.create(
        project=project, position=position, item=item, amount_kzt=0
    )
    return budget_line_change(line=line, amount_kzt=amount_kzt, reason=reason, by=by)


def milestone_add(*, project: GranteeProject, title: str, due_on: date) -> Milestone:
    _require_active(project)
    return Milestone.objects.create(project=project, title=title, due_on=due_on)


def milestone_done(*, milestone: Milestone, done_on: date | None) -> Milestone:
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    return milestone


# Four eyes on money: who records a payment, who decides on it.
PAYMENT_RECORDERS = (Position.ACCOUNTANT, Position.COORDINATOR)
PAYMENT_APPROVERS = (Position.DIRECTOR,)


def _recorder(user: User, _payment: Disbursement) -> bool:
    return user.has_position(*PAYMENT_RECORDERS)


def _director(user: User, payment: Disbursement) -> bool:
    # Two reasons, each said as it is: four eyes first, then the position.
    if payment.recorded_by_id == user.pk:
        raise TransitionRefused(
            _("You recorded this payment: another person, the director, must approve it.")
        )
    return user.has_position(*PAYMENT_APPROVERS)


def _already(payment: Disbursement) -> str:
    return _("This payment is already %(status)s.") % {
        "status": payment.get_status_display().lower()
    }


def _log_payment(payment, source, target, by, reason, at) -> None:
    DisbursementStatusChange.objects.create(
        disbursement=payment,
        from_status=source,
        to_status=target,
        changed_by=by,
        changed_at=at,
        reason=reason,
    )


RECORDS = gettext_lazy("Only the accountant or the coordinator records payments.")
DECIDES = gettext_lazy("Only the director approves or returns payments.")
Payment = Disbursement.Status

# A payment's steps: the accountant or the coordinator records it, the director (never its
# recorder) approves or returns it, once.
DISBURSEMENT_FLOW = Workflow(
    [
        Step("", Payment.RECORDED, _recorder, RECORDS),
        Step(Payment.RECORDED, Payment.APPROVED, _director, DECIDES),
        Step(Payment.RECORDED, Payment.RETURNED, _director, DECIDES),
    ],
    log=_log_payment,
    not_a_step=_already,
)


@transaction.atomic
def disbursement_add(
    *,
    project: GranteeProject,
    paid_on: date,
    amount_kzt: int,
    document_number: str,
    document=None,
    by: User,
) -> Disbursement:
    """Records a payment to the team for the director's approval.

    Only the accountant or the coordinator records; payments approved or awaiting
    approval never add up to more than the award. The payment counts as paid only
    once the director approves it (`disbursement_approve`).
    """
    disbursement = Disbursement(
        project=project,
        paid_on=paid_on,
        amount_kzt=amount_kzt,
        document_number=document_number,
        recorded_by=by,
        status="",
    )
    # Who may record, before anything is read or locked.
    DISBURSEMENT_FLOW.check(disbursement, Payment.RECORDED, by)
    project = disbursement.project = _locked(project)
    _require_active(project)
    agreement_require_signed(project)
    paid = project.disbursements.standing().aggregate(total=Sum("amount_kzt"))["total"] or 0
    if paid + amount_kzt > project.award_kzt:
        raise ServiceError(
            _(
                "%(paid)s is paid already; with this payment it would be %(total)s, "
                "above the award of %(award)s."
            )
            % {
                "paid": format_tenge(paid),
                "total": format_tenge(paid + amount_kzt),
                "award": format_tenge(project.award_kzt),
            }
        )
    if document:
        with refused_as_field("document"):
            stored, kind = scan_prepare(document)
        disbursement.document.save(stored.name, stored, save=False)
        disbursement.document_type = kind
    DISBURSEMENT_FLOW.move(disbursement, Payment.RECORDED, by=by)
    return disbursement


def _decide(disbursement: Disbursement, *, target: str, by: User) -> Disbursement:
    """The payment locked, once the flow admits the director's step on it."""
    disbursement = Disbursement.objects.select_for_update().get(pk=disbursement.pk)
    DISBURSEMENT_FLOW.check(disbursement, target, by)
    return disbursement


@transaction.atomic
def disbursement_approve(*, disbursement: Disbursement, by: User) -> Disbursement:
    """The director approves a payment someone else recorded: from now on it counts as paid.

    Only under an agreement signed by both sides: money never leaves before it.
    """
    disbursement = _decide(disbursement, target=Payment.APPROVED, by=by)
    agreement_require_signed(disbursement.project)
    now = timezone.now()
    disbursement.decided_by = by
    disbursement.decided_at = now
    DISBURSEMENT_FLOW.move(
        disbursement, Payment.APPROVED, by=by, at=now, fields=["decided_by", "decided_at"]
    )
    transaction.on_commit(lambda: send_payment_notice.delay(disbursement.pk))
    return disbursement


@transaction.atomic
def disbursement_return(*, disbursement: Disbursement, reason: str, by: User) -> Disbursement:
    """The director sends a payment back with a reason; it never counts as paid, and the
    accountant records the corrected payment anew."""
    if not reason.strip():
        raise ServiceError(_("Say why the payment is returned."))
    disbursement = _decide(disbursement, target=Payment.RETURNED, by=by)
    now = timezone.now()
    disbursement.decided_by = by
    disbursement.decided_at = now
    disbursement.return_reason = reason.strip()
    DISBURSEMENT_FLOW.move(
        disbursement,
        Payment.RETURNED,
        by=by,
        reason=reason.strip(),
        at=now,
        fields=["decided_by", "decided_at", "return_reason"],
    )
    return disbursement


@transaction.atomic
def visit_add(
    *,
    project: GranteeProject,
    visited_on: date,
    findings: str,
    rating: int,
    photos=(),
    by: User,
) -> MonitoringVisit:
    with refused_as_field("photos"):
        prepared = [photo_prepare(photo) for photo in photos]
    visit = MonitoringVisit.objects.create(
        project=project, visited_on=visited_on, findings=findings, rating=rating, visited_by=by
    )
    for image in prepared:
        photo = Photo(visit=visit, stage=Photo.Stage.DURING)
        photo.image.save(image.name, image, save=False)
        photo.save()
    return visit


@transaction.atomic
def project_complete(
    *,
    project: GranteeProject,
    outcome: str,
    note: str,
    final_report=None,
    by: User,
) -> GranteeProject:
    """Closes the project with its outcome; the final report is a PDF or a scan."""
    project = _locked(project)
    _require_active(project)
    if final_report is None and not project.final_report:
        raise ServiceError(_("Attach the final report."))
    if final_report is not None:
        with refused_as_field("final_report"):
            stored, kind = scan_prepare(final_report)
        project.final_report.save(stored.name, stored, save=False)
        project.final_report_type = kind
    project.status = GranteeProject.Status.COMPLETED
    project.outcome = outcome
    project.outcome_note = note
    project.completed_at = timezone.now()
    project.completed_by = by
    project.save()
    return project


def closing_answer_save(
    *, project: GranteeProject, answer: str, why: str, by: User
) -> ClosingAnswer:
    if hasattr(project, "closing_answer"):
        raise ServiceError(_("Your team has already answered this question."))
    return ClosingAnswer.objects.create(project=project, answer=answer, why=why, answered_by=by)
