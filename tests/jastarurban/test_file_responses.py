"""One helper serves every stored file as what its bytes are, whatever its name says."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile
from django.http import Http404
from PIL import Image

from exhibition.models import StandPhoto
from jastarurban.files import file_response
from projects.models import ProjectExpense
from tests.factories import StandFactory

PDF_WITH_HTML = b"%PDF-1.4\n<html><script>alert(1)</script></html>"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "JPEG")
    return out.getvalue()


def stored(content: bytes, name: str) -> FieldFile:
    path = default_storage.save(name, ContentFile(content))
    field = ProjectExpense._meta.get_field("file")
    return FieldFile(None, field, path)


@pytest.mark.parametrize(
    ("content", "name", "content_type", "disposition"),
    [
        (PDF_WITH_HTML, "x.html", "application/pdf", 'attachment; filename="team.pdf"'),
        (b"<html><body>hi</body></html>", "x.pdf", "application/octet-stream", None),
        (jpeg(), "x.html", "image/jpeg", 'attachment; filename="team.jpg"'),
    ],
)
def test_the_type_and_the_suffix_follow_the_content(content, name, content_type, disposition):
    response = file_response(stored(content, name), stem="team")
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (disposition or 'attachment; filename="team.bin"')
    assert response["X-Content-Type-Options"] == "nosniff"


def test_only_pictures_a_page_shows_go_inline():
    picture = file_response(stored(jpeg(), "a.jpg"), stem="photo-1", inline_images=True)
    assert picture["Content-Disposition"] == 'inline; filename="photo-1.jpg"'
    document = file_response(stored(PDF_WITH_HTML, "a.pdf"), stem="b", inline_images=True)
    assert document["Content-Disposition"] == 'attachment; filename="b.pdf"'


def test_a_name_cannot_break_the_header_and_no_file_is_404():
    response = file_response(stored(jpeg(), "a.jpg"), stem="a\r\nSet-Cookie: x/..")
    assert response["Content-Disposition"] == 'attachment; filename="a__Set-Cookie: x_.jpg"'
    with pytest.raises(Http404):
        file_response(FieldFile(None, ProjectExpense._meta.get_field("file"), ""), stem="x")


@pytest.mark.django_db
def test_a_stand_banner_that_holds_html_is_no_page_of_ours(client):
    stand = StandFactory()
    stand.banner.save("banner.html", ContentFile(PDF_WITH_HTML))
    response = client.get(f"/exhibition/stands/{stand.key}/banner/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith('.pdf"')
    photo = StandPhoto.objects.create(stand=stand, image=ContentFile(jpeg(), name="p.jpg"))
    shown = client.get(f"/exhibition/photos/{photo.pk}/")
    assert (shown["Content-Type"], shown["X-Content-Type-Options"]) == ("image/jpeg", "nosniff")
    assert shown["Content-Disposition"] == f'inline; filename="photo-{photo.pk}.jpg"'
