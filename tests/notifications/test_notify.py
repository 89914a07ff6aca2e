"""notify(): the channel it picks, what it sends on each, opt-out, failures and retries."""

import smtplib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from applications.tasks import send_draft_reminders, send_status_email, send_submission_receipt
from mentoring.models import Disbursement
from mentoring.tasks import send_payment_notice
from notifications import sms
from notifications.models import Delivery, DeliveryStatus, Preference, TelegramChat
from notifications.notify import notify, notify_address, phone_confirmed
from notifications.tasks import deliver
from tests.factories import (
    ApplicationFactory,
    CompetitionFactory,
    GranteeProjectFactory,
    UserFactory,
)

CODE = {"code": "123456", "minutes": 15}


def test_a_phone_counts_once_confirmed():
    assert not phone_confirmed(SimpleNamespace(phone=None, phone_confirmed_at=None))
    unconfirmed = SimpleNamespace(phone="+77011234567", phone_confirmed_at=None)
    assert not phone_confirmed(unconfirmed)
    confirmed = SimpleNamespace(phone="+77011234567", phone_confirmed_at=timezone.now())
    assert phone_confirmed(confirmed)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("preferred", "phone", "telegram", "expected"),
    [
        ("", None, False, "email"),  # the default for a person with only an e-mail
        ("", "+77011234567", False, "email"),  # e-mail is free, SMS is not
        ("", "+77011234567", True, "telegram"),
        ("sms", "+77011234567", True, "sms"),
        ("sms", None, False, "email"),  # no phone: the preferred channel cannot be used
        ("sms", "unconfirmed", False, "email"),  # a number nobody confirmed is not used
        ("telegram", "+77011234567", False, "email"),
        ("email", "+77011234567", True, "email"),
    ],
)
def test_the_channel_is_the_preferred_usable_one(preferred, phone, telegram, expected):
    if phone == "unconfirmed":
        person = UserFactory(phone="+77011234567", phone_confirmed_at=None)
    else:
        person = UserFactory(phone=phone, phone_confirmed_at=timezone.now() if phone else None)
    if preferred:
        Preference.objects.create(person=person, channel=preferred)
    if telegram:
        TelegramChat.objects.create(person=person, chat_id=42)
    person.refresh_from_db()
    assert notify(person, "exhibition.code", CODE).channel == expected


@pytest.mark.django_db
def test_sms_is_rendered_in_the_persons_language_and_counted():
    person = UserFactory(phone="+77011234567", phone_confirmed_at=timezone.now(), language="ru")
    Preference.objects.create(person=person, channel="sms")
    delivery = notify(person, "exhibition.code", CODE)
    [message] = sms.outbox
    assert message.to == "+77011234567"
    assert message.text == "Код регистрации на выставку: 123456. Действует 15 мин."
    delivery.refresh_from_db()
    assert (delivery.status, delivery.parts, delivery.attempts) == ("sent", 1, 1)
    assert delivery.provider_id.startswith("console-")
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_event_bound_to_e_mail_stays_there():
    person = UserFactory(phone="+77011234567")
    Preference.objects.create(person=person, channel="sms")
    delivery = notify(person, "account.activation", {"user": person, "link": "https://x/a/"})
    assert delivery.channel == "email"
    assert sms.outbox == []
    assert mail.outbox[0].to == [person.email]


@pytest.mark.django_db
def test_nobody_to_reach_is_logged_as_failed_with_the_reason():
    person = UserFactory(email=None, phone=None)
    delivery = notify(person, "exhibition.code", CODE)
    assert (delivery.status, delivery.channel, delivery.address) == ("failed", "", "")
    assert "Жарамды арна жоқ" in delivery.error
    assert mail.outbox == [] and sms.outbox == []


@pytest.mark.django_db
def test_reminders_can_be_turned_off_but_transactional_messages_still_go():
    person = UserFactory()
    Preference.objects.create(person=person, reminders=False)
    context = {"count": 2, "deadline": timezone.now(), "link": "https://x/r/"}
    context["member"] = SimpleNamespace(competition="Байқау")
    assert notify(person, "review.reminder", context) is None
    code = notify(person, "exhibition.code", CODE)
    code.refresh_from_db()
    assert code.status == "sent"
    assert len(mail.outbox) == 1
    assert Delivery.objects.filter(person=person).count() == 1


@pytest.mark.django_db
def test_the_receipt_carries_its_pdf_by_e_mail_and_a_link_by_sms():
    application = ApplicationFactory(status="submitted", registration_number="JU-2025-0007")
    send_submission_receipt(application.pk)
    [letter] = mail.outbox
    assert letter.attachments[0][0] == "JU-2025-0007.pdf"
    assert letter.attachments[0][1].startswith(b"%PDF")
    Preference.objects.create(person=application.applicant, channel="sms")
    application.applicant.phone = "+77011234567"
    application.applicant.phone_confirmed_at = timezone.now()
    application.applicant.save()
    send_submission_receipt(application.pk)
    [message] = sms.outbox
    assert f"/applications/{application.pk}/receipt.pdf" in message.text
    assert "JU-2025-0007" in message.text
    assert len(mail.outbox) == 1


class FlakySmtp(EmailBackend):
    failures = 0

    def send_messages(self, messages):
        if FlakySmtp.failures:
            FlakySmtp.failures -= 1
            raise smtplib.SMTPServerDisconnected("gone")
        return super().send_messages(messages)


class RefusingSmtp(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.kz": (550, b"no such user")})


@pytest.mark.django_db
def test_a_lost_smtp_connection_is_retried_and_a_refused_address_is_not(settings):
    settings.EMAIL_BACKEND = "tests.notifications.test_notify.FlakySmtp"
    FlakySmtp.failures = 2
    application = ApplicationFactory(status="eligible")
    send_status_email(application.pk)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.error) == ("sent", 3, "")
    assert len(mail.outbox) == 1
    settings.EMAIL_BACKEND = "tests.notifications.test_notify.RefusingSmtp"
    refused = notify(application.applicant, "exhibition.code", CODE)
    refused.refresh_from_db()
    assert (refused.status, refused.attempts) == ("failed", 1)
    assert "no such user" in refused.error


@pytest.mark.django_db
def test_a_message_whose_transaction_rolled_back_is_never_sent():
    deliver.delay(987654, {"subject": "", "text": "x", "attachments": []})
    assert mail.outbox == [] and sms.outbox == []


@pytest.mark.django_db
def test_a_visitor_without_an_account_is_told_by_sms_when_no_e_mail():
    delivery = notify_address("exhibition.code", CODE, language="kk", phone="+77017654321")
    assert (delivery.channel, delivery.person) == ("sms", None)
    assert sms.outbox[0].text == "Көрмеге тіркелу коды: 123456. 15 минут жарамды."
    assert notify_address("exhibition.code", CODE, language="kk") is None


@pytest.mark.django_db
def test_draft_reminders_go_once_per_threshold(settings):
    settings.SITE_URL = "https://jastarurban.kz"
    competition = CompetitionFactory(closes_at=timezone.now() + timedelta(days=2, hours=20))
    draft = ApplicationFactory(competition=competition, title="«Ауыл саябағы»")
    ApplicationFactory(competition=competition, status="submitted")
    later = ApplicationFactory(competition=CompetitionFactory())  # closes in 30 days
    assert send_draft_reminders() == 1
    assert send_draft_reminders() == 0  # beat ran twice: nothing new
    [letter] = mail.outbox
    assert letter.to == [draft.applicant.email]
    assert "«Ауыл саябағы»" in letter.body and "««" not in letter.body
    competition.closes_at = timezone.now() + timedelta(hours=20)
    competition.save()
    assert send_draft_reminders() == 1  # the one-day reminder
    assert send_draft_reminders() == 0
    assert len(mail.outbox) == 2
    assert Delivery.objects.filter(event="application.draft_reminder").count() == 2
    assert not Delivery.objects.filter(person=later.applicant).exists()


@pytest.mark.django_db
def test_a_draft_whose_call_closes_tomorrow_gets_only_the_one_day_reminder():
    competition = CompetitionFactory(closes_at=timezone.now() + timedelta(hours=5))
    ApplicationFactory(competition=competition)
    assert send_draft_reminders() == 1
    assert send_draft_reminders() == 0


@pytest.mark.django_db
def test_an_approved_payment_is_told_to_the_team_lead(staff):
    project = GranteeProjectFactory(application__applicant__language="kk")
    disbursement = Disbursement.objects.create(
        project=project,
        paid_on=timezone.localdate(),
        amount_kzt=250_000,
        document_number="42",
        status=Disbursement.Status.APPROVED,
        recorded_by=staff,
        decided_by=UserFactory(),
        decided_at=timezone.now(),
    )
    send_payment_notice(disbursement.pk)
    [letter] = mail.outbox
    assert letter.to == [project.application.applicant.email]
    assert "250\u00a0000\u00a0₸" in letter.body
    assert project.application.registration_number in letter.subject
    assert Delivery.objects.get().event == "mentoring.payment_made"


@pytest.mark.django_db
def test_a_failed_delivery_is_not_sent_again_by_a_duplicate_task():
    person = UserFactory()
    delivery = notify(person, "exhibition.code", CODE)
    deliver.delay(delivery.pk, {"subject": "s", "text": "t", "attachments": []})
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == DeliveryStatus.SENT
