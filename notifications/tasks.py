import base64
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from notifications import telegram
from notifications.models import Channel, Delivery, DeliveryStatus
from notifications.sms import SmsError, SmsMessage, get_backend

SMS_RETRIES = 4


def backoff_seconds(retries: int) -> int:
    """10 s, 30 s, 90 s, 270 s: a gateway that is down for minutes still gets the code out."""
    return 10 * 3**retries


@shared_task(bind=True, max_retries=SMS_RETRIES)
def deliver_sms(self, delivery_id: int, text: str) -> None:
    delivery = Delivery.objects.get(pk=delivery_id)
    delivery.attempts += 1
    try:
        delivery.provider_id = get_backend().send(SmsMessage(to=delivery.address, text=text))
    except SmsError as error:
        delivery.error = str(error)[:500]
        again = error.temporary and self.request.retries < self.max_retries
        delivery.status = DeliveryStatus.QUEUED if again else DeliveryStatus.FAILED
        delivery.save(update_fields=["attempts", "error", "status", "updated_at"])
        if again:
            raise self.retry(countdown=backoff_seconds(self.request.retries)) from error
        return
    delivery.status = DeliveryStatus.SENT
    delivery.error = ""
    delivery.save(update_fields=["attempts", "provider_id", "error", "status", "updated_at"])


SEND_RETRIES = 4
# How long `deliver` waits for the row of a caller whose transaction has not committed.
UNCOMMITTED_RETRIES = 3


def _send(delivery: Delivery, payload: dict) -> str:
    """Sends on the delivery's channel; returns the provider's id. Raises DeliveryError."""
    if delivery.channel == Channel.SMS:
        try:
            return get_backend().send(SmsMessage(to=delivery.address, text=payload["text"]))
        except SmsError as error:
            raise DeliveryError(str(error), temporary=error.temporary) from error
    if delivery.channel == Channel.TELEGRAM:
        try:
            return telegram.message_send(delivery.address, payload["text"])
        except telegram.TelegramError as error:
            raise DeliveryError(str(error), temporary=error.temporary) from error
    message = EmailMessage(payload["subject"], payload["text"], to=[delivery.address])
    for name, content, mime in payload.get("attachments", []):
        message.attach(name, base64.b64decode(content), mime)
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        raise DeliveryError(f"SMTP: {error}", temporary=False) from error
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryError(f"SMTP: {type(error).__name__}: {error}") from error
    return ""


class DeliveryError(Exception):
    def __init__(self, message: str, *, temporary: bool = True):
        super().__init__(message)
        self.temporary = temporary


@shared_task(bind=True, max_retries=SEND_RETRIES)
def deliver(self, delivery_id: int, payload: dict) -> None:
    """Sends one message notify() rendered; each attempt is counted in its Delivery."""
    delivery = Delivery.objects.filter(pk=delivery_id).first()
    if delivery is None:
        # notify() was called inside a transaction that has not committed yet; one that
        # rolled back never commits, and its message is never sent.
        if self.request.retries < UNCOMMITTED_RETRIES:
            return self.retry(countdown=2, max_retries=UNCOMMITTED_RETRIES, throw=False)
        return
    if delivery.status != DeliveryStatus.QUEUED:
        return  # a duplicate run of a message already sent or given up
    delivery.attempts += 1
    try:
        delivery.provider_id = _send(delivery, payload)[:100]
    except DeliveryError as error:
        delivery.error = str(error)[:500]
        again = error.temporary and self.request.retries < self.max_retries
        delivery.status = DeliveryStatus.QUEUED if again else DeliveryStatus.FAILED
        delivery.save(update_fields=["attempts", "error", "status", "updated_at"])
        if again:
            # throw=False: the retry is queued and this run ends normally; without a broker
            # the retry then runs at once (a raised Retry would end the eager run instead).
            return self.retry(countdown=backoff_seconds(self.request.retries), throw=False)
        return
    delivery.status = DeliveryStatus.SENT
    delivery.error = ""
    delivery.save(update_fields=["attempts", "provider_id", "error", "status", "updated_at"])


STATUS_POLL_WINDOW = timedelta(days=3)
STATUS_POLL_BATCH = 500


@shared_task
def poll_sms_statuses() -> int:
    """Beat: asks the gateway about SMS sent in the last three days that have no delivery
    report yet; returns how many changed."""
    backend = get_backend()
    changed = 0
    pending = Delivery.objects.filter(
        channel=Channel.SMS,
        status=DeliveryStatus.SENT,
        created_at__gt=timezone.now() - STATUS_POLL_WINDOW,
    ).exclude(provider_id="")[:STATUS_POLL_BATCH]
    for delivery in pending:
        try:
            status = backend.status(delivery.provider_id, delivery.address)
        except SmsError as error:
            if error.temporary:
                break  # the gateway is down: the next run asks again
            delivery.error = str(error)[:500]
            delivery.save(update_fields=["error", "updated_at"])
            continue
        if status in (DeliveryStatus.DELIVERED, DeliveryStatus.FAILED):
            delivery.status = status
            delivery.save(update_fields=["status", "updated_at"])
            changed += 1
    return changed


@shared_task
def poll_telegram_updates() -> int:
    """Beat (when TELEGRAM_POLLING is on, i.e. no webhook): handles the bot's new updates."""
    if not (settings.TELEGRAM_BOT_TOKEN and settings.TELEGRAM_POLLING):
        return 0
    try:
        return telegram.updates_poll()
    except telegram.TelegramError:
        return 0  # the next run tries again from the same offset
