from dataclasses import dataclass

from applications.models import Application, TeamMember
from competitions.models import Competition
from reviews.models import CommissionMember, CriterionScore, Review
from reviews.ranking import CriterionSpec, Ranked, SubmittedReview, rank


@dataclass(frozen=True)
class LikelyConflict:
    member: CommissionMember
    application: Application
    reason: str


def surname(full_name: str) -> str:
    return full_name.split()[0].casefold() if full_name.split() else ""


def likely_conflicts(competition: Competition) -> list[LikelyConflict]:
    """Pairs for staff to look at: an expert sharing a surname or a village with a team member.

    Kazakh surnames differ by sex (Ахметов, Ахметова), so the stem without the
    final "а" is compared.
    """
    members = list(competition.commission.select_related("expert__applicant_profile", "expert"))
    team = TeamMember.objects.filter(
        application__competition=competition,
        application__status__in=[Application.Status.ELIGIBLE, Application.Status.SUBMITTED],
    ).select_related("application")
    found = []
    for person in team:
        stem = surname(person.full_name).removesuffix("а")
        for member in members:
            expert_stem = surname(member.expert.full_name).removesuffix("а")
            profile = getattr(member.expert, "applicant_profile", None)
            if stem and stem == expert_stem:
                found.append(LikelyConflict(member, person.application, "surname"))
            elif profile is not None and profile.village_id == person.village_id:
                found.append(LikelyConflict(member, person.application, "village"))
    return found


@dataclass(frozen=True)
class RankingRow:
    application: Application
    result: Ranked


def competition_ranking(competition: Competition) -> list[RankingRow]:
    """Every eligible application with its scores and place, in three queries at any size."""
    criteria = list(competition.criteria.order_by("position"))
    specs = [CriterionSpec(c.pk, c.weight, c.max_score) for c in criteria]
    applications = {
        application.pk: application
        for application in competition.applications.filter(
            status=Application.Status.ELIGIBLE
        ).select_related("village__district")
    }
    rows = CriterionScore.objects.filter(
        review__status=Review.Status.SUBMITTED,
        review__assignment__application__competition=competition,
        review__assignment__application__status=Application.Status.ELIGIBLE,
    ).values_list(
        "review_id",
        "review__assignment__application_id",
        "review__assignment__member_id",
        "criterion_id",
        "score",
    )
    grouped: dict[int, SubmittedReview] = {}
    for review_id, application_id, member_id, criterion_id, score in rows:
        review = grouped.setdefault(review_id, SubmittedReview(application_id, member_id, {}))
        review.scores[criterion_id] = score
    tie_criteria = [
        c.pk
        for c in sorted((c for c in criteria if c.tie_break_order), key=lambda c: c.tie_break_order)
    ]
    results = rank(
        list(applications),
        list(grouped.values()),
        specs,
        required_reviews=competition.required_reviews,
        by_standardised=competition.ranking_method == Competition.RankingMethod.STANDARDISED,
        tie_criteria=tie_criteria,
        awards=competition.award_count,
    )
    return [RankingRow(applications[result.application_id], result) for result in results]
