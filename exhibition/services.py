import zipfile
from datetime import datetime
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from exhibition.models import Exhibition, Feedback, Letter, Registration, Stand, StandPhoto
from jastarurban.images import photo_prepare
from jastarurban.pdf import render_pdf

LETTER_PREFIX = "АХ"


class RegistrationRefused(Exception):
    pass


class FeedbackRefused(Exception):
    pass


@transaction.atomic
def registration_create(
    *,
    exhibition: Exhibition,
    full_name: str,
    category: str,
    organisation: str = "",
    phone: str = "",
    email: str = "",
    now: datetime | None = None,
) -> Registration:
    """Registers a visitor if a place is left. The exhibition row is locked first, so two
    people sending the form at once cannot both take the last place."""
    exhibition = Exhibition.objects.select_for_update().get(pk=exhibition.pk)
    if not exhibition.registration_open:
        raise RegistrationRefused(_("Registration is closed."))
    if exhibition.registrations.count() >= exhibition.capacity:
        raise RegistrationRefused(_("Sorry, all places are taken."))
    registrations = exhibition.registrations
    if (phone and registrations.filter(phone=phone).exists()) or (
        email and registrations.filter(email__iexact=email).exists()
    ):
        raise RegistrationRefused(_("You are already registered with this phone or e-mail."))
    registration = Registration.objects.create(
        exhibition=exhibition,
        full_name=full_name,
        category=category,
        organisation=organisation,
        phone=phone,
        email=email,
        consent_at=now or timezone.now(),
    )
    if email:
        from exhibition.tasks import send_registration_qr

        transaction.on_commit(lambda: send_registration_qr.delay(registration.pk))
    return registration


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
    for name, value in fields.items():
        setattr(stand, name, value)
    if banner is not None:
        stand.banner.save(banner.name, banner, save=False)
        stand.banner_type = banner_type
    stand.save()
    for upload in photos:
        StandPhoto.objects.create(stand=stand, image=photo_prepare(upload))
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
        from exhibition.tasks import render_letters

        transaction.on_commit(lambda: render_letters.delay([letter.pk]))
    return letter


@transaction.atomic
def letter_requeue(*, letter: Letter) -> Letter:
    """Renders a letter again, e.g. after a failure or a correction in the admin."""
    letter.status, letter.error = Letter.Status.PENDING, ""
    letter.save(update_fields=["status", "error", "updated_at"])
    from exhibition.tasks import render_letters

    transaction.on_commit(lambda: render_letters.delay([letter.pk]))
    return letter


def letter_pdf(letter: Letter) -> bytes:
    exhibition = letter.exhibition
    with translation.override(letter.language):
        return render_pdf(
            "exhibition/pdf/letter.html",
            {
                "letter": letter,
                "exhibition": exhibition,
                "recipient": exhibition.project.recipient,
                "project": exhibition.project,
            },
        )


def letter_render(*, letter: Letter) -> Letter:
    """Renders and stores the PDF; a failure is recorded on the letter, not raised."""
    try:
        content = letter_pdf(letter)
    except Exception as error:
        letter.status, letter.error = Letter.Status.FAILED, str(error)[:2000]
        letter.save(update_fields=["status", "error", "updated_at"])
        return letter
    if letter.pdf:
        letter.pdf.delete(save=False)
    letter.pdf.save(letter.filename, ContentFile(content), save=False)
    letter.status, letter.error = Letter.Status.READY, ""
    letter.save(update_fields=["pdf", "status", "error", "updated_at"])
    return letter


def letters_zip(letters) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for letter in letters:
            with letter.pdf.open("rb") as handle:
                archive.writestr(letter.filename, handle.read())
    return out.getvalue()


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
