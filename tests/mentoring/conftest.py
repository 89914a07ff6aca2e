from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from accounts.roles import Position, Role
from applications.models import Application
from mentoring.models import GrantAgreement, GranteeProject, ProjectBudgetLine
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


def signed_agreement(project, *, number: str = "", report_dates=(date(2025, 9, 1),)):
    """A grant agreement signed by both sides, made directly (no PDF): what payments need.

    Tests of the agreement's own pages and rules build theirs through the services."""
    now = timezone.now()
    gamo = UserFactory(roles=[Role.STAFF], position=Position.DIRECTOR)
    agreement = GrantAgreement.objects.create(
        project=project,
        number=number or f"2025/{project.pk:03d}",
        dated_on=date(2025, 7, 30),
        prepared_by=gamo,
        team_signed_at=now,
        team_signed_by=project.application.applicant,
        team_signed_via=GrantAgreement.TeamSignedVia.SCAN,
        gamo_signed_at=now,
        gamo_signed_by=gamo,
    )
    agreement.tranches.create(number=1, due_on=date(2025, 8, 4), amount_kzt=project.award_kzt)
    for n, day in enumerate(report_dates, start=1):
        agreement.report_dues.create(number=n, due_on=day)
    return agreement


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
    """A project under a signed agreement, so that money can be paid."""
    project = make_project(competition, applicant, mentor=mentor)
    signed_agreement(project)
    return project


@pytest.fixture
def other_project(competition, other_applicant, other_mentor, media):
    project = make_project(competition, other_applicant, number=2, mentor=other_mentor)
    signed_agreement(project)
    return project


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
