"""The demo's final exhibition in Aktau: 7 stands, 62 registrations of which 54 came,
the round table, 12 thank-you letters (PDFs rendered here) and 40 feedback answers.
Creates only what is missing."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from exhibition.letters import letter_render
from exhibition.models import Exhibition, Feedback, Letter, Registration, RoundTable, Stand
from exhibition.services import letter_create
from mentoring.models import GranteeProject

SLUG = "jastarurban-2025"
HELD_ON = date(2025, 11, 7)
PROGRAMME = """10:00 Тіркеу, көрмені аралау
10:30 Ашылу: ГАМО президенті Ахметова Жібек Аманбайқызы
11:00 Жеті жоба командасының таныстырылымы
13:00 Түскі үзіліс
14:00 Дөңгелек үстел: «Ауылдан басталады — тәжірибе алмасу»
16:00 Алғыс хаттарды табыстау
17:00 Жабылу"""
FIRST_NAMES = [
    "Айгерім",
    "Нұрлан",
    "Әсел",
    "Ерболат",
    "Дана",
    "Ғалым",
    "Қуаныш",
    "Меруерт",
    "Өмірзақ",
    "Ұлжан",
    "Үміт",
    "Іңкәр",
    "Бауыржан",
    "Жансая",
    "Серік",
    "Айдана",
    "Арман",
    "Гүлнұр",
    "Дәурен",
    "Әлия",
    "Талғат",
    "Назерке",
    "Мақсат",
    "Сәуле",
    "Ерлан",
    "Аружан",
    "Қайрат",
    "Жұлдыз",
    "Нұржан",
    "Ақбота",
    "Бекзат",
]
SURNAMES = [
    "Әбілов",
    "Ғабдуллин",
    "Қасымов",
    "Серікбаев",
    "Төлегенов",
    "Өтегенов",
    "Құдайбергенов",
    "Жұмабаев",
    "Есенов",
    "Нұрпейісов",
    "Бекмағамбетов",
    "Ізтілеуов",
]
ORGANISATIONS = {
    Registration.Category.GRANTEE: "Бастамашыл топ",
    Registration.Category.GOVERNMENT: "Ауылдық округ әкімдігі",
    Registration.Category.EXPERT: "Сараптама комиссиясы",
    Registration.Category.YOUTH_ORG: "«Жастар ресурстық орталығы»",
    Registration.Category.VOLUNTEER: "«Маңғыстау еріктілері»",
    Registration.Category.MEDIA: "Жергілікті БАҚ",
    Registration.Category.RESIDENT: "",
}
IMPRESSIONS = [
    "Ауыл жастарының батылдығы қатты әсер етті.",
    "Шағын грант ауылды қалай өзгертетінін көрдім.",
    "Саябақ пен спорт алаңы жобалары ұнады.",
    "Впечатлили команды: всё сделано своими руками.",
    "Келесі жылы өз ауылымыздан өтінім береміз.",
    "",
]
PARTNER_LETTERS = [
    (
        "Бекмұхамбетова Айгерім Сәрсенқызы",
        Letter.Role.MENTOR,
        "Жастар жобаларына тәлімгерлік еткені үшін",
    ),
    ("Өтебаев Марат Қайратұлы", Letter.Role.PARTNER, "Сараптама комиссиясындағы әділ еңбегі үшін"),
    ("Ғабдуллина Әйгүл Серікқызы", Letter.Role.ACTIVIST, "Ауыл жастарын жобаға тартқаны үшін"),
    ("Құрманғалиев Нұржан Үсенұлы", Letter.Role.PARTNER, "Көрмені ұйымдастыруға көмектескені үшін"),
    ("Иванова Ольга Петровна", Letter.Role.PARTNER, "За информационную поддержку проекта"),
]


def _name(rng: random.Random) -> str:
    surname, first = rng.choice(SURNAMES), rng.choice(FIRST_NAMES)
    female = first in {
        "Айгерім",
        "Әсел",
        "Дана",
        "Меруерт",
        "Ұлжан",
        "Үміт",
        "Іңкәр",
        "Жансая",
        "Айдана",
        "Гүлнұр",
        "Әлия",
        "Назерке",
        "Сәуле",
        "Аружан",
        "Жұлдыз",
        "Ақбота",
    }
    return f"{surname}{'а' if female else ''} {first}"


def load_exhibition(demo) -> None:
    competition = demo.competition
    project = competition.project
    if Exhibition.objects.filter(slug=SLUG).exists():
        return
    rng = random.Random(2025)
    exhibition = Exhibition.objects.create(
        project=project,
        slug=SLUG,
        title="«JastarUrban: Ауылдан басталады» қорытынды көрмесі",
        held_on=HELD_ON,
        opens_at=time(10, 0),
        closes_at=time(18, 0),
        venue="Ақтау қ., 14 шағын аудан, Жастар сарайы",
        programme=PROGRAMME,
        capacity=80,
        registration_open=False,
    )
    grantees = list(
        GranteeProject.objects.filter(
            application__competition=competition,
            status__in=[GranteeProject.Status.ACTIVE, GranteeProject.Status.COMPLETED],
        ).select_related("application__village", "application__applicant")
    )
    for position, grantee in enumerate(grantees, start=1):
        application = grantee.application
        Stand.objects.create(
            exhibition=exhibition,
            grantee=grantee,
            position=position,
            summary=f"{application.village.name_kk} ауылы: {application.idea or application.title}",
            video_link=f"https://www.youtube.com/watch?v=ju25grantee{position}",
        )
    RoundTable.objects.create(
        exhibition=exhibition,
        topic="Ауылдан басталады: жастар бастамаларының тәжірибесімен алмасу",
        starts_at=time(14, 0),
        moderator="Амангелдиева Молдир, жоба үйлестірушісі",
        speakers="\n".join(
            [
                "Ахметова Жібек Аманбайқызы — ГАМО президенті",
                "Бекмұхамбетова Айгерім — тәлімгер",
                *[
                    f"{g.application.applicant.full_name} — {g.application.title}"
                    for g in grantees[:3]
                ],
                "Аудандық жастар саясаты бөлімінің өкілі",
            ]
        ),
        summary=(
            "Командалар жобаны іске асырудағы қиындықтармен және шешімдерімен бөлісті. "
            "Қатысушылар ауылдық округ әкімдіктерімен ерте келісудің және тұрғындарды "
            "жұмысқа тартудың маңызын атап өтті; келесі байқауға ұсыныстар жиналды."
        ),
    )
    opened = timezone.make_aware(datetime.combine(HELD_ON - timedelta(days=20), time(9)))
    door = timezone.make_aware(datetime.combine(HELD_ON, time(9, 45)))
    staff = User.objects.filter(groups__name=Role.STAFF).order_by("pk").first()
    categories = [c for c, _label in Registration.Category.choices]
    registrations = []
    for number in range(62):
        category = categories[number % len(categories)]
        registrations.append(
            Registration(
                exhibition=exhibition,
                full_name=_name(rng),
                category=category,
                organisation=ORGANISATIONS[category],
                phone=f"+7701{5550000 + number:07d}",
                email=f"guest{number + 1}@example.kz" if number % 3 == 0 else "",
                consent_at=opened + timedelta(hours=7 * number),
                confirmed_at=opened + timedelta(hours=7 * number, minutes=3),
                checked_in_at=door + timedelta(minutes=2 * number) if number < 54 else None,
                checked_in_by=staff if number < 54 else None,
            )
        )
    Registration.objects.bulk_create(registrations)
    came = list(exhibition.registrations.filter(checked_in_at__isnull=False).order_by("pk"))
    answers = ["yes"] * 17 + ["somewhat"] * 16 + ["no"] * 7
    for registration, answer in zip(came, answers, strict=False):
        Feedback.objects.create(
            exhibition=exhibition,
            registration=registration,
            support_grew=answer,
            impressed=rng.choice(IMPRESSIONS),
        )
    recipients = [
        (
            g.application.applicant.full_name,
            Letter.Role.GRANTEE,
            f"«{g.application.title}» жобасын табысты іске асырғаны үшін",
        )
        for g in grantees
    ] + PARTNER_LETTERS
    for name, role, reason in recipients:
        letter = letter_create(
            exhibition=exhibition,
            recipient_name=name,
            role=role,
            reason=reason,
            language=Letter.Language.RU if reason.startswith("За ") else Letter.Language.KK,
            by=staff,
            queue_pdf=False,
        )
        letter_render(letter=letter)
