"""Every event renders on every channel it may take, in Kazakh, Russian and English; each
SMS fits its event's budget of parts, and its Kazakh words are Cyrillic."""

import re
from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from notifications.events import EVENTS
from notifications.models import Channel
from notifications.notify import message_render
from notifications.sms import sms_parts

SITE = "https://jastarurban.kz"
NUMBER = "JU-2025-0123"
WHEN = datetime(2026, 12, 24, 18, 0, tzinfo=ZoneInfo("Asia/Aqtau"))
# Titles as long as people type them: what a Telegram message or a letter must survive.
TITLE = "Ауыл жастарына арналған қоғамдық кеңістік пен спорт алаңын абаттандыру"


def status_display():
    return "Түзетуге қайтарылды"


APPLICATION = SimpleNamespace(
    registration_number=NUMBER,
    title=TITLE,
    get_status_display=status_display,
    status_reason="Бюджетте смета жоқ",
    applicant=SimpleNamespace(full_name="Қасымова Әйгерім"),
)
PROJECT = SimpleNamespace(application=APPLICATION, title=TITLE)
LINK = f"{SITE}/applications/12345/"
TOKEN_URL = f"{SITE}/exhibition/registered/{'x' * 43}/"

CONTEXTS = {
    "application.receipt": {
        "application": APPLICATION,
        "title": TITLE,
        "link": LINK,
        "receipt_link": f"{SITE}/applications/12345/receipt.pdf",
    },
    "application.status": {"application": APPLICATION, "link": LINK, "deadline": WHEN},
    "application.draft_reminder": {
        "application": APPLICATION,
        "title": TITLE,
        "competition": "Шағын гранттар байқауы 2026",
        "closes_at": WHEN,
        "link": LINK,
    },
    "review.reminder": {"count": 12, "deadline": WHEN, "link": f"{SITE}/reviews/"},
    "review.appeal_answer": {
        "appeal": SimpleNamespace(application=APPLICATION, status="upheld"),
        "link": f"{SITE}/reviews/appeal/12345/",
    },
    "mentoring.mentor_week": {"project": PROJECT, "link": f"{SITE}/mentoring/projects/123/"},
    "mentoring.staff_2w": {"project": PROJECT, "link": f"{SITE}/mentoring/projects/123/"},
    "mentoring.staff_risk": {"project": PROJECT, "link": f"{SITE}/mentoring/projects/123/"},
    "mentoring.report_due": {
        "project": PROJECT,
        "due": SimpleNamespace(number=2, due_on=date(2026, 12, 24)),
        "link": f"{SITE}/mentoring/projects/123/",
    },
    "mentoring.agreement_accept": {
        "project": PROJECT,
        "agreement": SimpleNamespace(number="2026/012"),
        "link": f"{SITE}/mentoring/agreements/123/accept/",
    },
    "mentoring.payment_made": {
        "project": PROJECT,
        "amount": "1\u00a0000\u00a0000\u00a0₸",
        "paid_on": date(2026, 12, 24),
        "link": LINK,
    },
    "team.invitation": {
        "lead": "Қасымова Әйгерім",
        "link": f"{SITE}/applications/join/{'x' * 22}/",
    },
    "team.member_left": {"name": "Сейітов Нұрлан", "link": f"{SITE}/applications/12345/edit/"},
    "exhibition.code": {"code": "123456", "minutes": 15},
    "exhibition.already_registered": {"url": TOKEN_URL},
    "exhibition.registered": {
        "url": TOKEN_URL,
        "exhibition": SimpleNamespace(title="JastarUrban қорытынды көрмесі"),
    },
}

# Events whose short messages name the application or project by its number.
NUMBERED = {
    "application.receipt",
    "application.status",
    "review.appeal_answer",
    "mentoring.mentor_week",
    "mentoring.staff_2w",
    "mentoring.staff_risk",
    "mentoring.report_due",
    "mentoring.agreement_accept",
    "mentoring.payment_made",
}

SHORT_CHANNELS = [
    (name, channel)
    for name, event in EVENTS.items()
    for channel in (Channel.SMS, Channel.TELEGRAM)
    if channel in event.channels
]


def test_every_event_with_sms_or_telegram_has_a_sample_here():
    assert {name for name, _channel in SHORT_CHANNELS} == set(CONTEXTS)


@pytest.mark.parametrize(("name", "channel"), SHORT_CHANNELS)
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_short_messages_render_and_fit(name, channel, language):
    event = EVENTS[name]
    with translation.override(language):
        text = message_render(event, channel, CONTEXTS[name]).text
    # The placeholders were filled: the code, the links and the number are in the text.
    context = CONTEXTS[name]
    expected = [context[key] for key in ("code", "url", "receipt_link") if key in context]
    if "link" in context and (channel == Channel.TELEGRAM or "receipt_link" not in context):
        expected.append(context["link"])
    if name in NUMBERED:
        expected.append(NUMBER)
    for value in expected:
        assert value in text, text
    if channel != Channel.SMS:
        return
    assert "\n" not in text
    assert sms_parts(text) <= event.sms_parts, f"{language} {name}: {sms_parts(text)} parts: {text}"
    if language == "kk":
        words = re.sub(r"https?://\S+|" + re.escape(NUMBER), "", text)
        assert not re.search(r"[A-Za-z]", words), f"Latin in the Kazakh SMS: {text}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        n
        for n, e in EVENTS.items()
        if Channel.EMAIL in e.channels
        and not e.email.startswith(
            ("accounts/", "applications/", "reviews/", "mentoring/", "exhibition/")
        )
    ],
)
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_new_letters_render(name, language):
    context = {**CONTEXTS[name], "person": SimpleNamespace(full_name="Қасымова Әйгерім")}
    with translation.override(language):
        message = message_render(EVENTS[name], Channel.EMAIL, context)
    assert message.subject and "\n" not in message.subject
    assert "Қасымова Әйгерім" in message.text
