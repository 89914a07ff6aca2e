import json
import uuid
from pathlib import Path

from django.conf import settings

from notifications import sms


class FileBackend(sms.BaseSmsBackend):
    """Writes each SMS as one JSON line to SMS_FILE_PATH/<number>.jsonl, as Django's
    file-based e-mail backend writes letters: for a load test or a staging server, where
    another process (Locust, a tester) reads the codes the portal sent."""

    def send(self, message: sms.SmsMessage) -> str:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        provider_id = f"file-{uuid.uuid4().hex[:12]}"
        line = json.dumps({"id": provider_id, "to": message.to, "text": message.text})
        with open(folder / f"{message.to.lstrip('+')}.jsonl", "a", encoding="utf-8") as out:
            out.write(line + "\n")
        return provider_id
