"""Private uploads: stored under a random name, never the sender's; served as what they are."""

import uuid
import zipfile
from pathlib import PurePath

from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible


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


def file_response(field, *, stem: str, inline_images: bool = False) -> FileResponse:
    """Sends a stored file as what its content is; every file view in the portal uses it.

    The Content-Type is the sniffed type (octet-stream when unknown) and the name is
    ``stem`` plus that type's canonical suffix, so a file claiming to be ``.html`` but
    holding a PDF downloads as ``.pdf``. Files go as attachments; only a picture a page
    shows (``inline_images``) is sent inline, still with its checked type. nosniff stops
    a browser from second-guessing. Callers check access first.
    """
    if not field:
        raise Http404
    handle = field.open("rb")
    content_type = sniff_type(handle) or OCTET_STREAM
    inline = inline_images and content_type in IMAGES
    stem = "".join("_" if ch in "/\\" or not ch.isprintable() else ch for ch in stem)
    stem = stem.strip(" .") or "file"
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=f"{stem}.{SUFFIXES.get(content_type, 'bin')}",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
