"""The SMSC.kz backend against a local server that speaks send.php and status.php."""

import pytest
from django.utils import timezone

from notifications import sms
from notifications.models import Delivery, DeliveryStatus, Preference
from notifications.notify import notify
from notifications.sms.smsc import SmscBackend
from notifications.tasks import poll_sms_statuses
from tests.factories import UserFactory


@pytest.fixture
def smsc(settings, fake_api):
    settings.SMS_BACKEND = "notifications.sms.smsc.SmscBackend"
    settings.SMSC_URL = fake_api.url + "/sys/"
    settings.SMSC_LOGIN = "gamo"
    settings.SMSC_PASSWORD = "secret"
    settings.SMSC_SENDER = "JastarUrban"
    settings.SMSC_TIMEOUT = 0.5
    statuses = {}

    def respond(path, params):
        by_key = params.get("apikey") == "key-123" and "login" not in params
        if not by_key and (params.get("login") != "gamo" or params.get("psw") != "secret"):
            return 200, {"error": "authorise error", "error_code": 2}
        if path == "/sys/send.php":
            if not params["phones"].isdigit() or len(params["phones"]) != 11:
                return 200, {"error": "invalid number", "error_code": 7}
            message_id = len(fake_api.calls("send.php"))
            return 200, {"id": message_id, "cnt": 1}
        if path == "/sys/status.php":
            return 200, {"status": statuses.get(params["id"], -1), "last_date": "01.12.2026"}
        return 404, {}

    fake_api.respond = respond
    fake_api.statuses = statuses
    return fake_api


def test_send_speaks_the_smsc_api(smsc):
    provider_id = SmscBackend().send(sms.SmsMessage(to="+77011234567", text="Кодыңыз: 123456"))
    assert provider_id == "1"
    [params] = smsc.calls("send.php")
    assert params == {
        "login": "gamo",
        "psw": "secret",
        "fmt": "3",
        "charset": "utf-8",
        "phones": "77011234567",
        "mes": "Кодыңыз: 123456",
        "sender": "JastarUrban",
    }


def test_without_a_login_the_password_is_an_api_key(smsc, settings):
    settings.SMSC_LOGIN = ""
    settings.SMSC_PASSWORD = "key-123"
    assert SmscBackend().send(sms.SmsMessage(to="+77011234567", text="x")) == "1"
    [params] = smsc.calls("send.php")
    assert params["apikey"] == "key-123" and "psw" not in params


@pytest.mark.parametrize(
    ("answer", "temporary"),
    [
        ((200, {"error": "authorise error", "error_code": 2}), False),
        ((200, {"error": "no money", "error_code": 3}), False),
        ((200, {"error": "invalid number", "error_code": 7}), False),
        ((200, {"error": "too many requests", "error_code": 9}), True),
        ((200, {"error": "ip blocked", "error_code": 4}), True),
        ((503, {}), True),
        ((429, {}), True),
        ((200, b"<html>not json"), True),
        (("slow", {"id": 1, "cnt": 1}), True),
    ],
)
def test_errors_are_temporary_or_permanent(smsc, answer, temporary):
    smsc.respond = lambda path, params: answer
    with pytest.raises(sms.SmsError) as raised:
        SmscBackend().send(sms.SmsMessage(to="+77011234567", text="x"))
    assert raised.value.temporary is temporary


def test_an_unreachable_gateway_is_a_temporary_error(settings):
    settings.SMSC_URL = "http://127.0.0.1:9/sys/"  # nothing listens on the discard port
    with pytest.raises(sms.SmsError) as raised:
        SmscBackend().send(sms.SmsMessage(to="+77011234567", text="x"))
    assert raised.value.temporary


def sms_person(**kwargs):
    person = UserFactory(phone="+77011234567", phone_confirmed_at=timezone.now(), **kwargs)
    Preference.objects.create(person=person, channel="sms")
    return person


@pytest.mark.django_db
def test_notify_by_sms_goes_through_the_gateway_and_is_logged(smsc, settings):
    person = sms_person(language="kk")
    delivery = notify(person, "exhibition.code", {"code": "123456", "minutes": 15})
    delivery.refresh_from_db()
    assert (delivery.channel, delivery.status, delivery.attempts) == ("sms", "sent", 1)
    assert delivery.provider_id == "1"
    assert delivery.parts == 1
    [params] = smsc.calls("send.php")
    assert "123456" in params["mes"]


@pytest.mark.django_db
def test_a_temporary_error_is_retried_until_it_goes(smsc):
    answers = iter([(200, {"error": "busy", "error_code": 9}), (503, {})])
    real = smsc.respond
    smsc.respond = lambda path, params: next(answers, None) or real(path, params)
    delivery = notify(sms_person(), "exhibition.code", {"code": "123456", "minutes": 15})
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.error) == ("sent", 3, "")
    assert len(smsc.calls("send.php")) == 3


@pytest.mark.django_db
def test_retries_end_and_the_last_error_is_kept(smsc):
    smsc.respond = lambda path, params: (503, {})
    delivery = notify(sms_person(), "exhibition.code", {"code": "123456", "minutes": 15})
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", 5)
    assert delivery.error == "SMSC: HTTP 503"


@pytest.mark.django_db
def test_a_permanent_error_is_not_retried(smsc, settings):
    settings.SMSC_PASSWORD = "wrong"
    delivery = notify(sms_person(), "exhibition.code", {"code": "123456", "minutes": 15})
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", 1)
    assert delivery.error.startswith("SMSC error 2")
    assert len(smsc.requests) == 1


@pytest.mark.django_db
def test_status_polling_marks_delivered_and_failed(smsc):
    person = sms_person()
    first = notify(person, "exhibition.code", {"code": "111111", "minutes": 15})
    second = notify(person, "exhibition.code", {"code": "222222", "minutes": 15})
    third = notify(person, "exhibition.code", {"code": "333333", "minutes": 15})
    smsc.statuses.update({"1": 1, "2": 20})  # the third is still with the operator (0)
    smsc.statuses["3"] = 0
    assert poll_sms_statuses() == 2
    statuses = dict(Delivery.objects.values_list("pk", "status"))
    assert statuses == {
        first.pk: DeliveryStatus.DELIVERED,
        second.pk: DeliveryStatus.FAILED,
        third.pk: DeliveryStatus.SENT,
    }
    [params] = [p for p in smsc.calls("status.php") if p["id"] == "1"]
    assert params["phone"] == "77011234567"
    # Delivered and failed messages are not asked about again.
    smsc.requests.clear()
    poll_sms_statuses()
    assert [p["id"] for p in smsc.calls("status.php")] == ["3"]
