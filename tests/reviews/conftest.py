from datetime import date

import pytest
from django.utils import timezone

from accounts.roles import Role
from applications.models import Application, Attachment, BudgetItem
from competitions.models import Criterion
from reviews.models import Assignment, CommissionMember, CriterionScore, Review
from tests.applications.helpers import iin_for, village
from tests.factories import CompetitionFactory, UserFactory

TEAM_NAMES = [
    ("Ахметов Серік", "Нұрланова Дана"),
    ("Жұмабаев Ерлан", "Серікова Аяжан"),
    ("Бекова Әсел", "Төлеуов Нұржан"),
    ("Қайратов Арман", "Есенова Дина"),
]


@pytest.fixture
def competition(db):
    competition = CompetitionFactory()
    for position, code in enumerate(["relevance", "novelty", "impact", "feasibility"], start=1):
        Criterion.objects.create(
            competition=competition,
            position=position,
            code=code,
            name=code.title(),
            max_score=10,
            levels="0–3: әлсіз\n4–7: орташа\n8–10: күшті",
        )
    return competition


@pytest.fixture
def eligible(competition, settings, tmp_path):
    """Four eligible applications with named teams and a file each."""
    settings.MEDIA_ROOT = tmp_path
    applications = []
    for number, names in enumerate(TEAM_NAMES, start=1):
        lead = UserFactory(roles=[Role.APPLICANT], email=f"lead{number}@example.kz")
        application = Application.objects.create(
            competition=competition,
            applicant=lead,
            status=Application.Status.ELIGIBLE,
            title=f"Жоба {number}",
            village=village(),
            problem="Мәселе",
            idea="Идея",
            goal="Мақсат",
            expected_results="Нәтиже",
            registration_number=f"JU-2025-{number:04d}",
            submitted_at=timezone.now(),
        )
        for position, name in enumerate(names, start=1):
            application.team.create(
                position=position,
                full_name=name,
                iin=iin_for(date(1998, 1, position)),
                birth_date=date(1998, 1, position),
                phone=f"+7701000000{number}{position}",
                village=village(),
                role="Мүше",
            )
        from django.core.files.base import ContentFile

        Attachment.objects.create(
            application=application,
            file=ContentFile(b"%PDF-1.7 sketch", name="s.pdf"),
            original_name=f"sketch-{number}.pdf",
            content_type=Attachment.Kind.PDF,
            size=15,
        )
        applications.append(application)
    return applications


@pytest.fixture
def experts(db):
    return [
        UserFactory(roles=[Role.EXPERT], full_name=name, email=f"expert{index}@example.kz")
        for index, name in enumerate(["Ахметова Гүлнар", "Құлжанова Динара", "Өтебаев Марат"])
    ]


@pytest.fixture
def commission(competition, experts, staff):
    from reviews.services import commission_add, declaration_accept

    members = [commission_add(competition=competition, expert=e, by=staff) for e in experts]
    for member in members:
        declaration_accept(member=member)
    return members


def member_of(expert) -> CommissionMember:
    return CommissionMember.objects.get(expert=expert)


def score_all(competition, members, marks: dict) -> None:
    """Submitted reviews: marks[application] = one value per member, used for every criterion."""
    criteria = list(competition.criteria.all())
    for application, values in marks.items():
        for member, value in zip(members, values, strict=False):
            assignment = Assignment.objects.create(
                application=application, member=member, conflict="none"
            )
            review = Review.objects.create(
                assignment=assignment,
                status="submitted",
                submitted_at=timezone.now(),
                comment=f"Пікір {application.pk}-{member.pk}",
            )
            CriterionScore.objects.bulk_create(
                CriterionScore(review=review, criterion=c, score=value, justification="—")
                for c in criteria
            )


@pytest.fixture
def scored(competition, eligible, commission):
    competition.award_count = 2
    competition.required_reviews = 3
    competition.save()
    for application in eligible:
        BudgetItem.objects.create(
            application=application,
            position=1,
            item="Орындық",
            unit="дана",
            quantity=1,
            unit_cost_kzt=900_000,
        )
    score_all(
        competition,
        commission,
        {
            eligible[0]: [9, 9, 9],
            eligible[1]: [8, 8, 8],
            eligible[2]: [5, 5, 5],
            eligible[3]: [9, 9],
        },
    )
    return eligible
