"""What an uploaded file really is, judged by its content, never by its name."""

import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import UnidentifiedImageError

from applications.models import Attachment
from jastarurban.images import image_open

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
DOCX_PART = "word/document.xml"


def sniff(upload: UploadedFile) -> str | None:
    """The attachment kind the bytes show, or None for anything else; a picture with more
    pixels than the limit is refused (ValidationError) before it is decoded."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return Attachment.Kind.PDF
    if head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG\r\n\x1a\n"):
        try:
            with image_open(upload) as image:
                image.verify()
                kind = {"JPEG": Attachment.Kind.JPEG, "PNG": Attachment.Kind.PNG}.get(image.format)
        except (UnidentifiedImageError, OSError, SyntaxError):
            kind = None
        upload.seek(0)
        return kind
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                kind = Attachment.Kind.DOCX if DOCX_PART in archive.namelist() else None
        except zipfile.BadZipFile:
            kind = None
        upload.seek(0)
        return kind
    return None


def check_attachment(upload: UploadedFile) -> str:
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s is accepted."),
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_ATTACHMENT_BYTES),
            },
            code="too_big",
        )
    kind = sniff(upload)
    if kind is None:
        raise ValidationError(
            _("This file is not a PDF, JPEG, PNG or DOCX document, whatever its name says."),
            code="bad_type",
        )
    return kind
