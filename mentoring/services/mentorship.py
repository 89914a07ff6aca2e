"""Mentoring: meetings the mentor logs, the team's evaluation, and the weekly rhythm."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.errors import ServiceError
from accounts.models import User
from mentoring.models import GranteeProject, Meeting, MentoringEvaluation, Reminder

WEEK = timedelta(days=7)
TWO_WEEKS = timedelta(days=14)


def meeting_log(*, project: GranteeProject, mentor: User, held_on: date, **fields) -> Meeting:
    if project.mentor_id != mentor.pk:
        raise PermissionDenied
    if not project.is_active:
        raise ServiceError(_("This project is closed; nothing can be added to it."))
    return Meeting.objects.create(project=project, mentor=mentor, held_on=held_on, **fields)


def evaluation_save(
    *, project: GranteeProject, usefulness: int, comment: str, by: User
) -> MentoringEvaluation:
    try:
        with transaction.atomic():
            return MentoringEvaluation.objects.create(
                project=project, usefulness=usefulness, comment=comment, answered_by=by
            )
    except IntegrityError:
        raise ServiceError(_("Your team has already filled in this sheet.")) from None


@dataclass(frozen=True)
class Due:
    """A reminder that is due today about one project."""

    kind: str
    project: GranteeProject
    since: date | None


def reminders_due(today: date) -> list[Due]:
    """Which mentors and which staff alerts are due today, by the weekly rhythm.

    A mentor is reminded when seven days have passed since the last meeting (or
    the assignment) and no reminder of that kind went out in the last seven
    days; staff hear of a project after two weeks without a meeting, or when it
    has been "at risk" or "off track" for two weeks, i.e. no meeting since the
    first troubled one, fourteen or more days ago, said it was back on track.
    """
    projects = list(
        GranteeProject.objects.filter(status=GranteeProject.Status.ACTIVE, mentor__isnull=False)
        .select_related("mentor", "application")
        .order_by("pk")
    )
    recent = set(
        Reminder.objects.filter(sent_on__gt=today - WEEK).values_list("kind", "project_id")
    )
    meetings: dict[int, list[tuple[date, str]]] = {}
    for project_id, held_on, state in (
        Meeting.objects.filter(project__in=projects, held_on__lte=today)
        .order_by("held_on", "pk")
        .values_list("project_id", "held_on", "project_state")
    ):
        meetings.setdefault(project_id, []).append((held_on, state))
    due = []
    for project in projects:
        history = meetings.get(project.pk, [])
        last = history[-1][0] if history else None
        since = last or timezone.localdate(project.mentor_assigned_at)
        wanted = []
        if today - since >= WEEK:
            wanted.append(Reminder.Kind.MENTOR_NO_MEETING)
        if today - since >= TWO_WEEKS:
            wanted.append(Reminder.Kind.STAFF_NO_MEETING)
        trouble_since = _trouble_since(history)
        if trouble_since and today - trouble_since >= TWO_WEEKS:
            wanted.append(Reminder.Kind.STAFF_AT_RISK)
        due += [Due(kind, project, last) for kind in wanted if (kind, project.pk) not in recent]
    return due


def _trouble_since(history: list[tuple[date, str]]) -> date | None:
    """The first meeting of the current run of "at risk" / "off track" meetings."""
    since = None
    for held_on, state in history:
        if state == Meeting.ProjectState.ON_TRACK:
            since = None
        elif since is None:
            since = held_on
    return since


def reminder_claim(*, due: Due, today: date, recipients: list[str]) -> bool:
    """Records that a reminder goes out today; False if it already went (run twice a day)."""
    try:
        with transaction.atomic():
            Reminder.objects.create(
                kind=due.kind, project=due.project, sent_on=today, recipients=",".join(recipients)
            )
    except IntegrityError:
        return False
    return True
