import sys
import uuid

from notifications import sms


class ConsoleBackend(sms.BaseSmsBackend):
    """Prints each SMS, as Django's console e-mail backend prints letters, and keeps it
    in notifications.sms.outbox."""

    def send(self, message: sms.SmsMessage) -> str:
        sms.outbox.append(message)
        sys.stdout.write(f"SMS to {message.to}:\n{message.text}\n{'-' * 40}\n")
        sys.stdout.flush()
        return f"console-{uuid.uuid4().hex[:12]}"

    def status(self, provider_id: str, phone: str) -> str | None:
        # Printed is as delivered as the console gets.
        return "delivered"
