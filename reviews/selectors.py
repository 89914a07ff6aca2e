from dataclasses import dataclass

from applications.models import Application, TeamMember
from competitions.models import Competition
from reviews.models import CommissionMember


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
