"""The team signs the grant agreement by every member accepting it with a one-time SMS code.

The codes follow accounts.codes' rules: six random digits (secrets), only an HMAC stored,
compared in constant time, valid CODE_LIFETIME, void after MAX_ATTEMPTS wrong ones, a new
one no sooner than RESEND_AFTER and at most PER_PHONE_PER_HOUR an hour. A code is bound to
the agreement, the member and the SHA-256 of the text the member was shown, so it accepts
that text and no other. When the last member has accepted the current text, the team's
side is signed (agreement_team_signed, via CODES); GAMO then signs as for a scan.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.codes import (
    CODE_LIFETIME,
    MAX_ATTEMPTS,
    PER_PHONE_PER_HOUR,
    RESEND_AFTER,
    WINDOW,
    code_new,
    wait_message,
)
from accounts.errors import ServiceError
from accounts.models import User
from accounts.roles import Role
from mentoring.models import AgreementAcceptance, AgreementCode, AgreementInvitation, GrantAgreement
from mentoring.services.agreements import agreement_team_signed
from notifications.notify import notify, phone_confirmed
from notifications.services import sms_send

# Staff may remind a member once a day, three times in all: enough to reach someone who
# missed it, too few to pester.
INVITE_AFTER = timedelta(hours=24)
INVITES_PER_MEMBER = 3
INVITE_EVENT = "mentoring.agreement_accept"
CODE_EVENT = "mentoring.agreement_code"

# One UCS-2 part is 70 characters; kk and ru stay within two (tests count them).
SMS_TEXT = _("JastarUrban: code %(code)s accepts grant agreement No. %(number)s. Tell no one.")


class AcceptanceRefused(ServiceError):
    """Why a member cannot accept the agreement (or staff cannot invite); `code` names the
    rule, and a refusal of the typed code is about the form's code field."""

    def __init__(self, message, *, code: str = ""):
        self.code = code
        super().__init__(message, field="code" if code in CODE_REFUSALS else None)


@dataclass
class Signatory:
    """A team member as a party to the agreement: their account, if any, and where they are."""

    position: int
    full_name: str
    user: User | None
    acceptance: AgreementAcceptance | None = None  # of the current text
    earlier: AgreementAcceptance | None = None  # of an earlier text only
    invitations: int = 0
    last_invited_at: datetime | None = None

    @property
    def accepted(self) -> bool:
        return self.acceptance is not None

    @property
    def phone_confirmed(self) -> bool:
        return self.user is not None and phone_confirmed(self.user)


def signatories(agreement: GrantAgreement) -> list[Signatory]:
    """Every member of the team, in the team's order, with their acceptance: three queries.

    Member 1 is the lead (the application's account); the others are the accounts they
    confirmed their places with. A member with no account (typed by the lead before
    members confirmed themselves) cannot accept by code: that team signs by scan.
    """
    application = agreement.project.application
    members = list(application.team.select_related("user").order_by("position"))
    rows = []
    for member in members:
        user = member.user or (application.applicant if member.position == 1 else None)
        rows.append(Signatory(member.position, member.full_name, user))
    if not rows:
        lead = application.applicant
        rows.append(Signatory(1, lead.full_name, lead))
    by_user = {row.user.pk: row for row in rows if row.user is not None}
    for acceptance in agreement.acceptances.filter(user__in=list(by_user)).order_by("accepted_at"):
        row = by_user[acceptance.user_id]
        if acceptance.document_sha256 == agreement.document_sha256:
            row.acceptance = acceptance
        else:
            row.earlier = acceptance
    invited = (
        agreement.invitations.filter(user__in=list(by_user))
        .values("user")
        .annotate(count=Count("pk"), last=Max("sent_at"))
    )
    for row in invited:
        by_user[row["user"]].invitations = row["count"]
        by_user[row["user"]].last_invited_at = row["last"]
    return rows


def signatory_of(agreement: GrantAgreement, user: User) -> Signatory | None:
    return next((row for row in signatories(agreement) if row.user == user), None)


def all_accepted(rows: list[Signatory]) -> bool:
    return bool(rows) and all(row.accepted for row in rows)


def _digest(*, agreement: GrantAgreement, user: User, sha256: str, code: str) -> str:
    return salted_hmac(
        "mentoring.acceptance", f"{agreement.pk}|{user.pk}|{sha256}|{code}", algorithm="sha256"
    ).hexdigest()


def _check_can_accept(agreement: GrantAgreement, user: User, sha256: str) -> Signatory:
    if agreement.team_signed:
        raise AcceptanceRefused(_("The team has signed this agreement already."), code="signed")
    if not agreement.document_sha256:
        raise AcceptanceRefused(_("The agreement is not ready yet."), code="not_ready")
    if sha256 != agreement.document_sha256:
        raise AcceptanceRefused(
            _("GAMO has changed the agreement since you opened it: read the new text."),
            code="changed",
        )
    signatory = signatory_of(agreement, user)
    if signatory is None:
        raise AcceptanceRefused(_("Only the team's members accept the agreement."), code="stranger")
    if signatory.accepted:
        raise AcceptanceRefused(_("You have accepted this agreement already."), code="accepted")
    if not phone_confirmed(user):
        raise AcceptanceRefused(
            _("Confirm your phone first: the code is sent to a confirmed number."),
            code="no_phone",
        )
    return signatory


def _check_send_limits(agreement: GrantAgreement, user: User, now) -> None:
    recent = list(
        AgreementCode.objects.filter(agreement=agreement, user=user, created_at__gt=now - WINDOW)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:PER_PHONE_PER_HOUR]
    )
    if recent and now - recent[0] < RESEND_AFTER:
        raise AcceptanceRefused(wait_message(recent[0] + RESEND_AFTER - now), code="wait")
    if len(recent) >= PER_PHONE_PER_HOUR:
        raise AcceptanceRefused(wait_message(recent[-1] + WINDOW - now), code="wait")


@transaction.atomic
def acceptance_code_send(*, agreement: GrantAgreement, user: User, sha256: str, ip: str) -> None:
    """Sends the member a code for the text whose hash they were shown; voids the last one."""
    agreement = GrantAgreement.objects.select_for_update().get(pk=agreement.pk)
    _check_can_accept(agreement, user, sha256)
    now = timezone.now()
    _check_send_limits(agreement, user, now)
    code = code_new()
    AgreementCode.objects.filter(agreement=agreement, user=user, spent_at__isnull=True).update(
        spent_at=now
    )
    AgreementCode.objects.create(
        agreement=agreement,
        user=user,
        phone=user.phone,
        digest=_digest(agreement=agreement, user=user, sha256=sha256, code=code),
        ip=ip or None,
        created_at=now,
    )
    with translation.override(user.language or None):
        text = gettext(SMS_TEXT) % {"code": code, "number": agreement.number}
    sms_send(to=user.phone, text=text, event=CODE_EVENT, person=user)


def live_code_exists(agreement: GrantAgreement, user: User) -> bool:
    return AgreementCode.objects.filter(
        agreement=agreement,
        user=user,
        spent_at__isnull=True,
        created_at__gt=timezone.now() - CODE_LIFETIME,
    ).exists()


@transaction.atomic
def _code_take(*, agreement: GrantAgreement, user: User, sha256: str, code: str) -> str:
    """ "ok" once for the live code (it is then used up), else why not; commits the attempt."""
    now = timezone.now()
    row = (
        AgreementCode.objects.select_for_update()
        .filter(
            agreement=agreement,
            user=user,
            spent_at__isnull=True,
            created_at__gt=now - CODE_LIFETIME,
        )
        .order_by("-created_at")
        .first()
    )
    if row is None:
        return "expired"
    typed = "".join(code.split())
    expected = _digest(agreement=agreement, user=user, sha256=sha256, code=typed)
    if constant_time_compare(row.digest, expected):
        row.spent_at = now
        row.save(update_fields=["spent_at"])
        return "ok"
    row.attempts += 1
    if row.attempts >= MAX_ATTEMPTS:
        row.spent_at = now
    row.save(update_fields=["attempts", "spent_at"])
    return "wrong" if row.spent_at is None else "exhausted"


CODE_REFUSALS = {
    "expired": _("The code has expired or was never sent: ask for a new one."),
    "wrong": _("The code is wrong. Check the SMS and type it again."),
    "exhausted": _("Too many wrong codes: this one no longer works. Ask for a new one."),
}


def agreement_accept(
    *, agreement: GrantAgreement, user: User, sha256: str, code: str, ip: str
) -> AgreementAcceptance:
    """Records the member's acceptance of the text with this hash, if the code is right;
    the last member's acceptance signs the team's side."""
    with transaction.atomic():
        _check_can_accept(GrantAgreement.objects.get(pk=agreement.pk), user, sha256)
    # Outside the acceptance's transaction: a wrong attempt must be counted even though
    # the acceptance is refused.
    outcome = _code_take(agreement=agreement, user=user, sha256=sha256, code=code)
    if outcome != "ok":
        raise AcceptanceRefused(CODE_REFUSALS[outcome], code=outcome)
    return _accept_record(agreement=agreement, user=user, sha256=sha256, ip=ip)


@transaction.atomic
def _accept_record(
    *, agreement: GrantAgreement, user: User, sha256: str, ip: str
) -> AgreementAcceptance:
    # Locked: the last two members accepting at once both see the other's acceptance,
    # and GAMO cannot prepare a new text in between.
    agreement = (
        GrantAgreement.objects.select_for_update()
        .select_related("project__application__applicant")
        .get(pk=agreement.pk)
    )
    signatory = _check_can_accept(agreement, user, sha256)
    acceptance = AgreementAcceptance.objects.create(
        agreement=agreement,
        user=user,
        full_name=signatory.full_name,
        phone=user.phone,
        accepted_at=timezone.now(),
        agreement_version=agreement.version,
        document_sha256=agreement.document_sha256,
        ip=ip or None,
    )
    if all_accepted(signatories(agreement)):
        # Signed for the team by its lead, who answers for it; each member's own
        # acceptance is the evidence behind it.
        agreement_team_signed(
            agreement=agreement,
            via=GrantAgreement.TeamSignedVia.CODES,
            by=agreement.project.application.applicant,
        )
        agreement.save(
            update_fields=["team_signed_at", "team_signed_by", "team_signed_via", "updated_at"]
        )
    return acceptance


def _check_invite_limits(row: Signatory, now) -> None:
    if row.invitations >= INVITES_PER_MEMBER:
        raise AcceptanceRefused(
            _("%(name)s has been invited %(count)s times already; call them instead.")
            % {"name": row.full_name, "count": INVITES_PER_MEMBER},
            code="invite_limit",
        )
    if row.last_invited_at and now - row.last_invited_at < INVITE_AFTER:
        raise AcceptanceRefused(
            _("%(name)s was invited less than a day ago; invite again tomorrow.")
            % {"name": row.full_name},
            code="invite_wait",
        )


@transaction.atomic
def acceptance_invite(
    *, agreement: GrantAgreement, by: User, link: str, user: User | None = None
) -> tuple[list[str], list[str]]:
    """Invites one member (or every member who has not accepted) to accept the agreement.

    Returns (names invited, refusals): a member over the limit is skipped with a reason.
    """
    if not by.has_role(Role.STAFF):
        raise AcceptanceRefused(_("Only GAMO staff invite the team."))
    agreement = GrantAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.team_signed:
        raise AcceptanceRefused(_("The team has signed this agreement already."))
    if not agreement.document_sha256:
        raise AcceptanceRefused(_("The agreement is not ready yet."))
    rows = [
        row
        for row in signatories(agreement)
        if row.user is not None and not row.accepted and (user is None or row.user == user)
    ]
    if user is not None and not rows:
        raise AcceptanceRefused(_("This member has nothing to accept."))
    now = timezone.now()
    invited, refused = [], []
    for row in rows:
        try:
            _check_invite_limits(row, now)
        except AcceptanceRefused as error:
            refused.extend(error.messages)
            continue
        AgreementInvitation.objects.create(
            agreement=agreement, user=row.user, sent_by=by, sent_at=now
        )
        notify(
            row.user,
            INVITE_EVENT,
            {"agreement": agreement, "project": agreement.project, "link": link},
        )
        invited.append(row.full_name)
    return invited, refused
