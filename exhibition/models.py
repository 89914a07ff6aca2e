"""Activity 4: the final exhibition, its stands, visitors, round table, letters and feedback."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeStampedModel
from mentoring.models import GranteeProject
from projects.models import GrantProject


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Exhibition(TimeStampedModel):
    project = models.ForeignKey(
        GrantProject,
        on_delete=models.PROTECT,
        related_name="exhibitions",
        verbose_name=_("project"),
    )
    slug = models.SlugField(_("address"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    venue = models.CharField(_("venue"), max_length=300)
    programme = models.TextField(_("programme"), help_text=_("One item a line: time and what."))
    capacity = models.PositiveIntegerField(_("places"))
    registration_open = models.BooleanField(_("registration open"), default=True)

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")
        ordering = ["-held_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="exhibition_hours_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exhibition:detail", kwargs={"slug": self.slug})

    def programme_lines(self) -> list[str]:
        return [line.strip() for line in self.programme.splitlines() if line.strip()]


class Stand(TimeStampedModel):
    """One grantee project's stand; its public page is what the banner's QR code opens."""

    exhibition = models.ForeignKey(
        Exhibition, on_delete=models.CASCADE, related_name="stands", verbose_name=_("exhibition")
    )
    grantee = models.ForeignKey(
        GranteeProject,
        on_delete=models.PROTECT,
        related_name="stands",
        verbose_name=_("grantee project"),
    )
    key = models.UUIDField(_("public key"), default=uuid.uuid4, unique=True, editable=False)
    position = models.PositiveSmallIntegerField(_("No."), default=1)
    summary = models.TextField(_("project summary"), blank=True)
    banner = models.FileField(_("banner"), upload_to="exhibition/banners/", blank=True)
    banner_type = models.CharField(max_length=100, blank=True, editable=False)
    video_link = models.URLField(_("video link"), blank=True)

    class Meta:
        verbose_name = _("stand")
        verbose_name_plural = _("stands")
        ordering = ["exhibition", "position"]
        constraints = [
            models.UniqueConstraint(fields=["exhibition", "grantee"], name="one_stand_per_grantee")
        ]

    def __str__(self) -> str:
        return str(self.grantee)

    def get_absolute_url(self) -> str:
        return reverse("exhibition:stand", kwargs={"key": self.key})


class StandPhoto(models.Model):
    stand = models.ForeignKey(
        Stand, on_delete=models.CASCADE, related_name="photos", verbose_name=_("stand")
    )
    image = models.FileField(_("photo"), upload_to="exhibition/photos/")
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("stand photo")
        verbose_name_plural = _("stand photos")
        ordering = ["stand", "pk"]

    def __str__(self) -> str:
        return self.caption or self.image.name


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def holding(self, now):
        """What takes a place: confirmed registrations and holds whose code is still valid."""
        return self.filter(Q(confirmed_at__isnull=False) | Q(code_expires_at__gt=now))

    def expired_holds(self, now):
        return self.filter(confirmed_at__isnull=True).exclude(code_expires_at__gt=now)


class Registration(TimeStampedModel):
    """A visitor who registered on the public form; counted as a participant once checked in.

    The public form first creates a *hold*: unconfirmed, with a hashed one-time code sent
    to the person and an expiry. Only a confirmed registration gets its QR code and counts;
    a hold takes a place until its code expires, and is then released (deleted).
    """

    class Category(models.TextChoices):
        GRANTEE = "grantee", _("Grantee team")
        GOVERNMENT = "government", _("Local government")
        EXPERT = "expert", _("Expert")
        YOUTH_ORG = "youth_org", _("Youth organisation")
        VOLUNTEER = "volunteer", _("Volunteer")
        MEDIA = "media", _("Media")
        RESIDENT = "resident", _("Resident")

    exhibition = models.ForeignKey(
        Exhibition,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("exhibition"),
    )
    full_name = models.CharField(_("full name"), max_length=200)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=12, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    consent_at = models.DateTimeField(_("consent given"))
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    code_hash = models.CharField(max_length=64, blank=True, editable=False)
    code_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    code_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["full_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(phone="") | ~Q(email=""), name="registration_has_contact"
            ),
            models.CheckConstraint(
                condition=Q(confirmed_at__isnull=False) | Q(code_expires_at__isnull=False),
                name="registration_confirmed_or_expiring",
            ),
            models.UniqueConstraint(
                fields=["exhibition", "phone"],
                condition=~Q(phone=""),
                name="one_registration_per_phone",
            ),
            models.UniqueConstraint(
                "exhibition",
                Lower("email"),
                condition=~Q(email=""),
                name="one_registration_per_email",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("exhibition:registered", kwargs={"token": self.token})


class RoundTable(TimeStampedModel):
    """The experience-exchange session held at the exhibition."""

    exhibition = models.ForeignKey(
        Exhibition,
        on_delete=models.CASCADE,
        related_name="round_tables",
        verbose_name=_("exhibition"),
    )
    topic = models.CharField(_("topic"), max_length=300)
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    moderator = models.CharField(_("moderator"), max_length=200)
    speakers = models.TextField(_("speakers"), help_text=_("One a line: name and role."))
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("round table")
        verbose_name_plural = _("round tables")
        ordering = ["exhibition", "starts_at", "pk"]

    def __str__(self) -> str:
        return self.topic

    def speaker_lines(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]


class Letter(TimeStampedModel):
    """A thank-you letter (алғыс хат) with its own sequential number, rendered as a PDF."""

    class Role(models.TextChoices):
        GRANTEE = "grantee", _("Grantee")
        ACTIVIST = "activist", _("Activist")
        MENTOR = "mentor", _("Mentor")
        PARTNER = "partner", _("Partner")

    class Language(models.TextChoices):
        KK = "kk", _("Kazakh")
        RU = "ru", _("Russian")

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    exhibition = models.ForeignKey(
        Exhibition, on_delete=models.PROTECT, related_name="letters", verbose_name=_("exhibition")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("number"), max_length=20, unique=True)
    recipient_name = models.CharField(_("recipient"), max_length=200)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    reason = models.TextField(_("for what"))
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.KK
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    pdf = models.FileField(_("PDF"), upload_to="exhibition/letters/", blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("thank-you letter")
        verbose_name_plural = _("thank-you letters")
        ordering = ["year", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="letter_sequence_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.number} · {self.recipient_name}"

    @property
    def filename(self) -> str:
        return f"{self.number}.pdf"


class Feedback(TimeStampedModel):
    class Support(models.TextChoices):
        YES = "yes", _("Yes")
        SOMEWHAT = "somewhat", _("Somewhat")
        NO = "no", _("No")

    exhibition = models.ForeignKey(
        Exhibition,
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("exhibition"),
    )
    registration = models.OneToOneField(
        Registration,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("registration"),
    )
    support_grew = models.CharField(
        _("did your support for rural youth projects grow?"),
        max_length=10,
        choices=Support.choices,
    )
    impressed = models.TextField(_("what impressed you?"), blank=True)

    class Meta:
        verbose_name = _("participant feedback")
        verbose_name_plural = _("participant feedback")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.get_support_grew_display()
