import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from PIL import Image

from exhibition.models import Feedback, StandPhoto
from exhibition.selectors import support_grew_share
from tests.factories import ExhibitionFactory, RegistrationFactory, StandFactory

pytestmark = pytest.mark.django_db


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def stand(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return StandFactory(exhibition=ExhibitionFactory(slug="final"))


def test_the_public_stand_page_and_its_printable_qr_code(client, stand):
    page = client.get(f"/exhibition/stands/{stand.key}/")
    assert page.status_code == 200
    assert stand.grantee.application.title in page.content.decode()
    qr = client.get(f"/exhibition/stands/{stand.key}/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.lstrip().startswith(b"<svg")


def test_staff_upload_a_banner_checked_by_content_and_photos(client, staff, stand):
    client.force_login(staff)
    fake = client.post(
        f"/exhibition/manage/stands/{stand.pk}/",
        {
            "position": 1,
            "summary": "Жаңа саябақ",
            "banner_upload": SimpleUploadedFile("banner.pdf", b"not really a pdf"),
        },
    )
    assert fake.status_code == 200
    assert "banner_upload" in fake.context["form"].errors
    ok = client.post(
        f"/exhibition/manage/stands/{stand.pk}/",
        {
            "position": 1,
            "summary": "Жаңа саябақ",
            "video_link": "https://www.youtube.com/watch?v=x",
            "banner_upload": SimpleUploadedFile("banner.pdf", b"%PDF-1.7 banner"),
            "photos": [
                SimpleUploadedFile("a.jpg", jpeg()),
                SimpleUploadedFile("b.jpg", jpeg()),
            ],
        },
    )
    assert ok.status_code == 302
    stand.refresh_from_db()
    assert stand.summary == "Жаңа саябақ" and stand.banner_type == "application/pdf"
    assert StandPhoto.objects.filter(stand=stand).count() == 2
    photo = StandPhoto.objects.first()
    response = client.get(f"/exhibition/photos/{photo.pk}/")
    assert response["Content-Type"] == "image/jpeg"
    assert client.get(f"/exhibition/stands/{stand.key}/banner/").status_code == 200


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_bad_stand_photo_is_a_message_on_the_form_in_the_language(client, staff, stand, language):
    """Not a photo, whatever its name: the form again with what was typed, nothing saved."""
    client.force_login(staff)
    client.cookies["django_language"] = language
    before = stand.summary
    page = client.post(
        f"/exhibition/manage/stands/{stand.pk}/",
        {
            "position": 7,
            "summary": "Жаңа саябақ",
            "photos": [
                SimpleUploadedFile("a.jpg", jpeg()),
                SimpleUploadedFile("b.jpg", b"<html>not a photo</html>"),
            ],
        },
    )
    assert page.status_code == 200
    with translation.override(language):
        expected = gettext("This file is not a JPEG, PNG or WebP photo, whatever its name says.")
    assert page.context["form"].errors["photos"] == [expected]
    assert escape(expected) in page.content.decode()
    assert "Жаңа саябақ" in page.content.decode()
    stand.refresh_from_db()
    assert stand.summary == before and stand.position != 7
    assert not StandPhoto.objects.filter(stand=stand).exists()


def test_the_operator_cannot_edit_a_stand(client, operator, stand):
    client.force_login(operator)
    before = stand.summary
    response = client.post(f"/exhibition/manage/stands/{stand.pk}/", {"summary": "Бөгде мәтін"})
    assert response.status_code == 403
    stand.refresh_from_db()
    assert stand.summary == before != "Бөгде мәтін"


def test_feedback_is_public_and_once_per_registration(client):
    exhibition = ExhibitionFactory(slug="final")
    registration = RegistrationFactory(exhibition=exhibition)
    url = "/exhibition/final/feedback/"
    answer = {"support_grew": "yes", "impressed": "Жастардың батылдығы", "t": registration.token}
    assert client.post(url, answer).status_code == 302
    assert client.post(url, answer | {"support_grew": "no"}).status_code == 302
    assert Feedback.objects.get().support_grew == "yes"
    client.post(url, {"support_grew": "somewhat"})
    client.post(url, {"support_grew": "no"})
    assert Feedback.objects.count() == 3
    assert support_grew_share(exhibition) == pytest.approx(1 / 3)


def test_the_staff_overview_has_constant_queries(
    client, operator, django_assert_max_num_queries, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    exhibition = ExhibitionFactory(slug="final")
    for _ in range(5):
        StandFactory(exhibition=exhibition)
    RegistrationFactory.create_batch(6, exhibition=exhibition)
    client.force_login(operator)
    with django_assert_max_num_queries(14):
        response = client.get("/exhibition/manage/final/")
    html = response.content.decode()
    assert all(stand.grantee.application.title in html for stand in exhibition.stands.all())
    with django_assert_max_num_queries(10):
        assert client.get("/exhibition/manage/final/letters/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/exhibition/final/").status_code == 200


def test_staff_record_the_round_table(client, staff, operator):
    exhibition = ExhibitionFactory(slug="final")
    data = {
        "topic": "Тәжірибе алмасу",
        "starts_at": "14:00",
        "moderator": "Амангелдиева Молдир",
        "speakers": "Ахметова Жібек — ГАМО\nҚайратова Аяжан — грант алушы",
        "summary": "Ұсыныстар жиналды.",
    }
    client.force_login(operator)
    assert client.post("/exhibition/manage/final/round-tables/add/", data).status_code == 403
    client.force_login(staff)
    assert client.post("/exhibition/manage/final/round-tables/add/", data).status_code == 302
    table = exhibition.round_tables.get()
    assert table.speaker_lines() == ["Ахметова Жібек — ГАМО", "Қайратова Аяжан — грант алушы"]
    page = client.get("/exhibition/final/")
    assert "Қайратова Аяжан — грант алушы" in page.content.decode()
