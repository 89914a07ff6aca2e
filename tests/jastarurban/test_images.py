from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from jastarurban.images import MAX_SIDE, photo_prepare

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
