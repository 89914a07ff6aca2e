import pytest
from django.conf import settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import Role
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

HOMES = {
    Role.APPLICANT: "/applications/",
    Role.EXPERT: "/reviews/",
    Role.MENTOR: "/mentoring/",
    Role.STAFF: "/staff/",
    Role.OPERATOR: "/reports/",
}


def log_in(client, email, password=PASSWORD):
    return client.post("/accounts/login/", {"username": email, "password": password})


@pytest.mark.parametrize("role", list(Role))
def test_each_role_lands_on_its_own_home(client, role):
    user = UserFactory(roles=[role])
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    response = log_in(client, user.email)
    assert response.status_code == 302
    if role != Role.APPLICANT:
        # The second step (tests/accounts/test_two_factor.py) comes first.
        assert response["Location"] == "/accounts/two-factor/?next=%2Faccounts%2Fhome%2F"
        code = f"{totp(device.bin_key):06d}"
        response = client.post(response["Location"], {"code": code})
    home = client.get(response["Location"])
    assert home.status_code == 302
    assert home["Location"] == HOMES[role]
    assert client.get(HOMES[role]).status_code == 200


def test_staff_who_also_review_land_on_the_staff_desk(client):
    user = UserFactory(roles=[Role.EXPERT, Role.STAFF])
    client.force_login(user)
    assert client.get("/accounts/home/")["Location"] == "/staff/"


def test_the_email_is_case_insensitive(client):
    user = UserFactory(roles=[Role.APPLICANT], email="dauren@example.kz")
    assert log_in(client, "Dauren@Example.KZ").status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_wrong_password_gets_a_clear_message_in_kazakh(client):
    user = UserFactory(roles=[Role.APPLICANT])
    response = log_in(client, user.email, "wrong-password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors["__all__"]
    assert response.context["LANGUAGE_CODE"] == "kk"


def test_failed_logins_are_throttled(client):
    user = UserFactory(roles=[Role.APPLICANT])
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, user.email, "wrong-password")
    response = log_in(client, user.email)  # even the right password is refused now
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "accounts/locked_out.html" in [t.name for t in response.templates]


def test_an_inactive_account_cannot_log_in(client):
    user = UserFactory(roles=[Role.APPLICANT], is_active=False)
    assert log_in(client, user.email).status_code == 200
    assert "_auth_user_id" not in client.session


def test_logging_in_switches_to_the_language_the_person_chose(client):
    user = UserFactory(roles=[Role.APPLICANT], language="ru")
    response = log_in(client, user.email)
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"


def test_a_language_picked_before_logging_in_wins_and_is_remembered(client):
    user = UserFactory(roles=[Role.APPLICANT], language="ru")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = log_in(client, user.email)
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    user.refresh_from_db()
    assert user.language == "en"


def test_log_out_is_a_post(client, applicant):
    client.force_login(applicant)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_person_without_a_role_is_told_so(client):
    client.force_login(UserFactory())
    response = client.get("/accounts/home/")
    assert response.status_code == 403
    assert "accounts/no_role.html" in [t.name for t in response.templates]


def test_the_lockout_ignores_letter_case(client):
    """Security finding: failures as typed in mixed case left the upper-case e-mail free."""
    user = UserFactory(roles=[Role.APPLICANT], email="dauren@example.kz")
    for typed in [
        "Dauren@example.kz",
        "dAUREN@EXAMPLE.KZ",
        " dauren@Example.kz",
        "DaUrEn@ExAmPlE.kz",
        "dauren@EXAMPLE.kz",
    ][: settings.AXES_FAILURE_LIMIT]:
        log_in(client, typed, "wrong-password")
    response = log_in(client, "DAUREN@EXAMPLE.KZ")  # the right password
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert log_in(client, user.email).status_code == 429
