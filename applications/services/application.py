"""Writes of an application's life from draft to screening, its attachments and the
applicant's profile."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.errors import ServiceError
from applications.drafts import draft_clean
from applications.eligibility import Member, team_problems
from applications.forms import ApplicationForms, kept
from applications.iin import Iin
from applications.models import (
    ApplicantProfile,
    Application,
    ApplicationActivity,
    Attachment,
    BudgetItem,
    TeamMember,
)
from applications.selectors import lead_iin
from applications.signals import eligibility_changed
from applications.tasks import send_status_email, send_submission_receipt
from applications.workflow import APPLICATION_FLOW
from competitions.models import Competition, Settlement
from jastarurban.money import format_tenge

Status = Application.Status
# Once submitted, an application holds its members' IINs for the competition.
HOLDS_MEMBERS = [Status.SUBMITTED, Status.RETURNED, Status.ELIGIBLE, Status.INELIGIBLE]


class SubmissionRefused(ServiceError):
    """The application cannot be submitted (or take another file); one message per reason."""

    @property
    def problems(self) -> list[str]:
        return self.messages


class NotEditable(ServiceError):
    default_message = gettext_lazy("This application can no longer be changed.")
    status = 409


@transaction.atomic
def application_start(*, competition: Competition, applicant) -> Application:
    """The lead's application to this competition, created as an empty draft the first time.

    Two clicks on "Start" arrive together: the competition row is locked while looking,
    so the second request finds the draft the first one made instead of making another.
    """
    Competition.objects.select_for_update().filter(pk=competition.pk).first()
    application, _created = Application.objects.get_or_create(
        competition=competition, applicant=applicant
    )
    return application


def application_autosave(*, application: Application, data: dict, now=None) -> Application:
    """Keeps what the form holds, as typed, without judging the answers.

    The shape is judged (see `applications.drafts`): only the form's own keys, and
    row counts within the formsets' maxima; anything else raises `DraftRefused`.
    Only while the application is still editable in the database: a save that arrives
    while the same application is being submitted (a second click, another tab) waits
    for the submission and then changes nothing, whatever the caller's copy says.
    """
    if not application.is_editable:
        raise NotEditable
    draft = draft_clean(
        competition=application.competition,
        data=data,
        strict=True,
        lead_iin=lead_iin(application),
    )
    now = now or timezone.now()
    saved = Application.objects.filter(
        pk=application.pk, status__in=[Status.DRAFT, Status.RETURNED]
    ).update(draft_data=draft, autosaved_at=now, updated_at=timezone.now())
    if not saved:
        raise NotEditable
    application.draft_data, application.autosaved_at = draft, now
    return application


def _late_message(deadline: datetime) -> str:
    local = timezone.localtime(deadline)
    return _("Applications were accepted until %(deadline)s (Aktau time). Your draft is kept.") % {
        "deadline": formats.date_format(local, "SHORT_DATETIME_FORMAT")
    }


def _lead_member(application: Application) -> TeamMember | None:
    """Member 1 is the lead, as their profile says: they never retype themselves."""
    profile = ApplicantProfile.objects.filter(user=application.applicant).first()
    if profile is None:
        return None
    user = application.applicant
    return TeamMember(
        application=application,
        position=1,
        full_name=user.full_name,
        iin=profile.iin,
        birth_date=profile.birth_date,
        phone=(user.phone or "")[:20],
        village=profile.village,
        role=_("Team lead"),
        source=TeamMember.Source.LEAD,
        user=user,
        consent_version=user.personal_data_consent_version,
        consent_at=user.personal_data_consent_at,
    )


def _team(application: Application) -> list[TeamMember]:
    """The lead from their profile, then the teammates who confirmed themselves.

    Members entered by the lead before member confirmation existed (a returned application
    from then) stay as they were.
    """
    lead = _lead_member(application)
    earlier = [
        TeamMember(
            **{field: getattr(member, field) for field in _MEMBER_FIELDS}, source=member.source
        )
        for member in application.team.filter(source=TeamMember.Source.LEAD_TYPED, position__gt=1)
    ]
    confirmed = [
        TeamMember(
            application=application,
            position=0,
            full_name=teammate.full_name,
            iin=teammate.iin,
            birth_date=teammate.birth_date,
            phone=teammate.phone,
            village=teammate.village,
            role=teammate.role,
            source=TeamMember.Source.SELF,
            user=teammate.user,
            consent_version=teammate.consent_version,
            consent_at=teammate.consent_at,
        )
        for teammate in application.teammates.filter(confirmed_at__isnull=False).select_related(
            "village__district"
        )
    ]
    teammates = earlier + confirmed
    for position, member in enumerate(teammates, start=2):
        member.position = position
    return ([lead] if lead else []) + teammates


_MEMBER_FIELDS = ("application", "full_name", "iin", "birth_date", "phone", "village", "role")


def _unconfirmed_problems(application: Application) -> list[str]:
    return [
        _("%(name)s has not confirmed yet: the application waits for every teammate.")
        % {"name": teammate.full_name}
        for teammate in application.teammates.filter(confirmed_at__isnull=True)
    ]


def _members(team: list[TeamMember]) -> list[Member]:
    return [
        Member(
            position=member.position,
            full_name=member.full_name,
            iin=member.iin,
            birth_date=member.birth_date,
            village=member.village,
        )
        for member in team
    ]


def _fields(form) -> dict:
    return {name: value for name, value in form.cleaned_data.items() if name != "DELETE"}


@dataclass
class _Rows:
    team: list[TeamMember]
    activities: list[ApplicationActivity]
    budget: list[BudgetItem]


def _rows(application: Application, forms: ApplicationForms, team: list[TeamMember]) -> _Rows:
    activities = [
        ApplicationActivity(application=application, position=position, **_fields(form))
        for position, form in enumerate(kept(forms.activities), start=1)
    ]
    budget = [
        BudgetItem(application=application, position=position, **_fields(form))
        for position, form in enumerate(kept(forms.budget), start=1)
    ]
    return _Rows(team, activities, budget)


@transaction.atomic
def application_submit(*, application: Application, forms: ApplicationForms, by, now=None):
    """Submits a complete, eligible application before its deadline and numbers it.

    The competition row stays locked until commit, so two teams submitting at
    the same instant get consecutive numbers, and a refused submission uses none.
    """
    now = now or timezone.now()
    competition = Competition.objects.select_for_update().get(pk=application.competition_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    APPLICATION_FLOW.check(application, Status.SUBMITTED, by)
    if not application.can_submit(now):
        raise SubmissionRefused([_late_message(application.submission_deadline())])
    team = _team(application)
    if not team or team[0].position != 1:
        raise SubmissionRefused(
            [_("Fill in your profile first: the application reads you from it.")]
        )
    members = _members(team)
    problems = _unconfirmed_problems(application) + team_problems(competition, members)
    total = forms.budget_total_kzt()
    if total > competition.max_request_kzt:
        problems.append(
            _("The budget comes to %(total)s; at most %(limit)s may be requested.")
            % {"total": format_tenge(total), "limit": format_tenge(competition.max_request_kzt)}
        )
    if application.attachments.count() > competition.max_attachments:
        problems.append(
            _("At most %(count)s attachments are accepted.")
            % {"count": competition.max_attachments}
        )
    taken = set(
        TeamMember.objects.filter(
            application__competition=competition,
            application__status__in=HOLDS_MEMBERS,
            iin__in=[member.iin for member in members],
        )
        .exclude(application=application)
        .values_list("iin", flat=True)
    )
    for member in members:
        if member.iin in taken:
            problems.append(
                _(
                    "Member %(position)s (%(name)s) is already on another application to this "
                    "competition; a person may be on one team only."
                )
                % {"position": member.position, "name": member.full_name}
            )
    if problems:
        raise SubmissionRefused(problems)

    for field in forms.main.Meta.fields:
        setattr(application, field, forms.main.cleaned_data[field])
    rows = _rows(application, forms, team)
    for model in (TeamMember, ApplicationActivity, BudgetItem):
        model.objects.filter(application=application).delete()
    TeamMember.objects.bulk_create(rows.team)
    ApplicationActivity.objects.bulk_create(rows.activities)
    BudgetItem.objects.bulk_create(rows.budget)
    # Stored for the staff list's filters (applications.totals), saved below with the rest.
    application.team_count = len(rows.team)
    application.requested_total_kzt = total

    if not application.registration_number:
        competition.last_number += 1
        competition.save(update_fields=["last_number"])
        year = timezone.localtime(competition.opens_at).year
        application.registration_number = (
            f"{competition.number_prefix}-{year}-{competition.last_number:04d}"
        )
    application.submitted_at = now
    application.declarations_accepted_at = now
    application.correction_deadline = None
    application.status_reason = ""
    APPLICATION_FLOW.move(application, Status.SUBMITTED, by=by, at=now)
    transaction.on_commit(lambda: send_submission_receipt.delay(application.pk))
    return application


@transaction.atomic
def application_screen(*, application: Application, by, eligible: bool, reason: str, now=None):
    """Staff's eligibility decision; an ineligible application always says why."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    to_status = Status.ELIGIBLE if eligible else Status.INELIGIBLE
    APPLICATION_FLOW.check(application, to_status, by)
    if not eligible and not reason.strip():
        raise ServiceError(_("Say why the application is ineligible."), field="reason")
    application.status_reason = reason.strip()
    was_eligible = application.status == Status.ELIGIBLE
    APPLICATION_FLOW.move(application, to_status, by=by, reason=reason.strip(), at=now)
    if eligible or was_eligible:
        eligibility_changed.send(sender=Application, competition_id=application.competition_id)
    transaction.on_commit(lambda: send_status_email.delay(application.pk))
    return application


@transaction.atomic
def application_reopen(
    *, application: Application, by, reason: str, deadline: datetime, now=None
) -> Application:
    """Returns a submitted application to its team for correction until a new deadline."""
    now = now or timezone.now()
    application = Application.objects.select_for_update().get(pk=application.pk)
    APPLICATION_FLOW.check(application, Status.RETURNED, by)
    if not reason.strip():
        raise ServiceError(_("Say what the team must correct."), field="reason")
    if deadline <= now:
        raise ServiceError(_("The new deadline must be in the future."), field="deadline")
    application.status_reason = reason.strip()
    application.correction_deadline = deadline
    was_eligible = application.status == Status.ELIGIBLE
    APPLICATION_FLOW.move(application, Status.RETURNED, by=by, reason=reason.strip(), at=now)
    if was_eligible:
        eligibility_changed.send(sender=Application, competition_id=application.competition_id)
    transaction.on_commit(lambda: send_status_email.delay(application.pk))
    return application


def attachment_add(*, application: Application, upload, kind: str) -> Attachment:
    if not application.is_editable:
        raise NotEditable()
    if application.attachments.count() >= application.competition.max_attachments:
        raise SubmissionRefused(
            [
                _("At most %(count)s attachments are accepted.")
                % {"count": application.competition.max_attachments}
            ]
        )
    return Attachment.objects.create(
        application=application,
        file=upload,
        original_name=upload.name[:255],
        content_type=kind,
        size=upload.size,
    )


def attachment_remove(*, application: Application, attachment: Attachment) -> None:
    if not application.is_editable:
        raise NotEditable
    attachment.file.delete(save=False)
    attachment.delete()


@transaction.atomic
def profile_save(*, user, full_name: str, phone: str, iin: Iin, village: Settlement):
    user.full_name = full_name
    user.phone = phone
    user.save(update_fields=["full_name", "phone"])
    profile, _created = ApplicantProfile.objects.update_or_create(
        user=user,
        defaults={"iin": iin.number, "birth_date": iin.birth_date, "village": village},
    )
    return profile
