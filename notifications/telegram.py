"""The Telegram bot: a few Bot API calls over HTTPS (requests), and the commands it answers.

A person connects from their profile by a deep link t.me/<bot>?start=<token>: Telegram
opens the bot, the person presses Start and the bot receives "/start <token>"; the token
(one-time, an hour, only its hash kept) names the person, and the chat is theirs from
then on. "/stop" disconnects. Updates arrive by the webhook view or by the polling task.
"""

import contextlib
import hashlib
import secrets
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from notifications.models import BotCursor, TelegramChat, TelegramLinkToken

LINK_VALIDITY = timedelta(hours=1)


class TelegramError(Exception):
    def __init__(self, message: str, *, temporary: bool = True):
        super().__init__(message)
        self.temporary = temporary


def api_call(method: str, **params) -> object:
    """Calls a Bot API method; returns its "result". Network trouble, 429 and 5xx are
    temporary; any other refusal (a blocked bot, a bad chat) is permanent."""
    url = f"{settings.TELEGRAM_API_URL.rstrip('/')}/bot{settings.TELEGRAM_BOT_TOKEN}/{method}"
    try:
        response = requests.post(url, json=params, timeout=settings.TELEGRAM_TIMEOUT)
    except requests.RequestException as error:
        raise TelegramError(f"{method}: {type(error).__name__}") from error
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if response.status_code == 200 and answer.get("ok"):
        return answer.get("result")
    description = answer.get("description") or f"HTTP {response.status_code}"
    temporary = response.status_code == 429 or response.status_code >= 500
    raise TelegramError(f"{method}: {description}", temporary=temporary)


def message_send(chat_id: int | str, text: str) -> str:
    """Sends plain text (no parse mode: nothing in it needs escaping); returns its id."""
    result = api_call("sendMessage", chat_id=chat_id, text=text, disable_web_page_preview=True)
    return str((result or {}).get("message_id", ""))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_token_new(*, person) -> str:
    """A fresh one-time token for the deep link (URL-safe, Telegram allows up to 64)."""
    token = secrets.token_urlsafe(24)
    TelegramLinkToken.objects.create(person=person, token_hash=_hash(token))
    return token


def deep_link(token: str) -> str:
    return f"https://t.me/{settings.TELEGRAM_BOT_USERNAME}?start={token}"


@transaction.atomic
def chat_connect(*, token: str, chat_id: int, username: str = ""):
    """Connects the chat to the token's person; None when the token is unknown, used or old."""
    link = (
        TelegramLinkToken.objects.select_for_update()
        .select_related("person")
        .filter(
            token_hash=_hash(token),
            used_at__isnull=True,
            created_at__gt=timezone.now() - LINK_VALIDITY,
        )
        .first()
    )
    if link is None:
        return None
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    # One chat, one person; one person, one chat.
    TelegramChat.objects.filter(chat_id=chat_id).exclude(person=link.person).delete()
    TelegramChat.objects.update_or_create(
        person=link.person, defaults={"chat_id": chat_id, "username": username[:64]}
    )
    return link.person


def chat_disconnect(*, chat_id: int):
    chat = TelegramChat.objects.select_related("person").filter(chat_id=chat_id).first()
    if chat is None:
        return None
    chat.delete()
    return chat.person


def update_handle(update: dict) -> None:
    """Answers one update: /start <token>, /stop, anything else gets the help line."""
    message = update.get("message") or {}
    chat = message.get("chat") or {}
    text = (message.get("text") or "").strip()
    if chat.get("type") != "private" or "id" not in chat:
        return
    chat_id = chat["id"]
    command, _space, argument = text.partition(" ")
    command = command.split("@")[0]
    language = settings.LANGUAGE_CODE
    if command == "/start" and argument:
        person = chat_connect(
            token=argument.strip(), chat_id=chat_id, username=chat.get("username", "")
        )
        if person is not None:
            language = person.language or language
        with translation.override(language):
            reply = (
                _("Connected: the JastarUrban portal will write to you here. /stop disconnects.")
                if person
                else _("This link is no longer valid: open a new one from your profile.")
            )
    elif command == "/stop":
        person = chat_disconnect(chat_id=chat_id)
        if person is not None:
            language = person.language or language
        with translation.override(language):
            reply = _("Disconnected: the portal will not write to you here any more.")
    else:
        with translation.override(language):
            reply = _("Connect this chat from your profile on the JastarUrban portal.")
    # The link is made either way; the answer is a courtesy.
    with contextlib.suppress(TelegramError):
        message_send(chat_id, reply)


def updates_poll() -> int:
    """Fetches and handles the updates after the stored offset; returns how many."""
    cursor, _created = BotCursor.objects.get_or_create(name="telegram")
    updates = api_call("getUpdates", offset=cursor.offset, timeout=0, allowed_updates=["message"])
    for update in updates or []:
        update_handle(update)
        cursor.offset = max(cursor.offset, int(update["update_id"]) + 1)
        # Saved after each one: a failure later does not replay the earlier commands.
        cursor.save(update_fields=["offset"])
    return len(updates or [])
