"""Photos from phones: checked by content, turned upright, shrunk, and stripped of EXIF.

A village team uploads straight from a phone camera over a weak connection; the
originals are 3–8 MB and carry the GPS position of the photographer's home in
their EXIF. What we keep is a JPEG of at most MAX_SIDE pixels with no metadata.
"""

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_SIDE = 1600
QUALITY = 82
MAX_PHOTO_BYTES = 20 * 1024 * 1024
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"}


def too_many_pixels() -> ValidationError:
    limit = settings.UPLOAD_MAX_IMAGE_PIXELS
    return ValidationError(
        _(
            "The picture is too large: at most %(limit)s megapixels are accepted. "
            "Save it smaller and upload it again."
        ),
        params={"limit": f"{limit / 1_000_000:g}"},
        code="too_many_pixels",
    )


@contextmanager
def image_open(upload) -> Iterator[Image.Image]:
    """``Image.open`` that refuses a picture above UPLOAD_MAX_IMAGE_PIXELS before decoding it.

    Image.open reads only the header, so the pixel count is known before any pixel is;
    Pillow's own decompression-bomb error and warning (a PNG claiming 30 000 × 30 000)
    become the same refusal instead of a 500 or a full decode.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many_pixels() from None
    with image:
        width, height = image.size
        if width * height > settings.UPLOAD_MAX_IMAGE_PIXELS:
            raise too_many_pixels()
        yield image


def photo_prepare(upload: UploadedFile) -> ContentFile:
    """The upload as a compressed, upright JPEG without EXIF; ValidationError if it is no photo."""
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            _("The photo is %(size)s; at most %(limit)s is accepted."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_PHOTO_BYTES)},
            code="too_big",
        )
    upload.seek(0)
    try:
        with image_open(upload) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise UnidentifiedImageError(image.format)
            image.load()
            picture = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP photo, whatever its name says."),
            code="bad_type",
        ) from None
    finally:
        upload.seek(0)
    picture = picture.convert("RGB")
    picture.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = BytesIO()
    # No exif= argument: Pillow then writes none, which is the point.
    picture.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    name = Path(upload.name or "photo").stem[:80] + ".jpg"
    return ContentFile(out.getvalue(), name=name)
