"""Serving an application's attachments: under their own names to the applicant and staff,
under neutral numbered names to experts (a file name may carry a team's name)."""

from pathlib import PurePath

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from applications.models import Application, Attachment
from jastarurban.files import file_response


def attachment_response(attachment: Attachment, *, stem: str | None = None) -> FileResponse:
    """Sends an attachment as its checked type, under its own name (or ``stem``) with that
    type's suffix; callers check access first."""
    return file_response(attachment.file, stem=stem or PurePath(attachment.original_name).stem)


def expert_stem(number: int) -> str:
    return _("Attachment %(number)s") % {"number": number}


def expert_attachment_response(application: Application, attachment_id: int) -> FileResponse:
    """An attachment for an expert, named by its number only; callers check access first."""
    ids = list(application.attachments.order_by("pk").values_list("pk", flat=True))
    attachment = get_object_or_404(application.attachments, pk=attachment_id)
    return attachment_response(attachment, stem=expert_stem(ids.index(attachment.pk) + 1))
