"""The reports part of the demo: indicator sources, the call's announcements, the
accountant's expenses so far, a value entered by hand, and a first snapshot.

Idempotent like every demo loader: rows are created only when missing.
"""

from datetime import date

from django.utils import timezone

from accounts.models import User
from competitions.models import Announcement
from projects.models import BudgetLine, Indicator, ProjectExpense
from projects.services import expense_record, indicator_value_enter
from reports.chart_snapshots import charts_snapshot
from reports.snapshots import indicators_snapshot

# The demo's indicators and the registered source that measures each (reports/indicators/
# sources.py); the others wait for mentoring, media_campaign and exhibition.
DEMO_SOURCES = {
    "call_announcements": "call_announcements",
    "applications_received": "applications_received",
    "applications_rural_share": "applications_rural_share",
    "experts": "commission_experts",
    "small_grants_awarded": "grants_awarded",
    "small_grants_amount": "grants_awarded_kzt",
    "grantees_people": "grantee_people",
    "trainings": "trainings_held",
    "training_days": "training_programme_days",
    "training_participants": "grantees_trained",
    "training_materials": "training_materials",
    "mentorships": "mentorships",
    "mentoring_meetings": "fewest_meetings",
    "projects_implemented": "projects_completed",
    "projects_success_share": "projects_success_share",
    "training_satisfaction_share": "training_satisfaction_share",
    "mentoring_useful_share": "mentoring_useful_share",
    "grantees_life_improved": "life_improved_share",
    "grantee_videos": "grantee_videos",
    "video_villages": "video_villages",
    "video_posts": "video_posts",
    "videos_two_posts": "videos_with_two_posts",
    "video_average_length": "video_average_seconds",
    "views_total": "views_total",
    "posts_total": "posts_total",
    "videos_total": "videos_total",
    "media_publications": "media_publications",
    "video_positive_reactions_share": "positive_reactions_share",
    "exhibitions": "exhibitions_held",
    "exhibition_stands": "exhibition_stands",
    "exhibition_participants": "exhibition_participants",
    "round_tables": "round_tables",
    "thank_you_letters": "thank_you_letters",
    "exhibition_support_grew_share": "support_grew_share",
}

# Where the call was published in June 2025 (the document plans at least five times).
ANNOUNCEMENTS = [
    (Announcement.Channel.SOCIAL, date(2025, 6, 2), "GAMO: Instagram, Facebook"),
    (Announcement.Channel.YOUTH_CENTRE, date(2025, 6, 4), "Маңғыстау облыстық жастар орталығы"),
    (Announcement.Channel.AKIMAT, date(2025, 6, 5), "Мұнайлы ауданының әкімдігі"),
    (Announcement.Channel.AKIMAT, date(2025, 6, 6), "Түпқараған ауданының әкімдігі"),
    (Announcement.Channel.YOUTH_ORGANISATION, date(2025, 6, 9), "«Жас Отан» жастар қанаты"),
]

# The смета budgets 5 salary months of the 6-month project: June to October are booked.
SALARY_MONTHS = [
    date(2025, 6, 30),
    date(2025, 7, 31),
    date(2025, 8, 29),
    date(2025, 9, 30),
    date(2025, 10, 31),
]
# Budget line number → amount booked per salary month (the смета's monthly rates).
MONTHLY = {1: 180_000, 2: 180_000, 3: 170_000, 4: 23_850, 5: 27_454, 6: 15_900, 7: 13_250}
# One-off payments: (line number, date, amount, document number).
ONE_OFF = [
    (8, date(2025, 6, 10), 6_000, "БҚ-06/01"),
    (10, date(2025, 6, 12), 9_500, "ЧЕК-0612"),
    (13, date(2025, 7, 18), 220_000, "АВР-07/01"),
    (14, date(2025, 7, 18), 42_000, "АВР-07/02"),
    (15, date(2025, 7, 18), 7_000, "ЧЕК-0718"),
    (13, date(2025, 8, 22), 220_000, "АВР-08/01"),
    (14, date(2025, 8, 22), 42_000, "АВР-08/02"),
    (16, date(2025, 8, 28), 165_000, "АВР-08/03"),
]
# What the rest of the demo says happened, paid for as the смета plans it, so the finished
# project's money reconciles with its records (reports/consistency.py): the third training
# (Бейнеу, 07–08.08), the other four grantee videos (filmed by 04.09), the posts, and the
# exhibition of 07.11 — seven banners, half a day of the hall, ten framed letters — with
# the post that sent the letters, the bank's fees and the last office supplies.
CLOSING = [
    (13, date(2025, 8, 8), 220_000, "АВР-08/04"),
    (8, date(2025, 9, 10), 6_000, "БҚ-09/01"),
    (16, date(2025, 9, 8), 220_000, "АВР-09/01"),
    (17, date(2025, 9, 30), 9_230, "АВР-09/02"),
    (10, date(2025, 10, 14), 500, "ЧЕК-1014"),
    (18, date(2025, 11, 3), 210_000, "АВР-11/01"),
    (20, date(2025, 11, 5), 25_000, "АВР-11/02"),
    (19, date(2025, 11, 7), 70_000, "АВР-11/03"),
    (9, date(2025, 11, 12), 20_000, "ПОШТА-11/01"),
    (8, date(2025, 11, 28), 6_000, "БҚ-11/01"),
]


def load_reports(demo) -> None:
    competition = demo.competition
    project = competition.project
    for key, source in DEMO_SOURCES.items():
        Indicator.objects.filter(
            project=project, code=key, source="", manual_value__isnull=True
        ).update(source=source)
    for channel, day, note in ANNOUNCEMENTS:
        Announcement.objects.get_or_create(
            competition=competition, channel=channel, published_on=day, defaults={"note": note}
        )
    accountant = User.objects.get(email=f"accountant@{demo.domain}")
    director = User.objects.get(email=f"director@{demo.domain}")
    lines = {line.position: line for line in BudgetLine.objects.filter(project=project)}
    payments = (
        [
            (number, day, amount, f"ЖҚ-{day:%m}/{number:02d}")
            for day in SALARY_MONTHS
            for number, amount in MONTHLY.items()
        ]
        + ONE_OFF
        + CLOSING
    )
    existing = set(
        ProjectExpense.objects.filter(line__project=project).values_list(
            "document_number", flat=True
        )
    )
    for number, day, amount, document in payments:
        if document in existing:
            continue
        expense_record(
            line=lines[number],
            spent_on=day,
            amount_kzt=amount,
            document_number=document,
            entered_by=accountant,
        )
    rules = Indicator.objects.filter(
        project=project, code="rules_approved", source="", manual_value__isnull=True
    ).first()
    if rules is not None:
        # The agreement with the Youth Department is on paper; the demo writes no files.
        indicator_value_enter(indicator=rules, value=1, entered_by=director)
    indicators_snapshot(project=project, day=timezone.localdate())
    charts_snapshot(project=project, day=timezone.localdate())
