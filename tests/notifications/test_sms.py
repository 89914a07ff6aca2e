import json

import pytest

from notifications import sms
from notifications.models import Delivery, DeliveryStatus
from notifications.services import sms_send
from notifications.sms import SmsError, sms_parts
from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("{" * 80, 1),  # extended GSM-7 characters count twice
        ("{" * 81, 2),
        ("ә" * 70, 1),
        ("ә" * 71, 2),
        ("Код: 123456" + "ң" * 59, 1),  # one Kazakh letter makes the whole text UCS-2
        ("ы" * 134, 2),
        ("ы" * 135, 3),
    ],
)
def test_sms_parts_count_gsm7_and_ucs2(text, parts):
    assert sms_parts(text) == parts


@pytest.mark.django_db
def test_an_sms_is_sent_after_commit_and_logged(django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        delivery = sms_send(to="+77011234567", text="Кодыңыз: 123456", event="code", person=person)
        assert sms.outbox == []
    assert [(m.to, m.text) for m in sms.outbox] == [("+77011234567", "Кодыңыз: 123456")]
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.attempts == 1
    assert delivery.provider_id.startswith("console-")
    assert delivery.parts == 1
    assert delivery.person == person


class FailingBackend(sms.BaseSmsBackend):
    calls = 0

    def send(self, message):
        FailingBackend.calls += 1
        raise SmsError("gateway says no", temporary=False)


@pytest.mark.django_db
def test_a_refused_sms_is_logged_failed_without_retries(
    settings, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = "tests.notifications.test_sms.FailingBackend"
    FailingBackend.calls = 0
    with django_capture_on_commit_callbacks(execute=True):
        delivery = sms_send(to="+77011234567", text="x", event="code")
    delivery.refresh_from_db()
    assert (delivery.status, delivery.error, delivery.attempts) == (
        DeliveryStatus.FAILED,
        "gateway says no",
        1,
    )
    assert FailingBackend.calls == 1
    assert Delivery.objects.count() == 1


@pytest.mark.django_db
def test_the_file_backend_leaves_each_sms_for_another_process(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = "notifications.sms.file.FileBackend"
    settings.SMS_FILE_PATH = str(tmp_path / "sms")
    with django_capture_on_commit_callbacks(execute=True):
        first = sms_send(to="+77011234567", text="Код: 111111", event="code")
        sms_send(to="+77011234567", text="Код: 222222", event="code")
    lines = (tmp_path / "sms" / "77011234567.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["text"] for line in lines] == ["Код: 111111", "Код: 222222"]
    first.refresh_from_db()
    assert first.provider_id == json.loads(lines[0])["id"]
    assert first.status == DeliveryStatus.SENT
