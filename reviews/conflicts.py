"""Likely conflicts of interest found by the database: an expert and a team member who share
a surname stem or a village.

The rule: a person's surname is the first word of the full name, compared without case
and without a final "а" (Kazakh and Russian surnames differ by sex: Ахметов, Ахметова);
when the stems differ (or are empty), the expert's village (from their applicant profile)
is compared with the team member's. Looping over every team member and every expert in
Python took seconds at 30 000 applications; here the database computes each stem once
per row and keeps only the team members whose stem or village is one of the commission's
(two IN-subqueries, hashed by the database), so Python pairs the few matches.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import CharField, F, Func, Q

from applications.models import Application, TeamMember
from competitions.models import Competition
from reviews.models import CommissionMember

# Statuses whose teams are checked: applications that are or may still be reviewed.
CHECKED = [Application.Status.ELIGIBLE, Application.Status.SUBMITTED]
SQLITE_FUNCTION = "ju_surname_stem"


@dataclass(frozen=True)
class LikelyConflict:
    member: CommissionMember
    application: Application
    reason: str


def surname(full_name: str) -> str:
    return full_name.split()[0].casefold() if full_name.split() else ""


def surname_stem(full_name: str | None) -> str | None:
    """The compared stem, or None when there is nothing to compare (None never matches).
    surname() without splitting the whole name twice: SQLite calls it once per team member
    (78 000 at 30 000 applications) on the commission and ranking pages."""
    words = (full_name or "").split(None, 1)
    return (words[0].casefold().removesuffix("а") or None) if words else None


class SurnameStem(Func):
    """surname_stem() in SQL. PostgreSQL: the first run of non-space characters, lower-cased
    (Unicode-aware in a UTF-8 database), final "а" dropped, '' as NULL. SQLite lower-cases
    ASCII only, so there the stem is the same Python function, registered on each connection
    (register_sqlite_functions)."""

    output_field = CharField()
    arity = 1

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template=(
                "NULLIF(regexp_replace(lower(substring(%(expressions)s from '^\\s*(\\S+)')), "
                "'а$', ''), '')"
            ),
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra)


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    """connection_created: SQLite gets the stem as a deterministic SQL function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, surname_stem, deterministic=True)


def likely_conflicts(competition: Competition) -> list[LikelyConflict]:
    """Pairs for staff to look at, in the order the checks always gave: team members as
    the applications list them, then the commission in its order; a pair sharing both a
    surname and a village counts as "surname" only. Three queries at any size."""
    members = list(
        competition.commission.select_related("expert").annotate(
            stem=SurnameStem("expert__full_name"),
            village=F("expert__applicant_profile__village_id"),
        )
    )
    if not members:
        return []
    commission = CommissionMember.objects.filter(competition=competition)
    team = (
        TeamMember.objects.filter(
            application__competition=competition, application__status__in=CHECKED
        )
        .annotate(stem=SurnameStem("full_name"))
        .filter(
            Q(
                stem__in=commission.annotate(stem=SurnameStem("expert__full_name"))
                .filter(stem__isnull=False)
                .values("stem")
            )
            | Q(
                village_id__in=commission.filter(expert__applicant_profile__isnull=False).values(
                    "expert__applicant_profile__village_id"
                )
            )
        )
        .select_related("application")
    )
    by_stem, by_village = defaultdict(list), defaultdict(list)
    for member in members:
        if member.stem:
            by_stem[member.stem].append(member)
        if member.village is not None:
            by_village[member.village].append(member)
    position = {member.pk: index for index, member in enumerate(members)}
    found = []
    for person in team:
        same_name = {member.pk for member in by_stem.get(person.stem, [])}
        pairs = [(member, "surname") for member in by_stem.get(person.stem, [])] + [
            (member, "village")
            for member in by_village.get(person.village_id, [])
            if member.pk not in same_name
        ]
        pairs.sort(key=lambda pair: position[pair[0].pk])
        found.extend(LikelyConflict(member, person.application, reason) for member, reason in pairs)
    return found
