"""Loads the demo: the JastarUrban project from the source document, one user per role.

Every row is created only when missing and never overwritten, so running the
loader twice changes nothing and never undoes what staff edited in the demo.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from modeltranslation.translator import translator

from accounts.models import User
from accounts.roles import Role
from applications.iin import compose_iin, parse_iin
from competitions.demo import source
from competitions.models import (
    Activity,
    BudgetLine,
    Competition,
    Criterion,
    GrantProject,
    GrantRecipient,
    Indicator,
    PastProject,
    ProjectTask,
    Settlement,
    TargetGroup,
)

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
DEMO_PASSWORD = "jastar-demo-2025"  # noqa: S105 - printed on purpose: demo logins only
DEMO_DOMAIN = "demo.jastarurban.kz"
COMPETITION_SLUG = "jastarurban-2025"


@dataclass(frozen=True)
class DemoUser:
    role: Role
    email: str
    full_name: str
    is_superuser: bool = False


DEMO_USERS = [
    DemoUser(Role.STAFF, f"coordinator@{DEMO_DOMAIN}", "Амангелдиева Молдир", is_superuser=True),
    DemoUser(Role.STAFF, f"director@{DEMO_DOMAIN}", "Ахметова Жібек Аманбайқызы"),
    DemoUser(Role.STAFF, f"accountant@{DEMO_DOMAIN}", "Қошжанова Ақмарал"),
    DemoUser(Role.OPERATOR, f"operator@{DEMO_DOMAIN}", "Сейітова Гүлнар (оператор)"),
    DemoUser(Role.EXPERT, f"expert1@{DEMO_DOMAIN}", "Тасмағамбетов Нұрлан"),
    DemoUser(Role.EXPERT, f"expert2@{DEMO_DOMAIN}", "Жақсылықова Әсел"),
    DemoUser(Role.EXPERT, f"expert3@{DEMO_DOMAIN}", "Өтебаев Марат"),
    DemoUser(Role.EXPERT, f"expert4@{DEMO_DOMAIN}", "Құлжанова Динара"),
    DemoUser(Role.EXPERT, f"expert5@{DEMO_DOMAIN}", "Ізбасаров Ерлан"),
    DemoUser(Role.MENTOR, f"mentor@{DEMO_DOMAIN}", "Бекмұхамбетова Айгерім"),
    DemoUser(Role.APPLICANT, f"applicant@{DEMO_DOMAIN}", "Сағынтаев Даурен"),
]


def translated(data: dict, model) -> dict:
    """Picks `field_kk`, `field_ru`, `field_en` of each of the model's translated fields
    (as competitions/translation.py registers them), with Kazakh as the plain value."""
    values = {}
    for name in translator.get_options_for_model(model).fields:
        for language in LANGUAGES:
            values[f"{name}_{language}"] = data.get(f"{name}_{language}", "")
        values[name] = values[f"{name}_kk"]
    return values


def demo_window(now: datetime) -> tuple[datetime, datetime]:
    """The demo call is open when the demo is loaded: the document's June–July 2025
    window has passed, and a closed call would leave nothing to try."""
    today = timezone.localdate(now)
    zone = timezone.get_current_timezone()
    opens = datetime.combine(today - timedelta(days=7), time(9, 0), tzinfo=zone)
    closes = datetime.combine(today + timedelta(days=45), time(18, 0), tzinfo=zone)
    return opens, closes


def load_recipient() -> GrantRecipient:
    data = source.RECIPIENT
    recipient, _created = GrantRecipient.objects.get_or_create(
        bin=data["bin"],
        defaults={
            **translated(data, GrantRecipient),
            "registered_on": data["registered_on"],
            "reregistered_on": data["reregistered_on"],
            "head_full_name": data["head_full_name"],
            "phone": data["phone"],
            "email": data["email"],
            "website": data["website"],
            "social_links": data["social_links"],
        },
    )
    for position, past in enumerate(source.EARLIER_PROJECTS, start=1):
        PastProject.objects.get_or_create(
            recipient=recipient,
            position=position,
            defaults={
                **translated(past, PastProject),
                "period": past["period"],
                "year": past["year"],
                "amount_kzt": past["amount_kzt"],
            },
        )
    return recipient


def load_project(recipient: GrantRecipient) -> GrantProject:
    operator = {f"operator_name_{lang}": source.OPERATOR[f"name_{lang}"] for lang in LANGUAGES}
    data = source.PROJECT | operator
    project, _created = GrantProject.objects.get_or_create(
        slug=data["slug"],
        defaults={
            **translated(data, GrantProject),
            "recipient": recipient,
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
        },
    )
    for task in source.TASKS:
        ProjectTask.objects.get_or_create(
            project=project, number=task["number"], defaults=translated(task, ProjectTask)
        )
    for position, group in enumerate(source.TARGET_GROUPS, start=1):
        TargetGroup.objects.get_or_create(
            project=project,
            position=position,
            defaults={**translated(group, TargetGroup), "count": group["count"]},
        )
    for row in source.ACTIVITIES:
        Activity.objects.get_or_create(
            project=project,
            number=row["number"],
            defaults={
                **translated(row, Activity),
                "starts_on": row["starts_on"],
                "ends_on": row["ends_on"],
            },
        )
    return project


def load_budget(project: GrantProject) -> None:
    activities = {activity.number: activity for activity in project.activities.all()}
    for position, line in enumerate(source.BUDGET_LINES, start=1):
        BudgetLine.objects.get_or_create(
            project=project,
            position=position,
            defaults={
                **translated(line, BudgetLine),
                "section": line["section"],
                "activity": activities.get(line["activity"]),
                "unit": line["unit"],
                "quantity": line["quantity"],
                "unit_cost_kzt": line["unit_cost_kzt"],
                "funding_source": BudgetLine.Source.GRANT,
            },
        )


def load_indicators(project: GrantProject) -> None:
    activities = {activity.number: activity for activity in project.activities.all()}
    for position, row in enumerate(source.INDICATORS, start=1):
        Indicator.objects.get_or_create(
            project=project,
            code=row["code"],
            defaults={
                **translated(row, Indicator),
                "position": position,
                "activity": activities[row["activity"]],
                "kind": row["kind"],
                "unit": row["unit"],
                "target": row["target"],
                "comparison": row["comparison"],
            },
        )


def load_competition(project: GrantProject, now: datetime) -> Competition:
    data = source.COMPETITION
    opens_at, closes_at = demo_window(now)
    competition, _created = Competition.objects.get_or_create(
        slug=COMPETITION_SLUG,
        defaults={
            **translated(data, Competition),
            "project": project,
            "opens_at": opens_at,
            "closes_at": closes_at,
            "min_age": data["min_age"],
            "max_age": data["max_age"],
            "min_team_size": data["min_team_size"],
            "max_team_size": data["max_team_size"],
            "max_request_kzt": data["award_amount_kzt"],
            "award_count": data["award_count"],
            "expected_applications": data["expected_applications"],
            "announcement_target": data["announcement_target"],
        },
    )
    for position, criterion in enumerate(source.CRITERIA, start=1):
        Criterion.objects.get_or_create(
            competition=competition,
            code=criterion["code"],
            defaults={**translated(criterion, Criterion), "position": position},
        )
    return competition


def load_users() -> list[DemoUser]:
    for demo in DEMO_USERS:
        user = User.objects.filter(email__iexact=demo.email).first()
        if user is None:
            user = User.objects.create_user(
                email=demo.email,
                password=DEMO_PASSWORD,
                full_name=demo.full_name,
                is_staff=demo.role == Role.STAFF,
                is_superuser=demo.is_superuser,
            )
        user.groups.add(Group.objects.get(name=demo.role))
    return DEMO_USERS


def load_applicant_profile() -> None:
    from applications.models import ApplicantProfile
    from applications.profiles import profile_save

    user = User.objects.get(email=f"applicant@{DEMO_DOMAIN}")
    if not ApplicantProfile.objects.filter(user=user).exists():
        profile_save(
            user=user,
            full_name=user.full_name,
            phone="+77011112233",
            iin=parse_iin(compose_iin(date(2001, 4, 12), 10)),
            village=Settlement.objects.get(kato_code="473630100"),
        )


@transaction.atomic
def load_demo(*, now: datetime | None = None) -> list[DemoUser]:
    from competitions.demo.applications import load_applications

    project = load_project(load_recipient())
    load_budget(project)
    load_indicators(project)
    competition = load_competition(project, now or timezone.now())
    users = load_users()
    load_applicant_profile()
    load_applications(competition, DEMO_DOMAIN, DEMO_PASSWORD)
    return users
