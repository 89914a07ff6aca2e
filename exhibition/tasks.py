"""Celery tasks of the exhibition. services.py enqueues them; they never import it back."""

from celery import shared_task
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from exhibition.letters import letter_render
from exhibition.models import Letter, Registration
from exhibition.qr import qr_png
from notifications.notify import notify_address


@shared_task
def render_letters(letter_ids: list[int]) -> int:
    """Renders the letters' PDFs; returns how many are ready."""
    ready = 0
    for letter in Letter.objects.filter(pk__in=letter_ids).select_related(
        "exhibition__project__recipient"
    ):
        ready += letter_render(letter=letter).status == Letter.Status.READY
    return ready


@shared_task
def release_unconfirmed_registrations() -> int:
    """Beat: frees the places held by registrations whose code expired unconfirmed."""
    deleted, _rows = Registration.objects.expired_holds(timezone.now()).delete()
    return deleted


@shared_task
def send_registration_qr(registration_id: int) -> None:
    registration = Registration.objects.select_related("exhibition").get(pk=registration_id)
    url = settings.SITE_URL + registration.get_absolute_url()
    check_in_url = settings.SITE_URL + reverse(
        "exhibition:check_in", kwargs={"token": registration.token}
    )
    context = {"registration": registration, "exhibition": registration.exhibition, "url": url}
    # The QR image rides with an e-mail; an SMS carries the link to the page that shows it.
    notify_address(
        "exhibition.registered",
        context,
        language=settings.LANGUAGE_CODE,
        email=registration.email,
        phone=registration.phone,
        attachments=lambda: [("qr.png", qr_png(check_in_url), "image/png")],
    )
