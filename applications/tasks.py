from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from applications import team_notices
from applications.models import Application
from applications.receipts import receipt_pdf
from applications.services.privacy import personal_data_anonymise_expired
from notifications.notify import notify, notify_once


def _application(application_id: int) -> Application:
    return Application.objects.select_related(
        "applicant", "competition__project__recipient", "village"
    ).get(pk=application_id)


QUOTES = "«»\"“”„'"


def unquoted(title: str) -> str:
    """A title the letter puts in «…» itself: the applicant's own outer quotes go, so
    the text never reads ««…»»."""
    title = title.strip()
    if len(title) > 1 and title[0] in QUOTES and title[-1] in QUOTES:
        return title[1:-1].strip()
    return title


def _context(application: Application) -> dict:
    path = reverse("applications:detail", args=[application.pk])
    deadline = application.correction_deadline
    return {
        "application": application,
        "title": unquoted(application.title),
        "link": f"{settings.SITE_URL}{path}",
        "deadline": timezone.localtime(deadline) if deadline else None,
    }


@shared_task
def send_submission_receipt(application_id: int) -> None:
    application = _application(application_id)
    context = _context(application)
    path = reverse("applications:receipt", args=[application.pk])
    context["receipt_link"] = f"{settings.SITE_URL}{path}"
    # The PDF rides with an e-mail only; SMS and Telegram carry the link to it.
    notify(
        application.applicant,
        "application.receipt",
        context,
        attachments=lambda: [
            (f"{application.registration_number}.pdf", receipt_pdf(application), "application/pdf")
        ],
    )
    team_notices.status_send_to_members(application=application, context=_context(application))


@shared_task
def send_status_email(application_id: int) -> None:
    application = _application(application_id)
    context = _context(application)
    notify(application.applicant, "application.status", context)
    team_notices.status_send_to_members(application=application, context=context)


@shared_task
def anonymise_personal_data() -> int:
    """Daily: anonymises applicants' and members' personal data once a project's
    retention period (PERSONAL_DATA_RETENTION_YEARS after it ended) is over."""
    return personal_data_anonymise_expired()


DRAFT_REMINDER_DAYS = (1, 3)


@shared_task
def send_draft_reminders() -> int:
    """Hourly (beat): tells applicants whose draft is not submitted that the call closes in
    3 days, then in 1 day; each draft hears each threshold once, however often this runs."""
    now = timezone.now()
    drafts = Application.objects.filter(
        status=Application.Status.DRAFT,
        competition__closes_at__gt=now,
        competition__closes_at__lte=now + timedelta(days=max(DRAFT_REMINDER_DAYS)),
    ).select_related("applicant", "competition")
    sent = 0
    for application in drafts:
        left = application.competition.closes_at - now
        days = min(d for d in DRAFT_REMINDER_DAYS if left <= timedelta(days=d))
        path = reverse("applications:detail", args=[application.pk])
        context = {
            "application": application,
            "title": unquoted(application.title),
            "competition": application.competition,
            "closes_at": timezone.localtime(application.competition.closes_at),
            "link": f"{settings.SITE_URL}{path}",
        }
        key = f"{application.pk}:{days}"
        if notify_once(application.applicant, "application.draft_reminder", context, key=key):
            sent += 1
    return sent
