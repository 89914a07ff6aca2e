"""Mangystau's administrative units from the KATO classifier, loaded by a data migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class District(models.Model):
    """A district (аудан) or a city administration with the villages around it."""

    class Kind(models.TextChoices):
        DISTRICT = "district", _("District")
        CITY = "city", _("City administration")

    kato_code = models.CharField(_("KATO code"), max_length=9, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RuralDistrict(models.Model):
    """A rural district (ауылдық округ): one or more villages under one akim."""

    kato_code = models.CharField(_("KATO code"), max_length=9, unique=True)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="rural_districts",
        verbose_name=_("district"),
    )
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("rural district")
        verbose_name_plural = _("rural districts")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Settlement(models.Model):
    """A place people live in. Only villages (KATO type `с.`) count as rural."""

    class Kind(models.TextChoices):
        VILLAGE = "village", _("Village")
        TOWN = "town", _("Town")
        SIDING = "siding", _("Railway siding")
        WINTER_CAMP = "winter_camp", _("Winter camp")
        OTHER = "other", _("Other")

    kato_code = models.CharField(_("KATO code"), max_length=9, unique=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="settlements", verbose_name=_("district")
    )
    rural_district = models.ForeignKey(
        RuralDistrict,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="settlements",
        verbose_name=_("rural district"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)
    is_centre = models.BooleanField(_("centre of its rural district or district"), default=False)

    class Meta:
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        ordering = ["name"]
        indexes = [models.Index(fields=["district", "kind"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_rural(self) -> bool:
        return self.kind == self.Kind.VILLAGE
