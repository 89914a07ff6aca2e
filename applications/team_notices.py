"""Every message about a team goes out from here, and only from here.

Today by SMS through notifications.services.sms_send; when the portal's notify() layer
(channel by the person's choice) is merged, these three functions switch to it and nothing
else changes. Texts are short and rendered in the recipient's language.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from notifications.services import sms_send

INVITATION_EVENT = "team_invitation"
MEMBER_LEFT_EVENT = "team_member_left"
STATUS_EVENT = "application_status"


def invitation_send(*, teammate, token: str, language: str) -> None:
    """The link a teammate opens to confirm themselves; only its holder's phone gets the code."""
    link = settings.SITE_URL + reverse("applications:join", args=[token])
    with translation.override(language):
        text = _("%(lead)s invites you to a JastarUrban team. Confirm: %(link)s") % {
            "lead": teammate.application.applicant.full_name,
            "link": link,
        }
    sms_send(to=teammate.phone, text=text, event=INVITATION_EVENT, person=teammate.user)


def member_left_send(*, application, full_name: str) -> None:
    """Tells the lead that a teammate left the team before submission."""
    lead = application.applicant
    if not lead.phone:
        return
    with translation.override(lead.language):
        text = _("%(name)s has left your JastarUrban team. Invite someone else.") % {
            "name": full_name
        }
    sms_send(to=lead.phone, text=text, event=MEMBER_LEFT_EVENT, person=lead)


def status_send_to_members(*, application) -> None:
    """Confirmed teammates hear of every status change, as the lead does by e-mail."""
    link = settings.SITE_URL + reverse("applications:detail", args=[application.pk])
    for teammate in application.teammates.filter(confirmed_at__isnull=False).select_related("user"):
        person = teammate.user
        with translation.override(person.language):
            text = _("JastarUrban: your team's application is now “%(status)s”. %(link)s") % {
                "status": application.get_status_display(),
                "link": link,
            }
        sms_send(to=teammate.phone, text=text, event=STATUS_EVENT, person=person)
