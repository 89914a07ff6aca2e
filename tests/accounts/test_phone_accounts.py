"""Accounts by phone: sign up, log in and add a phone with an SMS code (issue 13 part 1)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import User
from accounts.phones import normalize_phone
from accounts.roles import Role
from notifications import sms
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PHONE = "+77011234567"
SIGNUP = {"full_name": "Дәурен Жақсылықов", "phone": "8 701 123 45 67", "consent": "on"}


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """Posts like the browser and runs what waits for the commit (the SMS task)."""

    def _post(url, data=None, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {}, **kwargs)

    return _post


def last_code(phone=PHONE) -> str:
    message = [m for m in sms.outbox if m.to == phone][-1]
    return re.search(r"\b(\d{6})\b", message.text).group(1)


def logged_in_as(client) -> User | None:
    pk = client.session.get("_auth_user_id")
    return User.objects.get(pk=pk) if pk else None


def phone_user(phone=PHONE, roles=(Role.APPLICANT,), **extra) -> User:
    return UserFactory(phone=phone, phone_confirmed_at=timezone.now(), roles=list(roles), **extra)


# Numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["8 701 123 45 67", "+7 (701) 123-45-67", "7011234567", "+77011234567", "8(701)1234567"],
)
def test_a_kazakh_mobile_is_read_as_people_type_it(typed):
    assert normalize_phone(typed) == PHONE


@pytest.mark.parametrize(
    "typed", ["8701", "+7 7292 303784", "+7 916 123 45 67", "+1 202 555 0123", "8 701 ABC 45 67"]
)
def test_landlines_foreign_numbers_and_letters_are_refused(typed):
    with pytest.raises(ValidationError):
        normalize_phone(typed)


def test_one_number_one_account_and_many_without_a_number_or_an_e_mail():
    phone_user()
    UserFactory(email=None, phone=None)
    UserFactory(email=None, phone=None)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(phone=PHONE)


def test_the_migration_cleans_old_numbers():
    from importlib import import_module

    clean = import_module("accounts.migrations.0005_phone_accounts").phones_clean
    kept = UserFactory(phone=PHONE, last_login=timezone.now())
    same = UserFactory(phone="8 701 123 45 67", last_login=timezone.now() - timedelta(days=1))
    typed = UserFactory(phone="+7 (702) 555-44-33")
    landline = UserFactory(phone="+7 7292 303784")
    blank = UserFactory(phone="")
    clean(django_apps, None)
    values = dict(User.objects.values_list("pk", "phone"))
    assert values[kept.pk] == PHONE
    assert values[same.pk] is None  # the account that logged in last keeps the number
    assert values[typed.pk] == "+77025554433"
    assert values[landline.pk] is None
    assert values[blank.pk] is None


# Sign up ----------------------------------------------------------------------------


def test_sign_up_by_phone_makes_an_active_applicant_and_logs_in(client, post):
    response = post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    assert response.url == "/accounts/signup/code/"
    assert not User.objects.exists()  # nothing until the code
    page = client.get(response.url)
    assert "+7\u00a0701\u00a0***\u00a0**\u00a067" in page.content.decode()

    response = post("/accounts/signup/code/", {"code": last_code()})
    assert response.status_code == 302
    user = logged_in_as(client)
    assert user is not None
    assert user.phone == PHONE and user.phone_confirmed_at is not None
    assert user.email is None and not user.has_usable_password()
    assert user.is_active and user.has_role(Role.APPLICANT)
    assert user.full_name == SIGNUP["full_name"]
    assert user.personal_data_consent_at is not None and user.personal_data_consent_version
    assert str(user) == SIGNUP["full_name"]
    assert client.get("/accounts/home/").status_code == 302


def test_sign_up_needs_the_consent_and_a_mobile_number(post):
    response = post("/accounts/signup/", SIGNUP | {"consent": ""})
    assert "consent" in response.context["form"].errors
    response = post("/accounts/signup/", SIGNUP | {"phone": "+7 7292 303784"})
    assert "phone" in response.context["form"].errors
    assert sms.outbox == []


def test_a_wrong_code_does_not_sign_up(client, post):
    post("/accounts/signup/", SIGNUP)
    wrong = f"{(int(last_code()) + 1) % 1_000_000:06d}"
    response = post("/accounts/signup/code/", {"code": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not User.objects.exists() and logged_in_as(client) is None


def test_sign_up_with_a_number_that_has_an_account_logs_into_it(client, post):
    owner = phone_user(full_name="Бұрынғы Иесі")
    response = post("/accounts/signup/", SIGNUP)
    assert response.url == "/accounts/signup/code/"
    post("/accounts/signup/code/", {"code": last_code()})
    assert logged_in_as(client) == owner
    assert User.objects.count() == 1
    owner.refresh_from_db()
    assert owner.full_name == "Бұрынғы Иесі"  # nothing about the account changed


def test_sign_up_takes_a_number_another_account_never_confirmed(client, post):
    typist = UserFactory(phone=PHONE, roles=[Role.APPLICANT])
    post("/accounts/signup/", SIGNUP)
    post("/accounts/signup/code/", {"code": last_code()})
    user = logged_in_as(client)
    assert user != typist and user.phone == PHONE
    typist.refresh_from_db()
    assert typist.phone is None


def test_sign_up_with_a_staff_number_sends_nothing_and_answers_the_same(client, post):
    phone_user(roles=[Role.STAFF])
    response = post("/accounts/signup/", SIGNUP)
    assert response.url == "/accounts/signup/code/"
    assert sms.outbox == []


# Log in -----------------------------------------------------------------------------


def test_log_in_by_phone_code(client, post):
    user = phone_user()
    assert "phone-login-form" in client.get("/accounts/login/").content.decode()
    response = post("/accounts/login/phone/", {"phone": "8 701 123 45 67", "next": "/apply/"})
    assert response.url == "/accounts/login/phone/code/"
    response = post("/accounts/login/phone/code/", {"code": last_code()})
    assert response.status_code == 302 and response.url == "/apply/"
    assert logged_in_as(client) == user


def test_log_in_ignores_a_next_address_elsewhere(client, post):
    phone_user()
    post("/accounts/login/phone/", {"phone": PHONE, "next": "https://evil.example/"})
    response = post("/accounts/login/phone/code/", {"code": last_code()})
    assert response.url == "/accounts/home/"


def test_the_answer_is_the_same_for_a_number_without_an_account(client, post):
    phone_user()
    known = post("/accounts/login/phone/", {"phone": PHONE})
    known_page = client.get(known.url).content.decode()
    client.logout()
    unknown = post("/accounts/login/phone/", {"phone": "+77017654321"})
    unknown_page = client.get(unknown.url).content.decode()
    assert known.url == unknown.url
    strip = re.compile(r"\+7\s70\d\s\*\*\*\s\*\*\s\d\d|csrfmiddlewaretoken\" value=\"[^\"]+\"")
    assert strip.sub("", known_page) == strip.sub("", unknown_page)
    assert [m.to for m in sms.outbox] == [PHONE]  # no SMS to a number without an account
    assert "/accounts/signup/with-number/" in unknown_page


def test_the_sign_up_offer_fills_in_the_number(client, post):
    post("/accounts/login/phone/", {"phone": "+77017654321"})
    response = post("/accounts/signup/with-number/")
    assert response.url == "/accounts/signup/"
    assert client.get("/accounts/signup/").context["form"].initial["phone"] == "+77017654321"


def test_an_unconfirmed_number_logs_nobody_in(client, post):
    UserFactory(phone=PHONE, roles=[Role.APPLICANT])
    post("/accounts/login/phone/", {"phone": PHONE})
    assert sms.outbox == []
    post("/accounts/login/phone/code/", {"code": "123456"})
    assert logged_in_as(client) is None


@pytest.mark.parametrize("role", [Role.STAFF, Role.EXPERT, Role.MENTOR, Role.OPERATOR])
def test_two_factor_roles_cannot_skip_their_second_factor_by_phone(client, post, role):
    phone_user(roles=[role])
    response = post("/accounts/login/phone/", {"phone": PHONE})
    assert response.url == "/accounts/login/phone/code/"
    assert sms.outbox == []  # the same answer, no code
    post("/accounts/login/phone/code/", {"code": "000000"})
    assert logged_in_as(client) is None


def test_an_inactive_account_gets_no_code(client, post):
    phone_user(is_active=False)
    post("/accounts/login/phone/", {"phone": PHONE})
    assert sms.outbox == []


def test_a_wrong_code_is_refused_and_five_void_it(client, post):
    phone_user()
    post("/accounts/login/phone/", {"phone": PHONE})
    code = last_code()
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _attempt in range(5):
        response = post("/accounts/login/phone/code/", {"code": wrong})
        assert response.status_code == 200 and response.context["form"].errors["code"]
    post("/accounts/login/phone/code/", {"code": code})
    assert logged_in_as(client) is None


def test_the_code_page_without_a_number_goes_back_to_the_login(client):
    assert client.get("/accounts/login/phone/code/").url == "/accounts/login/"
    assert client.get("/accounts/signup/code/").url == "/accounts/signup/"


def test_send_again_waits_a_minute_then_sends_a_new_code(client, post, settings):
    settings.LANGUAGE_CODE = "kk"
    phone_user()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        post("/accounts/login/phone/", {"phone": PHONE})
        page = client.get("/accounts/login/phone/code/").content.decode()
        assert 'data-wait="60"' in page
        response = post("/accounts/login/phone/", {"resend": "1"}, follow=True)
        assert "секундтан кейін" in response.content.decode()
        assert len(sms.outbox) == 1
        traveller.shift(timedelta(seconds=61))
        post("/accounts/login/phone/", {"resend": "1"})
        assert len(sms.outbox) == 2
        post("/accounts/login/phone/code/", {"code": last_code()})
    assert logged_in_as(client) is not None


def test_the_hourly_limit_is_said_in_russian(client, post, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    phone_user()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _number in range(5):
            post("/accounts/login/phone/", {"phone": PHONE})
            traveller.shift(timedelta(minutes=1, seconds=1))
        response = post("/accounts/login/phone/", {"phone": PHONE})
    assert response.status_code == 200
    assert "Попробуйте снова через" in str(response.context["phone_form"].errors["phone"])
    assert len(sms.outbox) == 5


def test_the_e_mail_login_stays_case_insensitive_and_locks_out(client):
    user = UserFactory(email="dana@example.kz", roles=[Role.APPLICANT])
    client.post("/accounts/login/", {"username": "DANA@example.KZ", "password": PASSWORD})
    assert logged_in_as(client) == user


# Add a phone ------------------------------------------------------------------------


def test_an_e_mail_account_adds_and_confirms_a_phone(client, post):
    user = UserFactory(roles=[Role.APPLICANT])
    client.force_login(user)
    assert client.get("/accounts/phone/").status_code == 200
    response = post("/accounts/phone/", {"phone": "+7 701 123 45 67"})
    assert response.url == "/accounts/phone/code/"
    post("/accounts/phone/code/", {"code": last_code()})
    user.refresh_from_db()
    assert user.phone == PHONE and user.phone_confirmed_at is not None
    # Now it logs in by phone as well (a minute later: one code a minute per number).
    client.logout()
    with time_machine.travel(timezone.now() + timedelta(seconds=61), tick=False):
        post("/accounts/login/phone/", {"phone": PHONE})
        post("/accounts/login/phone/code/", {"code": last_code()})
    assert logged_in_as(client) == user


def test_a_number_another_account_confirmed_gets_the_same_answer_and_no_code(client, post):
    phone_user()
    user = UserFactory(roles=[Role.APPLICANT])
    client.force_login(user)
    response = post("/accounts/phone/", {"phone": PHONE})
    assert response.url == "/accounts/phone/code/"
    assert sms.outbox == []
    post("/accounts/phone/code/", {"code": "123456"})
    user.refresh_from_db()
    assert user.phone is None


def test_a_confirmed_phone_is_not_changed_from_the_profile_form(client):
    from applications.forms import ProfileForm

    user = phone_user()
    form = ProfileForm(user=user)
    assert form.fields["phone"].disabled


def test_the_phone_page_needs_a_login(client):
    assert client.get("/accounts/phone/").url.startswith("/accounts/login/")


def test_numbers_are_shown_as_people_write_them_and_never_break():
    from accounts.phones import phone_display, phone_masked

    assert phone_display(PHONE) == "+7\u00a0701\u00a0123\u00a045\u00a067"
    assert phone_masked(PHONE) == "+7\u00a0701\u00a0***\u00a0**\u00a067"
    assert phone_display(None) == ""


def test_the_read_only_operator_may_still_confirm_their_own_phone(client, post):
    operator = UserFactory(roles=[Role.OPERATOR])
    client.force_login(operator)  # with the second step passed (tests/conftest.py)
    response = post("/accounts/phone/", {"phone": PHONE})
    assert response.status_code == 302 and response.url == "/accounts/phone/code/"
    post("/accounts/phone/code/", {"code": last_code()})
    operator.refresh_from_db()
    assert operator.phone == PHONE and operator.phone_confirmed_at is not None


def test_an_applicant_without_an_e_mail_gets_no_broken_letter(mailoutbox):
    from applications.tasks import send_status_email
    from tests.factories import ApplicationFactory

    application = ApplicationFactory(applicant=phone_user(email=None))
    send_status_email(application.pk)
    assert mailoutbox == []
    with_mail = ApplicationFactory(applicant=UserFactory(roles=[Role.APPLICANT]))
    send_status_email(with_mail.pk)
    assert [message.to for message in mailoutbox] == [[with_mail.applicant.email]]


def test_a_phone_account_is_named_by_its_number_and_no_password_opens_it(client):
    person = phone_user(email=None)
    assert person.natural_key() == (PHONE,)
    assert User.objects.get_by_natural_key(PHONE) == person
    response = client.post("/accounts/login/", {"username": PHONE, "password": PASSWORD})
    assert response.status_code == 200 and logged_in_as(client) is None
