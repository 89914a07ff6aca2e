"""Turning the ranking into awards, and making the results public."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from competitions.models import Competition
from reviews.models import AuditEvent, Decision
from reviews.selectors import competition_ranking


def _awards_changed(competition: Competition) -> None:
    """Tells the apps built on the awards (settings.AWARD_HOOKS), without importing them."""
    for path in settings.AWARD_HOOKS:
        import_string(path)(competition)


class DecisionRefused(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@transaction.atomic
def decision_confirm(*, competition: Competition, winners: list[int], reason: str, by, now=None):
    """Staff confirm the winners; the rest of the ranked list becomes the reserve in order.

    Any departure from the rank order, and any cut through a tie no criterion
    breaks (the chair's decision), needs a written reason.
    """
    competition = Competition.objects.select_for_update().get(pk=competition.pk)
    if competition.results_published_at:
        raise DecisionRefused([_("The results are published; the decision can no longer change.")])
    rows = competition_ranking(competition)
    ranked = [row for row in rows if row.result.rank]
    by_id = {row.application.pk: row for row in rows}
    problems = []
    if len(winners) > competition.award_count:
        problems.append(
            _("At most %(count)s awards may be given.") % {"count": competition.award_count}
        )
    unranked = [pk for pk in winners if pk not in by_id or not by_id[pk].result.rank]
    if unranked:
        problems.append(_("Only ranked applications can be awarded."))
    # Each winner gets the competition's grant (JastarUrban: 1 000 000 ₸); the team's
    # budget is then approved within it.
    amounts = {pk: competition.max_request_kzt for pk in winners}
    if sum(amounts.values()) > competition.award_count * competition.max_request_kzt:
        problems.append(_("The awards exceed the competition's fund."))
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
    if problems:
        raise DecisionRefused(problems)
    now = now or timezone.now()
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
                reason=reason.strip() if pk in amounts else "",
                decided_by=by,
                decided_at=now,
            )
        )
    Decision.objects.bulk_create(decisions)
    AuditEvent.objects.create(
        competition=competition,
        actor=by,
        action=AuditEvent.Action.DECIDED,
        details={"winners": sorted(winners), "reason": reason.strip()},
    )
    return decisions


@transaction.atomic
def results_publish(*, competition: Competition, by, now=None) -> Competition:
    competition = Competition.objects.select_for_update().get(pk=competition.pk)
    if not Decision.objects.filter(
        application__competition=competition, outcome=Decision.Outcome.AWARDED
    ).exists():
        raise DecisionRefused([_("Confirm the winners before publishing.")])
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
        raise DecisionRefused([_("Only a winner can withdraw from the award.")])
    if not reason.strip():
        raise DecisionRefused([_("Say why the winner withdraws.")])
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
