import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from accounts.models import User
from accounts.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """Runs what the views queue for after commit (the confirmation e-mail) at once."""

    class CommittingClient:
        def __getattr__(self, name):
            return getattr(client, name)

        def post(self, *args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return client.post(*args, **kwargs)

    return CommittingClient()


FORM = {
    "full_name": "Сағынтаев Даурен Ерланұлы",
    "email": "Dauren@Example.kz",
    "phone": "+77011234567",
    "password1": "ауыл-жастары-2025",
    "password2": "ауыл-жастары-2025",
    "consent": "on",
}


def confirmation_link() -> str:
    return re.search(r"http://\S+/accounts/activate/\S+/", mail.outbox[-1].body).group(0)


def test_registration_creates_an_inactive_applicant_and_mails_a_link(client):
    response = client.post("/accounts/register/", FORM)
    assert response["Location"] == "/accounts/register/done/"
    user = User.objects.get(email="dauren@example.kz")
    assert not user.is_active
    assert user.roles == {Role.APPLICANT}
    assert user.personal_data_consent_at is not None
    assert user.personal_data_consent_version
    assert user.language == "kk"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dauren@example.kz"]
    assert "Сағынтаев Даурен Ерланұлы" in mail.outbox[0].body


def test_the_link_activates_the_account_and_logs_in(client):
    client.post("/accounts/register/", FORM)
    path = confirmation_link().split("8000", 1)[-1]
    response = client.get(path)
    assert response["Location"] == "/accounts/home/"
    assert User.objects.get(email="dauren@example.kz").is_active
    assert client.get("/accounts/home/")["Location"] == "/applications/"


def test_a_used_or_forged_link_does_not_work(client):
    client.post("/accounts/register/", FORM)
    path = confirmation_link().split("8000", 1)[-1]
    client.get(path)
    client.logout()
    assert client.get(path).status_code == 400
    assert client.get(path[:-3] + "xx/").status_code == 400


def test_registering_again_before_confirming_sends_a_new_link(client):
    client.post("/accounts/register/", FORM)
    client.post("/accounts/register/", FORM | {"full_name": "Сағынтаев Даурен"})
    assert User.objects.filter(email="dauren@example.kz").count() == 1
    assert len(mail.outbox) == 2
    assert User.objects.get(email="dauren@example.kz").full_name == "Сағынтаев Даурен"


def test_an_active_account_cannot_be_registered_again(client):
    UserFactory(email="dauren@example.kz")
    response = client.post("/accounts/register/", FORM)
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not mail.outbox


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(client):
    response = client.post(
        "/accounts/register/", FORM | {"password2": "other", "phone": "8701", "consent": ""}
    )
    form = response.context["form"]
    assert set(form.errors) == {"password2", "phone", "consent"}
    html = response.content.decode()
    assert 'value="Сағынтаев Даурен Ерланұлы"' in html
    assert 'value="Dauren@Example.kz"' in html
    assert not User.objects.exists()


def test_a_weak_password_is_refused(client):
    response = client.post(
        "/accounts/register/", FORM | {"password1": "12345678", "password2": "12345678"}
    )
    assert "password1" in response.context["form"].errors


def test_registration_remembers_the_language_it_was_done_in(client):
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    client.post("/accounts/register/", FORM)
    assert User.objects.get(email="dauren@example.kz").language == "ru"
    with translation.override("ru"):
        russian_subject = gettext("JastarUrban: confirm your e-mail")
    assert russian_subject != "JastarUrban: confirm your e-mail"
    assert mail.outbox[0].subject == russian_subject


@pytest.mark.parametrize(
    "owner",
    [
        {"roles": [Role.EXPERT]},  # a deactivated expert
        {"roles": [Role.APPLICANT], "last_login": "2025-06-10T10:00+05:00"},  # used once
    ],
)
def test_a_deactivated_account_cannot_be_revived_by_registering_again(client, owner):
    user = UserFactory(email="dauren@example.kz", is_active=False, **owner)
    response = client.post("/accounts/register/", FORM)
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    user.refresh_from_db()
    assert not user.is_active
    assert user.check_password("correct-horse-battery-42")
    assert not mail.outbox


@pytest.mark.parametrize("typed", ["+7 (701) 123-45-67", "8 701 123 45 67", "+77011234567"])
def test_a_phone_is_accepted_as_people_type_it(client, typed):
    client.post("/accounts/register/", FORM | {"phone": typed})
    assert User.objects.get(email="dauren@example.kz").phone == "+77011234567"


@pytest.mark.parametrize("typed", ["8701", "+1 202 555 0123", "+7 701 ABC 45 67"])
def test_a_wrong_phone_is_refused_with_the_expected_form(client, typed):
    response = client.post("/accounts/register/", FORM | {"phone": typed})
    assert "phone" in response.context["form"].errors
    assert not User.objects.exists()
