from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from accounts.roles import Position, Role
from applications.models import Application
from mentoring.models import GranteeProject, ProjectBudgetLine
from tests.applications.helpers import iin_for, village
from tests.factories import CompetitionFactory, UserFactory


def jpeg(name="receipt.jpg") -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (300, 200), (200, 200, 200)).save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def pdf(name="receipt.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF", "application/pdf")


def make_project(
    competition, lead, *, number=1, lines=((400_000,), (600_000,)), mentor=None, award=1_000_000
) -> GranteeProject:
    application = Application.objects.create(
        competition=competition,
        applicant=lead,
        status=Application.Status.ELIGIBLE,
        title=f"Ауыл саябағы {number}",
        village=village(),
        registration_number=f"JU-2025-{number:04d}",
        submitted_at=timezone.now(),
    )
    application.team.create(
        position=1,
        full_name=lead.full_name,
        iin=iin_for(date(1998, 1, 1)),
        birth_date=date(1998, 1, 1),
        phone="+77010000001",
        village=village(),
        role="Жетекші",
    )
    application.team.create(
        position=2,
        full_name=f"Серікова Аяжан {number}",
        iin=iin_for(date(1999, 2, 2)),
        birth_date=date(1999, 2, 2),
        phone="+77010000002",
        village=village(),
        role="Мүше",
    )
    project = GranteeProject.objects.create(
        application=application,
        award_kzt=award,
        mentor=mentor,
        mentor_assigned_at=timezone.now() if mentor else None,
    )
    for position, (amount,) in enumerate(lines, start=1):
        ProjectBudgetLine.objects.create(
            project=project, position=position, item=f"Материал {position}", amount_kzt=amount
        )
    return project


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def competition(db):
    return CompetitionFactory()


@pytest.fixture
def other_mentor(db):
    return UserFactory(roles=[Role.MENTOR], email="mentor2@example.kz")


@pytest.fixture
def project(competition, applicant, mentor, media):
    return make_project(competition, applicant, mentor=mentor)


@pytest.fixture
def other_project(competition, other_applicant, other_mentor, media):
    return make_project(competition, other_applicant, number=2, mentor=other_mentor)


@pytest.fixture
def accountant(db):
    return UserFactory(
        roles=[Role.STAFF], position=Position.ACCOUNTANT, full_name="Қошжанова Ақмарал"
    )


@pytest.fixture
def director(db):
    return UserFactory(roles=[Role.STAFF], position=Position.DIRECTOR, full_name="Ахметова Жібек")


@pytest.fixture
def coordinator(db):
    return UserFactory(
        roles=[Role.STAFF], position=Position.COORDINATOR, full_name="Амангелдиева Молдир"
    )
