"""Photos made smaller for where they are shown: a thumbnail on the staff page, a picture
that fits its cell in the PDF (a phone's 1600-pixel photo is far more than 60 mm needs)."""

import base64
from io import BytesIO

from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

from jastarurban.images import image_open

THUMBNAIL_SIDE = 480
PDF_SIDE = 1000


def smaller_jpeg(field, side: int) -> bytes | None:
    """The stored photo as a JPEG of at most ``side`` pixels; None when the file is gone or
    is no picture (the annex then prints its caption without it)."""
    if not field:
        return None
    try:
        with field.open("rb") as handle, image_open(handle) as image:
            image.load()
            picture = image.convert("RGB")
    except (OSError, UnidentifiedImageError, ValidationError, Image.DecompressionBombError):
        return None
    picture.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = BytesIO()
    picture.save(out, "JPEG", quality=80, optimize=True)
    return out.getvalue()


def data_uri(field, side: int = PDF_SIDE) -> str | None:
    """The photo inlined for WeasyPrint, which is given no access to the storage."""
    content = smaller_jpeg(field, side)
    if content is None:
        return None
    return "data:image/jpeg;base64," + base64.b64encode(content).decode("ascii")
