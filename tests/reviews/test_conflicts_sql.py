"""The conflict flags found by SQL are exactly those the Python loop found (kept here as the
oracle): the same pairs, reasons and order, on fixtures that exercise every branch."""

from datetime import date

import pytest
from django.utils import timezone

from accounts.roles import Role
from applications.models import ApplicantProfile, Application
from competitions.models import Settlement
from reviews.conflicts import LikelyConflict, likely_conflicts
from reviews.models import CommissionMember
from tests.applications.helpers import iin_for, village
from tests.factories import CompetitionFactory, UserFactory

pytestmark = pytest.mark.django_db


def surname(full_name: str) -> str:
    return full_name.split()[0].casefold() if full_name.split() else ""


def likely_conflicts_python(competition) -> list[LikelyConflict]:
    """The implementation before issue 16, verbatim: every team member × every expert."""
    from applications.models import TeamMember

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


def shape(conflicts):
    return [(c.member.pk, c.application.pk, c.reason) for c in conflicts]


def place(name_ru: str) -> Settlement:
    return village(name_ru)


def expert(competition, full_name: str, lives_in: str | None = None) -> CommissionMember:
    user = UserFactory(roles=[Role.EXPERT], full_name=full_name)
    if lives_in:
        born = date(1980, 5, 5)
        ApplicantProfile.objects.create(
            user=user, iin=iin_for(born), birth_date=born, village=place(lives_in)
        )
    return CommissionMember.objects.create(
        competition=competition, expert=user, declaration_accepted_at=timezone.now()
    )


def application(competition, status: str, team: list[tuple[str, str]], number: int):
    lead = UserFactory(roles=[Role.APPLICANT])
    created = Application.objects.create(
        competition=competition,
        applicant=lead,
        status=status,
        title=f"Жоба {number}",
        registration_number=f"JU-2025-{number:04d}",
        submitted_at=timezone.now(),
    )
    for position, (name, lives_in) in enumerate(team, start=1):
        born = date(1999, 2, position)
        created.team.create(
            position=position,
            full_name=name,
            iin=iin_for(born),
            birth_date=born,
            phone="+77010000000",
            village=place(lives_in),
            role="Мүше",
        )
    return created


@pytest.fixture
def panel():
    """Experts and teams covering each rule: a stem across sexes, case, leading spaces, a
    one-letter "а" surname (an empty stem never matches), a shared village, both at once,
    statuses that are not checked, another competition's people."""
    competition = CompetitionFactory()
    other = CompetitionFactory()
    experts = [
        expert(competition, "Ахметова Гүлнар"),
        expert(competition, "СЕРІКОВ Ержан", lives_in="Бейнеу"),
        expert(competition, "а Б", lives_in="Шетпе"),
        expert(competition, "Төлеуов Бақыт", lives_in="Бейнеу"),
        expert(competition, "Жалғыз"),
        expert(competition, "ИВАНОВ Пётр"),
        expert(competition, "Әлиева Сәуле", lives_in="Шетпе"),
        expert(competition, "   "),
        expert(other, "Есенов Марат", lives_in="Бейнеу"),
    ]
    applications = [
        application(
            competition,
            Application.Status.ELIGIBLE,
            [("Ахметов Серік", "Бейнеу"), ("  серікова Аяжан", "Шетпе")],
            1,
        ),
        application(
            competition,
            Application.Status.SUBMITTED,
            [("Төлеуова Дана", "Бейнеу"), ("а Ғ", "Бейнеу"), ("Жалғыз", "Шетпе")],
            2,
        ),
        application(
            competition,
            Application.Status.ELIGIBLE,
            [("Иванова Мария Петровна", "Бейнеу"), ("ӘЛИЕВ\tМарат", "Бейнеу"), ("", "Бейнеу")],
            6,
        ),
        application(competition, Application.Status.INELIGIBLE, [("Ахметов Ақан", "Бейнеу")], 3),
        application(competition, Application.Status.DRAFT, [("Серіков Нұр", "Шетпе")], 4),
        application(other, Application.Status.ELIGIBLE, [("Есенова Дина", "Бейнеу")], 5),
    ]
    return competition, experts, applications


def test_sql_flags_equal_the_python_ones(panel, django_assert_max_num_queries):
    competition, experts, applications = panel
    oracle = shape(likely_conflicts_python(competition))
    with django_assert_max_num_queries(3):
        found = shape(likely_conflicts(competition))
    assert found == oracle
    # The fixtures do exercise every branch: both reasons, "surname" winning over a shared
    # village, the unchecked statuses and the other competition left out.
    assert {reason for _m, _a, reason in found} == {"surname", "village"}
    ahmetova, serikov, _a, toleuov, single, ivanov, alieva, _blank, _other = (
        member.pk for member in experts
    )
    first, second, sixth = applications[0].pk, applications[1].pk, applications[2].pk
    assert (ahmetova, first, "surname") in found
    assert (serikov, first, "surname") in found  # "  серікова" after the leading spaces
    assert (toleuov, second, "surname") in found and (toleuov, second, "village") in found
    assert (single, second, "surname") in found  # a one-word name is its own surname
    assert (ivanov, sixth, "surname") in found and (alieva, sixth, "surname") in found
    assert {application for _m, application, _r in found} == {first, second, sixth}


def test_no_commission_no_flags(panel):
    assert likely_conflicts(CompetitionFactory()) == []
