from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from competitions.models import Criterion
from reviews.models.commission import Assignment


class Review(models.Model):
    """An expert's scores for one application; one per assignment, so one per pair."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        # A confirmed conflict of interest: kept for the record, never counted.
        VOIDED = "voided", _("Voided by a conflict of interest")

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="review")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    comment = models.TextField(_("overall comment"), blank=True)
    saved_at = models.DateTimeField(_("last saved"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reopened_reason = models.TextField(_("reopened because"), blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="review_submitted_has_time",
            )
        ]
        indexes = [
            # What the ranking's cache key and the commission's counts read, from the index
            # alone: a review's row holds its comment, and reading 130 000 of them for a
            # status took most of a second at 30 000 applications.
            models.Index(fields=["status", "submitted_at", "assignment"], name="review_state"),
        ]

    def __str__(self) -> str:
        return str(self.assignment)


class CriterionScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    justification = models.TextField(_("justification"), blank=True)

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        ordering = ["review", "criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="criterion_score_once")
        ]
        indexes = [
            # The ranking's sums and the dashboard's score chart read the scores from this
            # index alone: a score's row also holds its justification, and reading 180 000
            # of them at 30 000 applications was most of those queries' time.
            models.Index(fields=["review", "criterion", "score"], name="criterion_score_value"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"
