"""Who may be on a team: the competition's rules, told member by member."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from applications.iin import age_on, parse_iin
from competitions.models import Competition, Settlement


@dataclass(frozen=True)
class Member:
    position: int
    full_name: str
    iin: str
    birth_date: date
    village: Settlement
    role: str = ""


def age_deadline(competition: Competition) -> date:
    """Ages count on the closing day, in Aktau."""
    return timezone.localdate(competition.closes_at)


@dataclass(frozen=True)
class MemberCheck:
    """One member against the competition's rules: each rule's finding, or "" if it holds."""

    member: Member
    closing_day: date
    age: int
    age_problem: str
    place_problem: str
    district_problem: str

    @property
    def problems(self) -> list[str]:
        return [p for p in (self.age_problem, self.place_problem, self.district_problem) if p]

    @property
    def is_eligible(self) -> bool:
        return not self.problems


def member_check(
    competition: Competition, member: Member, eligible_district_ids: set[int]
) -> MemberCheck:
    who = _("Member %(position)s (%(name)s)") % {
        "position": member.position,
        "name": member.full_name,
    }
    day = age_deadline(competition)
    age = age_on(member.birth_date, day)
    age_problem = place_problem = district_problem = ""
    if not competition.min_age <= age <= competition.max_age:
        age_problem = _(
            "%(who)s is %(age)s on %(day)s; the competition admits ages %(min)s–%(max)s."
        ) % {
            "who": who,
            "age": age,
            "day": formats.date_format(day, "SHORT_DATE_FORMAT"),
            "min": competition.min_age,
            "max": competition.max_age,
        }
    if competition.rural_only and not member.village.is_rural:
        place_problem = _(
            "%(who)s lives in %(place)s, which is not a village; only rural youth may apply."
        ) % {"who": who, "place": member.village.name}
    if eligible_district_ids and member.village.district_id not in eligible_district_ids:
        district_problem = _(
            "%(who)s lives in %(district)s, which this competition does not cover."
        ) % {"who": who, "district": member.village.district.name}
    return MemberCheck(member, day, age, age_problem, place_problem, district_problem)


def member_problems(
    competition: Competition, member: Member, eligible_district_ids: set[int]
) -> list[str]:
    return member_check(competition, member, eligible_district_ids).problems


def team_size_message(min_people: int, max_people: int) -> str:
    """The rule in people, the lead included, and in teammates, as the form asks for them."""
    return _(
        "A team has %(min)s–%(max)s people: you and %(min_mates)s–%(max_mates)s teammates."
    ) % {
        "min": min_people,
        "max": max_people,
        "min_mates": max(min_people - 1, 0),
        "max_mates": max_people - 1,
    }


@dataclass(frozen=True)
class TeamCheck:
    """The whole team against the rules: what concerns the team, then each member."""

    members: list[MemberCheck]
    team_problems: list[str]

    @property
    def problems(self) -> list[str]:
        return self.team_problems + [p for check in self.members for p in check.problems]

    @property
    def is_eligible(self) -> bool:
        return not self.problems


def team_check(competition: Competition, members: list[Member]) -> TeamCheck:
    district_ids = set(competition.eligible_districts.values_list("pk", flat=True))
    problems = []
    if not competition.min_team_size <= len(members) <= competition.max_team_size:
        problems.append(team_size_message(competition.min_team_size, competition.max_team_size))
    seen = {}
    for member in members:
        if member.iin in seen:
            problems.append(
                _("Members %(first)s and %(second)s have the same IIN.")
                % {"first": seen[member.iin], "second": member.position}
            )
        seen.setdefault(member.iin, member.position)
    checks = [member_check(competition, member, district_ids) for member in members]
    return TeamCheck(checks, problems)


def team_problems(competition: Competition, members: list[Member]) -> list[str]:
    return team_check(competition, members).problems


def _birth_date(member) -> date:
    """Read from the IIN, as the rules say; an anonymised or mistyped IIN falls back to the
    date stored at submission."""
    try:
        return parse_iin(member.iin).birth_date
    except ValidationError:
        return member.birth_date


def application_check(application) -> TeamCheck:
    """A submitted team as staff screen it: member 1 is the lead (from their profile)."""
    team = application.team.select_related("village__district").order_by("position")
    members = [
        Member(
            position=member.position,
            full_name=member.full_name,
            iin=member.iin,
            birth_date=_birth_date(member),
            village=member.village,
            role=member.role,
        )
        for member in team
    ]
    return team_check(application.competition, members)
