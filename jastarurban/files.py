"""Private uploads: stored under a random name, never the sender's; served as what they are."""

import uuid
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header


@deconstructible
class PrivatePath:
    """upload_to for files served only through an access-checked view.

    The stored name says nothing about the file, so guessing a path gets
    nobody anything even if the folder were ever exposed.
    """

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePath(filename).suffix.lower()[:8]
        return f"{self.folder}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other) -> bool:
        return isinstance(other, PrivatePath) and other.folder == self.folder


# --- Serving stored files -------------------------------------------------------------

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OCTET_STREAM = "application/octet-stream"
SUFFIXES = {PDF: "pdf", JPEG: "jpg", PNG: "png", DOCX: "docx", XLSX: "xlsx"}
IMAGES = {JPEG, PNG}


def sniff_type(handle) -> str | None:
    """The MIME type the bytes show (PDF, JPEG, PNG, DOCX, XLSX), or None; never the name.

    The same magic numbers applications.uploads.sniff checks at upload (which also
    verifies images); here only the head is read, so serving stays cheap."""
    handle.seek(0)
    head = handle.read(8)
    handle.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(handle) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            handle.seek(0)
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None


def file_response(field, *, stem: str, inline_images: bool = False) -> HttpResponse:
    """Sends a stored file as what its content is; every file view in the portal uses it.

    The Content-Type is the sniffed type (octet-stream when unknown) and the name is
    ``stem`` plus that type's canonical suffix, so a file claiming to be ``.html`` but
    holding a PDF downloads as ``.pdf``. Files go as attachments; only a picture a page
    shows (``inline_images``) is sent inline, still with its checked type. nosniff stops
    a browser from second-guessing. Callers check access first.

    The file is read through its storage (a folder or a bucket) and streamed. With a
    bucket and MEDIA_SIGNED_URL_SECONDS set, the answer is instead a redirect to a link
    signed for that long that makes the bucket send the same type and disposition, so a
    slow download does not hold a web process.
    """
    if not field:
        raise Http404
    handle = field.open("rb")
    content_type = sniff_type(handle) or OCTET_STREAM
    inline = inline_images and content_type in IMAGES
    stem = "".join("_" if ch in "/\\" or not ch.isprintable() else ch for ch in stem)
    stem = stem.strip(" .") or "file"
    filename = f"{stem}.{SUFFIXES.get(content_type, 'bin')}"
    if _signs_urls(field.storage):
        handle.close()
        return _signed_redirect(field, content_type, filename, as_attachment=not inline)
    response = FileResponse(
        handle, as_attachment=not inline, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _signs_urls(storage) -> bool:
    """S3Storage (django-storages) signs its URLs when querystring_auth is on."""
    return bool(settings.MEDIA_SIGNED_URL_SECONDS) and getattr(storage, "querystring_auth", False)


def _signed_redirect(field, content_type: str, filename: str, *, as_attachment: bool):
    url = field.storage.url(
        field.name,
        parameters={
            "ResponseContentType": content_type,
            "ResponseContentDisposition": content_disposition_header(as_attachment, filename),
        },
        expire=settings.MEDIA_SIGNED_URL_SECONDS,
    )
    response = HttpResponseRedirect(url)
    # The link is this person's, for a moment: no cache keeps it for anyone else.
    response["Cache-Control"] = "private, no-store"
    return response
