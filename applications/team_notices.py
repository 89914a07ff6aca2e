"""Every message about a team goes out from here, through notifications.notify: the
channel is each person's choice, the texts are templates per channel (events
team.invitation, team.member_left; teammates get application.status as the lead does)."""

from django.conf import settings
from django.urls import reverse

from notifications.notify import notify, notify_address

INVITATION_EVENT = "team.invitation"
MEMBER_LEFT_EVENT = "team.member_left"
STATUS_EVENT = "application.status"


def invitation_send(*, teammate, token: str, language: str) -> None:
    """The link a teammate opens to confirm themselves, by SMS to the invited number: the
    person may have no account yet, and only that phone can then receive the code."""
    link = settings.SITE_URL + reverse("applications:join", args=[token])
    notify_address(
        INVITATION_EVENT,
        {"lead": teammate.application.applicant.full_name, "link": link},
        language=language,
        phone=teammate.phone,
    )


def member_left_send(*, application, full_name: str) -> None:
    """Tells the lead that a teammate left the team before submission."""
    link = settings.SITE_URL + reverse("applications:edit", args=[application.pk])
    notify(application.applicant, MEMBER_LEFT_EVENT, {"name": full_name, "link": link})


def status_send_to_members(*, application, context: dict) -> None:
    """Confirmed teammates hear of every status change, as the lead does."""
    teammates = application.teammates.filter(confirmed_at__isnull=False, user__isnull=False)
    for teammate in teammates.select_related("user"):
        notify(teammate.user, STATUS_EVENT, context)
