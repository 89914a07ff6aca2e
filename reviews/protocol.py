"""The commission protocol (хаттама): a signed record, so the experts are named in it."""

from collections import defaultdict

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from competitions.models import Competition
from jastarurban.pdf import render_pdf
from reviews.models import (
    Appeal,
    AwardDecision,
    AwardDecisionStep,
    CriterionScore,
    Decision,
    Review,
)
from reviews.selectors import competition_ranking, conflict_flags

STEP_LABELS = {
    AwardDecision.Status.PROPOSED: _("proposed"),
    AwardDecision.Status.APPROVED: _("approved"),
    AwardDecision.Status.RETURNED: _("returned"),
}


def protocol_context(competition: Competition) -> dict:
    members = list(competition.commission.select_related("expert").order_by("added_at", "pk"))
    criteria = list(competition.criteria.order_by("position"))
    scores = defaultdict(dict)
    for application_id, member_id, criterion_id, score in CriterionScore.objects.filter(
        review__status=Review.Status.SUBMITTED,
        review__assignment__member__competition=competition,
    ).values_list(
        "review__assignment__application_id",
        "review__assignment__member_id",
        "criterion_id",
        "score",
    ):
        scores[(application_id, member_id)][criterion_id] = score
    decisions = {
        decision.application_id: decision
        for decision in Decision.objects.filter(application__competition=competition)
    }
    rows = []
    for row in competition_ranking(competition):
        pk = row.application.pk
        rows.append(
            {
                "row": row,
                "decision": decisions.get(pk),
                "experts": [
                    (member, [scores.get((pk, member.pk), {}).get(c.pk) for c in criteria])
                    for member in members
                ],
            }
        )
    tie_criteria = sorted(
        (c for c in criteria if c.tie_break_order), key=lambda c: c.tie_break_order
    )
    steps = list(
        AwardDecisionStep.objects.filter(decision__competition=competition).select_related("by")
    )
    for step in steps:
        step.label = STEP_LABELS.get(step.to_status, step.to_status)
    return {
        "competition": competition,
        "flags": conflict_flags(competition),
        "award_steps": steps,
        "appeals": list(
            Appeal.objects.filter(application__competition=competition).select_related(
                "application", "answered_by"
            )
        ),
        "recipient": competition.project.recipient,
        "members": members,
        "criteria": criteria,
        "tie_criteria": tie_criteria,
        "rows": rows,
        "awarded": [
            item for item in rows if item["decision"] and item["decision"].outcome == "awarded"
        ],
        "chair_reason": next((d.reason for d in decisions.values() if d.reason), ""),
        "generated_at": timezone.localtime(),
    }


def protocol_pdf(competition: Competition, language: str = "kk") -> bytes:
    with translation.override(language):
        return render_pdf("reviews/pdf/protocol.html", protocol_context(competition))
