"""Loads the demo: the JastarUrban project from the source document, one user per role.

Every row is created only when missing and never overwritten, so running the
loader twice changes nothing and never undoes what staff edited in the demo.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from modeltranslation.translator import translator

from accounts.models import User
from accounts.roles import Position, Role
from accounts.two_factor import requires_two_factor, totp_device_set
from competitions.models import Competition, Criterion, FaqItem
from competitions.services import competition_copy
from demo import source
from demo.app_keys import demo_app_key
from projects.models import (
    Activity,
    BudgetLine,
    GrantProject,
    GrantRecipient,
    Indicator,
    PastProject,
    ProjectTask,
    TargetGroup,
)

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
DEMO_PASSWORD = "jastar-demo-2025"  # noqa: S105 - printed on purpose: demo logins only
DEMO_DOMAIN = "demo.jastarurban.kz"
AQTAU = ZoneInfo("Asia/Aqtau")
COMPETITION_SLUG = "jastarurban-2025"


@dataclass(frozen=True)
class DemoUser:
    role: Role
    email: str
    full_name: str
    is_superuser: bool = False
    position: str = ""


DEMO_USERS = [
    DemoUser(
        Role.STAFF,
        f"coordinator@{DEMO_DOMAIN}",
        "Амангелдиева Молдир",
        is_superuser=True,
        position=Position.COORDINATOR,
    ),
    DemoUser(
        Role.STAFF,
        f"director@{DEMO_DOMAIN}",
        "Ахметова Жібек Аманбайқызы",
        position=Position.DIRECTOR,
    ),
    DemoUser(
        Role.STAFF, f"accountant@{DEMO_DOMAIN}", "Қошжанова Ақмарал", position=Position.ACCOUNTANT
    ),
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
                "group": line.get("group", ""),
                "activity": activities.get(line["activity"]),
                "unit": line["unit"],
                "quantity": line["quantity"],
                "unit_cost_kzt": line["unit_cost_kzt"],
                "funding_source": BudgetLine.Source.GRANT,
                "includes_grantee_spending": line.get("includes_grantee_spending", False),
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
                "target_max": row.get("target_max"),
                "comparison": row["comparison"],
            },
        )


# The call as the source document planned it (June–July 2025): its commission
# has finished and its results are published in the demo.
CALL_OPENS = datetime(2025, 6, 1, 9, 0, tzinfo=AQTAU)
CALL_CLOSES = datetime(2025, 7, 15, 18, 0, tzinfo=AQTAU)
REVIEWS_DUE = datetime(2025, 7, 25, 18, 0, tzinfo=AQTAU)
# JastarUrban breaks ties on social impact, then feasibility.
TIE_BREAK = {"social_impact": 1, "feasibility": 2}
OPEN_SLUG = "jastarurban-open"


def load_competition(project: GrantProject) -> Competition:
    data = source.COMPETITION
    competition, _created = Competition.objects.get_or_create(
        slug=COMPETITION_SLUG,
        defaults={
            **translated(data, Competition),
            "project": project,
            "opens_at": CALL_OPENS,
            "closes_at": CALL_CLOSES,
            "review_deadline": REVIEWS_DUE,
            # One conflicted expert must not leave a team unranked.
            "required_reviews": data["expert_count"] - 1,
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
            defaults={
                **translated(criterion, Criterion),
                "position": position,
                "tie_break_order": TIE_BREAK.get(criterion["code"]),
            },
        )
    return competition


NEXT_SLUG = "jastarurban-next"
NEXT_PROJECT_DAYS = 182


def load_next_project(first: GrantProject, now: datetime) -> GrantProject:
    """GAMO's next project, in which the open call runs: a call opened today is not the 2025
    project's, and its applications must not reach that project's report. Its passport and
    calendar plan follow the first project's, moved to its own dates; its budget and
    indicators are left for staff to enter on the set-up pages."""
    existing = GrantProject.objects.filter(slug=NEXT_SLUG).first()
    if existing:
        return existing
    opens_at, _closes_at = demo_window(now)
    starts_on = timezone.localdate(opens_at)
    shift = starts_on - first.starts_on
    project = GrantProject.objects.get(pk=first.pk)
    project.pk = None
    project.slug = NEXT_SLUG
    project.starts_on = starts_on
    project.ends_on = starts_on + timedelta(days=NEXT_PROJECT_DAYS)
    for language in LANGUAGES:
        title = getattr(first, f"title_{language}") or ""
        setattr(project, f"title_{language}", f"{title} ({starts_on.year})" if title else "")
    project.save()
    for relation in ("tasks", "target_groups", "activities"):
        for row in getattr(first, relation).all():
            row.pk = None
            row.project = project
            if relation == "activities":
                row.starts_on = min(row.starts_on + shift, project.ends_on)
                row.ends_on = min(row.ends_on + shift, project.ends_on)
            row.save()
    return project


def load_open_call(competition: Competition, now: datetime, project: GrantProject) -> Competition:
    """A copy of the call that is open when the demo is loaded, to try the applicant's side;
    it belongs to the next project (a demo loaded before there were two is moved there)."""
    existing = Competition.objects.filter(slug=OPEN_SLUG).first()
    if existing:
        if existing.project_id != project.pk:
            existing.project = project
            existing.save(update_fields=["project"])
        return existing
    opens_at, closes_at = demo_window(now)
    call = competition_copy(
        competition=competition, slug=OPEN_SLUG, opens_at=opens_at, closes_at=closes_at
    )
    call.project = project
    year = timezone.localtime(opens_at).year
    for language in LANGUAGES:
        title = getattr(competition, f"title_{language}") or ""
        setattr(call, f"title_{language}", f"{title} ({year})")
    call.title = call.title_kk
    call.review_deadline = None
    call.number_prefix = "JU"
    call.save()
    return call


def load_rules(competition: Competition) -> None:
    """The call's rules and FAQ. Filled only where empty, so a demo loaded before the
    rules existed gets them and what staff wrote is never overwritten."""
    if not competition.rules_kk:
        for field, text in source.COMPETITION_RULES.items():
            setattr(competition, field, text)
        competition.rules = competition.rules_kk
        competition.save(update_fields=[*source.COMPETITION_RULES, "rules"])
    if not competition.faq.exists():
        for position, item in enumerate(source.COMPETITION_FAQ, start=1):
            FaqItem.objects.create(
                competition=competition, position=position, **translated(item, FaqItem)
            )


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
                position=demo.position,
            )
        elif user.position != demo.position:
            user.position = demo.position
            user.save(update_fields=["position"])
        user.groups.add(Group.objects.get(name=demo.role))
        if requires_two_factor(user):
            # Set up already, with a published key: the demo's README tells how to sign in.
            totp_device_set(user=user, key=demo_app_key(user.email))
    return DEMO_USERS


@dataclass(frozen=True)
class DemoContext:
    competition: Competition  # the 2025 call, decided and published
    open_call: Competition  # open now, for trying the applicant's side
    domain: str
    password: str


@transaction.atomic
def load_demo(*, now: datetime | None = None) -> list[DemoUser]:
    """The project and its users first, then each app's part (settings.DEMO_LOADERS).

    The steps are named in the settings rather than imported here, so that a test loads
    only the part it needs. The source is written in Kazakh: a translated field set
    without its language suffix goes to the active language, so the load runs in the
    default one whatever language its caller left active.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _load_demo(now or timezone.now())


def _load_demo(now: datetime) -> list[DemoUser]:
    project = load_project(load_recipient())
    load_budget(project)
    load_indicators(project)
    competition = load_competition(project)
    load_rules(competition)
    open_call = load_open_call(competition, now, load_next_project(project, now))
    load_rules(open_call)
    users = load_users()
    demo = DemoContext(
        competition=competition, open_call=open_call, domain=DEMO_DOMAIN, password=DEMO_PASSWORD
    )
    for path in settings.DEMO_LOADERS:
        import_string(path)(demo)
    return users
