from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from applications.models import Application
from applications.privacy import personal_data_anonymise_expired
from applications.receipts import receipt_pdf


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
    if not application.applicant.email:
        return  # an applicant who signed up by phone; notifications.notify will text them
    with translation.override(application.applicant.language):
        context = _context(application)
        subject = render_to_string("applications/email/receipt_subject.txt", context).strip()
        body = render_to_string("applications/email/receipt_body.txt", context)
        pdf = receipt_pdf(application)
    message = EmailMessage(subject, body, to=[application.applicant.email])
    message.attach(f"{application.registration_number}.pdf", pdf, "application/pdf")
    message.send()


@shared_task
def send_status_email(application_id: int) -> None:
    application = _application(application_id)
    if not application.applicant.email:
        return  # an applicant who signed up by phone; notifications.notify will text them
    with translation.override(application.applicant.language):
        context = _context(application)
        subject = render_to_string("applications/email/status_subject.txt", context).strip()
        body = render_to_string("applications/email/status_body.txt", context)
    EmailMessage(subject, body, to=[application.applicant.email]).send()


@shared_task
def anonymise_personal_data() -> int:
    """Daily: anonymises applicants' and members' personal data once a project's
    retention period (PERSONAL_DATA_RETENTION_YEARS after it ended) is over."""
    return personal_data_anonymise_expired()
