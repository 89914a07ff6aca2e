import threading

import pytest
from django.core import mail
from django.db import connection

from exhibition.models import Registration
from exhibition.selectors import participants_checked_in
from exhibition.services import RegistrationRefused, registration_create
from tests.conftest import require
from tests.factories import ExhibitionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def form(**extra):
    return {
        "full_name": "Әбілова Гүлнұр",
        "category": "volunteer",
        "organisation": "«Маңғыстау еріктілері»",
        "phone": "8 701 555 12 34",
        "email": "",
        "consent": "on",
        **extra,
    }


def test_anyone_registers_and_gets_a_qr_code(client):
    exhibition = ExhibitionFactory(slug="final")
    response = client.post("/exhibition/final/register/", form())
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/exhibition/registered/{registration.token}/"
    assert registration.phone == "+77015551234"
    assert registration.exhibition == exhibition
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "<svg" in html
    # The title is text only (the feedback link was rendered into <title> as well).
    title = html[html.index("<title>") + len("<title>") : html.index("</title>")]
    assert "<" not in title
    assert html.count(f"/exhibition/final/feedback/?t={registration.token}") == 1
    assert len(registration.token) >= 32


def test_a_phone_or_an_e_mail_and_consent_are_required(client):
    ExhibitionFactory(slug="final")
    response = client.post("/exhibition/final/register/", form(phone="", consent=""))
    assert response.status_code == 200
    assert not Registration.objects.exists()
    assert response.context["form"].errors.keys() >= {"consent"}


def test_registration_beyond_capacity_is_refused(client):
    exhibition = ExhibitionFactory(slug="final", capacity=2)
    RegistrationFactory.create_batch(2, exhibition=exhibition)
    response = client.post("/exhibition/final/register/", form())
    assert response.status_code == 200
    assert exhibition.registrations.count() == 2
    with pytest.raises(RegistrationRefused):
        registration_create(
            exhibition=exhibition, full_name="Ғалым", category="media", phone="+77019998877"
        )


def test_the_same_phone_registers_once(client):
    ExhibitionFactory(slug="final")
    client.post("/exhibition/final/register/", form())
    response = client.post("/exhibition/final/register/", form(full_name="Басқа адам"))
    assert response.status_code == 200
    assert Registration.objects.count() == 1


def test_an_e_mail_gets_the_qr_code_by_mail(client, django_capture_on_commit_callbacks):
    ExhibitionFactory(slug="final")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/exhibition/final/register/", form(phone="", email="Guest@Example.kz"))
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["guest@example.kz"]
    name, content, mimetype = mail.outbox[0].attachments[0]
    assert (name, mimetype) == ("qr.png", "image/png")
    assert content.startswith(b"\x89PNG")
    assert Registration.objects.get().token in mail.outbox[0].body


# serialized_rollback like every transactional test here: its flush must not re-run
# post_migrate, or the next test that reloads the migrated rows finds them twice.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_never_exceed_capacity(on_postgresql):
    require(on_postgresql, "row locks need PostgreSQL")
    exhibition = ExhibitionFactory(capacity=3)
    outcomes = []

    def register(number):
        try:
            registration_create(
                exhibition=exhibition,
                full_name=f"Қонақ {number}",
                category="resident",
                phone=f"+7702000{number:04d}",
            )
            outcomes.append("ok")
        except RegistrationRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 3
    assert Registration.objects.filter(exhibition=exhibition).count() == 3


def test_a_check_in_counts_once_however_often_the_code_is_scanned(client, staff):
    registration = RegistrationFactory()
    client.force_login(staff)
    url = f"/exhibition/check-in/{registration.token}/"
    page = client.get(url)
    assert page.status_code == 200
    assert participants_checked_in(registration.exhibition) == 0  # opening is not arriving
    for _scan in range(3):
        assert client.post(url).status_code == 302
    registration.refresh_from_db()
    first = registration.checked_in_at
    assert first is not None
    assert registration.checked_in_by == staff
    client.post(url)
    registration.refresh_from_db()
    assert registration.checked_in_at == first
    assert participants_checked_in(registration.exhibition) == 1


def test_only_staff_check_people_in(client, operator):
    registration = RegistrationFactory()
    url = f"/exhibition/check-in/{registration.token}/"
    assert client.get(url).status_code == 302  # anonymous → login
    assert client.post(url).status_code == 302
    client.force_login(operator)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 403
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_staff_find_people_by_name_or_phone_with_constant_queries(
    client, staff, django_assert_max_num_queries
):
    exhibition = ExhibitionFactory(slug="final")
    RegistrationFactory.create_batch(12, exhibition=exhibition)
    RegistrationFactory(exhibition=exhibition, full_name="Өтегенов Қуаныш", phone="+77017770011")
    client.force_login(staff)
    with django_assert_max_num_queries(8):
        response = client.get("/exhibition/manage/final/participants/")
    assert len(response.context["people"]) == 13
    by_name = client.get("/exhibition/manage/final/participants/", {"q": "өтегенов"})
    by_phone = client.get("/exhibition/manage/final/participants/", {"q": "8 701 777 00 11"})
    assert [p.full_name for p in by_name.context["people"]] == ["Өтегенов Қуаныш"]
    assert [p.full_name for p in by_phone.context["people"]] == ["Өтегенов Қуаныш"]


def test_anonymous_visitors_cannot_reach_staff_pages(client):
    ExhibitionFactory(slug="final")
    for url in (
        "/exhibition/manage/final/",
        "/exhibition/manage/final/participants/",
        "/exhibition/manage/final/letters/",
        "/exhibition/manage/final/letters.zip",
        "/media/",
        "/media/posts/",
        "/media/import/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url
