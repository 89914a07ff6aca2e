"""The team as people: the lead invites by name and phone, each teammate confirms themselves.

An invitation is a link with a random token (only its SHA-256 is stored) sent by SMS to the
teammate's phone. The link alone proves nothing: the person then asks for a one-time code
(accounts.codes, purpose MEMBER_CONFIRM) that goes to the same phone, so only the phone's
holder can take the place. The token is spent once the phone is confirmed, and a resent
invitation replaces it. The teammate then types their own IIN and village (checked by
applications.eligibility, as the lead's team always was) and gives their own consent.
"""

import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.codes import CodePurpose, code_check
from accounts.consent import CONSENT_VERSION
from accounts.errors import ServiceError
from accounts.roles import Role
from accounts.two_factor import requires_two_factor
from applications import team_notices
from applications.eligibility import Member, member_check
from applications.iin import Iin
from applications.models import ApplicantProfile, Application, Teammate
from applications.selectors import token_digest_of
from competitions.models import Settlement
from notifications.models import Delivery

INVITATION_DAYS = 7
# The one-time code's own limits, applied to invitation links: no faster than one a
# minute and at most five an hour to one number.
RESEND_AFTER = timedelta(seconds=60)
SENDS_PER_HOUR = 5


class TeamRefused(ServiceError):
    """A change to the team that the rules do not allow; `message` says why."""


def _new_link(teammate: Teammate, now) -> str:
    token = secrets.token_urlsafe(16)
    teammate.token_digest = token_digest_of(token)
    teammate.invited_at = now
    teammate.token_expires_at = now + timedelta(days=INVITATION_DAYS)
    return token


def _check_send_limits(phone: str, now) -> None:
    sent = Delivery.objects.filter(
        address=phone,
        event=team_notices.INVITATION_EVENT,
        created_at__gte=now - timedelta(hours=1),
    ).values_list("created_at", flat=True)
    sent = list(sent)
    if any(when > now - RESEND_AFTER for when in sent):
        raise TeamRefused(_("An invitation was sent less than a minute ago; wait a minute."))
    if len(sent) >= SENDS_PER_HOUR:
        raise TeamRefused(
            _("Five invitations were sent to this number within an hour; try again later.")
        )


def _editable(application: Application) -> None:
    if not application.is_editable:
        raise TeamRefused(
            _("The application is submitted: the team changes only through GAMO staff.")
        )


@transaction.atomic
def teammate_invite(
    *, application: Application, full_name: str, phone: str, role: str, now=None
) -> Teammate:
    """Adds a teammate by name and phone and sends them the link to confirm themselves."""
    now = now or timezone.now()
    application = (
        Application.objects.select_for_update().select_related("applicant").get(pk=application.pk)
    )
    _editable(application)
    competition = application.competition
    if application.teammates.count() >= competition.max_team_size - 1:
        raise TeamRefused(
            _("The team is full: at most %(max)s people, you included.")
            % {"max": competition.max_team_size}
        )
    if phone == application.applicant.phone:
        raise TeamRefused(_("This is your own number: you are on the team already, as its lead."))
    if application.teammates.filter(phone=phone).exists():
        raise TeamRefused(_("A teammate with this number is on the team already."))
    _check_send_limits(phone, now)
    teammate = Teammate(application=application, full_name=full_name, phone=phone, role=role)
    token = _new_link(teammate, now)
    teammate.save()
    team_notices.invitation_send(
        teammate=teammate, token=token, language=application.applicant.language
    )
    return teammate


@transaction.atomic
def teammate_resend(*, teammate: Teammate, now=None) -> Teammate:
    """A new link for a teammate who has not confirmed; the old link stops working."""
    now = now or timezone.now()
    teammate = (
        Teammate.objects.select_for_update()
        .select_related("application__applicant")
        .get(pk=teammate.pk)
    )
    _editable(teammate.application)
    if teammate.user_id:
        raise TeamRefused(_("This teammate has confirmed their phone already."))
    _check_send_limits(teammate.phone, now)
    token = _new_link(teammate, now)
    teammate.save(update_fields=["token_digest", "invited_at", "token_expires_at"])
    team_notices.invitation_send(
        teammate=teammate, token=token, language=teammate.application.applicant.language
    )
    return teammate


@transaction.atomic
def teammate_remove(*, teammate: Teammate) -> None:
    """The lead takes a teammate off the team before submission."""
    _editable(teammate.application)
    teammate.delete()


@transaction.atomic
def teammate_leave(*, teammate: Teammate) -> None:
    """A teammate leaves before submission; the lead is told."""
    application = teammate.application
    _editable(application)
    full_name = teammate.full_name
    teammate.delete()
    team_notices.member_left_send(application=application, full_name=full_name)


def _phone_account(teammate: Teammate, now):
    """The account that confirmed this number, or a new phone account (accounts.phone_accounts
    rules: a number typed but never confirmed logs nobody in, and whoever confirms it takes it).
    """
    User = get_user_model()
    holder = User.objects.filter(phone=teammate.phone, phone_confirmed_at__isnull=False).first()
    if holder is not None:
        if not holder.is_active or requires_two_factor(holder):
            # Staff, experts and mentors sign in with e-mail and an app, never by a phone code.
            raise TeamRefused(
                _("This number belongs to a staff account. Ask the team lead to use another.")
            )
        return holder
    User.objects.filter(phone=teammate.phone, phone_confirmed_at__isnull=True).update(phone=None)
    # A phone account: no e-mail (NULL, so many accounts may have none), no password.
    user = User(
        email=None,
        phone=teammate.phone,
        phone_confirmed_at=now,
        full_name=teammate.full_name,
        language=teammate.application.applicant.language,
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=Role.APPLICANT))
    return user


@transaction.atomic
def teammate_phone_confirm(*, teammate: Teammate, code: str, now=None):
    """The invitation's phone proved by its one-time code: the place is this person's.

    Returns the person's account (to log them in), or None if the code is wrong.
    """
    now = now or timezone.now()
    teammate = Teammate.objects.select_for_update().get(pk=teammate.pk)
    if teammate.user_id or not teammate.token_digest or teammate.token_expires_at <= now:
        return None
    if not code_check(phone=teammate.phone, purpose=CodePurpose.MEMBER_CONFIRM, code=code):
        return None
    user = _phone_account(teammate, now)
    if user.pk == teammate.application.applicant_id:
        raise TeamRefused(_("This is the team lead's own number."))
    teammate.user = user
    teammate.token_digest = ""
    teammate.phone_confirmed_at = now
    try:
        with transaction.atomic():
            teammate.save(update_fields=["user", "token_digest", "phone_confirmed_at"])
    except IntegrityError:
        raise TeamRefused(_("You are on this team already.")) from None
    return user


def member_problems(*, teammate: Teammate, iin: Iin, village: Settlement) -> list[str]:
    """The member against the competition's rules, as the lead's team is checked."""
    application = teammate.application
    competition = application.competition
    member = Member(
        position=0,
        full_name=teammate.full_name,
        iin=iin.number,
        birth_date=iin.birth_date,
        village=village,
    )
    districts = set(competition.eligible_districts.values_list("pk", flat=True))
    problems = member_check(competition, member, districts).problems
    lead_iin = (
        ApplicantProfile.objects.filter(user_id=application.applicant_id)
        .values_list("iin", flat=True)
        .first()
    )
    others = application.teammates.exclude(pk=teammate.pk).values_list("iin", flat=True)
    if iin.number == lead_iin or iin.number in set(others):
        problems.append(_("This IIN is on the team already."))
    return problems


@transaction.atomic
def teammate_confirm(
    *, teammate: Teammate, iin: Iin, village: Settlement, consent: bool, now=None
) -> Teammate:
    """The member's own IIN, village and consent: once all hold, they are confirmed."""
    now = now or timezone.now()
    teammate = (
        Teammate.objects.select_for_update()
        .select_related("application__competition")
        .get(pk=teammate.pk)
    )
    _editable(teammate.application)
    if not consent:
        raise TeamRefused(_("Without your consent your data cannot be processed."))
    problems = member_problems(teammate=teammate, iin=iin, village=village)
    if problems:
        raise TeamRefused(" ".join(problems))
    teammate.iin = iin.number
    teammate.birth_date = iin.birth_date
    teammate.village = village
    teammate.consent_version = CONSENT_VERSION
    teammate.consent_at = now
    teammate.confirmed_at = now
    teammate.save()
    person = teammate.user
    if not person.personal_data_consent_at:
        person.personal_data_consent_at, person.personal_data_consent_version = now, CONSENT_VERSION
        person.save(update_fields=["personal_data_consent_at", "personal_data_consent_version"])
    return teammate
