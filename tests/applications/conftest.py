from datetime import date, datetime

import pytest
from django.utils import timezone

from applications.iin import parse_iin
from applications.models import Application
from applications.services.application import profile_save
from tests.applications.helpers import iin_for, village
from tests.factories import CompetitionFactory

AQTAU = timezone.get_fixed_timezone(5 * 60)
CLOSES = datetime(2025, 7, 15, 18, 0, tzinfo=AQTAU)


@pytest.fixture
def competition(db):
    return CompetitionFactory(
        opens_at=datetime(2025, 6, 1, 9, 0, tzinfo=AQTAU), closes_at=CLOSES, number_prefix="JU"
    )


@pytest.fixture
def with_profile(applicant):
    profile_save(
        user=applicant,
        full_name=applicant.full_name,
        phone="+77011234567",
        iin=parse_iin(iin_for(date(2000, 5, 5))),
        village=village(),
    )
    return applicant


@pytest.fixture
def draft(competition, with_profile):
    return Application.objects.create(competition=competition, applicant=with_profile)


@pytest.fixture
def team():
    """The lead's one teammate, 20 on the closing day: with the lead (25), a team of two."""
    return [{"iin": iin_for(date(2005, 1, 1))}]
