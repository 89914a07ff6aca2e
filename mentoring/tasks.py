from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from accounts.roles import Role
from mentoring.models import Reminder
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
