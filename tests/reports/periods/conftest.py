"""A project with records inside and outside the period July–August 2025, and a second
project whose records fall inside the same period."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from accounts.models import User
from exhibition.models import Exhibition
from media_campaign.models import Publication
from mentoring.models import Participant, Training, TrainingDay
from projects.models import Activity, BudgetLine, GrantProject, ProjectExpense
from reports.models import IndicatorSnapshot
from reports.periods import Period
from tests.factories import (
    ActivityFactory,
    ApplicationFactory,
    BudgetLineFactory,
    CompetitionFactory,
    GranteeProjectFactory,
    GrantProjectFactory,
    IndicatorFactory,
    PostFactory,
    VideoFactory,
)

AQTAU = ZoneInfo("Asia/Aqtau")
PERIOD = Period(date(2025, 7, 1), date(2025, 8, 31))


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=AQTAU)


@dataclass
class Fixture:
    project: GrantProject
    other: GrantProject
    activities: dict[int, Activity]
    lines: dict[str, BudgetLine]
    trainings_indicator: object


def _training(competition, title, venue, days, attended):
    training = Training.objects.create(
        competition=competition, title=title, venue=venue, trainer="T", starts_on=days[0]
    )
    created = [
        TrainingDay.objects.create(training=training, number=n, date=day, theme="Тақырып")
        for n, day in enumerate(days, start=1)
    ]
    grantee = GranteeProjectFactory(application__competition=competition)
    for number in range(3):
        person = Participant.objects.create(
            training=training, project=grantee, full_name=f"Қатысушы {number}"
        )
        if number < attended:
            person.attended_days.add(*created)
    return training


def _expense(line, day, amount):
    return ProjectExpense.objects.create(
        line=line,
        spent_on=day,
        amount_kzt=amount,
        document_number=f"№{day:%m%d}-{amount}",
        entered_by=User.objects.get_or_create(email="accountant@example.kz")[0],
    )


@pytest.fixture
def periods(db) -> Fixture:
    project = GrantProjectFactory(slug="alpha", title="Alpha")
    activities = {
        1: ActivityFactory(
            project=project,
            number=1,
            title="Call",
            starts_on=date(2025, 6, 1),
            ends_on=date(2025, 7, 31),
        ),
        2: ActivityFactory(
            project=project,
            number=2,
            title="Trainings",
            starts_on=date(2025, 7, 1),
            ends_on=date(2025, 10, 31),
        ),
        3: ActivityFactory(
            project=project,
            number=3,
            title="Videos",
            starts_on=date(2025, 8, 1),
            ends_on=date(2025, 10, 31),
        ),
        4: ActivityFactory(
            project=project,
            number=4,
            title="Exhibition",
            starts_on=date(2025, 10, 1),
            ends_on=date(2025, 11, 30),
        ),
        5: ActivityFactory(
            project=project,
            number=5,
            title="Round table",
            starts_on=date(2025, 6, 1),
            ends_on=date(2025, 7, 31),
        ),
    }
    IndicatorFactory(activity=activities[1], source="call_announcements", code="calls")
    trainings = IndicatorFactory(
        activity=activities[2], source="trainings_held", code="trainings", target=Decimal(2)
    )
    IndicatorFactory(activity=activities[3], source="grantee_videos", code="videos")
    IndicatorFactory(activity=activities[3], source="media_publications", code="publications")
    IndicatorFactory(activity=activities[4], source="exhibitions_held", code="exhibitions")
    # The trainings indicator as the daily task stored it: before, inside and after the period.
    for day, value in [(date(2025, 6, 30), 0), (date(2025, 7, 25), 1), (date(2025, 10, 10), 2)]:
        IndicatorSnapshot.objects.create(indicator=trainings, taken_on=day, value=value)

    competition = CompetitionFactory(
        project=project,
        title="Alpha call",
        opens_at=at(date(2025, 6, 1)),
        closes_at=at(date(2025, 7, 15)),
    )
    for day in (date(2025, 6, 15), date(2025, 7, 2), date(2025, 7, 10)):
        ApplicationFactory(competition=competition, status="submitted", submitted_at=at(day))
    _training(
        competition,
        "Summer school",
        "Aqtau, youth centre",
        [date(2025, 7, 20), date(2025, 7, 21)],
        2,
    )
    _training(competition, "Autumn school", "Zhanaozen", [date(2025, 10, 5)], 1)
    inside = VideoFactory(project=project, title="Video inside", filmed_on=date(2025, 8, 2))
    later = VideoFactory(project=project, title="Video later", filmed_on=date(2025, 9, 2))
    VideoFactory(project=project, title="Video never posted")
    PostFactory(video=inside, published_on=date(2025, 8, 10), link="https://example.kz/inside")
    PostFactory(video=later, published_on=date(2025, 9, 20), link="https://example.kz/later")
    Publication.objects.create(
        project=project,
        kind="article",
        outlet="Маңғыстау",
        title="Article inside",
        published_on=date(2025, 8, 15),
        link="https://example.kz/article-inside",
    )
    Publication.objects.create(
        project=project,
        kind="article",
        outlet="Маңғыстау",
        title="Article after",
        published_on=date(2025, 11, 1),
    )
    Exhibition.objects.create(
        project=project,
        slug="alpha-expo",
        title="Alpha exhibition",
        held_on=date(2025, 11, 20),
        opens_at="10:00",
        closes_at="16:00",
        venue="Aqtau",
        programme="10:00 Opening",
        capacity=100,
    )

    salaries = BudgetLineFactory(
        project=project,
        position=1,
        group=BudgetLine.Group.SALARIES,
        name="Coordinator",
        quantity=6,
        unit_cost_kzt=200_000,
    )
    accountant = BudgetLineFactory(
        project=project,
        position=2,
        group=BudgetLine.Group.SALARIES,
        name="Accountant",
        quantity=6,
        unit_cost_kzt=100_000,
    )
    hall = BudgetLineFactory(
        project=project,
        position=3,
        section=BudgetLine.Section.DIRECT,
        activity=activities[2],
        name="Training hall",
        quantity=2,
        unit_cost_kzt=150_000,
    )
    banner = BudgetLineFactory(
        project=project,
        position=4,
        section=BudgetLine.Section.DIRECT,
        activity=activities[4],
        name="Banner",
        quantity=1,
        unit_cost_kzt=80_000,
    )
    _expense(salaries, date(2025, 6, 30), 200_000)  # before the period
    _expense(salaries, date(2025, 7, 31), 200_000)
    _expense(salaries, date(2025, 8, 31), 200_000)
    _expense(accountant, date(2025, 8, 1), 100_000)
    _expense(hall, date(2025, 7, 21), 150_000)
    _expense(hall, date(2025, 10, 5), 150_000)  # after the period
    _expense(banner, date(2025, 11, 15), 80_000)  # after the period

    other = GrantProjectFactory(slug="beta", title="Beta")
    beta_activity = ActivityFactory(project=other, number=1, title="Beta call")
    IndicatorFactory(activity=beta_activity, source="media_publications", code="beta_pubs")
    beta_call = CompetitionFactory(
        project=other,
        title="Beta call",
        opens_at=at(date(2025, 7, 5)),
        closes_at=at(date(2025, 8, 5)),
    )
    ApplicationFactory(competition=beta_call, status="submitted", submitted_at=at(date(2025, 7, 3)))
    Publication.objects.create(
        project=other,
        kind="article",
        outlet="Beta outlet",
        title="Beta article",
        published_on=date(2025, 8, 15),
    )
    beta_line = BudgetLineFactory(
        project=other, position=1, name="Beta line", quantity=1, unit_cost_kzt=999_000
    )
    _expense(beta_line, date(2025, 8, 1), 777_000)
    return Fixture(
        project=project,
        other=other,
        activities=activities,
        lines={"salaries": salaries, "accountant": accountant, "hall": hall, "banner": banner},
        trainings_indicator=trainings,
    )
