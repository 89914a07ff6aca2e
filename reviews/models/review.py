from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from competitions.models import Criterion
from reviews.models.commission import Assignment, CommissionMember


class ReviewQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        """Each review's expert copied from its assignment, as save() does (one query for
        the reviews that came without it)."""
        objs = list(objs)
        missing = {review.assignment_id for review in objs if review.member_id is None}
        if missing:
            members = dict(Assignment.objects.filter(pk__in=missing).values_list("pk", "member_id"))
            for review in objs:
                if review.member_id is None:
                    review.member_id = members.get(review.assignment_id)
        return super().bulk_create(objs, *args, **kwargs)


class Review(models.Model):
    """An expert's scores for one application; one per assignment, so one per pair."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        # A confirmed conflict of interest: kept for the record, never counted.
        VOIDED = "voided", _("Voided by a conflict of interest")

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="review")
    # The assignment's expert, copied when the review is made (an assignment never changes
    # its expert): the commission page counts each expert's submitted reviews from the
    # (member, status) index alone, where joining 130 000 reviews to their assignments
    # took most of its time at 30 000 applications.
    member = models.ForeignKey(
        CommissionMember,
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
        db_index=False,  # review_member_state starts with it
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    comment = models.TextField(_("overall comment"), blank=True)
    saved_at = models.DateTimeField(_("last saved"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reopened_reason = models.TextField(_("reopened because"), blank=True)

    objects = ReviewQuerySet.as_manager()

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
            models.Index(fields=["member", "status"], name="review_member_state"),
        ]

    def __str__(self) -> str:
        return str(self.assignment)

    def save(self, *args, **kwargs):
        if self.member_id is None:
            self.member_id = self.assignment.member_id
        super().save(*args, **kwargs)


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
            # The dashboard's score chart counts a project's scores from this index alone
            # (by criterion, then value), not by joining 520 000 of them to their reviews.
            models.Index(fields=["criterion", "score"], name="criterion_score_tally"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"
