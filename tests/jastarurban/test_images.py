import zlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from applications.forms import AttachmentForm
from applications.uploads import check_attachment
from jastarurban.images import MAX_SIDE, photo_prepare
from mentoring.uploads import scan_prepare

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def phone_photo(width=4000, height=3000, orientation=1) -> SimpleUploadedFile:
    image = Image.new("RGB", (width, height), (200, 120, 40))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD)[2] = (43.0, 39.0, 0.0)
    out = BytesIO()
    image.save(out, "JPEG", exif=exif, quality=95)
    return SimpleUploadedFile("IMG_0001.JPG", out.getvalue(), content_type="image/jpeg")


def test_it_shrinks_a_phone_photo_and_drops_its_exif():
    upload = phone_photo()
    prepared = photo_prepare(upload)
    with Image.open(BytesIO(prepared.read())) as image:
        assert image.format == "JPEG"
        assert max(image.size) == MAX_SIDE
        assert not image.getexif()
        assert "exif" not in image.info
    assert prepared.name == "IMG_0001.jpg"
    assert prepared.size < upload.size


def test_it_turns_a_sideways_photo_upright():
    prepared = photo_prepare(phone_photo(width=2000, height=1000, orientation=6))
    with Image.open(BytesIO(prepared.read())) as image:
        assert image.size == (800, 1600)


def test_it_refuses_a_document_named_like_a_photo():
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.7 not a photo", content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        photo_prepare(fake)
    assert error.value.code == "bad_type"


def test_it_refuses_a_gif():
    out = BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    with pytest.raises(ValidationError):
        photo_prepare(SimpleUploadedFile("a.jpg", out.getvalue()))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny real PNG whose header claims width × height: no pixels are ever allocated."""
    out = BytesIO()
    Image.new("RGB", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    # Signature (8), IHDR length (4), b"IHDR" (4), width (4), height (4), …, CRC over type+data.
    data[16:20] = width.to_bytes(4, "big")
    data[20:24] = height.to_bytes(4, "big")
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")
    return bytes(data)


@pytest.mark.parametrize(
    ("width", "height"),
    [(30_000, 30_000), (12_000, 12_000)],  # Pillow's bomb error; a 144-megapixel "photo"
)
def test_a_picture_with_too_many_pixels_is_refused_before_decoding(monkeypatch, width, height):
    content = png_claiming(width, height)
    assert content[16:24] == width.to_bytes(4, "big") + height.to_bytes(4, "big")
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("decoded"))

    def upload(name="big.png"):
        return SimpleUploadedFile(name, content, content_type="image/png")

    for check in (photo_prepare, check_attachment, scan_prepare):
        with pytest.raises(ValidationError) as error:
            check(upload())
        assert error.value.code == "too_many_pixels", check
        assert "40" in error.value.messages[0]


def test_the_pixel_limit_is_a_setting(settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 1_000_000
    with pytest.raises(ValidationError) as error:
        photo_prepare(phone_photo(width=1200, height=900))
    assert error.value.code == "too_many_pixels"
    assert photo_prepare(phone_photo(width=1000, height=1000))


@pytest.mark.django_db
def test_an_application_attachment_bomb_gets_a_message_not_a_500(language="ru"):
    form = AttachmentForm(
        files={"file": SimpleUploadedFile("plan.png", png_claiming(30_000, 30_000))}
    )
    with translation.override(language):
        assert not form.is_valid()
        assert "мегапиксел" in form.errors["file"][0]
