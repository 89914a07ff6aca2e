"""A competition (байқау): the call inside a grant project and its configuration."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeStampedModel
from projects.models.passport import GrantProject


class Competition(TimeStampedModel):
    class Phase(models.TextChoices):
        UPCOMING = "upcoming", _("Opens soon")
        OPEN = "open", _("Open for applications")
        CLOSED = "closed", _("Closed")

    class RankingMethod(models.TextChoices):
        MEAN = "mean", _("Mean of the experts' scores")
        STANDARDISED = "standardised", _("Mean of standardised scores (z-scores per expert)")

    class TieBreak(models.TextChoices):
        CRITERIA_ORDER = (
            "criteria_order",
            _("Higher score on the first criterion, then on the next one, and so on"),
        )
        EARLIER_SUBMISSION = "earlier_submission", _("The application submitted earlier")

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
    rules = models.TextField(_("rules"), blank=True)
    rules_pdf = models.FileField(_("rules (PDF)"), upload_to="competitions/rules/", blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=18)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), default=35)
    min_team_size = models.PositiveSmallIntegerField(
        _("smallest team"), default=2, validators=[MinValueValidator(1)]
    )
    max_team_size = models.PositiveSmallIntegerField(_("largest team"), default=3)
    rural_only = models.BooleanField(_("only residents of villages may apply"), default=True)
    eligible_districts = models.ManyToManyField(
        "competitions.District",
        blank=True,
        related_name="competitions",
        verbose_name=_("eligible districts"),
        help_text=_("Leave empty to admit every district of the region."),
    )
    max_request_kzt = models.PositiveBigIntegerField(_("maximum request, ₸"))
    max_attachments = models.PositiveSmallIntegerField(_("attachments per application"), default=5)
    tie_break = models.CharField(
        _("tie-break rule"),
        max_length=20,
        choices=TieBreak.choices,
        default=TieBreak.CRITERIA_ORDER,
    )
    number_prefix = models.CharField(_("registration number prefix"), max_length=10, default="JU")
    # The last registration number given; raised only inside the submission's
    # transaction with the row locked, so numbers have no gaps and no twins.
    last_number = models.PositiveIntegerField(
        _("last registration number"), default=0, editable=False
    )
    award_count = models.PositiveSmallIntegerField(_("number of awards"))
    review_deadline = models.DateTimeField(_("reviews due by"), null=True, blank=True)
    required_reviews = models.PositiveSmallIntegerField(
        _("reviews an application needs to be ranked"), default=5
    )
    ranking_method = models.CharField(
        _("ranking method"),
        max_length=15,
        choices=RankingMethod.choices,
        default=RankingMethod.MEAN,
    )
    results_published_at = models.DateTimeField(_("results published at"), null=True, blank=True)
    appeal_days = models.PositiveSmallIntegerField(
        _("days to appeal after the results"),
        default=5,
        help_text=_("An applicant may appeal until the end of this day after publication."),
    )
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

    def get_absolute_url(self) -> str:
        return reverse("competitions:detail", args=[self.slug])

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
    def appeals_close_at(self):
        """The moment appeals close: the end of the last appeal day, local time (Asia/Aqtau)."""
        if self.results_published_at is None:
            return None
        published_on = timezone.localdate(self.results_published_at)
        last_day = published_on + timedelta(days=self.appeal_days)
        return timezone.make_aware(datetime.combine(last_day + timedelta(days=1), time.min))

    def can_appeal(self, now=None) -> bool:
        closes = self.appeals_close_at
        return closes is not None and (now or timezone.now()) < closes

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
    tie_break_order = models.PositiveSmallIntegerField(
        _("place in the tie-break chain"),
        null=True,
        blank=True,
        help_text=_("1 decides a tie first, 2 next; leave empty for criteria that do not."),
    )
    levels = models.TextField(
        _("score levels"),
        blank=True,
        help_text=_("One line per level, e.g. “0–3: the problem is not shown”."),
    )

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


class FaqItem(models.Model):
    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="faq", verbose_name=_("competition")
    )
    position = models.PositiveSmallIntegerField(_("No."))
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"))

    class Meta:
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")
        ordering = ["competition", "position"]

    def __str__(self) -> str:
        return self.question


class Announcement(models.Model):
    """One publication of the call; the brief expects at least five."""

    class Channel(models.TextChoices):
        SOCIAL = "social", _("Social media page")
        YOUTH_CENTRE = "youth_centre", _("Youth centre")
        AKIMAT = "akimat", _("District akimat")
        YOUTH_ORGANISATION = "youth_organisation", _("Youth organisation")
        OTHER = "other", _("Other")

    competition = models.ForeignKey(
        Competition,
        on_delete=models.CASCADE,
        related_name="announcements",
        verbose_name=_("competition"),
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    published_on = models.DateField(_("published on"))
    link = models.URLField(_("link"), blank=True)
    reach = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["competition", "published_on"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.published_on:%d.%m.%Y}"
