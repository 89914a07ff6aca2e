"""What the annexes keep that the portal does not already record: the photos staff chose
for the photo annex, with their captions and order, and documents entered by hand."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from exhibition.models import StandPhoto
from jastarurban.files import PrivatePath
from mentoring.models import Photo
from projects.models import BudgetLine, GrantProject


class ReportPhoto(models.Model):
    """One photo of the photo annex: a grantee's report or visit photo, an exhibition stand's
    photo, or a photo of an event (a training, say) staff uploaded here. The caption is
    printed as staff typed it, in whichever language they typed it."""

    project = models.ForeignKey(
        GrantProject,
        on_delete=models.CASCADE,
        related_name="annex_photos",
        verbose_name=_("project"),
    )
    grantee_photo = models.ForeignKey(
        Photo, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    stand_photo = models.ForeignKey(
        StandPhoto, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    image = models.FileField(_("photo"), upload_to=PrivatePath("reports/photos"), blank=True)
    caption = models.CharField(_("caption"), max_length=300)
    # The day the photo shows (the report's, visit's, exhibition's or the one typed): the
    # interim report prints the period's photos only.
    taken_on = models.DateField(_("date"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("annex photo")
        verbose_name_plural = _("annex photos")
        ordering = ["project", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(grantee_photo__isnull=False, stand_photo__isnull=True, image="")
                | Q(grantee_photo__isnull=True, stand_photo__isnull=False, image="")
                | (Q(grantee_photo__isnull=True, stand_photo__isnull=True) & ~Q(image="")),
                name="annex_photo_has_one_source",
            ),
            models.UniqueConstraint(
                fields=["project", "grantee_photo"], name="annex_grantee_photo_once"
            ),
            models.UniqueConstraint(
                fields=["project", "stand_photo"], name="annex_stand_photo_once"
            ),
        ]

    def __str__(self) -> str:
        return self.caption

    @property
    def file(self):
        if self.grantee_photo_id:
            return self.grantee_photo.image
        if self.stand_photo_id:
            return self.stand_photo.image
        return self.image


class ReportDocument(models.Model):
    """A document the register lists that the portal does not record by itself, e.g. an act
    of completed work or a supplier's invoice."""

    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("Agreement")
        ACT = "act", _("Act of completed work")
        INVOICE = "invoice", _("Invoice")
        RECEIPT = "receipt", _("Receipt")
        PAYMENT = "payment", _("Payment order")
        OTHER = "other", _("Other document")

    project = models.ForeignKey(
        GrantProject,
        on_delete=models.CASCADE,
        related_name="annex_documents",
        verbose_name=_("project"),
    )
    kind = models.CharField(_("document"), max_length=10, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=60)
    dated_on = models.DateField(_("date"))
    amount_kzt = models.PositiveBigIntegerField(_("amount, ₸"), null=True, blank=True)
    line = models.ForeignKey(
        BudgetLine,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("budget line"),
    )
    description = models.CharField(
        _("what it is"),
        max_length=300,
        help_text=_("For example: banners for the exhibition, LLP «Print-Aktau»."),
    )
    file = models.FileField(_("scan"), upload_to=PrivatePath("reports/documents"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document for the register")
        verbose_name_plural = _("documents for the register")
        ordering = ["project", "dated_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} № {self.number}"
