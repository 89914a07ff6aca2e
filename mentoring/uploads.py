"""Receipts and payment documents: a photo or a PDF scan, judged by content."""

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from applications.models import Attachment
from applications.uploads import sniff
from jastarurban.images import photo_prepare

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


def scan_prepare(upload: UploadedFile) -> tuple[File, str]:
    """The file to store and its type: PDFs as sent, photos shrunk and without EXIF."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s is accepted."),
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_DOCUMENT_BYTES),
            },
            code="too_big",
        )
    kind = sniff(upload)
    if kind == Attachment.Kind.PDF:
        return upload, kind
    if kind in (Attachment.Kind.JPEG, Attachment.Kind.PNG):
        return photo_prepare(upload), Attachment.Kind.JPEG
    raise ValidationError(
        _("A receipt must be a photo (JPEG, PNG) or a PDF scan, whatever the file's name says."),
        code="bad_type",
    )
