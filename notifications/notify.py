"""notify(): one way to tell a person something, on the channel they chose and can receive.

The channel is the person's preferred one when it is usable, else the first usable of
Telegram, e-mail, SMS (in that order: free ones first). The message is rendered here, in
the person's language, from the event's template for that channel; a Delivery row logs
it and the `deliver` task sends it with retries. A person with no usable channel gets a
failed Delivery that says why, so staff see it in the person's delivery log.
"""

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from notifications.events import ALL_CHANNELS, REMINDER, Event, event_get
from notifications.models import Channel, Delivery, DeliveryStatus, Preference, SentOnce
from notifications.sms import sms_parts
from notifications.tasks import deliver

# (file name, content, MIME type); e-mail only — SMS and Telegram carry a link instead.
Attachment = tuple[str, bytes, str]
Attachments = list[Attachment] | Callable[[], list[Attachment]] | None


def phone_confirmed(person) -> bool:
    """Whether SMS may go to the person's phone: the one place that decides it.

    Only a number its owner confirmed with a code (accounts' `phone_confirmed_at`): one
    typed by staff or on the old registration form may be someone else's."""
    return bool(person.phone and person.phone_confirmed_at)


def telegram_chat_id(person) -> str:
    try:
        return str(person.telegram_chat.chat_id)
    except Exception:  # RelatedObjectDoesNotExist: no chat connected
        return ""


def address_for(person, channel: str) -> str:
    """The person's address on a channel, or "" when the channel is not usable for them."""
    if channel == Channel.SMS:
        return person.phone if phone_confirmed(person) else ""
    if channel == Channel.TELEGRAM:
        return telegram_chat_id(person)
    if channel == Channel.EMAIL:
        return person.email or ""
    return ""


def preference_of(person) -> Preference | None:
    try:
        return person.notification_preference
    except Exception:  # RelatedObjectDoesNotExist: the person never chose
        return None


def channel_choose(person, event: Event, preference: Preference | None) -> tuple[str, str]:
    """(channel, address) for this person and event; ("", "") when none is usable."""
    order = list(ALL_CHANNELS)
    if preference is not None and preference.channel:
        order.remove(preference.channel)
        order.insert(0, preference.channel)
    for channel in order:
        if channel in event.channels:
            address = address_for(person, channel)
            if address:
                return channel, address
    return "", ""


SMS_SPACE = (re.compile(r"\s+"), " ")
BLANK_LINES = (re.compile(r"\n{3,}"), "\n\n")


@dataclass(frozen=True)
class Message:
    subject: str
    text: str


def message_render(event: Event, channel: str, context: dict) -> Message:
    """Renders in the active language; the caller sets it."""
    if channel == Channel.EMAIL:
        subject = render_to_string(f"{event.email}_subject.txt", context)
        body = render_to_string(f"{event.email}_body.txt", context)
        return Message(" ".join(subject.split()), body)
    text = render_to_string(event.template(channel), context).strip()
    # An SMS is one line with single spaces (every character costs); a Telegram message
    # keeps its lines but no runs of empty ones that template tags leave.
    squeeze = SMS_SPACE if channel == Channel.SMS else BLANK_LINES
    return Message("", squeeze[0].sub(squeeze[1], text))


def _queue(
    *,
    event: Event,
    channel: str,
    address: str,
    context: dict,
    language: str,
    person=None,
    attachments: Attachments = None,
) -> Delivery:
    with translation.override(language or settings.LANGUAGE_CODE):
        message = message_render(event, channel, context)
        files = []
        if channel == Channel.EMAIL and attachments:
            files = attachments() if callable(attachments) else attachments
    delivery = Delivery.objects.create(
        person=person,
        channel=channel,
        address=address,
        event=event.name,
        parts=sms_parts(message.text) if channel == Channel.SMS else 0,
    )
    payload = {
        "subject": message.subject,
        "text": message.text,
        "attachments": [
            [name, base64.b64encode(content).decode("ascii"), mime] for name, content, mime in files
        ],
    }
    # Sent at once: the task waits for the row when the caller's transaction has not
    # committed yet (and sends nothing when it rolled back).
    deliver.delay(delivery.pk, payload)
    return delivery


def notify(person, event_name: str, context: dict, *, attachments: Attachments = None):
    """Tells a person about an event; returns the Delivery, or None when the person opted
    out of reminders. `attachments` (or a function making them, called only when the
    letter goes by e-mail) travel with e-mail only."""
    event = event_get(event_name)
    preference = preference_of(person)
    if event.kind == REMINDER and preference is not None and not preference.reminders:
        return None
    channel, address = channel_choose(person, event, preference)
    if not channel:
        with translation.override(settings.LANGUAGE_CODE):
            reason = _("No usable channel: no confirmed phone, connected Telegram or e-mail.")
        return Delivery.objects.create(
            person=person, event=event.name, status=DeliveryStatus.FAILED, error=reason
        )
    context = {"person": person, **context}
    return _queue(
        event=event,
        channel=channel,
        address=address,
        context=context,
        language=getattr(person, "language", ""),
        person=person,
        attachments=attachments,
    )


def notify_address(
    event_name: str,
    context: dict,
    *,
    language: str,
    email: str = "",
    phone: str = "",
    attachments: Attachments = None,
) -> Delivery | None:
    """Tells someone who has no account (an exhibition visitor) by the address they gave:
    e-mail when there is one (it can carry the QR image), else SMS."""
    event = event_get(event_name)
    if email and Channel.EMAIL in event.channels:
        channel, address = Channel.EMAIL, email
    elif phone and Channel.SMS in event.channels:
        channel, address = Channel.SMS, phone
    else:
        return None
    return _queue(
        event=event,
        channel=channel,
        address=address,
        context=context,
        language=language,
        attachments=attachments,
    )


def notify_once(person, event_name: str, context: dict, *, key: str, **kwargs):
    """notify() unless this (event, key) was sent before: reminders a beat task finds again
    on its next run go out once."""
    try:
        with transaction.atomic():
            SentOnce.objects.create(event=event_name, key=key)
    except IntegrityError:
        return None
    return notify(person, event_name, context, **kwargs)
