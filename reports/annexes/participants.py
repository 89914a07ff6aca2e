"""Annex: participants' counts, by what the records hold: who applied, the teams, who came
to the trainings (by the attendance marked each day), the mentoring, and the exhibition's
visitors checked in at the door. A period counts what happened in it."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from applications.models import Application
from exhibition.models import Registration
from mentoring.models import GranteeProject, Meeting, Participant, Training
from projects.models import GrantProject
from reports.annexes.period import in_period


@dataclass(frozen=True)
class ParticipantRow:
    group: str
    label: str
    count: int
    sub: bool = False  # a breakdown of the row above it


def participants(
    project: GrantProject, start: date | None = None, end: date | None = None
) -> list[ParticipantRow]:
    """Eight queries whatever the numbers."""
    competition = _("Small-grants competition")
    applied = Application.objects.filter(
        in_period("submitted_at__date", start, end),
        competition__project=project,
        submitted_at__isnull=False,
    ).exclude(status=Application.Status.DRAFT)
    applications = applied.aggregate(
        applications=Count("pk", distinct=True),
        applicants=Count("applicant", distinct=True),
        members=Count("team"),
    )
    grantees = GranteeProject.objects.filter(
        in_period("created_at__date", start, end), application__competition__project=project
    ).aggregate(teams=Count("pk", distinct=True), members=Count("application__team"))

    learning = _("Trainings and mentoring")
    trainings = Training.objects.filter(
        in_period("starts_on", start, end), competition__project=project
    ).aggregate(trainings=Count("pk", distinct=True), invited=Count("participants", distinct=True))
    attended = Participant.objects.filter(
        in_period("attended_days__date", start, end),
        training__competition__project=project,
        attended_days__isnull=False,
    ).aggregate(people=Count("pk", distinct=True), days=Count("attended_days"))
    meetings = Meeting.objects.filter(
        in_period("held_on", start, end), project__application__competition__project=project
    ).aggregate(
        meetings=Count("pk"),
        teams=Count("project", distinct=True),
        mentors=Count("mentor", distinct=True),
    )

    exhibition = _("Final exhibition")
    registrations = Registration.objects.filter(
        in_period("exhibition__held_on", start, end), exhibition__project=project
    )
    visitors = registrations.aggregate(
        registered=Count("pk", filter=Q(confirmed_at__isnull=False)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
    by_category = dict(
        registrations.filter(checked_in_at__isnull=False)
        .values_list("category")
        .annotate(count=Count("pk"))
        .order_by()
    )

    return [
        ParticipantRow(competition, _("Applications submitted"), applications["applications"]),
        ParticipantRow(competition, _("Applicants (team leads)"), applications["applicants"]),
        ParticipantRow(
            competition, _("Team members named in the applications"), applications["members"]
        ),
        ParticipantRow(competition, _("Grantee teams"), grantees["teams"]),
        ParticipantRow(competition, _("Members of the grantee teams"), grantees["members"]),
        ParticipantRow(learning, _("Trainings held"), trainings["trainings"]),
        ParticipantRow(learning, _("Trainees invited, counted per training"), trainings["invited"]),
        ParticipantRow(
            learning, _("Trainees who attended, counted per training"), attended["people"]
        ),
        ParticipantRow(learning, _("Training days attended, in all"), attended["days"], sub=True),
        ParticipantRow(learning, _("Mentoring meetings held"), meetings["meetings"]),
        ParticipantRow(learning, _("Grantee teams mentored"), meetings["teams"]),
        ParticipantRow(learning, _("Mentors"), meetings["mentors"]),
        ParticipantRow(exhibition, _("Visitors registered"), visitors["registered"]),
        ParticipantRow(exhibition, _("Visitors checked in"), visitors["checked_in"]),
        *(
            ParticipantRow(exhibition, str(label), by_category.get(value, 0), sub=True)
            for value, label in Registration.Category.choices
        ),
    ]
