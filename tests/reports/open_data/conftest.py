"""Published awards beside everything that must not be published, for the open-data tests.

The review fixtures (a scored competition with named teams) come from tests/reviews."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from applications.models import Application, ApplicationActivity
from reviews.decisions import results_publish
from reviews.models import Decision
from tests.applications.helpers import village
from tests.factories import ApplicationFactory, CompetitionFactory
from tests.reviews import conftest as reviews
from tests.reviews.helpers import decide

competition = reviews.competition
eligible = reviews.eligible
experts = reviews.experts
commission = reviews.commission
scored = reviews.scored
TEAM_NAMES = reviews.TEAM_NAMES

AQTAU = timezone.get_fixed_timezone(5 * 60)
DECIDED = datetime(2025, 8, 14, 11, 0, tzinfo=AQTAU)
PUBLISHED = datetime(2025, 8, 15, 10, 0, tzinfo=AQTAU)


@pytest.fixture
def awarded(scored, staff):
    """Two published grants with planned activities. Beside them: a reserve team, an unranked
    team, a draft and a rejected application in the same call, and an award decided in
    another call whose results are not published."""
    competition = scored[0].competition
    for application in scored[:2]:
        ApplicationActivity.objects.create(
            application=application,
            position=1,
            name="Дайындық",
            starts_on=date(2025, 9, 1),
            ends_on=date(2025, 9, 30),
        )
        ApplicationActivity.objects.create(
            application=application,
            position=2,
            name="Ашылу",
            starts_on=date(2025, 10, 1),
            ends_on=date(2025, 10, 20),
        )
    decide(
        competition=competition,
        winners=[scored[0].pk, scored[1].pk],
        reason="",
        by=staff,
        now=DECIDED,
    )
    results_publish(competition=competition, by=staff, now=PUBLISHED)
    ApplicationFactory(
        competition=competition, status=Application.Status.DRAFT, title="Жобаның жобасы"
    )
    ApplicationFactory(
        competition=competition, status=Application.Status.INELIGIBLE, title="Қабылданбаған жоба"
    )
    unpublished = ApplicationFactory(
        competition=CompetitionFactory(project=competition.project),
        status=Application.Status.ELIGIBLE,
        title="Жарияланбаған жеңімпаз",
        registration_number="JU-2025-0099",
    )
    Decision.objects.create(
        application=unpublished,
        outcome=Decision.Outcome.AWARDED,
        rank=1,
        amount_kzt=500_000,
        decided_by=staff,
        decided_at=DECIDED,
    )
    return scored


def published_award(*, project, title: str, by, number: int) -> Application:
    """An award in its own published call, recorded as an older import would have it."""
    competition = CompetitionFactory(
        project=project,
        opens_at=datetime(2024, 3, 1, tzinfo=AQTAU),
        closes_at=datetime(2024, 4, 1, tzinfo=AQTAU),
        results_published_at=datetime(2024, 5, 1, tzinfo=AQTAU),
    )
    application = ApplicationFactory(
        competition=competition,
        status=Application.Status.ELIGIBLE,
        title=title,
        village=village(),
        goal="Ауылда кітапхана ашу",
        registration_number=f"JU-2024-{number:04d}",
    )
    ApplicationActivity.objects.create(
        application=application,
        position=1,
        name="Жұмыс",
        starts_on=date(2024, 6, 1),
        ends_on=date(2024, 8, 31),
    )
    Decision.objects.create(
        application=application,
        outcome=Decision.Outcome.AWARDED,
        rank=1,
        amount_kzt=750_000,
        decided_by=by,
        decided_at=datetime(2024, 4, 20, 12, 0, tzinfo=AQTAU),
    )
    return application
