"""Demo applications to the 2025 call, submitted through the same forms and service a team uses."""

import random
from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.http import QueryDict
from django.utils import timezone, translation

from accounts.models import User
from accounts.roles import Role
from applications.forms import ApplicationForms
from applications.iin import compose_iin, parse_iin
from applications.models import ApplicantProfile, Application, TeamMember
from applications.services.application import application_screen, application_submit, profile_save
from competitions.models import Settlement
from demo.source import TEAM_IDEAS

APPLICATIONS = 32
# Rural-district centres across the five districts.
VILLAGES = [
    "473630100",
    "473633100",
    "473637100",
    "474630100",
    "474633100",
    "474635100",
    "474230100",
    "474233100",
    "474239100",
    "475030100",
    "475036100",
    "475233100",
    "475237100",
    "471043100",
    "471835100",
    "471837100",
]
FIRST = [
    "Ерлан",
    "Аружан",
    "Нұржан",
    "Мадина",
    "Бекзат",
    "Динара",
    "Арман",
    "Айгерім",
    "Дәурен",
    "Аяжан",
    "Санжар",
    "Әсел",
    "Ержан",
    "Гүлназ",
    "Темірлан",
    "Жансая",
]
LAST = [
    "Жұмабаев",
    "Серікова",
    "Төлеуов",
    "Қайратова",
    "Есенов",
    "Бисенова",
    "Ахметов",
    "Нұрланова",
    "Сағынтаев",
    "Әбілова",
    "Оспанов",
    "Құлжанова",
    "Бекмұханов",
    "Исаева",
]
ITEMS = [
    ("Көшет", "дана", 6000),
    ("Орындық", "дана", 85000),
    ("Жарық шамы", "дана", 45000),
    ("Бояу", "литр", 2500),
    ("Тор", "метр", 9000),
    ("Қоқыс жәшігі", "дана", 18000),
    ("Құрылыс материалы", "қызмет", 150000),
]


def lead_typed_members(application: Application, members, village: Settlement) -> None:
    """The 2025 teams as they were: teammates typed by their lead before members confirmed
    themselves (TeamMember.Source.LEAD_TYPED); submission carries them over as they are."""
    TeamMember.objects.bulk_create(
        TeamMember(
            application=application,
            position=position,
            full_name=name,
            iin=iin,
            birth_date=parse_iin(iin).birth_date,
            phone="+77011234567",
            village=village,
            role="Мүше",
            source=TeamMember.Source.LEAD_TYPED,
        )
        for position, (name, iin) in enumerate(members[1:], start=2)
    )


def form_data(village: Settlement, title, problem, idea, members, budget, year: int) -> QueryDict:
    data = QueryDict(mutable=True)
    fields = {
        "main-title": title,
        "main-village": str(village.pk),
        "main-problem": problem,
        "main-idea": idea,
        "main-goal": idea,
        "main-expected_results": problem,
        "declare-rules": "on",
        "declare-accuracy": "on",
        "declare-no_ties": "on",
        "activity-TOTAL_FORMS": "1",
        "activity-INITIAL_FORMS": "0",
        "activity-0-name": title,
        "activity-0-starts_on": f"{year}-08-01",
        "activity-0-ends_on": f"{year}-09-30",
        "budget-TOTAL_FORMS": str(len(budget)),
        "budget-INITIAL_FORMS": "0",
    }
    for index, (item, unit, quantity, cost) in enumerate(budget):
        fields |= {
            f"budget-{index}-item": item,
            f"budget-{index}-unit": unit,
            f"budget-{index}-quantity": str(quantity),
            f"budget-{index}-unit_cost_kzt": str(cost),
        }
    for key, value in fields.items():
        data[key] = value
    return data


def _budget(rng: random.Random) -> list[tuple]:
    lines, total = [], 0
    for item, unit, cost in rng.sample(ITEMS, 3):
        quantity = max(1, (rng.randint(150_000, 330_000)) // cost)
        if total + quantity * cost > 1_000_000:
            break
        lines.append((item, unit, quantity, cost))
        total += quantity * cost
    # Teams plan the whole grant (the source document funds each with 1 000 000 ₸), so the
    # awards, which follow what each team asked for, add up to the budget's 7 000 000 ₸.
    lines.append(("Жеткізу және орнату жұмыстары", "қызмет", 1, 1_000_000 - total))
    return lines


def load_applications(demo) -> None:
    """32 teams apply to the 2025 call; GAMO finds 30 eligible, two not."""
    competition = demo.competition
    if competition.applications.exists():
        return
    rng = random.Random(2025)
    applicants = Group.objects.get(name=Role.APPLICANT)
    staff = User.objects.filter(groups__name=Role.STAFF).order_by("pk").first()
    serial = 100
    for number in range(1, APPLICATIONS + 1):
        village = Settlement.objects.get(kato_code=VILLAGES[number % len(VILLAGES)])
        # A village hosts two teams (32 teams, 16 villages): the second one's idea is the
        # next on the list, so no two applications share a title.
        topic, problem, idea = TEAM_IDEAS[(number + number // len(VILLAGES)) % len(TEAM_IDEAS)]
        title = f"{village.name_kk}: {topic}"
        members = []
        for index in range(rng.choice([2, 2, 3])):
            born = date(1992, 1, 1) + timedelta(days=rng.randint(0, 12 * 365))
            serial += 10
            last = LAST[(number + index * 5) % len(LAST)]
            name = f"{last} {FIRST[(number * 3 + index) % len(FIRST)]}"
            members.append((name, compose_iin(born, serial, male=index % 2 == 0)))
        lead, _created = User.objects.get_or_create(
            email=f"team{number}@{demo.domain}", defaults={"full_name": members[0][0]}
        )
        # Three teams can log in to see their results; the rest only fill the list.
        if number <= 3:
            lead.set_password(demo.password)
        else:
            lead.set_unusable_password()
        lead.save()
        lead.groups.add(applicants)
        profile_save(
            user=lead,
            full_name=members[0][0],
            phone=f"+7701{lead.pk:07d}",  # one number, one account
            iin=parse_iin(members[0][1]),
            village=village,
        )
        application = Application.objects.create(competition=competition, applicant=lead)
        lead_typed_members(application, members, village)
        forms = ApplicationForms(
            competition,
            application,
            form_data(village, title, problem, idea, members, _budget(rng), 2025),
        )
        if not forms.is_valid():
            raise ValueError(f"demo application {number}: {[f.errors for f in forms.all]}")
        submitted_at = competition.opens_at + timedelta(days=3 + number, hours=number % 7)
        with translation.override("kk"):  # the lead's role is written in Kazakh
            application_submit(application=application, forms=forms, by=lead, now=submitted_at)
        eligible = number not in (7, 19)
        application_screen(
            application=application,
            by=staff,
            eligible=eligible,
            reason="" if eligible else "Жоба аудан орталығындағы қалада өтеді.",
            now=submitted_at + timedelta(days=2),
        )


def load_applicant_profile(demo) -> None:
    """The demo applicant has a profile and no application yet: the open call awaits."""
    user = User.objects.get(email=f"applicant@{demo.domain}")
    if not ApplicantProfile.objects.filter(user=user).exists():
        profile_save(
            user=user,
            full_name=user.full_name,
            phone="+77011112233",
            iin=parse_iin(compose_iin(date(2001, 4, 12), 10)),
            village=Settlement.objects.get(kato_code="473630100"),
        )


# The demo's invitation link for the teammate still to confirm, printed nowhere else: only its
# SHA-256 is stored, as for any invitation. Open /applications/join/<this>/ to try the page.
DEMO_INVITE_TOKEN = "demo-team-invitation"  # noqa: S105 (a published demo link, like the demo password)


def confirmed_teammate_add(
    *, application: Application, full_name: str, phone: str, role: str, iin: str, village
):
    """Demo and load-test data: a teammate who took the invitation and confirmed themselves
    (a phone account, their own IIN, village and consent)."""
    from accounts.consent import CONSENT_VERSION
    from applications.models import Teammate

    now = timezone.now()
    member = User.objects.filter(phone=phone).first()
    if member is None:
        member = User(
            email=None,
            full_name=full_name,
            phone=phone,
            phone_confirmed_at=now,
            personal_data_consent_at=now,
            personal_data_consent_version=CONSENT_VERSION,
        )
        member.set_unusable_password()
        member.save()
        member.groups.add(Group.objects.get(name=Role.APPLICANT))
    parsed = parse_iin(iin)
    return Teammate.objects.create(
        application=application,
        full_name=full_name,
        phone=phone,
        role=role,
        user=member,
        invited_at=now,
        token_expires_at=now,
        phone_confirmed_at=now,
        iin=parsed.number,
        birth_date=parsed.birth_date,
        village=village,
        consent_version=CONSENT_VERSION,
        consent_at=now,
        confirmed_at=now,
    )


def load_team_draft(demo) -> None:
    """A draft in the open call whose team is half confirmed: one teammate confirmed
    themselves (phone account, own IIN and consent), one is invited and has not yet."""
    from applications.models import Teammate
    from applications.selectors import token_digest_of

    lead, created = User.objects.get_or_create(
        email=f"teamlead@{demo.domain}", defaults={"full_name": "Жұмабаева Ақмарал"}
    )
    if not created:
        return
    lead.set_password(demo.password)
    lead.phone, lead.phone_confirmed_at = "+77017770001", demo.open_call.opens_at
    lead.save()
    lead.groups.add(Group.objects.get(name=Role.APPLICANT))
    shetpe = Settlement.objects.get(kato_code=VILLAGES[3])
    profile_save(
        user=lead,
        full_name=lead.full_name,
        phone=lead.phone,
        iin=parse_iin(compose_iin(date(2002, 9, 14), 31, male=False)),
        village=shetpe,
    )
    application = Application.objects.create(
        competition=demo.open_call,
        applicant=lead,
        title=f"{shetpe.name_kk}: жастар кітапханасы",
        draft_data={"main-title": [f"{shetpe.name_kk}: жастар кітапханасы"]},
    )
    confirmed_teammate_add(
        application=application,
        full_name="Есенов Нұрдәулет",
        phone="+77017770002",
        role="Кітапханашы",
        iin=compose_iin(date(2003, 2, 20), 32),
        village=shetpe,
    )
    now = timezone.now()
    Teammate.objects.create(
        application=application,
        full_name="Оразова Меруерт",
        phone="+77017770003",
        role="Дизайнер",
        token_digest=token_digest_of(DEMO_INVITE_TOKEN),
        invited_at=now,
        token_expires_at=demo.open_call.closes_at,
    )
