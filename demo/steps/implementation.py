"""The demo's implementation story: trainings, mentors, meetings, reports, money and closing.

Runs after demo.steps.commission.load_commission, whose published results made the 2025
call's seven winners grantee projects. Dates follow the calendar plan: trainings
in July–August 2025, weekly meetings August–October, closing in early November.
"""

import random
from datetime import date, datetime, time, timedelta
from io import BytesIO

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts.models import User
from accounts.roles import Role
from mentoring.models import (
    Disbursement,
    GrantAgreement,
    GranteeProject,
    Meeting,
    ProgressReport,
    ReportStatusChange,
    Training,
)
from mentoring.services import agreements, mentorship, progress, projects, trainings

MENTORS = [
    ("mentor", "Бекмұхамбетова Айгерім"),  # the demo's mentor login, already there
    ("mentor2", "Жұмабаев Асқар"),
    ("mentor3", "Оспанова Гүлмира"),
    ("mentor4", "Қайыржанов Бауыржан"),
    ("mentor5", "Серікбаева Ләззат"),
    ("mentor6", "Әбдірахманов Нұржан"),
    ("mentor7", "Төлегенова Жанар"),
]

PROGRAMME = [
    (
        "Жобаны басқару және қоғаммен байланыс",
        [
            (time(10, 0), "Жұмыс жоспары, міндеттер мен мерзімдер"),
            (time(11, 30), "Ресурстар және грант қаражатын мақсатты пайдалану"),
            (time(14, 0), "Есептілік: чектер, фото, қорытынды есеп"),
            (time(15, 30), "SMM, PR және тұрғындардан кері байланыс"),
        ],
    ),
    (
        "Урбанистика негіздері және ауылдағы қоғамдық кеңістіктер",
        [
            (time(10, 0), "Урбанистика дегеніміз не: ауыл үшін қағидалар"),
            (time(11, 30), "Қоғамдық кеңістікті тұрғындармен бірге жобалау"),
            (time(14, 0), "Практикум: өз ауылыңыздың картасы"),
        ],
    ),
]

TRAININGS = [
    ("Ақтау", "ГАМО оқу залы, Ақтау қ., 12-шағын аудан", date(2025, 7, 24)),
    ("Жаңаөзен", "Жастар ресурстық орталығы, Жаңаөзен қ.", date(2025, 7, 31)),
    ("Бейнеу", "Аудандық мәдениет үйі, Бейнеу а.", date(2025, 8, 7)),
]

MATERIALS = [
    ("Жобаны басқару: жоспардан есепке дейін", "management", "kk"),
    ("Ауыл жобасына арналған SMM құралдары", "smm", "kk"),
    ("Урбанистика әдісі: қоғамдық кеңістікті бірге жобалау", "urbanism", "kk"),
    ("Отчётность по малому гранту: чеки и фото", "reporting", "ru"),
]

USEFUL = [
    "Жұмыс жоспарын құруды үйрендім.",
    "SMM бойынша нақты кеңестер пайдалы болды.",
    "Урбанистика туралы бөлім ауылға жаңа көзқарас берді.",
    "Есеп беру тәртібі түсінікті болды.",
]
IMPROVE = ["Практикалық тапсырмалар көбірек болса.", "", "Уақыт аздау болды.", ""]
TOPICS = [
    "Жұмыс жоспары мен мерзімдерді тексердік.",
    "Материал сатып алу және жеткізушілермен келісім.",
    "Тұрғындарды сенбілікке шақыру, әлеуметтік желідегі жазбалар.",
    "Чектер мен фотоесепті дайындау.",
    "Әкімдікпен келісу және жер учаскесі бойынша сұрақтар.",
]
PROBLEMS = ["", "", "Жеткізуші материалды кешіктірді.", "Ауа райына байланысты жұмыс тоқтады."]
STEPS = [
    "Келесі аптада материалдарды алып, жұмысты бастау.",
    "Тұрғындармен кездесу өткізіп, пікір жинау.",
    "Фотоесеп пен чектерді порталға жүктеу.",
]
USEFULNESS = [5, 5, 4, 5, 4, 3, 5]
CLOSING = ["yes", "yes", "yes", "partly", "yes", "yes", "yes"]
WHY = {
    "yes": "Ауылда балалар мен жастар жиналатын жайлы орын пайда болды, тұрғындар риза.",
    "partly": "Алаң дайын, бірақ жарықтандыруды келесі жылы аяқтаймыз.",
}


def _picture(text: str, color: tuple[int, int, int], fmt: str = "JPEG") -> SimpleUploadedFile:
    """A small generated image standing in for a phone photo or a scanned receipt."""
    image = Image.new("RGB", (480, 360), color)
    ImageDraw.Draw(image).text((16, 16), text, fill=(255, 255, 255))
    out = BytesIO()
    image.save(out, fmt)
    suffix = "pdf" if fmt == "PDF" else "jpg"
    return SimpleUploadedFile(f"demo.{suffix}", out.getvalue())


def _at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def load_mentors(domain: str, password: str) -> list[User]:
    group = Group.objects.get(name=Role.MENTOR)
    mentors = []
    for number, (login, full_name) in enumerate(MENTORS):
        user = User.objects.filter(email=f"{login}@{domain}").first()
        if user is None:
            user = User.objects.create_user(
                email=f"{login}@{domain}",
                password=password,
                full_name=full_name,
                phone=f"+7701555{number:04d}",  # one number, one account
            )
        user.groups.add(group)
        mentors.append(user)
    return mentors


def load_trainings(competition, grantees, rng: random.Random) -> None:
    for index, (city, venue, first_day) in enumerate(TRAININGS, start=1):
        training = trainings.training_create(
            competition=competition,
            title=f"JastarUrban тренингі №{index}: жоба менеджменті және урбанистика ({city})",
            venue=venue,
            trainer="Ахметова Жібек, Бекмұхамбетова Айгерім",
            starts_on=first_day,
            description="Екі күндік бағдарлама грантиялар үшін.",
            days=[
                {"date": first_day + timedelta(days=number), "theme": theme, "agenda": agenda}
                for number, (theme, agenda) in enumerate(PROGRAMME)
            ],
        )
        participants = trainings.training_invite(training=training, projects=grantees)
        for day in training.days.all():
            present = [person for person in participants if rng.random() < 0.85]
            trainings.attendance_mark(day=day, present=present)
        for person in participants:
            if not person.attended_days.exists() or rng.random() < 0.2:
                continue
            trainings.feedback_save(
                participant=person,
                satisfaction=rng.choice([5, 5, 5, 4, 4, 4, 4, 3]),
                useful=rng.choice(USEFUL),
                improve=rng.choice(IMPROVE),
            )
    for title, topic, language in MATERIALS:
        trainings.material_add(
            competition=competition,
            title=title,
            topic=topic,
            language=language,
            link=f"https://gamo.kz/jastarurban/materials/{topic}-{language}.pdf",
        )


# The languages the demo teams chose for their agreements.
AGREEMENT_LANGUAGES = [
    GrantAgreement.Language.BOTH,
    GrantAgreement.Language.KK,
    GrantAgreement.Language.BOTH,
    GrantAgreement.Language.RU,
]


def load_agreement(
    project: GranteeProject, index: int, first: int, *, staff: User, director: User
) -> GrantAgreement:
    """The agreement every demo project was paid under: prepared after the results, the
    team's signed scan uploaded, GAMO's signature recorded. One team (index 3, the one with
    a hard September) sent its second report two days after the due date."""
    dated_on = date(2025, 7, 30)
    agreement = agreements.agreement_prepare(
        project=project,
        dated_on=dated_on,
        language=AGREEMENT_LANGUAGES[index % len(AGREEMENT_LANGUAGES)],
        tranches=[(date(2025, 8, 4), first), (date(2025, 9, 15), project.award_kzt - first)],
        report_dates=[date(2025, 9, 5), date(2025, 10, 25 if index == 3 else 31)],
        by=staff,
    )
    agreements.agreement_team_sign_scan(
        agreement=agreement,
        scan=_picture(f"Signed agreement {agreement.number}", (235, 235, 225), "PDF"),
        by=project.application.applicant,
    )
    agreements.agreement_gamo_sign(agreement=agreement, by=director)
    GrantAgreement.objects.filter(pk=agreement.pk).update(
        created_at=_at(dated_on, 10),
        updated_at=_at(date(2025, 8, 1), 11),
        team_signed_at=_at(date(2025, 7, 31), 15),
        gamo_signed_at=_at(date(2025, 8, 1), 11),
    )
    return agreement


def load_project(
    project: GranteeProject,
    mentor: User,
    staff: User,
    index: int,
    rng: random.Random,
    accountant: User,
    director: User,
) -> None:
    projects.mentor_assign(project=project, mentor=mentor)
    GranteeProject.objects.filter(pk=project.pk).update(
        mentor_assigned_at=_at(date(2025, 7, 21), 10)
    )
    project.refresh_from_db()
    for activity in project.application.activities.order_by("position"):
        milestone = projects.milestone_add(
            project=project, title=activity.name, due_on=activity.ends_on.replace(year=2025)
        )
        projects.milestone_done(milestone=milestone, done_on=milestone.due_on)
    award = project.award_kzt
    approved = sum(line.amount_kzt for line in project.budget_lines.all())
    if approved < award:
        projects.budget_line_add(
            project=project,
            item="Көгалдандыру: көшеттер мен топырақ",
            amount_kzt=award - approved,
            by=staff,
            reason="Грант сомасы толық бөлінді: команда көгалдандыруды қосты.",
        )
    first = award * 7 // 10
    load_agreement(project, index, first, staff=staff, director=director)
    for paid_on, amount, number in [
        (date(2025, 8, 4), first, f"ПП-{index}01"),
        (date(2025, 9, 15), award - first, f"ПП-{index}02"),
    ]:
        # Four eyes: the accountant records the payment, the director approves it.
        payment = projects.disbursement_add(
            project=project,
            paid_on=paid_on,
            amount_kzt=amount,
            document_number=number,
            document=_picture(f"Payment {number}", (60, 60, 120), "PDF"),
            by=accountant,
        )
        projects.disbursement_approve(disbursement=payment, by=director)
        # Approved on the day it was paid, as the demo's other dates are in 2025.
        Disbursement.objects.filter(pk=payment.pk).update(decided_at=_at(paid_on, 11))
        payment.changes.filter(to_status=Disbursement.Status.APPROVED).update(
            changed_at=_at(paid_on, 11)
        )
        payment.changes.filter(to_status=Disbursement.Status.RECORDED).update(
            changed_at=_at(paid_on, 10)
        )

    day = date(2025, 8, 6) + timedelta(days=index)
    meeting_number = 0
    while day <= date(2025, 10, 29):
        # One team had a hard September: materials came late, then it caught up.
        troubled = index == 3 and date(2025, 9, 8) <= day <= date(2025, 9, 24)
        mentorship.meeting_log(
            project=project,
            mentor=mentor,
            held_on=day,
            format=Meeting.Format.ONLINE if meeting_number % 3 else Meeting.Format.OFFLINE,
            duration_minutes=rng.choice([45, 60, 60, 90]),
            topics=TOPICS[meeting_number % len(TOPICS)],
            problems="Жеткізуші материалды кешіктірді." if troubled else rng.choice(PROBLEMS),
            next_steps=STEPS[meeting_number % len(STEPS)],
            project_state=Meeting.ProjectState.AT_RISK
            if troubled
            else Meeting.ProjectState.ON_TRACK,
        )
        meeting_number += 1
        day += timedelta(days=7)

    lines = list(project.budget_lines.order_by("position"))
    halves = [lines[: len(lines) // 2 or 1], lines[len(lines) // 2 or 1 :]]
    for number, (part, sent_on) in enumerate(
        zip(halves, [date(2025, 9, 1), date(2025, 10, 27)], strict=True), start=1
    ):
        report = progress.report_start(project=project)
        progress.report_save(
            report=report,
            done=(
                "Материалдар сатып алынып, жұмыстың бірінші кезеңі аяқталды."
                if number == 1
                else "Жұмыс толық аяқталды, тұрғындармен бірге ашылу өтті."
            ),
            video_links=f"https://www.instagram.com/reel/jastarurban{index}{number}/",
        )
        for stage in ("before", "after") if number == 2 else ("before", "during"):
            progress.photo_add(
                report=report,
                image=_picture(f"{project.title} · {stage}", (40, 110, 70)),
                stage=stage,
            )
        for line in part:
            progress.expense_add(
                report=report,
                line=line,
                spent_on=sent_on - timedelta(days=5),
                amount_kzt=line.amount_kzt,
                description=line.item,
                receipt=_picture(f"Чек: {line.item}", (120, 120, 120)),
            )
        progress.report_submit(report=report, by=project.application.applicant)
        progress.report_review(report=report, accept=True, comment="Есеп қабылданды.", by=staff)
        ProgressReport.objects.filter(pk=report.pk).update(
            submitted_at=_at(sent_on), reviewed_at=_at(sent_on + timedelta(days=2))
        )
        ReportStatusChange.objects.filter(report=report, to_status="submitted").update(
            changed_at=_at(sent_on)
        )
        ReportStatusChange.objects.filter(report=report, to_status="accepted").update(
            changed_at=_at(sent_on + timedelta(days=2))
        )

    projects.visit_add(
        project=project,
        visited_on=date(2025, 9, 20) + timedelta(days=index),
        findings="Жұмыс жоспар бойынша жүріп жатыр, материалдар сапалы, тұрғындар қатысуда.",
        rating=5 if index != 3 else 4,
        photos=[_picture(f"Мониторинг: {project.title}", (90, 70, 40))],
        by=staff,
    )
    team = project.application.applicant
    mentorship.evaluation_save(
        project=project,
        usefulness=USEFULNESS[index % len(USEFULNESS)],
        comment="Тәлімгер әр аптада көмектесті, кеңестері нақты болды.",
        by=team,
    )
    answer = CLOSING[index % len(CLOSING)]
    projects.closing_answer_save(project=project, answer=answer, why=WHY[answer], by=team)
    projects.project_complete(
        project=project,
        outcome=GranteeProject.Outcome.SUCCESS,
        note="Жоба толық іске асырылды, қаражат мақсатты жұмсалды.",
        final_report=_picture(f"Қорытынды есеп: {project.title}", (30, 30, 30), "PDF"),
        by=staff,
    )
    GranteeProject.objects.filter(pk=project.pk).update(completed_at=_at(date(2025, 11, 5)))


def load_implementation(demo) -> None:
    competition = demo.competition
    grantees = list(
        GranteeProject.objects.filter(application__competition=competition)
        .select_related("application__applicant")
        .prefetch_related("application__team")
        .order_by("application__registration_number")
    )
    if not grantees or Training.objects.filter(competition=competition).exists():
        return
    rng = random.Random(77)
    staff = User.objects.get(email=f"coordinator@{demo.domain}")
    accountant = User.objects.get(email=f"accountant@{demo.domain}")
    director = User.objects.get(email=f"director@{demo.domain}")
    mentors = load_mentors(demo.domain, demo.password)
    for project in grantees:
        # The teams of the winning projects can log in to see their project.
        project.application.applicant.set_password(demo.password)
        project.application.applicant.save(update_fields=["password"])
    load_trainings(competition, grantees, rng)
    for index, project in enumerate(grantees):
        load_project(
            project,
            mentors[index % len(mentors)],
            staff,
            index,
            rng,
            accountant=accountant,
            director=director,
        )


# A team of the next project whose agreement awaits the team's acceptance by SMS codes:
# the lead and one member have accepted, the third has not yet (README: "Accepting the
# grant agreement by code").
CODES_TEAM = [
    ("codes-lead", "Нұрланова Дана", "+77017780001", "kk", date(2001, 4, 12)),
    ("codes-member2", "Ким Артём", "+77017780002", "ru", date(2002, 8, 3)),
    ("codes-member3", "Жақсылықова Аружан", "+77017780003", "kk", date(2003, 1, 27)),
]


def load_agreement_by_codes(demo) -> None:
    from accounts.consent import CONSENT_VERSION
    from applications.iin import compose_iin
    from applications.models import Application, TeamMember
    from competitions.models import Settlement
    from mentoring.models import AgreementAcceptance, ProjectBudgetLine
    from reviews.services import ranking_changed

    if User.objects.filter(email=f"{CODES_TEAM[0][0]}@{demo.domain}").exists():
        return
    now = timezone.now()
    applicants = Group.objects.get(name=Role.APPLICANT)
    people = []
    for login, full_name, phone, language, _born in CODES_TEAM:
        user = User(
            email=f"{login}@{demo.domain}",
            full_name=full_name,
            phone=phone,
            phone_confirmed_at=now,
            language=language,
            personal_data_consent_at=now,
            personal_data_consent_version=CONSENT_VERSION,
        )
        user.set_password(demo.password)
        user.save()
        user.groups.add(applicants)
        people.append(user)
    village = Settlement.objects.filter(kind=Settlement.Kind.VILLAGE).order_by("kato_code")[2]
    call = demo.open_call
    application = Application.objects.create(
        competition=call,
        applicant=people[0],
        status=Application.Status.ELIGIBLE,
        title=f"{village.name_kk}: жастар шеберханасы",
        village=village,
        registration_number=f"JU-{timezone.localdate(call.opens_at).year}-9001",
        submitted_at=now,
    )
    # Made eligible here, not screened by the service: the call's ranking lists it now.
    ranking_changed(call.pk)
    births = [row[-1] for row in CODES_TEAM]
    for position, (person, born) in enumerate(zip(people, births, strict=True), start=1):
        TeamMember.objects.create(
            application=application,
            position=position,
            full_name=person.full_name,
            iin=compose_iin(born, 40 + position, male=position == 2),
            birth_date=born,
            phone=person.phone,
            village=village,
            role="Жетекші" if position == 1 else "Мүше",
            source=TeamMember.Source.LEAD if position == 1 else TeamMember.Source.SELF,
            user=person,
            consent_version=CONSENT_VERSION,
            consent_at=now,
        )
    project = GranteeProject.objects.create(application=application, award_kzt=800_000)
    for position, (item, amount) in enumerate(
        [("Ағаш өңдейтін құралдар", 500_000), ("Материалдар: тақта, бояу", 300_000)], start=1
    ):
        ProjectBudgetLine.objects.create(
            project=project, position=position, item=item, amount_kzt=amount
        )
    today = timezone.localdate()
    agreement = agreements.agreement_prepare(
        project=project,
        dated_on=today,
        language=GrantAgreement.Language.BOTH,
        tranches=[(today + timedelta(days=7), 560_000), (today + timedelta(days=49), 240_000)],
        report_dates=[today + timedelta(days=42), today + timedelta(days=84)],
        by=User.objects.get(email=f"coordinator@{demo.domain}"),
    )
    # Two acceptances as the code pages record them (the codes were typed yesterday);
    # the third member accepts in the demo, with the code the console SMS backend prints.
    for hour, person in zip((10, 16), people[:2], strict=True):
        AgreementAcceptance.objects.create(
            agreement=agreement,
            user=person,
            full_name=person.full_name,
            phone=person.phone,
            accepted_at=_at(today - timedelta(days=1), hour),
            agreement_version=agreement.version,
            document_sha256=agreement.document_sha256,
            ip="127.0.0.1",
        )
