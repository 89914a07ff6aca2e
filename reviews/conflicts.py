"""Likely conflicts of interest found by the database: an expert and a team member who share
a surname stem or a village.

The rule (applications.surnames): a person's surname is the first word of the full name,
compared without case and without a final "а" (Kazakh and Russian surnames differ by sex:
Ахметов, Ахметова); when the stems differ (or are empty), the expert's village (from their
applicant profile) is compared with the team member's. Each team member's stem is stored
with the name (TeamMember.surname_stem, indexed): the database finds the few members whose
stem or village is one of the commission's through two indexes, and Python pairs them.
Computing the stem in SQL for each of 78 000 members at 30 000 applications was most of
the commission page's 430 ms.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, Q

from applications.models import Application, TeamMember
from applications.surnames import surname, surname_stem
from competitions.models import Competition
from reviews.models import CommissionMember

__all__ = ["CHECKED", "LikelyConflict", "likely_conflicts", "surname", "surname_stem"]

# Statuses whose teams are checked: applications that are or may still be reviewed.
CHECKED = [Application.Status.ELIGIBLE, Application.Status.SUBMITTED]


@dataclass(frozen=True)
class LikelyConflict:
    member: CommissionMember
    application: Application
    reason: str


def likely_conflicts(competition: Competition) -> list[LikelyConflict]:
    """Pairs for staff to look at, in the order the checks always gave: team members as
    the applications list them, then the commission in its order; a pair sharing both a
    surname and a village counts as "surname" only. Two queries at any size."""
    members = list(
        competition.commission.select_related("expert").annotate(
            village=F("expert__applicant_profile__village_id")
        )
    )
    by_stem: dict[str, list[CommissionMember]] = defaultdict(list)
    by_village: dict[int, list[CommissionMember]] = defaultdict(list)
    for member in members:
        # The commission is a few dozen experts: their stems are computed here, by the
        # same function that stored the team members'.
        stem = surname_stem(member.expert.full_name)
        if stem:
            by_stem[stem].append(member)
        if member.village is not None:
            by_village[member.village].append(member)
    if not by_stem and not by_village:
        return []
    team = TeamMember.objects.filter(
        Q(surname_stem__in=list(by_stem)) | Q(village_id__in=list(by_village)),
        application__competition=competition,
        application__status__in=CHECKED,
    ).select_related("application")
    position = {member.pk: index for index, member in enumerate(members)}
    found = []
    for person in team:
        same_name = {member.pk for member in by_stem.get(person.surname_stem, [])}
        pairs = [(member, "surname") for member in by_stem.get(person.surname_stem, [])] + [
            (member, "village")
            for member in by_village.get(person.village_id, [])
            if member.pk not in same_name
        ]
        pairs.sort(key=lambda pair: position[pair[0].pk])
        found.extend(LikelyConflict(member, person.application, reason) for member, reason in pairs)
    return found
