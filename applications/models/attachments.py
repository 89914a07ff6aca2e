import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from applications.models.application import Application


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name says nothing about the file: it is never served by name.
    return f"applications/{instance.application_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        PDF = "application/pdf", "PDF"
        JPEG = "image/jpeg", "JPEG"
        PNG = "image/png", "PNG"
        DOCX = (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "DOCX",
        )

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100, choices=Kind.choices)
    size = models.PositiveIntegerField(_("size, bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["application", "uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
