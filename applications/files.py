from django.http import FileResponse

from applications.models import Attachment


def attachment_response(attachment: Attachment) -> FileResponse:
    """Sends an attachment under its own name and checked type; callers check access first."""
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
