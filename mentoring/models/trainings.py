import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from competitions.models import Competition
from jastarurban.files import PrivatePath
from mentoring.models.mentorship import Score
from mentoring.models.projects import GranteeProject


class Training(models.Model):
    """An offline training for the grantee teams, run over one or more days."""

    competition = models.ForeignKey(
        Competition,
        on_delete=models.PROTECT,
        related_name="trainings",
        verbose_name=_("competition"),
    )
    title = models.CharField(_("title"), max_length=300)
    venue = models.CharField(_("venue"), max_length=300)
    trainer = models.CharField(_("trainer"), max_length=200)
    starts_on = models.DateField(_("first day"))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["starts_on", "pk"]

    def __str__(self) -> str:
        return self.title


class TrainingDay(models.Model):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="days")
    number = models.PositiveSmallIntegerField(_("day"))
    date = models.DateField(_("date"))
    theme = models.CharField(_("theme of the day"), max_length=300)

    class Meta:
        ordering = ["training", "number"]
        constraints = [
            models.UniqueConstraint(fields=["training", "number"], name="training_day_once")
        ]

    def __str__(self) -> str:
        return self.theme


class AgendaItem(models.Model):
    day = models.ForeignKey(TrainingDay, on_delete=models.CASCADE, related_name="agenda")
    starts_at = models.TimeField(_("time"))
    topic = models.CharField(_("topic"), max_length=300)

    class Meta:
        ordering = ["day", "starts_at"]

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M} {self.topic}"


class Participant(models.Model):
    """A member of an invited grantee team; the token is their personal feedback link."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="participants")
    project = models.ForeignKey(
        GranteeProject, on_delete=models.CASCADE, related_name="training_participants"
    )
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    attended_days = models.ManyToManyField(TrainingDay, blank=True, related_name="attendees")

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["training", "project", "full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "project", "full_name"], name="participant_once"
            )
        ]

    def __str__(self) -> str:
        return self.full_name


class TrainingFeedback(models.Model):
    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="feedback"
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("how satisfied are you with the training? (1 — not at all, 5 — fully)"),
        choices=Score.choices,
    )
    useful = models.TextField(_("what was most useful"), blank=True)
    improve = models.TextField(_("what should we improve"), blank=True)
    answered_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.participant} · {self.satisfaction}"


class Material(models.Model):
    class Topic(models.TextChoices):
        MANAGEMENT = "management", _("Project management")
        SMM = "smm", _("SMM and PR")
        URBANISM = "urbanism", _("Urbanism and public spaces")
        REPORTING = "reporting", _("Reporting and finances")
        OTHER = "other", _("Other")

    competition = models.ForeignKey(
        Competition, on_delete=models.PROTECT, related_name="training_materials"
    )
    training = models.ForeignKey(
        Training,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="materials",
        verbose_name=_("training"),
    )
    title = models.CharField(_("title"), max_length=300)
    topic = models.CharField(_("topic"), max_length=12, choices=Topic.choices)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=[("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))],
    )
    file = models.FileField(_("file"), upload_to=PrivatePath("trainings/materials"), blank=True)
    file_type = models.CharField(max_length=100, blank=True)
    link = models.URLField(_("link"), blank=True)
    published = models.BooleanField(_("published to grantees"), default=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("training material")
        verbose_name_plural = _("training materials")
        ordering = ["competition", "topic", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(link=""), name="material_has_file_or_link"
            )
        ]

    def __str__(self) -> str:
        return self.title
