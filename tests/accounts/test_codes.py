"""The one-time SMS code: every rule of accounts/codes.py."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from accounts.codes import CodeError, CodePurpose, code_check, code_hold, code_send
from accounts.models import PhoneCode
from accounts.tasks import delete_old_phone_codes
from notifications import sms
from notifications.models import Delivery
from notifications.sms import sms_parts

pytestmark = pytest.mark.django_db

PHONE = "+77011234567"


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Sends a code and returns it, read from the console backend's outbox."""

    def _send(phone=PHONE, purpose=CodePurpose.LOGIN, ip="10.0.0.1", language="kk"):
        before = len(sms.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            code_send(phone=phone, purpose=purpose, ip=ip, language=language)
        assert len(sms.outbox) == before + 1
        message = sms.outbox[-1]
        assert message.to == phone
        return re.search(r"\b(\d{6})\b", message.text).group(1)

    return _send


def test_a_code_is_six_random_digits_sent_by_sms_and_logged(send):
    codes = set()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _number in range(5):
            codes.add(send())
            traveller.shift(timedelta(seconds=61))
    assert len(codes) > 1
    assert all(re.fullmatch(r"\d{6}", code) for code in codes)
    assert Delivery.objects.filter(event="code", address=PHONE).count() == 5


def test_only_a_keyed_hash_is_stored(send):
    code = send()
    row = PhoneCode.objects.get()
    assert code not in row.digest
    assert re.fullmatch(r"[0-9a-f]{64}", row.digest)
    assert not row.digest.startswith(("pbkdf2", "argon2", "bcrypt"))


def test_the_right_code_works_once(send):
    code = send()
    assert code_check(phone=PHONE, purpose=CodePurpose.LOGIN, code=code) is True
    assert code_check(phone=PHONE, purpose=CodePurpose.LOGIN, code=code) is False


def test_a_code_typed_with_spaces_works(send):
    code = send()
    assert code_check(phone=PHONE, purpose=CodePurpose.LOGIN, code=f" {code[:3]} {code[3:]} ")


def test_a_code_works_only_for_its_purpose_and_number(send):
    code = send()
    assert code_check(phone=PHONE, purpose=CodePurpose.SIGNUP, code=code) is False
    assert code_check(phone="+77017654321", purpose=CodePurpose.LOGIN, code=code) is False
    assert code_check(phone=PHONE, purpose=CodePurpose.LOGIN, code=code) is True


def test_a_code_expires_after_five_minutes(send):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        code = send()
        traveller.shift(timedelta(minutes=4, seconds=59))
        assert code_check(phone=PHONE, purpose=CodePurpose.LOGIN, code=code) is True
    with time_machine.travel(start, tick=False) as traveller:
        code = send(phone="+77017654321")
        traveller.shift(timedelta(minutes=5, seconds=1))
        assert code_check(phone="+77017654321", purpose=CodePurpose.LOGIN, code=code) is False


def test_five_wrong_attempts_void_the_code(send):
    code = send()
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _attempt in range(4):
        assert code_check(phone=PHONE, purpose=CodePurpose.LOGIN, code=wrong) is False
    assert code_check(phone=PHONE, purpose=CodePurpose.LOGIN, code=code) is True

    with time_machine.travel(timezone.now() + timedelta(seconds=61), tick=False):
        code = send()
        for _attempt in range(5):
            assert code_check(phone=PHONE, purpose=CodePurpose.LOGIN, code=wrong) is False
        assert code_check(phone=PHONE, purpose=CodePurpose.LOGIN, code=code) is False


def test_a_new_code_voids_the_old_one(send):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        old = send()
        traveller.shift(timedelta(seconds=61))
        new = send()
        if old != new:
            assert code_check(phone=PHONE, purpose=CodePurpose.LOGIN, code=old) is False
        assert code_check(phone=PHONE, purpose=CodePurpose.LOGIN, code=new) is True
    assert PhoneCode.objects.filter(spent_at__isnull=True).count() == 0


def test_a_new_code_only_after_sixty_seconds(send):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        send()
        traveller.shift(timedelta(seconds=45))
        with pytest.raises(CodeError) as caught:
            send()
        assert "15" in caught.value.message
        traveller.shift(timedelta(seconds=15))
        send()


def test_at_most_five_codes_per_number_an_hour(send):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _number in range(5):
            send()
            traveller.shift(timedelta(minutes=2))
        with pytest.raises(CodeError) as caught:
            send(ip="10.0.0.2")
        # The first code was made 10 minutes ago: 50 minutes to wait.
        assert "50" in caught.value.message
        traveller.shift(timedelta(minutes=50, seconds=1))
        send()


def test_at_most_twenty_codes_per_ip_an_hour(send):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for number in range(20):
            send(phone=f"+7701000{number:04d}")
        with pytest.raises(CodeError):
            send(phone="+77019999999")
        send(phone="+77019999999", ip="10.0.0.9")
        traveller.shift(timedelta(hours=1, seconds=1))
        send(phone="+77019999998")


def test_a_held_code_counts_but_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        code_hold(phone=PHONE, purpose=CodePurpose.LOGIN, ip="10.0.0.1")
    assert sms.outbox == []
    with pytest.raises(CodeError):
        code_hold(phone=PHONE, purpose=CodePurpose.LOGIN, ip="10.0.0.1")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_limit_message_is_translated(send, language):
    from django.utils import translation

    send()
    with translation.override(language), pytest.raises(CodeError) as caught:
        send()
    assert re.search(r"[а-яә]", caught.value.message) and not re.search(
        r"[A-Za-z]", caught.value.message
    )


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_sms_fits_one_part_and_kazakh_words_have_no_latin(send, language):
    send(language=language)
    text = sms.outbox[-1].text
    assert sms_parts(text) == 1
    if language != "en":
        assert re.search(r"[а-яәіңғүұқөһ]", text)
        mixed = [word for word in text.split() if re.search(r"[a-z]", word, re.I)]
        assert mixed == ["JastarUrban"] or all(not re.search(r"[а-я]", w, re.I) for w in mixed)


def test_old_codes_are_deleted(send):
    with time_machine.travel(timezone.now() - timedelta(hours=2), tick=False):
        send()
    send(phone="+77017654321")
    assert delete_old_phone_codes() == 1
    assert list(PhoneCode.objects.values_list("phone", flat=True)) == ["+77017654321"]
