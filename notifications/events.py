"""Every message the portal sends, in one place: the event's name, whether it is a
reminder (a person may opt out) or transactional (always sent), the channels it may
take and its template per channel.

SMS and Telegram templates live in notifications/templates/notifications/<channel>/
<event>.txt; the e-mail templates stay beside the app that owns the letter
(<prefix>_subject.txt and <prefix>_body.txt). An SMS costs money per part: each event
has a budget of parts that tests/notifications/test_templates.py holds it to, in Kazakh
and Russian.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from notifications.models import Channel

TRANSACTIONAL = "transactional"
REMINDER = "reminder"
ALL_CHANNELS = (Channel.TELEGRAM, Channel.EMAIL, Channel.SMS)


@dataclass(frozen=True)
class Event:
    name: str
    kind: str
    email: str  # template prefix
    label: str = ""
    channels: tuple[str, ...] = ALL_CHANNELS
    sms_parts: int = 2

    def template(self, channel: str) -> str:
        return f"notifications/{channel}/{self.name}.txt"


EVENTS: dict[str, Event] = {
    event.name: event
    for event in [
        # About the e-mail address itself: nowhere else makes sense.
        Event(
            "account.activation",
            TRANSACTIONAL,
            "accounts/email/activation",
            _("Account confirmation"),
            channels=(Channel.EMAIL,),
        ),
        Event(
            "account.registration_notice",
            TRANSACTIONAL,
            "accounts/email/registration_notice",
            _("Repeated registration"),
            channels=(Channel.EMAIL,),
        ),
        Event(
            "application.receipt",
            TRANSACTIONAL,
            "applications/email/receipt",
            _("Application receipt"),
        ),
        Event(
            "application.status",
            TRANSACTIONAL,
            "applications/email/status",
            _("Application status"),
        ),
        Event(
            "application.draft_reminder",
            REMINDER,
            "notifications/email/draft_reminder",
            _("Unsubmitted application"),
        ),
        # A teammate may have no account yet: the invitation goes to the number the lead typed.
        Event(
            "team.invitation",
            TRANSACTIONAL,
            "",
            _("Team invitation"),
            channels=(Channel.SMS,),
            sms_parts=3,  # the lead's full name and a link with its token
        ),
        Event(
            "team.member_left",
            TRANSACTIONAL,
            "applications/email/member_left",
            _("A teammate left"),
        ),
        Event("review.reminder", REMINDER, "reviews/email/reminder", _("Reviews to finish")),
        Event("review.appeal_answer", TRANSACTIONAL, "reviews/email/appeal", _("Appeal answer")),
        Event(
            "mentoring.mentor_week",
            REMINDER,
            "mentoring/email/mentor_week",
            _("Mentor: no meeting this week"),
        ),
        Event(
            "mentoring.staff_2w",
            REMINDER,
            "mentoring/email/staff_no_meeting",
            _("Staff: two weeks without a meeting"),
        ),
        Event(
            "mentoring.staff_risk",
            REMINDER,
            "mentoring/email/staff_at_risk",
            _("Staff: project at risk"),
        ),
        Event(
            "mentoring.report_due",
            REMINDER,
            "mentoring/email/report_due",
            _("Progress report due"),
        ),
        Event(
            "mentoring.agreement_accept",
            TRANSACTIONAL,
            "mentoring/email/agreement_accept",
            _("Grant agreement to accept"),
            sms_parts=3,  # the agreement's number, the project's and a link
        ),
        Event(
            "mentoring.payment_made",
            TRANSACTIONAL,
            "notifications/email/payment_made",
            _("Payment made"),
        ),
        Event(
            "exhibition.code",
            TRANSACTIONAL,
            "exhibition/email/code",
            _("Exhibition code"),
            sms_parts=1,
        ),
        Event(
            "exhibition.already_registered",
            TRANSACTIONAL,
            "exhibition/email/already",
            _("Exhibition: already registered"),
        ),
        Event(
            "exhibition.registered",
            TRANSACTIONAL,
            "exhibition/email/registered",
            _("Exhibition pass"),
        ),
    ]
}


def event_get(name: str) -> Event:
    return EVENTS[name]


# Messages sent outside the registry: one-time codes (accounts/codes.py, sms_send).
OTHER_LABELS = {
    "code": _("One-time code"),
    "mentoring.agreement_code": _("Code to accept the grant agreement"),
}


def event_label(name: str) -> str:
    """The event's name for people (the delivery log)."""
    event = EVENTS.get(name)
    if event is not None:
        return str(event.label)
    return str(OTHER_LABELS.get(name, name))
