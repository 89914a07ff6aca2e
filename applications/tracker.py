"""The steps an applicant sees: draft → submitted → eligibility check → under review → result."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from applications.models import Application

Status = Application.Status

STEPS = [
    ("draft", _("Draft")),
    ("submitted", _("Submitted")),
    ("screening", _("Eligibility check")),
    ("review", _("Under review")),
    ("result", _("Result")),
]

# Which step each status has reached.
REACHED = {
    Status.DRAFT: 0,
    Status.RETURNED: 0,
    Status.SUBMITTED: 2,
    Status.INELIGIBLE: 4,
    Status.ELIGIBLE: 3,
}

NEXT_STEP = {
    Status.DRAFT: _("Fill in every section and submit before the deadline."),
    Status.RETURNED: _("Correct the application as GAMO asked and submit it again."),
    Status.SUBMITTED: _("GAMO checks that the application meets the rules."),
    Status.ELIGIBLE: _("The expert commission scores the application."),
    Status.INELIGIBLE: _("The application does not meet the rules; the reason is below."),
}


@dataclass
class Step:
    label: str
    state: str  # done, current or todo


RESULT_PUBLISHED = _("The results are published: open the application to see yours.")


def is_decided(application: Application) -> bool:
    return (
        application.status == Status.ELIGIBLE
        and application.competition.results_published_at is not None
    )


def next_step(application: Application) -> str:
    return RESULT_PUBLISHED if is_decided(application) else NEXT_STEP[application.status]


def tracker(application: Application) -> list[Step]:
    reached = 4 if is_decided(application) else REACHED[application.status]
    return [
        Step(label, "done" if index < reached else "current" if index == reached else "todo")
        for index, (_code, label) in enumerate(STEPS)
    ]
