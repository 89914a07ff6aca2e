"""The demo's finished commission: five experts score every eligible 2025 application."""

import random
from datetime import timedelta

from accounts.models import User
from accounts.roles import Position, Role
from reviews.appeals import appeal_answer, appeal_lodge
from reviews.decisions import DecisionRefused, decision_approve, decision_propose, results_publish
from reviews.models import Assignment, Decision
from reviews.selectors import competition_ranking, open_flags
from reviews.services import (
    assignments_create_all,
    commission_add,
    conflict_declare,
    declaration_accept,
    flag_resolve,
    review_submit,
)

APPEAL_REASON = (
    "Бюджетіміз ауыл әкімдігінің хатымен расталған, бірақ сарапшылардың бірі оны "
    "ескермеген сияқты. Бағалауды қайта қарауды сұраймыз."
)
APPEAL_ANSWER = (
    "Комиссия барлық бағалауды қайта қарады: әкімдіктің хаты ескерілген, есептеуде қате "
    "табылмады. Команда резервтік тізімдегі орнында қалады."
)
DISMISSAL_NOTE = "Әртүрлі отбасылар, туыстық жоқ — құжаттар бойынша тексерілді."

# How lenient each expert is, in points out of 10: the standardised ranking evens this out.
LENIENCY = [-1.0, 0.0, 0.5, 1.0, -0.5]
JUSTIFICATIONS = {
    "low": "Мәселе нақты көрсетілмеген, жоспар әлсіз.",
    "mid": "Идея жақсы, бірақ жоспар мен бюджетті нақтылау керек.",
    "high": "Ауылға қажет, жоспары нақты, команда дайын.",
}
COMMENTS = [
    "Жобаның әлеуметтік әсері айқын, тұрғындар қатыстырылған.",
    "Бюджет шынайы, бірақ жұмыс кестесі тығыз.",
    "Жергілікті әкімдікпен келісім болса, жоба күшейе түседі.",
    "Жаңашылдығы аз, бірақ ауылға пайдалы.",
]


def _level(score: int) -> str:
    return "low" if score < 5 else "mid" if score < 8 else "high"


def load_commission(demo) -> None:
    competition = demo.competition
    if competition.results_published_at:
        return
    rng = random.Random(7)
    staff = User.objects.filter(groups__name=Role.STAFF).order_by("pk").first()
    experts = list(
        User.objects.filter(groups__name=Role.EXPERT, email__startswith="expert").order_by("email")
    )
    members = [
        commission_add(competition=competition, expert=expert, by=staff, is_chair=index == 0)
        for index, expert in enumerate(experts)
    ]
    start = competition.closes_at + timedelta(days=1)
    for member in members:
        declaration_accept(member=member, now=start)
    assignments_create_all(competition=competition, by=staff)
    criteria = list(competition.criteria.order_by("position"))
    quality = {}
    assignments = (
        Assignment.objects.filter(member__in=members)
        .select_related("application", "member")
        .order_by("application__registration_number", "member__added_at")
    )
    for number, assignment in enumerate(assignments):
        application, member = assignment.application, assignment.member
        when = start + timedelta(hours=number % 200)
        # The chair shares a village with one team: declared, voided, never scored.
        if member.is_chair and application.registration_number.endswith("0005"):
            conflict_declare(
                assignment=assignment,
                conflicted=True,
                kind="same_village",
                note="Команда мүшесімен бір ауылда тұрамын.",
                now=when,
            )
            continue
        assignment = conflict_declare(assignment=assignment, conflicted=False, now=when)
        base = quality.setdefault(application.pk, rng.uniform(3.5, 9.5))
        lean = LENIENCY[members.index(member) % len(LENIENCY)]
        scores = {}
        for criterion in criteria:
            value = round(base + lean + rng.gauss(0, 0.8))
            value = max(0, min(criterion.max_score, value))
            scores[criterion.pk] = (value, JUSTIFICATIONS[_level(value)])
        review_submit(
            assignment=assignment,
            scores=scores,
            comment=rng.choice(COMMENTS),
            now=when + timedelta(minutes=20),
        )
    # Every flag is checked before the decision. The flags the demo raises are shared
    # surname stems and villages of people who are not related: GAMO's coordinator
    # dismisses each with the reason (and the protocol lists them).
    checked_at = competition.review_deadline + timedelta(hours=18)
    for flag in open_flags(competition):
        flag_resolve(
            competition=competition,
            application_id=flag.application.pk,
            member_id=flag.member.pk,
            confirm=False,
            note=DISMISSAL_NOTE,
            by=staff,
            now=checked_at,
        )
    # Four eyes: the chair proposes the winners in rank order, the director approves.
    chair = members[0].expert
    director = User.objects.filter(position=Position.DIRECTOR).order_by("pk").first()
    ranked = [row for row in competition_ranking(competition) if row.result.rank]
    winners = [row.application.pk for row in ranked[: competition.award_count]]
    decided_at = competition.review_deadline + timedelta(days=1)
    try:
        decision_propose(
            competition=competition, winners=winners, reason="", by=chair, now=decided_at
        )
    except DecisionRefused:
        decision_propose(
            competition=competition,
            winners=winners,
            by=chair,
            now=decided_at,
            reason="Тең балл: комиссия төрағасының шешімі бойынша рейтинг ретімен.",
        )
    decision_approve(competition=competition, by=director, now=decided_at + timedelta(hours=3))
    published_at = decided_at + timedelta(days=2)
    results_publish(competition=competition, by=staff, now=published_at)
    # A team on the reserve list that can log in appeals; the commission looks again and
    # rejects it, so the demo shows the appeal, its answer and the protocol's annex.
    reserve = next(
        (
            decision
            for decision in Decision.objects.filter(
                application__competition=competition, outcome=Decision.Outcome.RESERVE
            )
            .select_related("application__applicant")
            .order_by("reserve_position")
            if decision.application.applicant.has_usable_password()
        ),
        None,
    )
    if reserve is not None:
        appeal = appeal_lodge(
            application=reserve.application,
            reason=APPEAL_REASON,
            by=reserve.application.applicant,
            now=published_at + timedelta(days=1),
        )
        appeal_answer(
            appeal=appeal,
            upheld=False,
            answer=APPEAL_ANSWER,
            by=staff,
            now=published_at + timedelta(days=3),
        )
