from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    SMS = "sms", _("SMS")
    TELEGRAM = "telegram", _("Telegram")
    EMAIL = "email", _("e-mail")


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENT = "sent", _("sent")
    DELIVERED = "delivered", _("delivered")
    FAILED = "failed", _("failed")


class Delivery(models.Model):
    """One message to one address on one channel, with the fate of its last attempt.

    The text itself is not kept: a sign-in code must not outlive its SMS, and the event
    and the person say what was sent.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
        verbose_name=_("person"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, blank=True)
    address = models.CharField(_("address"), max_length=254)
    event = models.CharField(_("event"), max_length=60)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    parts = models.PositiveSmallIntegerField(_("SMS parts"), default=0)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    provider_id = models.CharField(_("provider's message id"), max_length=100, blank=True)
    error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["person", "-created_at"], name="delivery_person_recent"),
            # The SMS status poll reads sent messages that wait for a delivery report.
            models.Index(fields=["channel", "status"], name="delivery_channel_status"),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.address} ({self.get_status_display()})"


class Preference(models.Model):
    """How a person wants to hear from the portal: one preferred channel (the others are
    the fallback when it is not usable) and whether reminders are welcome. Transactional
    messages (codes, receipts, status changes) ignore the opt-out."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("person"),
    )
    channel = models.CharField(
        _("preferred channel"), max_length=10, choices=Channel.choices, blank=True
    )
    reminders = models.BooleanField(_("send reminders"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.person}: {self.channel or '—'}"


class TelegramChat(models.Model):
    """The Telegram chat a person connected with /start; /stop removes it."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="telegram_chat",
        verbose_name=_("person"),
    )
    chat_id = models.BigIntegerField(_("chat"), unique=True)
    username = models.CharField(_("Telegram username"), max_length=64, blank=True)
    connected_at = models.DateTimeField(_("connected"), auto_now_add=True)

    class Meta:
        verbose_name = _("Telegram chat")
        verbose_name_plural = _("Telegram chats")

    def __str__(self) -> str:
        return f"{self.person}: {self.chat_id}"


class TelegramLinkToken(models.Model):
    """A one-time token of a deep link t.me/<bot>?start=<token>; only its hash is kept."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.person_id}: {self.created_at}"


class BotCursor(models.Model):
    """The next getUpdates offset of the Telegram polling task (one row per bot)."""

    name = models.CharField(max_length=30, primary_key=True)
    offset = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}: {self.offset}"


class SentOnce(models.Model):
    """A marker that a reminder went out for (event, key): a beat task run twice, or a
    retry, finds it and sends nothing again."""

    event = models.CharField(max_length=60)
    key = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "key"], name="sent_once_per_event_key")
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.key}"
