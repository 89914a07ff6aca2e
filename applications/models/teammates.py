"""A teammate as a person: invited by the lead, confirming and consenting themselves."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from applications.models.application import Application
from competitions.models import Settlement


class Teammate(models.Model):
    """One person the lead asked onto a team, by name and phone.

    The lead types only the name, the phone and the role. The person opens the link sent to
    that phone, proves it is theirs with a one-time code, and types their own IIN and village
    and gives their own consent (the Law on Personal Data asks for the person's own, not the
    lead's word). Only the digest of the invitation link's token is kept.
    """

    class State(models.TextChoices):
        INVITED = "invited", _("Invited, not confirmed yet")
        CONFIRMED = "confirmed", _("Confirmed")

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="teammates",
        verbose_name=_("application"),
    )
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=20)
    role = models.CharField(_("role in the project"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="team_places",
        verbose_name=_("account"),
    )
    token_digest = models.CharField(_("SHA-256 of the invitation link"), max_length=64, blank=True)
    invited_at = models.DateTimeField(_("invitation sent at"))
    token_expires_at = models.DateTimeField(_("invitation link valid until"))
    phone_confirmed_at = models.DateTimeField(_("phone confirmed at"), null=True, blank=True)
    iin = models.CharField(_("IIN"), max_length=12, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    village = models.ForeignKey(
        Settlement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("village"),
    )
    consent_version = models.CharField(_("version of the consent text"), max_length=20, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invited teammate")
        verbose_name_plural = _("invited teammates")
        ordering = ["application", "invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "phone"], name="teammate_phone_once_per_team"
            ),
            models.UniqueConstraint(
                fields=["application", "user"],
                condition=Q(user__isnull=False),
                name="teammate_person_once_per_team",
            ),
            models.UniqueConstraint(
                fields=["token_digest"],
                condition=~Q(token_digest=""),
                name="teammate_token_unique",
            ),
            # Confirmed means all of it: the person, their IIN and their own consent.
            models.CheckConstraint(
                condition=Q(confirmed_at__isnull=True)
                | (
                    Q(user__isnull=False, village__isnull=False, consent_at__isnull=False)
                    & ~Q(iin="")
                    & ~Q(consent_version="")
                ),
                name="teammate_confirmed_is_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def state(self) -> str:
        return self.State.CONFIRMED if self.confirmed_at else self.State.INVITED

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
