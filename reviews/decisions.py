"""Turning the ranking into awards, and making the results public."""

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import Position, Role
from applications.models import BudgetItem
from competitions.models import Competition
from jastarurban.money import format_tenge
from jastarurban.workflow import Step, TransitionRefused, Workflow
from reviews.models import AuditEvent, AwardDecision, AwardDecisionStep, Decision
from reviews.selectors import competition_ranking, open_flags


def _awards_changed(competition: Competition) -> None:
    """Tells the apps built on the awards (settings.AWARD_HOOKS), without importing them."""
    for path in settings.AWARD_HOOKS:
        import_string(path)(competition)


class DecisionRefused(TransitionRefused):
    """The award decision cannot take this step; one message per reason."""

    @property
    def problems(self) -> list[str]:
        return self.messages


Status = AwardDecision.Status


def may_propose(user, competition: Competition) -> bool:
    """The chair proposes; a commission without a chair leaves it to GAMO staff."""
    chair = competition.commission.filter(is_chair=True).first()
    if chair is not None:
        return chair.expert_id == user.pk
    return user.has_role(Role.STAFF)


def may_review(user, award: AwardDecision | None) -> bool:
    """The director approves or returns a proposal they did not make."""
    return (
        award is not None
        and award.status == Status.PROPOSED
        and user.has_position(Position.DIRECTOR)
        and award.proposed_by_id != user.pk
    )


def _proposer(user, award: AwardDecision) -> bool:
    return may_propose(user, award.competition)


def _director(user, award: AwardDecision) -> bool:
    # Two reasons, each said as it is: four eyes first, then the position.
    if award.proposed_by_id == user.pk:
        raise DecisionRefused(_("Whoever proposed the decision cannot approve or return it."))
    return user.has_position(Position.DIRECTOR)


def _log(award, source, target, by, reason, at) -> None:
    AwardDecisionStep.objects.create(
        decision=award, from_status=source, to_status=target, by=by, at=at, reason=reason
    )


PROPOSES = gettext_lazy(
    "The commission's chair proposes the decision (GAMO staff if it has no chair)."
)
APPROVES = gettext_lazy("Only the director approves or returns the decision.")

# The award decision's steps and who takes each: the chair (or staff, when the
# commission has none) proposes, the director approves or returns, never the same person.
AWARD_FLOW = Workflow(
    [
        Step("", Status.PROPOSED, _proposer, PROPOSES),
        Step(Status.PROPOSED, Status.PROPOSED, _proposer, PROPOSES),
        Step(Status.RETURNED, Status.PROPOSED, _proposer, PROPOSES),
        Step(Status.APPROVED, Status.PROPOSED, _proposer, PROPOSES),
        Step(Status.PROPOSED, Status.APPROVED, _director, APPROVES),
        Step(Status.PROPOSED, Status.RETURNED, _director, APPROVES),
    ],
    log=_log,
    refused=DecisionRefused,
)


def _open_flags_problem(competition: Competition) -> list[str]:
    flags = open_flags(competition)
    if not flags:
        return []
    listed = "; ".join(
        f"{flag.application.registration_number} — {flag.member.expert.full_name}" for flag in flags
    )
    return [
        _("Resolve the open conflict flags first (%(count)s): %(flags)s.")
        % {"count": len(flags), "flags": listed}
    ]


def requested_amounts(application_ids) -> dict[int, int]:
    """Each application's requested grant: the sum of its budget, in the database."""
    return dict(
        BudgetItem.objects.filter(application_id__in=list(application_ids))
        .values("application_id")
        .annotate(total=Sum("total_kzt"))
        .values_list("application_id", "total")
    )


def _checked(competition: Competition, winners: list[int], reason: str):
    """The ranking, each winner's award and what is wrong with the choice."""
    rows = competition_ranking(competition)
    ranked = [row for row in rows if row.result.rank]
    by_id = {row.application.pk: row for row in rows}
    problems = _open_flags_problem(competition)
    if len(set(winners)) != len(winners):
        problems.append(_("An application is chosen twice."))
    if len(winners) > competition.award_count:
        problems.append(
            _("At most %(count)s awards may be given.") % {"count": competition.award_count}
        )
    unranked = [pk for pk in winners if pk not in by_id or not by_id[pk].result.rank]
    if unranked:
        problems.append(_("Only ranked applications can be awarded."))
    # Each winner is awarded what its application requests (its budget; submission kept
    # it within the competition's maximum); together they must fit the fund.
    requested = requested_amounts(winners)
    amounts = {pk: requested.get(pk) or 0 for pk in winners}
    if any(amount <= 0 for amount in amounts.values()):
        problems.append(_("A winner's application requests no amount."))
    if sum(amounts.values()) > competition.award_fund_kzt:
        problems.append(
            _("The awards come to %(total)s, more than the competition's fund of %(fund)s.")
            % {
                "total": format_tenge(sum(amounts.values())),
                "fund": format_tenge(competition.award_fund_kzt),
            }
        )
    in_order = {row.application.pk for row in ranked[: len(winners)]}
    cut_in_tie = (
        bool(winners)
        and len(winners) < len(ranked)
        and ranked[len(winners) - 1].result.tied_with_next
    )
    if (set(winners) != in_order or cut_in_tie) and not reason.strip():
        problems.append(
            _("The winners differ from the rank order or the cut falls in a tie: give the reason.")
        )
    return rows, amounts, problems


@transaction.atomic
def decision_propose(
    *, competition: Competition, winners: list[int], reason: str, by, now=None
) -> AwardDecision:
    """The chair (or staff) proposes the winners; the rest of the ranked list would be the
    reserve in order. Any departure from the rank order, and any cut through a tie no
    criterion breaks, needs a written reason. Nothing is awarded until the director approves.
    """
    competition = Competition.objects.select_for_update().get(pk=competition.pk)
    if competition.results_published_at:
        raise DecisionRefused(_("The results are published; the decision can no longer change."))
    if not may_propose(by, competition):
        raise DecisionRefused(
            [_("The commission's chair proposes the decision (GAMO staff if it has no chair).")]
        )
    _rows, amounts, problems = _checked(competition, winners, reason)
    if problems:
        raise DecisionRefused(problems)
    now = now or timezone.now()
    award = AwardDecision.objects.select_for_update().filter(competition=competition).first()
    if award is None:
        award = AwardDecision(competition=competition, status="")
    if award.status == Status.APPROVED:
        # A new proposal replaces the approved one, which stops counting at once.
        Decision.objects.filter(application__competition=competition).delete()
    award.winners = list(winners)
    award.amounts = {str(pk): amount for pk, amount in amounts.items()}
    award.reason = reason.strip()
    award.proposed_by = by
    award.proposed_at = now
    award.reviewed_by = None
    award.reviewed_at = None
    award.return_reason = ""
    AWARD_FLOW.move(award, Status.PROPOSED, by=by, reason=reason.strip(), at=now)
    AuditEvent.objects.create(
        competition=competition,
        actor=by,
        action=AuditEvent.Action.PROPOSED,
        details={"winners": sorted(winners), "reason": reason.strip()},
    )
    return award


@transaction.atomic
def decision_return(*, competition: Competition, reason: str, by, now=None) -> AwardDecision:
    """The director sends the proposal back with a reason; nothing is awarded."""
    award = AwardDecision.objects.select_for_update().filter(competition=competition).first()
    if award is None:
        raise DecisionRefused(_("No decision has been proposed."))
    if not reason.strip():
        raise DecisionRefused(_("Say why the decision is returned."))
    now = now or timezone.now()
    award.reviewed_by = by
    award.reviewed_at = now
    award.return_reason = reason.strip()
    AWARD_FLOW.move(award, Status.RETURNED, by=by, reason=reason.strip(), at=now)
    AuditEvent.objects.create(
        competition=competition,
        actor=by,
        action=AuditEvent.Action.RETURNED,
        details={"reason": reason.strip()},
    )
    return award


@transaction.atomic
def decision_approve(*, competition: Competition, by, now=None) -> list[Decision]:
    """The director approves the proposal: only now are the awards and the reserve recorded."""
    competition = Competition.objects.select_for_update().get(pk=competition.pk)
    if competition.results_published_at:
        raise DecisionRefused(_("The results are published; the decision can no longer change."))
    award = AwardDecision.objects.select_for_update().filter(competition=competition).first()
    if award is None:
        raise DecisionRefused(_("No decision has been proposed."))
    now = now or timezone.now()
    award.reviewed_by = by
    award.reviewed_at = now
    award.return_reason = ""
    # Checked again: the ranking or a flag may have changed since the proposal.
    rows, amounts, problems = _checked(competition, award.winners, award.reason)
    if problems:
        raise DecisionRefused(problems)
    AWARD_FLOW.move(award, Status.APPROVED, by=by, at=now)
    Decision.objects.filter(application__competition=competition).delete()
    decisions, reserve = [], 0
    for row in rows:
        pk = row.application.pk
        if pk in amounts:
            outcome, position = Decision.Outcome.AWARDED, None
        elif row.result.rank:
            reserve += 1
            outcome, position = Decision.Outcome.RESERVE, reserve
        else:
            outcome, position = Decision.Outcome.NOT_AWARDED, None
        decisions.append(
            Decision(
                application=row.application,
                outcome=outcome,
                rank=row.result.rank,
                reserve_position=position,
                amount_kzt=amounts.get(pk, 0),
                reason=award.reason if pk in amounts else "",
                decided_by=by,
                decided_at=now,
            )
        )
    Decision.objects.bulk_create(decisions)
    AuditEvent.objects.create(
        competition=competition,
        actor=by,
        action=AuditEvent.Action.DECIDED,
        details={
            "winners": sorted(award.winners),
            "reason": award.reason,
            "proposed_by": award.proposed_by_id,
        },
    )
    return decisions


@transaction.atomic
def results_publish(*, competition: Competition, by, now=None) -> Competition:
    competition = Competition.objects.select_for_update().get(pk=competition.pk)
    approved = AwardDecision.objects.filter(
        competition=competition, status=AwardDecision.Status.APPROVED
    ).exists()
    if (
        not approved
        or not Decision.objects.filter(
            application__competition=competition, outcome=Decision.Outcome.AWARDED
        ).exists()
    ):
        raise DecisionRefused(_("The director approves the decision before it is published."))
    if competition.results_published_at is None:
        competition.results_published_at = now or timezone.now()
        competition.save(update_fields=["results_published_at"])
        AuditEvent.objects.create(
            competition=competition, actor=by, action=AuditEvent.Action.PUBLISHED
        )
    _awards_changed(competition)
    return competition


@transaction.atomic
def award_withdraw(*, decision: Decision, reason: str, by, now=None) -> Decision | None:
    """A winner withdraws; the first team on the reserve list is offered the award.

    Returns the new winner's decision, or None when the reserve list is empty.
    """
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.outcome != Decision.Outcome.AWARDED:
        raise DecisionRefused(_("Only a winner can withdraw from the award."))
    if not reason.strip():
        raise DecisionRefused(_("Say why the winner withdraws."))
    amount = decision.amount_kzt
    decision.outcome = Decision.Outcome.WITHDRAWN
    decision.amount_kzt = 0
    decision.reason = reason.strip()
    decision.save(update_fields=["outcome", "amount_kzt", "reason"])
    competition = decision.application.competition
    successor = (
        Decision.objects.select_for_update()
        .filter(application__competition=competition, outcome=Decision.Outcome.RESERVE)
        .order_by("reserve_position")
        .first()
    )
    if successor is not None:
        successor.outcome = Decision.Outcome.AWARDED
        successor.amount_kzt = amount
        successor.reason = reason.strip()
        successor.reserve_position = None
        successor.decided_by = by
        successor.decided_at = now or timezone.now()
        successor.save()
    AuditEvent.objects.create(
        competition=competition,
        actor=by,
        action=AuditEvent.Action.WITHDRAWN,
        application_id=decision.application_id,
        details={
            "reason": reason.strip(),
            "successor": successor.application_id if successor else None,
        },
    )
    _awards_changed(competition)
    return successor
