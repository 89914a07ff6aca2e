"""Sending SMS: one small backend interface, chosen by settings.SMS_BACKEND.

Like Django's e-mail backends: the console backend prints each message (the demo) and
keeps it in `outbox` (the tests read codes from there); an HTTP backend talks to a real
gateway. Callers use notifications.services, which logs every attempt.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

# Messages the console backend has "sent", oldest first; tests empty it before each test.
outbox: list["SmsMessage"] = []

GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = set("^{}\\[~]|€\f")


@dataclass(frozen=True)
class SmsMessage:
    to: str
    text: str


class SmsError(Exception):
    """The gateway refused or could not be reached. `temporary` errors are retried."""

    def __init__(self, message: str, *, temporary: bool = True):
        super().__init__(message)
        self.temporary = temporary


def sms_parts(text: str) -> int:
    """How many SMS a text takes: 160/153 characters per part in GSM-7, 70/67 in UCS-2
    (any Cyrillic or Kazakh letter makes the whole message UCS-2)."""
    if all(char in GSM7 or char in GSM7_EXTENDED for char in text):
        length = sum(2 if char in GSM7_EXTENDED else 1 for char in text)
        single, multi = 160, 153
    else:
        # Characters outside the Basic Multilingual Plane take two UCS-2 units.
        length = sum(2 if ord(char) > 0xFFFF else 1 for char in text)
        single, multi = 70, 67
    if length <= single:
        return 1
    return -(-length // multi)


class BaseSmsBackend:
    def send(self, message: SmsMessage) -> str:
        """Sends one message; returns the gateway's id for it. Raises SmsError."""
        raise NotImplementedError

    def status(self, provider_id: str, phone: str) -> str | None:
        """The gateway's word on a sent message: "delivered", "failed", or None while it
        does not know yet (or cannot say). Raises SmsError."""
        return None


def get_backend() -> BaseSmsBackend:
    return import_string(settings.SMS_BACKEND)()
