"""SMSC.kz, the HTTP API of https://smsc.kz/api/http/ (send.php and status.php, JSON answers).

Settings (environment): SMSC_LOGIN, SMSC_PASSWORD (with no login: the API key),
SMSC_SENDER (a sender name registered with SMSC; empty uses the account's default),
SMSC_URL (https://smsc.kz/sys/), SMSC_TIMEOUT seconds.

Errors the gateway answers with an error_code: 1 bad parameters, 2 bad login or password,
3 no money, 4 the IP is blocked for a while, 5 bad date, 6 message forbidden (text or
sender name), 7 bad phone number, 8 cannot be delivered to the number, 9 too many
identical requests at once. 4 and 9 pass with time; the others do not.
"""

import requests
from django.conf import settings

from notifications import sms

TEMPORARY_ERROR_CODES = {4, 9}

# status.php: -3 not found yet, -1 waiting, 0 passed to the operator, 1 delivered,
# 2 read, 3 expired, 4 link followed, 20 cannot be delivered, 22 bad number,
# 23 forbidden, 24 no money, 25 number unavailable.
DELIVERED_STATUSES = {1, 2, 4}
FAILED_STATUSES = {3, 20, 22, 23, 24, 25}


class SmscBackend(sms.BaseSmsBackend):
    def _call(self, script: str, params: dict) -> dict:
        # Without a login the password is an API key (SMSC's simpler authorisation).
        if settings.SMSC_LOGIN:
            auth = {"login": settings.SMSC_LOGIN, "psw": settings.SMSC_PASSWORD}
        else:
            auth = {"apikey": settings.SMSC_PASSWORD}
        params = {**auth, "fmt": 3, "charset": "utf-8", **params}
        url = f"{settings.SMSC_URL.rstrip('/')}/{script}"
        try:
            response = requests.post(url, data=params, timeout=settings.SMSC_TIMEOUT)
        except requests.Timeout as error:
            raise sms.SmsError("SMSC: timeout") from error
        except requests.RequestException as error:
            raise sms.SmsError(f"SMSC: {type(error).__name__}") from error
        if response.status_code == 429 or response.status_code >= 500:
            raise sms.SmsError(f"SMSC: HTTP {response.status_code}")
        if response.status_code != 200:
            raise sms.SmsError(f"SMSC: HTTP {response.status_code}", temporary=False)
        try:
            answer = response.json()
        except ValueError as error:
            raise sms.SmsError("SMSC: not a JSON answer") from error
        if "error_code" in answer or "error" in answer:
            code = int(answer.get("error_code") or 0)
            raise sms.SmsError(
                f"SMSC error {code}: {answer.get('error', '')}",
                temporary=code in TEMPORARY_ERROR_CODES,
            )
        return answer

    def send(self, message: sms.SmsMessage) -> str:
        params = {"phones": message.to.lstrip("+"), "mes": message.text}
        if settings.SMSC_SENDER:
            params["sender"] = settings.SMSC_SENDER
        answer = self._call("send.php", params)
        return str(answer["id"])

    def status(self, provider_id: str, phone: str) -> str | None:
        """ "delivered", "failed" or None (not known yet)."""
        answer = self._call("status.php", {"id": provider_id, "phone": phone.lstrip("+")})
        code = int(answer.get("status", -1))
        if code in DELIVERED_STATUSES:
            return "delivered"
        if code in FAILED_STATUSES:
            return "failed"
        return None
