"""An application to a competition, its team, activities and budget, and its history."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeStampedModel
from applications import surnames
from competitions.models import Competition, Settlement
from jastarurban.money import line_total_field


class Application(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for correction")
        ELIGIBLE = "eligible", _("Eligible, under review")
        INELIGIBLE = "ineligible", _("Ineligible")

    competition = models.ForeignKey(
        Competition,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("competition"),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("team lead"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # Everything the form holds while it is a draft, exactly as typed: autosave
    # stores it without judging it, so nothing typed is ever lost.
    draft_data = models.JSONField(_("draft"), default=dict, blank=True)
    autosaved_at = models.DateTimeField(_("last saved"), null=True, blank=True)

    title = models.CharField(_("project title"), max_length=200, blank=True)
    village = models.ForeignKey(
        Settlement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("village where the project happens"),
    )
    problem = models.TextField(_("the problem"), blank=True)
    idea = models.TextField(_("the idea"), blank=True)
    goal = models.TextField(_("the goal"), blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)

    declarations_accepted_at = models.DateTimeField(
        _("declarations accepted at"), null=True, blank=True
    )
    registration_number = models.CharField(
        _("registration number"), max_length=30, blank=True, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    correction_deadline = models.DateTimeField(_("correct by"), null=True, blank=True)
    status_reason = models.TextField(_("reason"), blank=True)
    # The team's size and the budget's total as submitted (its TeamMember and BudgetItem
    # rows), kept by applications.totals wherever those rows are written: the staff list
    # filters and pages on them by index instead of counting and summing every
    # application's rows on each request.
    team_count = models.PositiveSmallIntegerField(_("team size"), default=0, editable=False)
    requested_total_kzt = models.PositiveBigIntegerField(
        _("requested, ₸"), default=0, editable=False
    )
    # Set when the retention period after the project ended has passed and the team's
    # IINs, names and phones were replaced (applications/services/privacy.py).
    anonymised_at = models.DateTimeField(_("personal data anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "registration_number"],
                condition=~Q(registration_number=""),
                name="application_number_unique",
            )
        ]
        indexes = [
            # The ranking's cache key takes the latest change of a call's eligible
            # applications: read from this index alone, not from every application's row.
            models.Index(
                fields=["competition", "status", "updated_at"],
                name="application_competition_state",
            ),
            # The dashboard's applications-by-district chart counts a project's received
            # applications per village from this index alone (30 000 rows otherwise read).
            models.Index(
                fields=["competition", "status", "submitted_at", "village"],
                name="application_received_village",
            ),
            # The staff list filtered by status reads its page in number order from here
            # instead of sorting every matching row (26 000 at 30 000 applications).
            models.Index(
                fields=["status", "registration_number"], name="application_status_number"
            ),
            # The staff list's page of numbers read from the index alone: SQLite otherwise
            # reads every application's row up to the page to skip drafts (the last page).
            models.Index(
                fields=["registration_number", "status"], name="application_number_status"
            ),
            # The staff list's team-size and requested-amount filters: counted and paged in
            # number order from the index alone (the status, to leave drafts out, is in it).
            models.Index(
                fields=["team_count", "registration_number", "status"],
                name="application_team_number",
            ),
            models.Index(
                fields=["requested_total_kzt", "status", "registration_number"],
                name="application_requested",
            ),
        ]

    def __str__(self) -> str:
        return self.registration_number or self.title or str(_("Draft"))

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    def submission_deadline(self):
        if self.status == self.Status.RETURNED and self.correction_deadline:
            return self.correction_deadline
        return self.competition.closes_at

    def can_submit(self, now=None) -> bool:
        now = now or timezone.now()
        if not self.is_editable:
            return False
        if self.status == self.Status.DRAFT and now < self.competition.opens_at:
            return False
        return now < self.submission_deadline()


class TeamMemberQuerySet(models.QuerySet):
    """Writes that keep each member's surname stem in step with the full name: the stem is
    derived in Python (applications.surnames), so every way of writing a name stems it."""

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for member in objs:
            member.surname_stem = surnames.surname_stem(member.full_name)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        if "full_name" in fields:
            for member in objs:
                member.surname_stem = surnames.surname_stem(member.full_name)
            fields = [*fields, "surname_stem"]
        return super().bulk_update(objs, fields, *args, **kwargs)

    def update(self, **kwargs):
        # bulk_update() comes here with both, each a CASE over its rows.
        if "full_name" in kwargs and "surname_stem" not in kwargs:
            if not isinstance(kwargs["full_name"], str):
                # An expression has no value here to stem: a stale stem would silently
                # hide (or invent) conflicts of interest.
                raise TypeError("TeamMember.full_name is updated from a string only.")
            kwargs["surname_stem"] = surnames.surname_stem(kwargs["full_name"])
        return super().update(**kwargs)


class TeamMember(models.Model):
    """A member as submitted: what exports, the protocol and the reports read."""

    class Source(models.TextChoices):
        LEAD = "lead", _("The team lead, from their profile")
        SELF = "self", _("Confirmed by the member")
        # Rows from before members confirmed themselves (the lead typed them): kept valid
        # as they were, never asked to confirm again.
        LEAD_TYPED = "lead_typed", _("Entered by the lead before member confirmation existed")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="team", verbose_name=_("application")
    )
    position = models.PositiveSmallIntegerField(_("No."))
    full_name = models.CharField(_("full name"), max_length=200)
    # applications.surnames.surname_stem(full_name), written with it (TeamMemberQuerySet,
    # save): the commission's conflict checks join on it. NULL, not "", for a name with
    # nothing to compare: NULL never equals an expert's stem.
    surname_stem = models.CharField(  # noqa: DJ001
        _("surname stem"), max_length=200, null=True, editable=False
    )
    iin = models.CharField(_("IIN"), max_length=12, db_index=True)
    birth_date = models.DateField(_("date of birth"))
    phone = models.CharField(_("phone"), max_length=20)
    village = models.ForeignKey(
        Settlement, on_delete=models.PROTECT, related_name="+", verbose_name=_("village")
    )
    role = models.CharField(_("role in the project"), max_length=200)
    source = models.CharField(
        _("entered by"), max_length=12, choices=Source.choices, default=Source.LEAD_TYPED
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    consent_version = models.CharField(_("version of the consent text"), max_length=20, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)

    objects = TeamMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["application", "position"]
        constraints = [
            models.UniqueConstraint(fields=["application", "iin"], name="team_member_once_per_team")
        ]
        indexes = [models.Index(fields=["surname_stem"], name="team_member_surname_stem")]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.surname_stem = surnames.surname_stem(self.full_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "full_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "surname_stem"}
        super().save(*args, **kwargs)


class ApplicationActivity(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="activities"
    )
    position = models.PositiveSmallIntegerField(_("No."))
    name = models.CharField(_("activity"), max_length=300)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))

    class Meta:
        verbose_name = _("planned activity")
        verbose_name_plural = _("planned activities")
        ordering = ["application", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="application_activity_dates"
            )
        ]

    def __str__(self) -> str:
        return self.name


class BudgetItem(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_items"
    )
    position = models.PositiveSmallIntegerField(_("No."))
    item = models.CharField(_("item"), max_length=300)
    unit = models.CharField(_("unit"), max_length=40)
    quantity = models.DecimalField(_("quantity"), max_digits=12, decimal_places=2)
    unit_cost_kzt = models.PositiveBigIntegerField(_("unit cost, ₸"))
    total_kzt = line_total_field(_("total, ₸"))

    class Meta:
        verbose_name = _("budget item")
        verbose_name_plural = _("budget items")
        ordering = ["application", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="budget_item_quantity_positive"
            )
        ]

    def __str__(self) -> str:
        return self.item


class StatusChange(models.Model):
    """Who moved an application from one status to another, when and why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(_("from"), max_length=12, choices=Application.Status.choices)
    to_status = models.CharField(_("to"), max_length=12, choices=Application.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["application", "changed_at"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"
