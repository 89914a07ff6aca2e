from datetime import datetime

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.errors import ServiceError, refused_as_field
from exhibition.confirmation import (
    CODE_ATTEMPTS,
    CODE_VALIDITY,
    already_registered_notice,
    code_hash,
    code_matches,
    code_new,
    code_send,
)
from exhibition.models import Exhibition, Feedback, Letter, Registration, Stand, StandPhoto
from exhibition.tasks import render_letters, send_registration_qr
from jastarurban.images import photo_prepare

LETTER_PREFIX = "АХ"


class RegistrationRefused(ServiceError):
    """A refusal to show the visitor; ``released`` when the hold is gone (register again)."""

    field = "code"

    def __init__(self, message: str, *, released: bool = False):
        super().__init__(message)
        self.released = released


class FeedbackRefused(ServiceError):
    """An answer given twice: a thank-you, not an error."""

    level = messages.INFO


@transaction.atomic
def registration_request(
    *,
    exhibition: Exhibition,
    full_name: str,
    category: str,
    organisation: str = "",
    phone: str = "",
    email: str = "",
    language: str = "kk",
    now: datetime | None = None,
) -> Registration | None:
    """Holds a place until the person confirms it with the code sent to them.

    The exhibition row is locked first, so two people sending the form at once cannot
    both take the last place; expired holds are released under the same lock. Returns
    the hold to confirm, or None when the phone or e-mail is already registered and
    confirmed: the caller answers exactly as for a new hold (nothing tells a stranger
    who is registered), and the registered person gets a notice instead.
    """
    now = now or timezone.now()
    exhibition = Exhibition.objects.select_for_update().get(pk=exhibition.pk)
    if not exhibition.registration_open:
        raise RegistrationRefused(_("Registration is closed."))
    registrations = Registration.objects.filter(exhibition=exhibition)
    registrations.expired_holds(now).delete()
    if registrations.holding(now).count() >= exhibition.capacity:
        raise RegistrationRefused(_("Sorry, all places are taken."))
    same_contact = Q(pk__in=[])
    if phone:
        same_contact |= Q(phone=phone)
    if email:
        same_contact |= Q(email__iexact=email)
    existing = registrations.filter(same_contact).order_by("pk").first()
    if existing is not None and existing.confirmed_at is not None:
        transaction.on_commit(lambda: already_registered_notice(existing, language))
        return None
    code = code_new()
    if existing is not None:
        # The same person again (a lost tab, a typo): a fresh code, the same expiry, the
        # same attempts, so asking again never keeps a place longer.
        registration = existing
    else:
        registration = Registration(
            exhibition=exhibition,
            full_name=full_name,
            category=category,
            organisation=organisation,
            phone=phone,
            email=email,
            consent_at=now,
            code_expires_at=now + CODE_VALIDITY,
        )
    registration.code_hash = code_hash(registration, code)
    registration.save()
    transaction.on_commit(
        lambda: code_send(registration=registration, code=code, language=language)
    )
    return registration


def registration_confirm(*, registration_id: int, code: str, now: datetime | None = None):
    """Confirms a hold with its code; the QR code e-mail goes once it is confirmed.

    A wrong code uses up an attempt (kept even though the call refuses); the last wrong
    attempt releases the place.
    """
    now = now or timezone.now()
    with transaction.atomic():
        registration = Registration.objects.select_for_update().filter(pk=registration_id).first()
        if registration is not None and registration.confirmed_at is not None:
            return registration
        if registration is None or registration.code_expires_at <= now:
            refusal, released = expired_message(), True
        elif code_matches(registration, code):
            registration.confirmed_at = now
            registration.code_hash = ""
            registration.save(update_fields=["confirmed_at", "code_hash", "updated_at"])
            if registration.email:
                transaction.on_commit(lambda: send_registration_qr.delay(registration.pk))
            return registration
        else:
            registration.code_attempts += 1
            left = CODE_ATTEMPTS - registration.code_attempts
            if left <= 0:
                registration.delete()
            else:
                registration.save(update_fields=["code_attempts", "updated_at"])
            refusal, released = wrong_code_message(left), left <= 0
    raise RegistrationRefused(refusal, released=released)


def expired_message() -> str:
    return _("The code has expired and the place was released. Please register again.")


def registration_confirm_unknown(*, pending: dict, now: datetime | None = None) -> None:
    """What a code entered after a request for an already registered contact gets: the
    very answers a real hold gives (wrong code, attempts left, expiry), and never success."""
    now = now or timezone.now()
    if now.timestamp() >= pending["expires"]:
        raise RegistrationRefused(expired_message(), released=True)
    pending["attempts"] = pending.get("attempts", 0) + 1
    left = CODE_ATTEMPTS - pending["attempts"]
    raise RegistrationRefused(wrong_code_message(left), released=left <= 0)


def wrong_code_message(attempts_left: int) -> str:
    if attempts_left <= 0:
        return _("Too many wrong codes: the place was released. Please register again.")
    return ngettext(
        "This code is not right. %(count)d attempt left.",
        "This code is not right. %(count)d attempts left.",
        attempts_left,
    ) % {"count": attempts_left}


def registration_check_in(*, registration: Registration, by, now: datetime | None = None) -> bool:
    """Marks the visitor as arrived; True the first time, False on every later scan.

    One conditional UPDATE, so two phones scanning the same code at once count it once."""
    updated = Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=True).update(
        checked_in_at=now or timezone.now(), checked_in_by=by
    )
    registration.refresh_from_db(fields=["checked_in_at", "checked_in_by"])
    return bool(updated)


@transaction.atomic
def stand_update(*, stand: Stand, banner=None, banner_type: str = "", photos=(), **fields) -> Stand:
    # The photos checked first: a bad one refuses before anything is saved.
    with refused_as_field("photos"):
        prepared = [photo_prepare(upload) for upload in photos]
    for name, value in fields.items():
        setattr(stand, name, value)
    if banner is not None:
        stand.banner.save(banner.name, banner, save=False)
        stand.banner_type = banner_type
    stand.save()
    for image in prepared:
        StandPhoto.objects.create(stand=stand, image=image)
    return stand


@transaction.atomic
def letter_create(
    *,
    exhibition: Exhibition,
    recipient_name: str,
    role: str,
    reason: str,
    language: str = Letter.Language.KK,
    by,
    queue_pdf: bool = True,
) -> Letter:
    """Numbers the letter (АХ-2025-001, …) under a lock on the exhibition row, then queues
    its PDF once the number is committed."""
    Exhibition.objects.select_for_update().get(pk=exhibition.pk)
    year = exhibition.held_on.year
    last = Letter.objects.filter(year=year).order_by("-sequence").values_list("sequence", flat=True)
    sequence = (last.first() or 0) + 1
    letter = Letter.objects.create(
        exhibition=exhibition,
        year=year,
        sequence=sequence,
        number=f"{LETTER_PREFIX}-{year}-{sequence:03d}",
        recipient_name=recipient_name,
        role=role,
        reason=reason,
        language=language,
        created_by=by,
    )
    if queue_pdf:
        transaction.on_commit(lambda: render_letters.delay([letter.pk]))
    return letter


@transaction.atomic
def letter_requeue(*, letter: Letter) -> Letter:
    """Renders a letter again, e.g. after a failure or a correction in the admin."""
    letter.status, letter.error = Letter.Status.PENDING, ""
    letter.save(update_fields=["status", "error", "updated_at"])
    transaction.on_commit(lambda: render_letters.delay([letter.pk]))
    return letter


@transaction.atomic
def feedback_submit(
    *, exhibition: Exhibition, support_grew: str, impressed: str = "", registration=None
) -> Feedback:
    if registration is not None:
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if Feedback.objects.filter(registration=registration).exists():
            raise FeedbackRefused(_("Thank you — your answer is already recorded."))
    return Feedback.objects.create(
        exhibition=exhibition,
        registration=registration,
        support_grew=support_grew,
        impressed=impressed,
    )
