from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from accounts.roles import Role
from mentoring.models import Reminder
from mentoring.selectors import report_dues_to_remind
from mentoring.services.agreements import report_due_claim
from mentoring.services.mentorship import reminder_claim, reminders_due

TEMPLATES = {
    Reminder.Kind.MENTOR_NO_MEETING: "mentoring/email/mentor_week",
    Reminder.Kind.STAFF_NO_MEETING: "mentoring/email/staff_no_meeting",
    Reminder.Kind.STAFF_AT_RISK: "mentoring/email/staff_at_risk",
}


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
            with translation.override(person.language):
                context = {"due": due, "project": due.project, "person": person, "link": link}
                subject = render_to_string(f"{TEMPLATES[due.kind]}_subject.txt", context).strip()
                body = render_to_string(f"{TEMPLATES[due.kind]}_body.txt", context)
            send_mail(subject, body, None, [person.email])
            sent += 1
    return sent


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
        with translation.override(lead.language):
            context = {"due": due, "project": project, "person": lead, "link": link}
            subject = render_to_string("mentoring/email/report_due_subject.txt", context).strip()
            body = render_to_string("mentoring/email/report_due_body.txt", context)
        send_mail(subject, body, None, [lead.email])
        sent += 1
    return sent
