"""Two projects, each with one of everything the annexes list, on two dates (August and
October 2025), every text marked with the project's name: what one project's annexes
hold, and what an August period keeps, can be read off the rows."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile

from accounts.roles import Role
from applications.models import Application
from exhibition.models import StandPhoto
from media_campaign.models import Publication
from mentoring.models import (
    Disbursement,
    GranteeExpense,
    Meeting,
    Participant,
    Photo,
    ProgressReport,
    Training,
)
from projects.models import ProjectExpense
from reports.annexes.models import ReportDocument
from tests.factories import (
    BudgetLineFactory,
    CompetitionFactory,
    ExhibitionFactory,
    GrantProjectFactory,
    PostFactory,
    RegistrationFactory,
    StandFactory,
    UserFactory,
)
from tests.mentoring.conftest import jpeg, make_project, signed_agreement

AQTAU = ZoneInfo("Asia/Aqtau")
AUGUST, OCTOBER = date(2025, 8, 12), date(2025, 10, 14)


def _jpeg_bytes() -> bytes:
    return jpeg().read()


def build_project(name: str, number: int, staff):
    """A project called `name`; its grantee's registration number starts at `number`."""
    project = GrantProjectFactory(slug=name.lower(), title=f"Project {name}")
    competition = CompetitionFactory(project=project)
    BudgetLineFactory(
        project=project,
        name=f"Small grant {name}",
        includes_grantee_spending=True,
        unit_cost_kzt=2_000_000,
    )
    banners = BudgetLineFactory(project=project, name=f"Banners {name}", unit_cost_kzt=300_000)
    lead = UserFactory(roles=[Role.APPLICANT])
    grantee = make_project(competition, lead, number=number, award=1_000_000)
    Application.objects.filter(pk=grantee.application_id).update(
        submitted_at=datetime(2025, 7, 1, 12, tzinfo=AQTAU)
    )
    signed_agreement(grantee, number=f"{name}-AG")
    director = UserFactory(roles=[Role.STAFF])
    for day, amount in ((AUGUST, 600_000), (OCTOBER, 400_000)):
        Disbursement.objects.create(
            project=grantee,
            paid_on=day,
            amount_kzt=amount,
            document_number=f"{name}-PAY-{day:%m}",
            recorded_by=staff,
            status=Disbursement.Status.APPROVED,
            decided_by=director,
        )
    # Awaiting approval: not paid, so not in the register.
    Disbursement.objects.create(
        project=grantee,
        paid_on=AUGUST,
        amount_kzt=1,
        document_number=f"{name}-PAY-PENDING",
        recorded_by=staff,
    )
    accepted = ProgressReport.objects.create(
        project=grantee, number=1, status=ProgressReport.Status.ACCEPTED
    )
    draft = ProgressReport.objects.create(project=grantee, number=2)
    line = grantee.budget_lines.first()
    for report, day, amount in ((accepted, AUGUST, 123_457), (accepted, OCTOBER, 76_543)):
        expense = GranteeExpense(
            report=report,
            line=line,
            spent_on=day,
            amount_kzt=amount,
            description=f"Paint {name} {day:%m}",
            receipt_type="image/jpeg",
        )
        expense.receipt.save("r.jpg", ContentFile(_jpeg_bytes()), save=False)
        expense.save()
    draft_expense = GranteeExpense(
        report=draft,
        line=line,
        spent_on=AUGUST,
        amount_kzt=5,
        description=f"Draft {name}",
        receipt_type="image/jpeg",
    )
    draft_expense.receipt.save("r.jpg", ContentFile(_jpeg_bytes()), save=False)
    draft_expense.save()
    for day, amount in ((AUGUST, 210_001), (OCTOBER, 89_999)):
        ProjectExpense.objects.create(
            line=banners,
            spent_on=day,
            amount_kzt=amount,
            document_number=f"{name}-EXP-{day:%m}",
            note=f"Banner {name}",
            entered_by=staff,
        )
    for day in (AUGUST, OCTOBER):
        ReportDocument.objects.create(
            project=project,
            kind=ReportDocument.Kind.ACT,
            number=f"{name}-ACT-{day:%m}",
            dated_on=day,
            amount_kzt=70_000,
            line=banners,
            description=f"Hall {name}",
            added_by=staff,
        )
        Publication.objects.create(
            project=project,
            kind=Publication.Kind.ARTICLE,
            outlet=f"Outlet {name}",
            title=f"Article {name} {day:%m}",
            published_on=day,
            link=f"https://news.kz/{name.lower()}-{day:%m}",
        )
        PostFactory(
            video__project=project,
            video__title=f"Video {name} {day:%m}",
            published_on=day,
            link=f"https://www.instagram.com/p/{name.lower()}{day:%m}",
        )

    photo = Photo(report=accepted, caption=f"Photo {name}")
    photo.image.save("p.jpg", ContentFile(_jpeg_bytes()), save=False)
    photo.save()
    Photo.objects.filter(pk=photo.pk).update(uploaded_at=datetime(2025, 8, 12, 15, tzinfo=AQTAU))
    draft_photo = Photo(report=draft, caption=f"Draft photo {name}")
    draft_photo.image.save("p.jpg", ContentFile(_jpeg_bytes()), save=False)
    draft_photo.save()
    exhibition = ExhibitionFactory(project=project, held_on=OCTOBER)
    stand = StandFactory(exhibition=exhibition, grantee=grantee)
    stand_photo = StandPhoto(stand=stand, caption=f"Stand {name}")
    stand_photo.image.save("s.jpg", ContentFile(_jpeg_bytes()), save=False)
    stand_photo.save()
    RegistrationFactory(
        exhibition=exhibition, checked_in_at=datetime(2025, 10, 14, 10, tzinfo=AQTAU)
    )
    RegistrationFactory(exhibition=exhibition, category="media")

    training = Training.objects.create(
        competition=competition,
        title=f"Training {name}",
        venue="Ақтау",
        trainer="Тренер",
        starts_on=AUGUST,
    )
    day_one = training.days.create(number=1, date=AUGUST)
    present = Participant.objects.create(training=training, project=grantee, full_name="Әлия")
    Participant.objects.create(training=training, project=grantee, full_name="Нұрлан")
    present.attended_days.add(day_one)
    for day in (AUGUST, OCTOBER):
        Meeting.objects.create(
            project=grantee,
            mentor=director,
            held_on=day,
            format=Meeting.Format.ONLINE,
            duration_minutes=60,
            topics="Жоспар",
            next_steps="Әрі қарай",
            project_state=Meeting.ProjectState.ON_TRACK,
        )
    return project


@pytest.fixture
def two_projects(staff):
    return build_project("Alpha", 1, staff), build_project("Beta", 2, staff)
