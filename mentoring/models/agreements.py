"""The grant agreement between GAMO and a grantee team, with its payment and reporting schedules.

GAMO prepares the agreement (a numbered, dated PDF in Kazakh, Russian or both); the team
signs it by uploading the signed scan, or by every member accepting it with a one-time SMS
code (AgreementAcceptance); GAMO's director records GAMO's signature. Only an agreement
signed by both sides lets money be paid (mentoring.services.agreements).
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeStampedModel
from jastarurban.files import PrivatePath
from mentoring.models.projects import GranteeProject


class GrantAgreementQuerySet(models.QuerySet):
    def signed(self) -> "GrantAgreementQuerySet":
        """Agreements signed by both the team and GAMO: the only ones that allow payments."""
        return self.filter(team_signed_at__isnull=False, gamo_signed_at__isnull=False)


class GrantAgreement(TimeStampedModel):
    class Language(models.TextChoices):
        KK = "kk", _("Kazakh")
        RU = "ru", _("Russian")
        BOTH = "kk+ru", _("Kazakh and Russian")

    class TeamSignedVia(models.TextChoices):
        # How the team's side is signed. Today: a scan of the paper signed by the team
        # lead. The extension point for "each member accepts by a one-time code" (SMS,
        # built with the phone accounts): record every member's acceptance, then call
        # services.agreements.agreement_team_signed(..., via=CODES); the payment gate and
        # the pages read only team_signed_at, so nothing else changes.
        SCAN = "scan", _("Signed scan")
        CODES = "codes", _("Each member's one-time code")

    project = models.OneToOneField(
        GranteeProject, on_delete=models.PROTECT, related_name="agreement"
    )
    number = models.CharField(_("agreement No."), max_length=20, unique=True)
    dated_on = models.DateField(_("agreement date"))
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.BOTH
    )
    # The PDF the sides sign, built when GAMO prepares the agreement and frozen from the
    # first signature on, so what was signed is what is stored.
    document = models.FileField(
        _("agreement"), upload_to=PrivatePath("grantees/agreements"), blank=True
    )
    # Which text a member accepted: every preparation makes a new document, a new version
    # and a new hash, and only acceptances of the current hash count towards the signature.
    document_sha256 = models.CharField(_("SHA-256 of the agreement"), max_length=64, blank=True)
    version = models.PositiveSmallIntegerField(_("version of the text"), default=0)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    team_signed_at = models.DateTimeField(_("signed by the team at"), null=True, blank=True)
    team_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed for the team by"),
    )
    team_signed_via = models.CharField(
        _("the team signed by"), max_length=5, choices=TeamSignedVia.choices, blank=True
    )
    team_scan = models.FileField(
        _("signed scan"), upload_to=PrivatePath("grantees/agreements/signed"), blank=True
    )
    team_scan_type = models.CharField(max_length=100, blank=True)
    gamo_signed_at = models.DateTimeField(_("signed by GAMO at"), null=True, blank=True)
    gamo_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed for GAMO by"),
    )

    objects = GrantAgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant agreement")
        verbose_name_plural = _("grant agreements")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(team_signed_at__isnull=True)
                | Q(team_signed_by__isnull=False, team_signed_via__gt=""),
                name="agreement_team_signature_complete",
            ),
            models.CheckConstraint(
                condition=Q(gamo_signed_at__isnull=True) | Q(gamo_signed_by__isnull=False),
                name="agreement_gamo_signature_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"№ {self.number}"

    @property
    def team_signed(self) -> bool:
        return self.team_signed_at is not None

    @property
    def gamo_signed(self) -> bool:
        return self.gamo_signed_at is not None

    @property
    def is_signed(self) -> bool:
        return self.team_signed and self.gamo_signed

    @property
    def is_editable(self) -> bool:
        """GAMO may change it until someone signs it; after that it is the signed text."""
        return not self.team_signed and not self.gamo_signed

    @property
    def languages(self) -> list[str]:
        return self.language.split("+")


class AgreementTranche(models.Model):
    """A payment of the schedule: when GAMO pays the team, and how much."""

    agreement = models.ForeignKey(GrantAgreement, on_delete=models.CASCADE, related_name="tranches")
    number = models.PositiveSmallIntegerField(_("No."))
    due_on = models.DateField(_("date"))
    amount_kzt = models.PositiveBigIntegerField(_("amount, ₸"))

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("payment schedule")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="tranche_number"),
            models.CheckConstraint(condition=Q(amount_kzt__gt=0), name="tranche_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}: {self.due_on:%d.%m.%Y} · {self.amount_kzt}"


class ReportDue(models.Model):
    """When progress report No. `number` is due, by the agreement's reporting schedule."""

    agreement = models.ForeignKey(
        GrantAgreement, on_delete=models.CASCADE, related_name="report_dues"
    )
    number = models.PositiveSmallIntegerField(_("report No."))
    due_on = models.DateField(_("due"))
    # The due date the team was last reminded of: the reminder fires once per report and
    # due date (claimed by a conditional update), and again only if the date moves.
    reminded_for = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("report due date")
        verbose_name_plural = _("reporting schedule")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="report_due_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}: {self.due_on:%d.%m.%Y}"

    def is_overdue(self, *, submitted_on: date | None, today: date) -> bool:
        return submitted_on is None and self.due_on < today


class AgreementAcceptance(models.Model):
    """One team member's acceptance of one text of the agreement, by a one-time SMS code.

    Kept as evidence and never changed: who (the account and the name as the team lists
    it), when, from which IP address, the phone the code went to, and the version and
    SHA-256 of the PDF the member was shown. An acceptance of an earlier text stays on
    record but no longer counts: the member accepts the new text again.
    """

    agreement = models.ForeignKey(
        GrantAgreement, on_delete=models.PROTECT, related_name="acceptances"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("account"),
    )
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=20)
    accepted_at = models.DateTimeField(_("accepted at"))
    agreement_version = models.PositiveSmallIntegerField(_("version of the text"))
    document_sha256 = models.CharField(_("SHA-256 of the agreement"), max_length=64)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("acceptance of the agreement")
        verbose_name_plural = _("acceptances of the agreement")
        ordering = ["agreement", "accepted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "user", "document_sha256"], name="acceptance_once_per_text"
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name} · {self.accepted_at:%d.%m.%Y %H:%M}"


class AgreementCode(models.Model):
    """A one-time code sent to a member to accept the agreement (accounts.codes' rules).

    Only an HMAC is kept, keyed with SECRET_KEY and bound to the agreement, the member and
    the text's hash: a code for one text does not accept another. Rows count towards the
    sending limits, as PhoneCode rows do.
    """

    agreement = models.ForeignKey(GrantAgreement, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    phone = models.CharField(_("phone"), max_length=20)
    digest = models.CharField(_("HMAC of the code"), max_length=64)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("wrong attempts"), default=0)
    spent_at = models.DateTimeField(_("used or voided"), null=True, blank=True)

    class Meta:
        verbose_name = _("agreement acceptance code")
        verbose_name_plural = _("agreement acceptance codes")
        indexes = [
            models.Index(fields=["agreement", "user", "created_at"], name="agreement_code_recent")
        ]

    def __str__(self) -> str:
        return f"{self.phone} · {self.created_at:%d.%m.%Y %H:%M}"


class AgreementInvitation(models.Model):
    """Staff asked a member to accept the agreement: counted, as invitations are limited."""

    agreement = models.ForeignKey(
        GrantAgreement, on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation to accept the agreement")
        verbose_name_plural = _("invitations to accept the agreement")
        ordering = ["agreement", "sent_at"]

    def __str__(self) -> str:
        return f"{self.sent_at:%d.%m.%Y %H:%M}"
