from pathlib import PurePath

from django.http import FileResponse

from applications.models import Attachment
from jastarurban.files import file_response


def attachment_response(attachment: Attachment, *, stem: str | None = None) -> FileResponse:
    """Sends an attachment as its checked type, under its own name (or ``stem``) with that
    type's suffix; callers check access first."""
    return file_response(attachment.file, stem=stem or PurePath(attachment.original_name).stem)
