"""Who may be on a team: the competition's rules, told member by member."""

from dataclasses import dataclass
from datetime import date

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from applications.iin import age_on
from competitions.models import Competition, Settlement


@dataclass(frozen=True)
class Member:
    position: int
    full_name: str
    iin: str
    birth_date: date
    village: Settlement


def age_deadline(competition: Competition) -> date:
    """Ages count on the closing day, in Aktau."""
    return timezone.localdate(competition.closes_at)


def member_problems(
    competition: Competition, member: Member, eligible_district_ids: set[int]
) -> list[str]:
    who = _("Member %(position)s (%(name)s)") % {
        "position": member.position,
        "name": member.full_name,
    }
    problems = []
    day = age_deadline(competition)
    age = age_on(member.birth_date, day)
    if not competition.min_age <= age <= competition.max_age:
        problems.append(
            _("%(who)s is %(age)s on %(day)s; the competition admits ages %(min)s–%(max)s.")
            % {
                "who": who,
                "age": age,
                "day": formats.date_format(day, "SHORT_DATE_FORMAT"),
                "min": competition.min_age,
                "max": competition.max_age,
            }
        )
    if competition.rural_only and not member.village.is_rural:
        problems.append(
            _("%(who)s lives in %(place)s, which is not a village; only rural youth may apply.")
            % {"who": who, "place": member.village.name}
        )
    if eligible_district_ids and member.village.district_id not in eligible_district_ids:
        problems.append(
            _("%(who)s lives in %(district)s, which this competition does not cover.")
            % {"who": who, "district": member.village.district.name}
        )
    return problems


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


def team_problems(competition: Competition, members: list[Member]) -> list[str]:
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
    for member in members:
        problems.extend(member_problems(competition, member, district_ids))
    return problems
