"""What staff see when they screen a submitted team: each member's age on the closing day,
read from the IIN, and the kind of place they live in, with a tick or the rule broken."""

from datetime import date

import pytest

from accounts.roles import Role
from applications.eligibility import Member, member_check
from applications.models import Application
from competitions.models import Settlement
from tests.applications.helpers import iin_for, village
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# The competition closes on 15.07.2025 (tests/applications/conftest.py).
TURNS_18_ON_CLOSING = date(2007, 7, 15)
TURNS_18_NEXT_DAY = date(2007, 7, 16)
STILL_35_ON_CLOSING = date(1989, 7, 16)
TURNS_36_ON_CLOSING = date(1989, 7, 15)


def town() -> Settlement:
    return Settlement.objects.filter(kind=Settlement.Kind.TOWN).select_related("district").first()


def submitted_team(competition, members: list[tuple[date, Settlement]]) -> Application:
    """A submitted application whose member i is born on members[i][0] and lives in [1]."""
    application = Application.objects.create(
        competition=competition,
        applicant=UserFactory(roles=[Role.APPLICANT]),
        status=Application.Status.SUBMITTED,
        title="Ауыл саябағы",
        village=village(),
        registration_number=f"JU-2025-{Application.objects.count() + 1:04d}",
    )
    for position, (born, place) in enumerate(members, start=1):
        application.team.create(
            position=position,
            full_name=f"Мүше {position}",
            iin=iin_for(born),
            # What the form stored; the screening reads the IIN itself.
            birth_date=date(2000, 1, 1),
            phone="+77011234567",
            village=place,
            role="Жетекші" if position == 1 else "Мүше",
        )
    return application


@pytest.mark.parametrize(
    ("born", "age", "eligible"),
    [
        (TURNS_18_ON_CLOSING, 18, True),
        (TURNS_18_NEXT_DAY, 17, False),
        (STILL_35_ON_CLOSING, 35, True),
        (TURNS_36_ON_CLOSING, 36, False),
    ],
)
def test_age_counts_on_the_closing_day(competition, born, age, eligible):
    member = Member(1, "Мүше", iin_for(born), born, village())
    check = member_check(competition, member, set())
    assert check.closing_day == date(2025, 7, 15)
    assert check.age == age
    assert (check.age_problem == "") is eligible
    assert check.is_eligible is eligible


def test_a_town_breaks_the_village_rule_and_a_village_does_not(competition):
    in_town = member_check(
        competition, Member(1, "Мүше", iin_for(date(2000, 1, 1)), date(2000, 1, 1), town()), set()
    )
    in_village = member_check(
        competition,
        Member(2, "Мүше", iin_for(date(2000, 1, 1)), date(2000, 1, 1), village()),
        set(),
    )
    assert in_town.place_problem and not in_town.is_eligible
    assert in_village.place_problem == "" and in_village.is_eligible


def test_staff_see_each_member_against_the_rules(client, staff, competition):
    application = submitted_team(
        competition,
        [
            (STILL_35_ON_CLOSING, village()),
            (TURNS_18_NEXT_DAY, village()),
            (TURNS_18_ON_CLOSING, town()),
        ],
    )
    client.force_login(staff)
    response = client.get(f"/applications/{application.pk}/")
    screening = response.context["screening"]
    assert [check.age for check in screening.members] == [35, 17, 18]
    assert [check.is_eligible for check in screening.members] == [True, False, False]
    assert not screening.is_eligible and len(screening.problems) == 2
    html = response.content.decode()
    assert html.count('data-testid="age-ok"') == 2
    assert html.count('data-testid="age-broken"') == 1
    assert html.count('data-testid="place-ok"') == 2
    assert html.count('data-testid="place-broken"') == 1
    assert 'data-testid="lead">Мүше 1<' in html
    assert "alert-warning" in html


def test_an_eligible_team_reads_so_in_russian(client, staff, competition):
    application = submitted_team(
        competition, [(TURNS_18_ON_CLOSING, village()), (STILL_35_ON_CLOSING, village())]
    )
    client.force_login(staff)
    client.cookies["django_language"] = "ru"
    response = client.get(f"/applications/{application.pk}/")
    assert response.context["screening"].is_eligible
    html = response.content.decode()
    assert "15.07.2025" in html
    assert "Команда соответствует всем правилам" in html


@pytest.mark.parametrize("role", ["applicant", "operator"])
def test_only_staff_see_the_screening(client, competition, role, request):
    application = submitted_team(competition, [(TURNS_18_ON_CLOSING, village())])
    user = application.applicant if role == "applicant" else request.getfixturevalue("operator")
    client.force_login(user)
    response = client.get(f"/applications/{application.pk}/")
    assert response.status_code == 200
    assert response.context["screening"] is None
    assert 'data-testid="screening"' not in response.content.decode()


def test_the_screening_costs_the_same_queries_for_a_bigger_team(
    client, staff, competition, django_assert_max_num_queries
):
    small = submitted_team(competition, [(TURNS_18_ON_CLOSING, village())])
    big = submitted_team(
        competition,
        [
            (TURNS_18_ON_CLOSING, village()),
            (STILL_35_ON_CLOSING, town()),
            (date(2000, 2, 2), village()),
        ],
    )
    client.force_login(staff)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(f"/applications/{small.pk}/")
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(f"/applications/{big.pk}/")
    assert len(response.context["screening"].members) == 3
