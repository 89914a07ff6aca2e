"""Thank-you letters as PDF files: rendered by the task services.py enqueues, zipped for staff."""

import zipfile
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import translation

from exhibition.models import Letter
from jastarurban.pdf import render_pdf


def letter_pdf(letter: Letter) -> bytes:
    exhibition = letter.exhibition
    with translation.override(letter.language):
        return render_pdf(
            "exhibition/pdf/letter.html",
            {
                "letter": letter,
                "exhibition": exhibition,
                "recipient": exhibition.project.recipient,
                "project": exhibition.project,
            },
        )


def letter_render(*, letter: Letter) -> Letter:
    """Renders and stores the PDF; a failure is recorded on the letter, not raised."""
    try:
        content = letter_pdf(letter)
    except Exception as error:
        letter.status, letter.error = Letter.Status.FAILED, str(error)[:2000]
        letter.save(update_fields=["status", "error", "updated_at"])
        return letter
    if letter.pdf:
        letter.pdf.delete(save=False)
    letter.pdf.save(letter.filename, ContentFile(content), save=False)
    letter.status, letter.error = Letter.Status.READY, ""
    letter.save(update_fields=["pdf", "status", "error", "updated_at"])
    return letter


def letters_zip(letters) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for letter in letters:
            with letter.pdf.open("rb") as handle:
                archive.writestr(letter.filename, handle.read())
    return out.getvalue()
