from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mentoring.models.projects import GranteeProject


class Score(models.IntegerChoices):
    """A 1–5 answer; 4 and 5 count as satisfied / useful."""

    ONE = 1, "1"
    TWO = 2, "2"
    THREE = 3, "3"
    FOUR = 4, "4"
    FIVE = 5, "5"


POSITIVE_SCORES = (Score.FOUR, Score.FIVE)


class Meeting(models.Model):
    class Format(models.TextChoices):
        OFFLINE = "offline", _("In person")
        ONLINE = "online", _("Online")

    class ProjectState(models.TextChoices):
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        OFF_TRACK = "off_track", _("Off track")

    project = models.ForeignKey(GranteeProject, on_delete=models.CASCADE, related_name="meetings")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("mentor"),
    )
    held_on = models.DateField(_("date"))
    format = models.CharField(_("format"), max_length=7, choices=Format.choices)
    duration_minutes = models.PositiveSmallIntegerField(_("duration, minutes"))
    topics = models.TextField(_("topics discussed"))
    problems = models.TextField(_("problems"), blank=True)
    next_steps = models.TextField(_("agreed next steps"))
    project_state = models.CharField(
        _("state of the project"), max_length=9, choices=ProjectState.choices
    )
    logged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentoring meeting")
        verbose_name_plural = _("mentoring meetings")
        ordering = ["project", "-held_on", "-pk"]
        indexes = [models.Index(fields=["project", "held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0, duration_minutes__lte=600),
                name="meeting_duration_sensible",
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.held_on:%d.%m.%Y}"


class MentoringEvaluation(models.Model):
    """The grantee team's evaluation sheet of its mentoring, filled once at the end."""

    project = models.OneToOneField(
        GranteeProject, on_delete=models.CASCADE, related_name="mentoring_evaluation"
    )
    usefulness = models.PositiveSmallIntegerField(
        _("how useful was the mentoring? (1 — not at all, 5 — very)"), choices=Score.choices
    )
    comment = models.TextField(_("comment"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.project} · {self.usefulness}"


class Reminder(models.Model):
    """One reminder sent about one project on one day: what makes the daily task idempotent."""

    class Kind(models.TextChoices):
        MENTOR_NO_MEETING = "mentor_week", _("Mentor: a week without a meeting")
        STAFF_NO_MEETING = "staff_2w", _("Staff: two weeks without a meeting")
        STAFF_AT_RISK = "staff_risk", _("Staff: at risk for two weeks")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    project = models.ForeignKey(GranteeProject, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    recipients = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "project", "sent_on"], name="reminder_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} · {self.project_id} · {self.sent_on}"
