from celery import shared_task
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from jastarurban.money import format_tenge
from mentoring.models import Reminder
from mentoring.selectors import report_dues_to_remind
from mentoring.services.agreements import report_due_claim
from mentoring.services.mentorship import reminder_claim, reminders_due
from notifications.notify import notify


@shared_task
def send_mentoring_reminders() -> int:
    """Daily (Celery beat): the weekly rhythm of meetings, kept by e-mail.

    A reminder is claimed in the database before it is sent, so running the
    task twice on one day (a retry, a second beat) sends nothing twice.
    """
    today = timezone.localdate()
    staff = list(User.objects.filter(groups__name=Role.STAFF, is_active=True).order_by("pk"))
    sent = 0
    for due in reminders_due(today):
        people = [due.project.mentor] if due.kind == Reminder.Kind.MENTOR_NO_MEETING else staff
        if not people or not reminder_claim(
            due=due, today=today, recipients=[person.email for person in people]
        ):
            continue
        link = f"{settings.SITE_URL}{reverse('mentoring:project', args=[due.project.pk])}"
        for person in people:
            context = {"due": due, "project": due.project, "link": link}
            notify(person, f"mentoring.{due.kind}", context)
            sent += 1
    return sent


@shared_task
def send_payment_notice(disbursement_id: int) -> None:
    """Tells the team lead that an approved payment reached the project's account."""
    from mentoring.models import Disbursement

    disbursement = Disbursement.objects.select_related("project__application__applicant").get(
        pk=disbursement_id
    )
    project = disbursement.project
    link = f"{settings.SITE_URL}{reverse('applications:detail', args=[project.application_id])}"
    context = {
        "project": project,
        "amount": format_tenge(disbursement.amount_kzt),
        "paid_on": disbursement.paid_on,
        "link": link,
    }
    notify(project.application.applicant, "mentoring.payment_made", context)


# Days before a report's due date when the team is reminded.
REPORT_REMINDER_DAYS = 3


@shared_task
def send_report_due_reminders() -> int:
    """Daily (Celery beat): reminds each team of a progress report due within three days.

    Once per report and due date: the reminder is claimed in the database before it is
    sent, so a second run (a retry, a second beat) sends nothing; a moved date is
    reminded of again.
    """
    today = timezone.localdate()
    sent = 0
    for due in report_dues_to_remind(today, REPORT_REMINDER_DAYS):
        if not report_due_claim(due=due):
            continue
        project = due.agreement.project
        lead = project.application.applicant
        link = f"{settings.SITE_URL}{reverse('mentoring:project', args=[project.pk])}"
        notify(lead, "mentoring.report_due", {"due": due, "project": project, "link": link})
        sent += 1
    return sent
