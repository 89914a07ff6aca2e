"""Synthetic data at scale for the benchmark: one competition with N applications, and the rest.

Everything is written with bulk_create in batches (a row-by-row ORM save would
take longer than the benchmark itself) and from a seeded generator, so two runs
with the same N build the same data. Realistic shapes matter more than realistic
words: villages across every district, teams of 2–3, budgets of 3 lines, five
reviews of four criteria each, grantee projects with meetings, reports and
expenses.
"""

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from applications.iin import check_digit, compose_iin
from applications.models import (
    ApplicantProfile,
    Application,
    ApplicationActivity,
    Attachment,
    BudgetItem,
    StatusChange,
    TeamMember,
)
from applications.totals import totals_refresh
from competitions.models import Competition, Settlement
from competitions.places import place_label
from competitions.services import competition_copy
from demo.loader import COMPETITION_SLUG, DEMO_PASSWORD, load_demo
from exhibition.models import Exhibition, Registration
from media_campaign.models import Post, PostSnapshot
from media_campaign.services import campaign_days_refresh
from mentoring.models import (
    Disbursement,
    GranteeExpense,
    GranteeProject,
    Meeting,
    ProgressReport,
    ProjectBudgetLine,
)
from reports.chart_snapshots import charts_snapshot
from reports.snapshots import indicators_snapshot
from reviews.models import Assignment, CommissionMember, CriterionScore, Review
from reviews.selectors import ranking_refresh

SCALE_SLUG = "scale"
BATCH = 2000
WORDS = (
    "саябақ",
    "балалар",
    "алаңы",
    "спорт",
    "жастар",
    "орталығы",
    "көгалдандыру",
    "жарық",
    "орындық",
    "қоқыс",
    "экология",
    "мәдениет",
    "кітапхана",
    "шеберхана",
    "жол",
    "аялдама",
    "бұлақ",
    "ағаш",
    "гүл",
    "тұрғындар",
)


@dataclass
class Sizes:
    """What to seed. Grantees, posts and registrations grow with the applications unless
    given: one grantee, five posts and two registrations per ten applications."""

    applications: int = 10_000
    experts: int = 50
    reviews_per_application: int = 5
    grantees: int | None = None
    posts: int | None = None
    participants: int | None = None

    def __post_init__(self):
        n = self.applications
        if self.grantees is None:
            self.grantees = max(1, n // 10)
        if self.posts is None:
            self.posts = max(1, n // 2)
        if self.participants is None:
            self.participants = max(1, n // 5)


def status_of(n: int) -> str:
    """About 3 % drafts still being written (no number, no rows yet: the form's contents
    live in the draft until it is submitted), 5 % submitted and waiting for the check,
    5 % ineligible, the rest eligible and reviewed; mixed so that a small N has each."""
    if n % 33 == 16:
        return Application.Status.DRAFT
    return {3: Application.Status.SUBMITTED, 13: Application.Status.INELIGIBLE}.get(
        n % 20, Application.Status.ELIGIBLE
    )


@dataclass
class Seeded:
    competition: Competition
    counts: dict[str, int] = field(default_factory=dict)


def batched(rows: Iterable, size: int = BATCH) -> Iterator[list]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def bulk(model, rows: Iterable) -> int:
    created = 0
    for chunk in batched(rows):
        model.objects.bulk_create(chunk)
        created += len(chunk)
    return created


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _users(prefix: str, count: int, role: Role, password: str) -> list[User]:
    """Users created in bulk with one password hash computed once (hashing is slow on purpose)."""
    hashed = make_password(password)
    bulk(
        User,
        (
            User(
                email=f"{prefix}{n}@scale.jastarurban.kz",
                full_name=f"{prefix.title()} {n}",
                password=hashed,
                language="kk",
            )
            for n in range(1, count + 1)
        ),
    )
    users = list(
        User.objects.filter(
            email__endswith="@scale.jastarurban.kz", email__startswith=prefix
        ).order_by("pk")
    )
    group = Group.objects.get(name=role)
    through = User.groups.through
    bulk(through, (through(user_id=user.pk, group_id=group.pk) for user in users))
    return users


def unique_iins(rng: random.Random) -> Iterator[tuple[date, str]]:
    """(date of birth, IIN) pairs that never repeat, for any number of people.

    An IIN has only four serial digits per date of birth, so a serial taken modulo
    10 000 wraps and repeats; here every serial is used once per date (dates in a
    shuffled order, so neighbours are not born on the same day) and serials without a
    valid check digit are skipped rather than bumped into the next person's.
    """
    days = [date(1991, 1, 1) + timedelta(days=d) for d in range(12 * 365)]
    rng.shuffle(days)
    for serial in range(1000, 10_000):
        for born in days:
            century = 3 if born.year < 2000 else 5
            first = f"{born:%y%m%d}{century}{serial:04d}"
            digit = check_digit(first)
            if digit is not None:
                yield born, first + str(digit)


def _draft(rng: random.Random, villages: list[str]) -> dict:
    """A draft as autosave stores it (the form's fields, as typed): two teammates, two
    activities and three budget lines, not yet submitted."""
    data = {
        "main-title": [_text(rng, 4)[:190]],
        "main-village": [rng.choice(villages)],
        "main-problem": [_text(rng, 40)],
        "main-idea": [_text(rng, 60)],
        "main-goal": [_text(rng, 15)],
        "main-expected_results": [_text(rng, 20)],
        "team-TOTAL_FORMS": ["2"],
        "activity-TOTAL_FORMS": ["2"],
        "budget-TOTAL_FORMS": ["3"],
    }
    for k in range(2):
        data |= {
            f"team-{k}-full_name": [f"Мүше Жоба {k}"],
            f"team-{k}-iin": [""],
            f"team-{k}-phone": ["+77010000000"],
            f"team-{k}-village": [rng.choice(villages)],
            f"team-{k}-role": ["Мүше"],
            f"activity-{k}-name": [_text(rng, 5)],
            f"activity-{k}-starts_on": [f"2025-08-{k * 10 + 1:02d}"],
            f"activity-{k}-ends_on": [f"2025-08-{k * 10 + 9:02d}"],
        }
    for k in range(3):
        data |= {
            f"budget-{k}-item": [rng.choice(WORDS)],
            f"budget-{k}-unit": ["дана"],
            f"budget-{k}-quantity": [str(rng.randint(1, 20))],
            f"budget-{k}-unit_cost_kzt": [str(rng.randint(5, 40) * 1000)],
        }
    return data


def _competition() -> Competition:
    source = Competition.objects.get(slug=COMPETITION_SLUG)
    competition = competition_copy(
        competition=source, slug=SCALE_SLUG, opens_at=source.opens_at, closes_at=source.closes_at
    )
    competition.title = f"{source.title} (scale)"
    competition.results_published_at = None
    competition.save()
    return competition


def seed_applications(competition: Competition, sizes: Sizes, rng: random.Random) -> list[int]:
    places = list(
        Settlement.objects.filter(kind=Settlement.Kind.VILLAGE).select_related("district")
    )
    villages = [place.pk for place in places]
    labels = [place_label(place) for place in places]
    applicants = _users("applicant", sizes.applications, Role.APPLICANT, DEMO_PASSWORD)
    iins = unique_iins(rng)
    bulk(
        ApplicantProfile,
        (
            ApplicantProfile(user=user, iin=iin, birth_date=born, village_id=rng.choice(villages))
            for user, (born, iin) in zip(applicants, iins, strict=False)
        ),
    )
    submitted = competition.opens_at + timedelta(days=3)
    numbers = iter(range(1, sizes.applications + 1))

    def application(n: int, user: User) -> Application:
        status = status_of(n)
        if status == Application.Status.DRAFT:
            return Application(
                competition=competition,
                applicant=user,
                status=status,
                draft_data=_draft(rng, labels),
                autosaved_at=submitted,
            )
        return Application(
            competition=competition,
            applicant=user,
            status=status,
            title=_text(rng, 4)[:190],
            village_id=rng.choice(villages),
            problem=_text(rng, 40),
            idea=_text(rng, 60),
            goal=_text(rng, 15),
            expected_results=_text(rng, 20),
            registration_number=f"SC-{next(numbers):06d}",
            submitted_at=submitted + timedelta(minutes=n),
            declarations_accepted_at=submitted + timedelta(minutes=n),
        )

    bulk(Application, (application(n, user) for n, user in enumerate(applicants)))
    Competition.objects.filter(pk=competition.pk).update(
        last_number=competition.applications.exclude(status=Application.Status.DRAFT).count()
    )
    ids = list(
        competition.applications.exclude(status=Application.Status.DRAFT)
        .order_by("pk")
        .values_list("pk", "status")
    )
    serial = iter(range(100_000, 10_000_000))

    def members():
        for application_id, _status in ids:
            for position in range(1, rng.choice([2, 3, 3]) + 1):
                born = date(1992, 1, 1) + timedelta(days=rng.randint(0, 11 * 365))
                yield TeamMember(
                    application_id=application_id,
                    position=position,
                    full_name=f"Мүше {application_id}-{position}",
                    iin=compose_iin(born, next(serial)),
                    birth_date=born,
                    phone="+77010000000",
                    village_id=rng.choice(villages),
                    role="Мүше",
                )

    bulk(TeamMember, members())
    bulk(
        BudgetItem,
        (
            BudgetItem(
                application_id=application_id,
                position=position,
                item=rng.choice(WORDS),
                unit="дана",
                quantity=rng.randint(1, 20),
                unit_cost_kzt=rng.randint(5, 40) * 1000,
            )
            for application_id, _status in ids
            for position in (1, 2, 3)
        ),
    )
    # Written in bulk, not by submission: the stored team size and amount follow the rows.
    totals_refresh(competition.applications.all())
    bulk(
        ApplicationActivity,
        (
            ApplicationActivity(
                application_id=application_id,
                position=position,
                name=_text(rng, 5)[:290],
                starts_on=date(2025, 8, 1) + timedelta(weeks=2 * position),
                ends_on=date(2025, 8, 8) + timedelta(weeks=2 * position),
            )
            for application_id, _status in ids
            for position in range(1, rng.choice([2, 3, 4]) + 1)
        ),
    )
    # One stored file shared by every row: the rows are what the pages read.
    stored = default_storage.save("scale/plan.pdf", ContentFile(b"%PDF-1.4 scale attachment\n"))
    bulk(
        Attachment,
        (
            Attachment(
                application_id=application_id,
                file=stored,
                original_name=f"{name}.pdf",
                content_type=Attachment.Kind.PDF,
                size=180_000 + application_id % 1000,
            )
            for application_id, _status in ids
            for name in ("жоспар", "хат")[: 1 + application_id % 2]
        ),
    )
    staff = User.objects.filter(groups__name=Role.STAFF).order_by("pk").first()
    owners = dict(competition.applications.values_list("pk", "applicant_id"))

    def history():
        for application_id, status in ids:
            yield StatusChange(
                application_id=application_id,
                from_status=Application.Status.DRAFT,
                to_status=Application.Status.SUBMITTED,
                changed_by_id=owners[application_id],
                changed_at=submitted,
            )
            if status != Application.Status.SUBMITTED:
                yield StatusChange(
                    application_id=application_id,
                    from_status=Application.Status.SUBMITTED,
                    to_status=status,
                    changed_by=staff,
                    changed_at=submitted + timedelta(days=5),
                    reason="" if status == Application.Status.ELIGIBLE else _text(rng, 8),
                )

    bulk(StatusChange, history())
    return [application_id for application_id, _status in ids]


def seed_reviews(competition: Competition, sizes: Sizes, rng: random.Random) -> None:
    experts = _users("expert", sizes.experts, Role.EXPERT, DEMO_PASSWORD)
    accepted = competition.closes_at + timedelta(days=1)
    bulk(
        CommissionMember,
        (
            CommissionMember(
                competition=competition,
                expert=expert,
                is_chair=n == 0,
                declaration_accepted_at=accepted,
            )
            for n, expert in enumerate(experts)
        ),
    )
    members = list(competition.commission.order_by("pk").values_list("pk", flat=True))
    eligible = list(
        competition.applications.filter(status=Application.Status.ELIGIBLE)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    per = sizes.reviews_per_application
    bulk(
        Assignment,
        (
            Assignment(
                application_id=application_id,
                member_id=members[(n * per + k) % len(members)],
                conflict=Assignment.Conflict.NONE,
                declared_at=accepted,
            )
            for n, application_id in enumerate(eligible)
            for k in range(per)
        ),
    )
    assignments = Assignment.objects.filter(member__competition=competition).values_list(
        "pk", "member_id"
    )
    bulk(
        Review,
        (
            Review(
                assignment_id=pk,
                member_id=member_id,
                status=Review.Status.SUBMITTED,
                comment=_text(rng, 12),
                saved_at=accepted,
                submitted_at=accepted,
            )
            for pk, member_id in assignments.iterator()
        ),
    )
    criteria = list(competition.criteria.values_list("pk", "max_score"))
    reviews = Review.objects.filter(assignment__member__competition=competition).values_list(
        "pk", flat=True
    )
    bulk(
        CriterionScore,
        (
            CriterionScore(
                review_id=review_id,
                criterion_id=criterion_id,
                score=rng.randint(max_score // 3, max_score),
                justification=_text(rng, 8),
            )
            for review_id in reviews.iterator()
            for criterion_id, max_score in criteria
        ),
    )


def seed_grantees(competition: Competition, sizes: Sizes, rng: random.Random) -> None:
    mentors = _users("mentor", max(1, sizes.grantees // 7), Role.MENTOR, DEMO_PASSWORD)
    staff = User.objects.filter(groups__name=Role.STAFF).order_by("pk").first()
    eligible = list(
        competition.applications.filter(status=Application.Status.ELIGIBLE)
        .order_by("pk")
        .values_list("pk", flat=True)[: sizes.grantees]
    )
    assigned = timezone.make_aware(datetime(2025, 7, 21, 10))
    bulk(
        GranteeProject,
        (
            GranteeProject(
                application_id=pk,
                award_kzt=1_000_000,
                mentor=mentors[n % len(mentors)],
                mentor_assigned_at=assigned,
            )
            for n, pk in enumerate(eligible)
        ),
    )
    projects = list(
        GranteeProject.objects.filter(application__competition=competition).values_list(
            "pk", "mentor_id"
        )
    )
    bulk(
        ProjectBudgetLine,
        (
            ProjectBudgetLine(
                project_id=pk, position=position, item=rng.choice(WORDS), amount_kzt=amount
            )
            for pk, _mentor in projects
            for position, amount in ((1, 400_000), (2, 350_000), (3, 250_000))
        ),
    )
    # Four eyes: another staff member approves what the first one recorded.
    approver = (
        User.objects.filter(groups__name=Role.STAFF).exclude(pk=staff.pk).order_by("pk").first()
    )
    bulk(
        Disbursement,
        (
            Disbursement(
                project_id=pk,
                paid_on=paid_on,
                amount_kzt=amount,
                document_number=f"ПП-{pk}-{n}",
                recorded_by=staff,
                status=Disbursement.Status.APPROVED if approver else Disbursement.Status.RECORDED,
                decided_by=approver,
                decided_at=timezone.now() if approver else None,
            )
            for pk, _mentor in projects
            for n, (paid_on, amount) in enumerate(
                ((date(2025, 8, 4), 700_000), (date(2025, 9, 15), 300_000))
            )
        ),
    )
    bulk(
        Meeting,
        (
            Meeting(
                project_id=pk,
                mentor_id=mentor_id,
                held_on=date(2025, 8, 6) + timedelta(weeks=w),
                format=Meeting.Format.ONLINE,
                duration_minutes=60,
                topics=_text(rng, 8),
                next_steps=_text(rng, 6),
                project_state=Meeting.ProjectState.ON_TRACK,
            )
            for pk, mentor_id in projects
            for w in range(5)
        ),
    )
    bulk(
        ProgressReport,
        (
            ProgressReport(
                project_id=pk,
                number=n,
                done=_text(rng, 30),
                status=ProgressReport.Status.ACCEPTED,
                submitted_at=assigned + timedelta(days=40 * n),
            )
            for pk, _mentor in projects
            for n in (1, 2)
        ),
    )
    receipt = default_storage.save("scale/receipt.jpg", ContentFile(b"\xff\xd8\xff scale receipt"))
    lines = {}
    for line_pk, project_pk in ProjectBudgetLine.objects.filter(
        project__application__competition=competition
    ).values_list("pk", "project_id"):
        lines.setdefault(project_pk, []).append(line_pk)
    bulk(
        GranteeExpense,
        (
            GranteeExpense(
                report_id=report_pk,
                line_id=lines[project_pk][k],
                spent_on=date(2025, 9, 1),
                amount_kzt=50_000,
                description=_text(rng, 3),
                receipt=receipt,
                receipt_type="image/jpeg",
            )
            for report_pk, project_pk in ProgressReport.objects.filter(
                project__application__competition=competition
            ).values_list("pk", "project_id")
            for k in range(3)
        ),
    )


def seed_media(competition: Competition, sizes: Sizes, rng: random.Random) -> None:
    """Posts with four dated snapshots each, on the demo's project."""
    project = competition.project
    platforms = [choice for choice, _label in Post.Platform.choices]
    bulk(
        Post,
        (
            Post(
                project=project,
                platform=platforms[n % len(platforms)],
                link=f"https://example.org/scale/post/{n}",
                published_on=date(2025, 8, 1) + timedelta(days=n % 90),
                event="Scale",
            )
            for n in range(sizes.posts)
        ),
    )
    posts = Post.objects.filter(link__startswith="https://example.org/scale/").values_list(
        "pk", flat=True
    )
    bulk(
        PostSnapshot,
        (
            PostSnapshot(
                post_id=pk,
                taken_on=date(2025, 9, 1) + timedelta(weeks=w),
                views=100 * (w + 1) + pk % 97,
                likes=10 * (w + 1),
                comments=w,
                shares=w,
                positive=2 * w,
                neutral=w,
                negative=w // 2,
            )
            for pk in posts.iterator()
            for w in range(4)
        ),
    )
    campaign_days_refresh(project=project)


def seed_exhibition(competition: Competition, sizes: Sizes, rng: random.Random) -> None:
    """Registrations for the demo's exhibition, four in five checked in at the door."""
    exhibition = Exhibition.objects.filter(project=competition.project).order_by("pk").first()
    if exhibition is None:
        return
    Exhibition.objects.filter(pk=exhibition.pk).update(capacity=sizes.participants + 1000)
    categories = [choice for choice, _label in Registration.Category.choices]
    consent = timezone.make_aware(datetime(2025, 10, 20, 12))
    bulk(
        Registration,
        (
            Registration(
                exhibition=exhibition,
                full_name=f"Қатысушы {n}",
                category=categories[n % len(categories)],
                phone=f"+7701{n:07d}",
                consent_at=consent,
                confirmed_at=consent,
                token=f"scale-{n}",
                checked_in_at=consent + timedelta(days=18) if n % 5 else None,
            )
            for n in range(sizes.participants)
        ),
    )


SURNAMES = ("Ахметов", "Сериков", "Төлеуов", "Жұмабаев", "Есенов", "Қайратов", "Нұрланов")


def seed_conflicts(competition: Competition, sizes: Sizes, rng: random.Random) -> None:
    """What the commission's conflict flags find: experts with Kazakh surnames, two of them
    living in a village (their profile), and one team in 400 with a member who shares an
    expert's surname in its other form (Ахметов, Ахметова). Run after seed_reviews."""
    experts = list(User.objects.filter(commissions__competition=competition).order_by("pk"))
    for n, expert in enumerate(experts):
        expert.full_name = f"{SURNAMES[n % len(SURNAMES)]} {expert.full_name}"
    User.objects.bulk_update(experts, ["full_name"], batch_size=BATCH)
    villages = list(
        Settlement.objects.filter(kind=Settlement.Kind.VILLAGE).values_list("pk", flat=True)
    )
    bulk(
        ApplicantProfile,
        (
            ApplicantProfile(
                user=expert,
                iin=compose_iin(date(1975, 1, 1) + timedelta(days=n), 1000),
                birth_date=date(1975, 1, 1) + timedelta(days=n),
                village_id=rng.choice(villages),
            )
            for n, expert in enumerate(experts)
            if n % 25 == 2
        ),
    )
    members = list(
        TeamMember.objects.filter(application__competition=competition, position=1).order_by(
            "application_id"
        )[::400]
    )
    for n, member in enumerate(members):
        member.full_name = f"{SURNAMES[n % len(SURNAMES)]}а Айгүл"
    TeamMember.objects.bulk_update(members, ["full_name"], batch_size=BATCH)


# Each f(competition, sizes, rng); apps that arrive later add theirs here.
SEEDERS = [seed_reviews, seed_conflicts, seed_grantees, seed_media, seed_exhibition]


def seed_scale(sizes: Sizes, *, seed: int = 2025) -> Seeded:
    """The demo, then a competition of sizes.applications with everything around it."""
    if Competition.objects.filter(slug=SCALE_SLUG).exists():
        raise ValueError("This database already holds the scale data; use a fresh database.")
    load_demo()
    rng = random.Random(seed)
    with transaction.atomic():
        competition = _competition()
        seed_applications(competition, sizes, rng)
        for seeder in SEEDERS:
            seeder(competition, sizes, rng)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # VACUUM too, as autovacuum soon would on a live server: until the visibility
            # map is set, PostgreSQL reads every row behind an index-only scan, and the pages
            # built to count from an index alone were timed as if they had no such index.
            # VACUUM cannot run in a transaction (the tests' one): ANALYZE alone there.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
    # The ranking's order computed and kept, as the task leaves it after a review: a new
    # competition, so nothing kept can be stale; the first view then reads it.
    ranking_refresh(competition_id=competition.pk)
    # Today's indicator values and dashboard charts, as the nightly task leaves them.
    indicators_snapshot()
    charts_snapshot()
    return Seeded(
        competition=competition,
        counts={
            "applications": competition.applications.count(),
            "reviews": Review.objects.filter(assignment__member__competition=competition).count(),
            "grantee_projects": GranteeProject.objects.filter(
                application__competition=competition
            ).count(),
            "posts": Post.objects.count(),
            "registrations": Registration.objects.count(),
        },
    )
