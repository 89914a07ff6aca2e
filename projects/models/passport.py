"""The grant recipient and its social project: what the operator funded and expects."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeStampedModel

bin_validator = RegexValidator(r"^\d{12}$", _("A BIN has exactly 12 digits."))


class GrantRecipient(TimeStampedModel):
    """The NGO that received the state grant (the header of every operator report)."""

    name = models.CharField(_("full name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=60)
    bin = models.CharField(_("BIN"), max_length=12, unique=True, validators=[bin_validator])
    registered_on = models.DateField(_("registered on"))
    reregistered_on = models.DateField(_("re-registered on"), null=True, blank=True)
    legal_address = models.CharField(_("legal address"), max_length=300)
    actual_address = models.CharField(_("actual address"), max_length=300, blank=True)
    head_full_name = models.CharField(_("head of the organisation"), max_length=200)
    head_position = models.CharField(_("head's position"), max_length=120)
    phone = models.CharField(_("phone"), max_length=30)
    email = models.EmailField(_("e-mail"))
    website = models.URLField(_("website"), blank=True)
    social_links = models.JSONField(_("social media pages"), default=list, blank=True)
    activities = models.TextField(_("statutory activities"), blank=True)

    class Meta:
        verbose_name = _("grant recipient")
        verbose_name_plural = _("grant recipients")

    def __str__(self) -> str:
        return self.short_name


class PastProject(models.Model):
    """A project the recipient ran before: its track record as the application lists it."""

    recipient = models.ForeignKey(
        GrantRecipient, on_delete=models.CASCADE, related_name="past_projects"
    )
    position = models.PositiveSmallIntegerField(_("No."))
    title = models.CharField(_("title"), max_length=400)
    funder = models.CharField(_("funder"), max_length=300)
    period = models.CharField(_("period"), max_length=60)
    year = models.PositiveSmallIntegerField(_("year"))
    amount_kzt = models.PositiveBigIntegerField(_("amount, ₸"), null=True, blank=True)
    results = models.TextField(_("results"), blank=True)

    class Meta:
        verbose_name = _("earlier project")
        verbose_name_plural = _("earlier projects")
        ordering = ["recipient", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "position"], name="past_project_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class GrantProject(TimeStampedModel):
    """A social project funded by a state grant; competitions run inside it."""

    recipient = models.ForeignKey(
        GrantRecipient,
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("grant recipient"),
    )
    slug = models.SlugField(_("short address"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    operator_name = models.CharField(_("grant operator"), max_length=300)
    region = models.CharField(_("region"), max_length=120)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    goal = models.TextField(_("goal"))
    summary = models.TextField(_("summary"), blank=True)
    relevance = models.TextField(_("relevance"), blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)

    class Meta:
        verbose_name = _("grant project")
        verbose_name_plural = _("grant projects")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ProjectTask(models.Model):
    project = models.ForeignKey(GrantProject, on_delete=models.CASCADE, related_name="tasks")
    number = models.PositiveSmallIntegerField(_("No."))
    text = models.TextField(_("task"))

    class Meta:
        verbose_name = _("project task")
        verbose_name_plural = _("project tasks")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="task_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class TargetGroup(models.Model):
    project = models.ForeignKey(
        GrantProject, on_delete=models.CASCADE, related_name="target_groups"
    )
    position = models.PositiveSmallIntegerField(_("No."))
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    count = models.PositiveIntegerField(_("people"), null=True, blank=True)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["project", "position"]

    def __str__(self) -> str:
        return self.name


class Activity(models.Model):
    """A row of the calendar plan: the event that serves one of the project's tasks."""

    project = models.ForeignKey(GrantProject, on_delete=models.CASCADE, related_name="activities")
    number = models.PositiveSmallIntegerField(_("No."))
    task = models.TextField(_("task"))
    title = models.CharField(_("event"), max_length=300)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    result = models.TextField(_("expected result"), blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("calendar plan")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="activity_number_unique"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="activity_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"
