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
    assert "_auth_user_id" not in client.session  # a used link logs nobody in
    other = {"email": "aigerim@example.kz", "phone": "+77011234568"}
    client.post("/accounts/register/", FORM | other)
    forged = confirmation_link().split("8000", 1)[-1]
    assert client.get(forged[:-3] + "xx/").status_code == 400
    assert "_auth_user_id" not in client.session
    assert not User.objects.get(email="aigerim@example.kz").is_active


def test_registering_again_before_confirming_sends_a_new_link_and_changes_nothing(client):
    """Security finding: re-registering a pending e-mail replaced the account's password."""
    client.post("/accounts/register/", FORM)
    client.post(
        "/accounts/register/",
        FORM
        | {
            "full_name": "Шабуылшы",
            "password1": "басқа-құпия-2025",
            "password2": "басқа-құпия-2025",
        },
    )
    user = User.objects.get(email="dauren@example.kz")
    assert User.objects.filter(email__iexact="dauren@example.kz").count() == 1
    assert user.full_name == "Сағынтаев Даурен Ерланұлы"
    assert user.check_password(FORM["password1"])
    assert not user.check_password("басқа-құпия-2025")
    assert not user.is_active
    assert len(mail.outbox) == 2
    notice = mail.outbox[1]
    assert notice.to == ["dauren@example.kz"]
    assert "/accounts/activate/" in notice.body
    # The new link activates the account with the first registrant's password.
    response = client.get(confirmation_link().split("8000", 1)[-1])
    assert response["Location"] == "/accounts/home/"
    assert User.objects.get(email="dauren@example.kz").check_password(FORM["password1"])


def test_a_link_made_before_a_password_change_no_longer_works(client):
    client.post("/accounts/register/", FORM)
    path = confirmation_link().split("8000", 1)[-1]
    user = User.objects.get(email="dauren@example.kz")
    user.set_password("жаңа-құпия-сөз-2025")
    user.save()
    assert client.get(path).status_code == 400
    assert not User.objects.get(email="dauren@example.kz").is_active


def _answer(client, email):
    response = client.post("/accounts/register/", FORM | {"email": email})
    page = client.get(response["Location"])
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.content.decode())
    return response.status_code, response["Location"], page.status_code, html


def test_registration_does_not_tell_whether_an_email_has_an_account(client):
    """Security finding: an existing e-mail used to get a form error, a new one a redirect."""
    UserFactory(email="taken@example.kz", full_name="Бар адам")
    taken = _answer(client, "Taken@Example.kz")
    assert User.objects.get(email="taken@example.kz").check_password("correct-horse-battery-42")
    new = _answer(client, "Fresh@Example.kz")
    assert taken[:3] == new[:3] == (302, "/accounts/register/done/", 200)
    assert taken[3].replace("taken@example.kz", "X") == new[3].replace("fresh@example.kz", "X")
    # The owner of the taken e-mail is told, by e-mail, instead of the visitor.
    assert [message.to for message in mail.outbox] == [["taken@example.kz"], ["fresh@example.kz"]]
    assert "/accounts/login/" in mail.outbox[0].body
    assert "/accounts/password-reset/" in mail.outbox[0].body
    assert "/accounts/activate/" not in mail.outbox[0].body


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
    assert response["Location"] == "/accounts/register/done/"
    user.refresh_from_db()
    assert not user.is_active
    assert user.check_password("correct-horse-battery-42")
    assert user.roles == frozenset(owner["roles"])
    assert "/accounts/activate/" not in mail.outbox[0].body


@pytest.mark.parametrize("typed", ["+7 (701) 123-45-67", "8 701 123 45 67", "+77011234567"])
def test_a_phone_is_accepted_as_people_type_it(client, typed):
    client.post("/accounts/register/", FORM | {"phone": typed})
    assert User.objects.get(email="dauren@example.kz").phone == "+77011234567"


@pytest.mark.parametrize("typed", ["8701", "+1 202 555 0123", "+7 701 ABC 45 67"])
def test_a_wrong_phone_is_refused_with_the_expected_form(client, typed):
    response = client.post("/accounts/register/", FORM | {"phone": typed})
    assert "phone" in response.context["form"].errors
    assert not User.objects.exists()
