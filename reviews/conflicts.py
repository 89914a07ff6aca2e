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
from typing import Any

from django.db.models import F, Q

from applications.models import Application, TeamMember
from applications.surnames import surname, surname_stem
from competitions.models import Competition
from reviews.models import CommissionMember

__all__ = [
    "CHECKED",
    "LikelyConflict",
    "commission_with_villages",
    "conflict_pairs",
    "likely_conflicts",
    "surname",
    "surname_stem",
]

# Statuses whose teams are checked: applications that are or may still be reviewed.
CHECKED = [Application.Status.ELIGIBLE, Application.Status.SUBMITTED]


@dataclass(frozen=True)
class LikelyConflict:
    member: CommissionMember
    application: Application
    reason: str


class _Commission:
    """The commission's stems and villages, and who of it a team member is flagged with
    ("surname" winning over a shared village)."""

    def __init__(self, members: list[tuple[Any, str, int | None]]):
        """members: (the member or its id, the expert's full name, the expert's village)."""
        self.by_stem: dict[str, list] = defaultdict(list)
        self.by_village: dict[int, list] = defaultdict(list)
        for member, full_name, village in members:
            # A few dozen experts: their stems are computed here, by the same function
            # that stored the team members'.
            stem = surname_stem(full_name)
            if stem:
                self.by_stem[stem].append(member)
            if village is not None:
                self.by_village[village].append(member)

    def team(self, competition: Competition):
        """The checked team members whose stem or village is one of the commission's (in
        the order the applications list them); None when nobody can match."""
        if not self.by_stem and not self.by_village:
            return None
        return TeamMember.objects.filter(
            Q(surname_stem__in=list(self.by_stem)) | Q(village_id__in=list(self.by_village)),
            application__competition=competition,
            application__status__in=CHECKED,
        )

    def pairs(self, stem: str | None, village: int) -> list[tuple[Any, str]]:
        named = self.by_stem.get(stem, []) if stem else []
        neighbours = [member for member in self.by_village.get(village, []) if member not in named]
        return [(member, "surname") for member in named] + [
            (member, "village") for member in neighbours
        ]


def commission_with_villages(competition: Competition) -> list[CommissionMember]:
    """The commission in its order, each member with its expert and the expert's village."""
    return list(
        competition.commission.select_related("expert").annotate(
            village=F("expert__applicant_profile__village_id")
        )
    )


def likely_conflicts(competition: Competition) -> list[LikelyConflict]:
    """Pairs for staff to look at, in the order the checks always gave: team members as
    the applications list them, then the commission in its order; a pair sharing both a
    surname and a village counts as "surname" only. Two queries at any size."""
    members = commission_with_villages(competition)
    commission = _Commission([(m, m.expert.full_name, m.village) for m in members])
    team = commission.team(competition)
    if team is None:
        return []
    position = {member.pk: index for index, member in enumerate(members)}
    found = []
    for person in team.select_related("application"):
        pairs = commission.pairs(person.surname_stem, person.village_id)
        pairs.sort(key=lambda pair: position[pair[0].pk])
        found.extend(LikelyConflict(member, person.application, reason) for member, reason in pairs)
    return found


def conflict_pairs(
    competition: Competition, members: list[CommissionMember]
) -> list[tuple[int, str, int, str]]:
    """likely_conflicts() as (application id, registration number, member id, reason) rows,
    without a model object and in no particular order: what a page of the flags counts and
    sorts before it loads the fifty it shows. members: commission_with_villages(). One
    query at any size."""
    commission = _Commission([(m.pk, m.expert.full_name, m.village) for m in members])
    team = commission.team(competition)
    if team is None:
        return []
    found = []
    rows = team.order_by().values_list(
        "application_id", "application__registration_number", "surname_stem", "village_id"
    )
    for application_id, number, stem, village in rows:
        found.extend(
            (application_id, number, member, reason)
            for member, reason in commission.pairs(stem, village)
        )
    return found
