"""The Telegram bot against a local fake of the Bot API (sendMessage, getUpdates)."""

from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import BotCursor, Preference, TelegramChat, TelegramLinkToken
from notifications.notify import notify
from notifications.tasks import poll_telegram_updates
from tests.factories import UserFactory

CHAT = 555001


@pytest.fixture
def bot(settings, fake_api):
    settings.TELEGRAM_API_URL = fake_api.url
    settings.TELEGRAM_BOT_TOKEN = "123:abc"
    settings.TELEGRAM_BOT_USERNAME = "jastarurban_bot"
    settings.TELEGRAM_WEBHOOK_SECRET = "hook-secret"
    settings.TELEGRAM_POLLING = True
    settings.TELEGRAM_TIMEOUT = 0.5
    fake_api.updates = []
    sent = []

    def respond(path, params):
        if not path.startswith("/bot123:abc/"):
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = path.rsplit("/", 1)[1]
        if method == "sendMessage":
            sent.append(params)
            return 200, {"ok": True, "result": {"message_id": len(sent), "chat": {"id": 1}}}
        if method == "getUpdates":
            offset = params.get("offset", 0)
            return 200, {
                "ok": True,
                "result": [u for u in fake_api.updates if u["update_id"] >= offset],
            }
        return 404, {"ok": False, "description": "Not Found"}

    fake_api.respond = respond
    fake_api.sent = sent
    return fake_api


def message(update_id: int, text: str, chat_id: int = CHAT) -> dict:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "chat": {"id": chat_id, "type": "private", "username": "aigerim"},
            "text": text,
        },
    }


def connect_link(client, person) -> str:
    client.force_login(person)
    response = client.post(reverse("accounts:telegram_connect"))
    assert response.status_code == 302
    link = urlparse(response["Location"])
    assert (link.scheme, link.netloc, link.path) == ("https", "t.me", "/jastarurban_bot")
    return parse_qs(link.query)["start"][0]


@pytest.mark.django_db
def test_a_person_connects_by_deep_link_and_polling(client, bot):
    person = UserFactory(language="ru")
    token = connect_link(client, person)
    assert TelegramLinkToken.objects.get().token_hash != token  # only the hash is kept
    bot.updates = [message(10, f"/start {token}")]
    assert poll_telegram_updates() == 1
    chat = TelegramChat.objects.get(person=person)
    assert (chat.chat_id, chat.username) == (CHAT, "aigerim")
    [reply] = bot.sent
    assert reply["chat_id"] == CHAT
    assert "/stop" in reply["text"]
    assert "Подключено" in reply["text"]  # in the person's language
    # The next poll asks from the next update on and handles nothing twice.
    assert poll_telegram_updates() == 0
    assert bot.calls("getUpdates")[-1]["offset"] == 11
    assert BotCursor.objects.get(name="telegram").offset == 11


@pytest.mark.django_db
def test_a_used_or_old_token_links_nothing(client, bot):
    person = UserFactory()
    token = connect_link(client, person)
    bot.updates = [message(1, f"/start {token}"), message(2, f"/start {token}", chat_id=777)]
    poll_telegram_updates()
    assert list(TelegramChat.objects.values_list("chat_id", flat=True)) == [CHAT]
    old = connect_link(client, person)
    TelegramLinkToken.objects.filter(used_at__isnull=True).update(
        created_at=timezone.now() - timedelta(hours=2)
    )
    bot.updates = [message(3, f"/start {old}", chat_id=888)]
    poll_telegram_updates()
    assert list(TelegramChat.objects.values_list("chat_id", flat=True)) == [CHAT]
    assert "no longer valid" in bot.sent[-1]["text"] or "жарамсыз" in bot.sent[-1]["text"]


@pytest.mark.django_db
def test_the_webhook_checks_the_secret_and_stop_disconnects(client, bot):
    person = UserFactory()
    TelegramChat.objects.create(person=person, chat_id=CHAT)
    url = reverse("notifications:telegram_webhook")
    update = message(5, "/stop")
    wrong = client.post(
        url, update, content_type="application/json", HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN="x"
    )
    assert wrong.status_code == 403
    missing = client.post(url, update, content_type="application/json")
    assert missing.status_code == 403
    assert TelegramChat.objects.exists()
    response = client.post(
        url,
        update,
        content_type="application/json",
        HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN="hook-secret",
    )
    assert response.status_code == 200
    assert not TelegramChat.objects.exists()
    assert len(bot.sent) == 1
    bad = client.post(
        url,
        "{not json",
        content_type="application/json",
        HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN="hook-secret",
    )
    assert bad.status_code == 400


@pytest.mark.django_db
def test_the_webhook_is_rate_limited(client, bot, settings):
    settings.TELEGRAM_WEBHOOK_RATE = "2/m"
    url = reverse("notifications:telegram_webhook")
    codes = [
        client.post(
            url,
            message(i, "hi"),
            content_type="application/json",
            HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN="hook-secret",
        ).status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]


@pytest.mark.django_db
def test_the_webhook_is_off_without_a_secret(client, bot, settings):
    settings.TELEGRAM_WEBHOOK_SECRET = ""
    response = client.post(
        reverse("notifications:telegram_webhook"),
        message(1, "/stop"),
        content_type="application/json",
        HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN="",
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_notify_by_telegram_sends_the_template_in_the_persons_language(bot):
    person = UserFactory(language="kk")
    TelegramChat.objects.create(person=person, chat_id=CHAT)
    context = {"code": "123456", "minutes": 15}
    delivery = notify(person, "exhibition.code", context)
    delivery.refresh_from_db()
    assert (delivery.channel, delivery.address, delivery.status) == ("telegram", str(CHAT), "sent")
    assert delivery.provider_id == "1"
    [sent] = bot.sent
    assert sent["chat_id"] == str(CHAT)
    assert "123456" in sent["text"]
    assert "Көрме" in sent["text"]


@pytest.mark.django_db
def test_a_blocked_bot_fails_at_once_and_a_busy_api_is_retried(bot):
    person = UserFactory()
    TelegramChat.objects.create(person=person, chat_id=CHAT)
    bot.respond = lambda path, params: (
        403,
        {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"},
    )
    blocked = notify(person, "exhibition.code", {"code": "1", "minutes": 15})
    blocked.refresh_from_db()
    assert (blocked.status, blocked.attempts) == ("failed", 1)
    assert "blocked" in blocked.error
    answers = iter([(429, {"ok": False, "description": "Too Many Requests"}), ("slow", {})])
    bot.respond = lambda path, params: next(
        answers, (200, {"ok": True, "result": {"message_id": 9}})
    )
    busy = notify(person, "exhibition.code", {"code": "2", "minutes": 15})
    busy.refresh_from_db()
    assert (busy.status, busy.attempts, busy.provider_id) == ("sent", 3, "9")


@pytest.mark.django_db
def test_the_preferences_page_connects_and_disconnects(client, bot):
    person = UserFactory()
    client.force_login(person)
    page = client.get(reverse("accounts:notifications"))
    assert reverse("accounts:telegram_connect") in page.content.decode()
    TelegramChat.objects.create(person=person, chat_id=CHAT)
    Preference.objects.create(person=person, channel="telegram")
    page = client.get(reverse("accounts:notifications"))
    assert 'data-testid="telegram-connected"' in page.content.decode()
    client.post(reverse("accounts:telegram_disconnect"))
    assert not TelegramChat.objects.exists()
    # With Telegram gone, messages fall back to e-mail.
    person.refresh_from_db()
    assert notify(person, "exhibition.code", {"code": "1", "minutes": 15}).channel == "email"
