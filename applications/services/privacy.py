"""Personal data of applicants and team members (Law of the Republic of Kazakhstan
"On personal data and their protection"): what a person may download about themself,
what deleting it means, and anonymisation once the retention period is over.

Anonymisation keeps every count and sum the reports read: a team's size, each
member's village, each member's age on the day the application was submitted (the
date of birth becomes that day so many years earlier) and who is the same person
across teams (one random stand-in per IIN within a project); it replaces IINs,
names, phones and e-mails.
"""

import secrets
from datetime import date

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from applications.iin import age_on, years_later
from applications.models import (
    ApplicantProfile,
    Application,
    DeletionRequest,
    Teammate,
    TeamMember,
)
from applications.selectors import projects_past_retention, retention_ends_on
from projects.models import GrantProject

ANONYMOUS_NAME = "—"
ANONYMOUS_IIN_PREFIX = "X"  # a real IIN is 12 digits; a stand-in never is


def _stand_in() -> str:
    return ANONYMOUS_IIN_PREFIX + secrets.token_hex(6)[:11].upper()


def _same_age_birth_date(born: date, day: date) -> date:
    """A date of birth that gives the same age on `day` and tells nothing more."""
    return years_later(day, -age_on(born, day))


def user_anonymise(*, user: User) -> None:
    """Deactivates an account and replaces what identifies its owner."""
    user.email = f"anonymised-{user.pk}@anonymised.invalid"
    user.full_name = ANONYMOUS_NAME
    user.phone = None
    user.phone_confirmed_at = None
    user.is_active = False
    user.set_unusable_password()
    # The audit log would otherwise keep the old e-mail and name as "before" values.
    with disable_auditlog():
        user.save(
            update_fields=[
                "email",
                "full_name",
                "phone",
                "phone_confirmed_at",
                "is_active",
                "password",
            ]
        )
    _audit_log_scrub(user=user)


IDENTIFYING_FIELDS = ("email", "full_name", "phone")


def _audit_log_scrub(*, user: User) -> None:
    """What the audit log recorded about the person is kept as an event, not as their
    identity: their e-mail and name leave the entries about them and those they made."""
    LogEntry.objects.filter(actor=user).update(actor_email=user.email)
    entries = list(LogEntry.objects.get_for_object(user))
    for entry in entries:
        entry.object_repr = str(user)
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        for field in IDENTIFYING_FIELDS:
            if field in changes:
                changes[field] = [ANONYMOUS_NAME, ANONYMOUS_NAME]
        entry.changes = changes
        entry.changes_text = ""
        entry.serialized_data = None
    LogEntry.objects.bulk_update(
        entries, ["object_repr", "changes", "changes_text", "serialized_data"]
    )


def _only_an_applicant(user: User) -> bool:
    return not user.is_staff and not user.is_superuser and user.roles <= {Role.APPLICANT}


@transaction.atomic
def project_personal_data_anonymise(*, project: GrantProject, now=None) -> int:
    """Anonymises the applications of one project; returns how many it changed.

    Idempotent: applications already anonymised are left alone.
    """
    now = now or timezone.now()
    applications = list(
        Application.objects.select_for_update()
        .filter(competition__project=project, anonymised_at__isnull=True)
        .select_related("competition")
    )
    if not applications:
        return 0
    members = list(TeamMember.objects.filter(application__in=applications))
    leads = {application.applicant_id for application in applications}
    profiles = list(ApplicantProfile.objects.filter(user_id__in=leads))
    stand_ins: dict[str, str] = {}

    def stand_in(iin: str) -> str:
        if iin.startswith(ANONYMOUS_IIN_PREFIX):
            return iin
        return stand_ins.setdefault(iin, _stand_in())

    by_id = {application.pk: application for application in applications}
    for member in members:
        application = by_id[member.application_id]
        moment = application.submitted_at or application.competition.closes_at
        member.birth_date = _same_age_birth_date(member.birth_date, timezone.localdate(moment))
        member.iin = stand_in(member.iin)
        member.full_name = ANONYMOUS_NAME
        member.phone = ""
    TeamMember.objects.bulk_update(members, ["iin", "full_name", "phone", "birth_date"])
    # The invitations hold the same people: their names, numbers and IINs go too; the time
    # and version of each consent stay as the record that it was given.
    teammates = list(Teammate.objects.filter(application__in=applications))
    for teammate in teammates:
        teammate.iin = stand_in(teammate.iin) if teammate.iin else ""
        teammate.full_name = ANONYMOUS_NAME
        teammate.phone = f"#{teammate.pk}"  # unique within the team, and no number
        teammate.birth_date = None
        teammate.token_digest = ""
    Teammate.objects.bulk_update(
        teammates, ["iin", "full_name", "phone", "birth_date", "token_digest"]
    )
    Application.objects.filter(pk__in=by_id).update(draft_data={}, anonymised_at=now)

    # An account goes too, unless its owner still has an application in a project
    # whose data are kept, or another role at GAMO.
    kept = Application.objects.filter(applicant_id__in=leads, anonymised_at__isnull=True)
    still_needed = set(kept.values_list("applicant_id", flat=True))
    for profile in profiles:
        if profile.user_id in still_needed:
            continue
        profile.iin = stand_in(profile.iin)
        profile.birth_date = date(profile.birth_date.year, 1, 1)
        profile.save(update_fields=["iin", "birth_date"])
    for user in User.objects.filter(pk__in=leads - still_needed).prefetch_related("groups"):
        if _only_an_applicant(user):
            user_anonymise(user=user)
    return len(applications)


def personal_data_anonymise_expired(*, today: date | None = None) -> int:
    """Anonymises every project whose retention period is over (the daily beat task)."""
    today = today or timezone.localdate()
    return sum(
        project_personal_data_anonymise(project=project)
        for project in projects_past_retention(today)
    )


@transaction.atomic
def personal_data_deletion_request(*, user: User, now=None) -> DeletionRequest:
    """Deletes the person's drafts at once, and the account when nothing submitted
    remains; submitted applications wait for anonymisation after the retention period."""
    now = now or timezone.now()
    drafts = list(
        Application.objects.filter(
            applicant=user, status=Application.Status.DRAFT, submitted_at__isnull=True
        ).prefetch_related("attachments")
    )
    files = [attachment.file for draft in drafts for attachment in draft.attachments.all()]
    for draft in drafts:
        draft.delete()
    for file in files:
        transaction.on_commit(lambda file=file: file.delete(save=False))
    remaining = list(
        Application.objects.filter(applicant=user).select_related("competition__project")
    )
    request = DeletionRequest.objects.create(
        user=user,
        requested_at=now,
        drafts_deleted=len(drafts),
        outcome=DeletionRequest.Outcome.AWAITS_RETENTION,
    )
    if not remaining and _only_an_applicant(user):
        try:
            # Not logged: the entry's actor would be the account being deleted.
            with transaction.atomic(), disable_auditlog():
                user.delete()
        except ProtectedError:
            pass
        else:
            request.user = None
            request.outcome = DeletionRequest.Outcome.ACCOUNT_DELETED
            request.save(update_fields=["user", "outcome"])
            return request
    ends = [retention_ends_on(application.competition.project) for application in remaining]
    request.anonymise_after = max(ends) if ends else None
    request.save(update_fields=["anonymise_after"])
    return request
