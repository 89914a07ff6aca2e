"""Each computed indicator equals a hand-counted fixture; snapshots are taken once a day."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from accounts.roles import Role
from applications.models import Application
from competitions.models import Announcement, Settlement
from reports.indicators.sources import SOURCES, applications_by_district
from reports.indicators.status import Status, indicator_status
from reports.models import IndicatorSnapshot
from reports.snapshots import indicators_snapshot
from reports.tasks import snapshot_indicators
from reviews.models import CommissionMember, Decision
from tests.factories import (
    ActivityFactory,
    CompetitionFactory,
    GrantProjectFactory,
    IndicatorFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
AQTAU = ZoneInfo("Asia/Aqtau")
SUBMITTED = datetime(2025, 7, 10, 12, 0, tzinfo=AQTAU)


def add_application(competition, number, status, members, submitted=True):
    """members: (birth date, settlement, iin) per person."""
    application = Application.objects.create(
        competition=competition,
        applicant=UserFactory(roles=[Role.APPLICANT]),
        status=status,
        title=f"Жоба {number}",
        village=members[0][1],
        registration_number=f"T-{number}" if submitted else "",
        submitted_at=SUBMITTED if submitted else None,
    )
    for position, (born, place, iin) in enumerate(members, start=1):
        application.team.create(
            position=position,
            full_name=f"Адам {number}-{position}",
            iin=iin,
            birth_date=born,
            phone="+77010000000",
            village=place,
            role="Мүше",
        )
    return application


@pytest.fixture
def counted(db, staff):
    """A hand-counted competition: 4 applications received (a draft does not count), two of
    them from rural youth aged 18–35 on 10.07.2025, two awarded sharing one person."""
    village = Settlement.objects.filter(kind=Settlement.Kind.VILLAGE).first()
    town = Settlement.objects.filter(kind=Settlement.Kind.TOWN).first()
    project = GrantProjectFactory()
    competition = CompetitionFactory(project=project, min_age=18, max_age=35)
    other = CompetitionFactory()  # another project's call: counts for nothing here
    status = Application.Status
    a = add_application(
        competition,
        1,
        status.ELIGIBLE,
        [(date(2005, 7, 10), village, "050710000001"), (date(1990, 1, 1), village, "900101000002")],
    )  # 20 and 35 (turns 36 on 01.01.2026): rural youth
    b = add_application(
        competition,
        2,
        status.ELIGIBLE,
        [(date(2000, 1, 1), village, "000101000003"), (date(2003, 1, 1), town, "030101000004")],
    )  # a town member: not rural youth
    add_application(
        competition, 3, status.INELIGIBLE, [(date(1989, 7, 10), village, "890710000005")]
    )  # 36 on the day it was submitted: too old
    add_application(
        competition, 4, status.DRAFT, [(date(2000, 1, 1), village, "000101000006")], False
    )  # a draft: not received
    e = add_application(
        competition,
        5,
        status.RETURNED,
        [
            (date(2007, 7, 10), village, "050710000001"),
            (date(2007, 7, 10), village, "070710000007"),
        ],
    )  # 18 on the day; the first member is also on team 1
    add_application(other, 6, status.ELIGIBLE, [(date(2000, 1, 1), village, "000101000008")])
    now = timezone.now()
    for application, outcome, amount in [
        (a, Decision.Outcome.AWARDED, 1_000_000),
        (e, Decision.Outcome.AWARDED, 800_000),
        (b, Decision.Outcome.NOT_AWARDED, 0),
    ]:
        Decision.objects.create(
            application=application,
            outcome=outcome,
            amount_kzt=amount,
            decided_by=staff,
            decided_at=now,
        )
    experts = UserFactory.create_batch(3, roles=[Role.EXPERT])
    for expert in experts:
        CommissionMember.objects.create(competition=competition, expert=expert)
    CommissionMember.objects.create(competition=other, expert=experts[0])
    for day in range(1, 5):
        Announcement.objects.create(
            competition=competition, channel="social", published_on=date(2025, 6, day)
        )
    Announcement.objects.create(competition=other, channel="akimat", published_on=date(2025, 6, 1))
    return project


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("call_announcements", Decimal(4)),
        ("applications_received", Decimal(4)),
        ("applications_rural_share", Decimal("50.00")),
        ("commission_experts", Decimal(3)),
        ("grants_awarded", Decimal(2)),
        ("grants_awarded_kzt", Decimal(1_800_000)),
        ("grantee_people", Decimal(3)),
    ],
)
def test_each_source_equals_the_hand_count(counted, key, expected):
    assert SOURCES[key].compute(counted) == expected


def test_every_source_runs_a_fixed_number_of_queries(counted, django_assert_max_num_queries):
    for source in SOURCES.values():
        with django_assert_max_num_queries(3):
            source.compute(counted)


def test_applications_by_district_counts_received_ones(counted):
    district = Settlement.objects.filter(kind=Settlement.Kind.VILLAGE).first().district.name
    assert dict(applications_by_district(counted))[district] == 4


def test_the_demo_sources_are_registered(full_demo):
    from projects.models import Indicator

    sources = set(Indicator.objects.exclude(source="").values_list("source", flat=True))
    assert sources and sources <= set(SOURCES)


def test_a_snapshot_is_taken_once_a_day_and_never_recomputed(counted):
    activity = ActivityFactory(project=counted)
    computed = IndicatorFactory(activity=activity, source="applications_received")
    manual = IndicatorFactory(activity=activity, manual_value=Decimal(1))
    unmeasured = IndicatorFactory(activity=activity)
    with time_machine.travel(datetime(2025, 7, 20, 10, tzinfo=AQTAU)):
        assert indicators_snapshot(project=counted) == 2
        Application.objects.filter(status=Application.Status.ELIGIBLE).update(submitted_at=None)
        assert snapshot_indicators.apply().get() == 0
    first = IndicatorSnapshot.objects.get(indicator=computed)
    assert first.value == 4 and first.taken_on == date(2025, 7, 20)
    assert IndicatorSnapshot.objects.get(indicator=manual).is_manual
    assert not IndicatorSnapshot.objects.filter(indicator=unmeasured).exists()
    with time_machine.travel(datetime(2025, 7, 21, 10, tzinfo=AQTAU)):
        assert indicators_snapshot(project=counted) == 2
    values = list(computed.snapshots.order_by("taken_on").values_list("value", flat=True))
    assert values == [4, 2]


ACTIVITY = ActivityFactory.build(starts_on=date(2025, 6, 1), ends_on=date(2025, 6, 30))


@pytest.mark.parametrize(
    ("actual", "today", "comparison", "expected"),
    [
        (None, date(2025, 6, 15), "at_least", Status.NOT_MEASURED),
        (Decimal(30), date(2025, 6, 2), "at_least", Status.ACHIEVED),
        (Decimal(31), date(2025, 6, 2), "exactly", Status.ON_TRACK),
        (Decimal(0), date(2025, 5, 1), "at_least", Status.ON_TRACK),
        (Decimal(15), date(2025, 6, 15), "at_least", Status.ON_TRACK),
        (Decimal(10), date(2025, 6, 15), "at_least", Status.BEHIND),
        (Decimal(29), date(2025, 7, 1), "at_least", Status.BEHIND),
    ],
)
def test_status_is_judged_against_the_calendar_plan(actual, today, comparison, expected):
    status = indicator_status(
        target=Decimal(30), actual=actual, comparison=comparison, activity=ACTIVITY, today=today
    )
    assert status == expected
