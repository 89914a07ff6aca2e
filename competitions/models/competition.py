"""A competition (байқау): the call inside a grant project and its configuration."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeStampedModel
from competitions.models.projects import GrantProject


class Competition(TimeStampedModel):
    class Phase(models.TextChoices):
        UPCOMING = "upcoming", _("Opens soon")
        OPEN = "open", _("Open for applications")
        CLOSED = "closed", _("Closed")

    project = models.ForeignKey(
        GrantProject,
        on_delete=models.PROTECT,
        related_name="competitions",
        verbose_name=_("project"),
    )
    slug = models.SlugField(_("short address"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"))
    eligibility = models.TextField(_("who may apply"))
    funds = models.TextField(_("what it funds"))
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=18)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), default=35)
    min_team_size = models.PositiveSmallIntegerField(
        _("smallest team"), default=2, validators=[MinValueValidator(1)]
    )
    max_team_size = models.PositiveSmallIntegerField(_("largest team"), default=3)
    max_request_kzt = models.PositiveBigIntegerField(_("maximum request, ₸"))
    award_count = models.PositiveSmallIntegerField(_("number of awards"))
    expected_applications = models.PositiveIntegerField(_("applications expected"), default=0)
    announcement_target = models.PositiveSmallIntegerField(_("announcements planned"), default=0)

    class Meta:
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="competition_closes_after_open"
            ),
            models.CheckConstraint(
                condition=Q(max_age__gte=F("min_age")), name="competition_age_range"
            ),
            models.CheckConstraint(
                condition=Q(max_team_size__gte=F("min_team_size")), name="competition_team_range"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def phase(self, now=None) -> Phase:
        now = now or timezone.now()
        if now < self.opens_at:
            return self.Phase.UPCOMING
        if now < self.closes_at:
            return self.Phase.OPEN
        return self.Phase.CLOSED

    @property
    def is_open(self) -> bool:
        return self.phase() == self.Phase.OPEN

    @property
    def award_fund_kzt(self) -> int:
        return self.award_count * self.max_request_kzt


class Criterion(models.Model):
    """A scoring criterion; the expert gives each application 0…max_score on it."""

    competition = models.ForeignKey(
        Competition,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("competition"),
    )
    position = models.PositiveSmallIntegerField(_("No."))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=10)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["competition", "position"]
        constraints = [
            models.UniqueConstraint(fields=["competition", "code"], name="criterion_code_unique"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
            models.CheckConstraint(
                condition=Q(max_score__gte=1), name="criterion_max_score_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.name
