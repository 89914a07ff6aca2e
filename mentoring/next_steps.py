"""What a team or a mentor should do next on a project: the top of their home page."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from mentoring.models import GranteeProject, Participant, ProgressReport
from mentoring.selectors import WEEK, NextStep


def team_next_steps(
    project: GranteeProject,
    *,
    today: date,
    reports: list[ProgressReport],
    last_meeting: date | None,
    unanswered: list[Participant],
) -> list[NextStep]:
    steps = []
    returned = [report for report in reports if report.status == ProgressReport.Status.RETURNED]
    drafts = [report for report in reports if report.status == ProgressReport.Status.DRAFT]
    for report in returned:
        steps.append(
            NextStep(
                _("Correct and send again report No. %(number)s: %(comment)s")
                % {"number": report.number, "comment": report.staff_comment},
                url=reverse("mentoring:report", args=[report.pk]),
            )
        )
    if project.is_active:
        milestone = next((m for m in project.milestones.all() if m.done_on is None), None)
        if drafts:
            steps.append(
                NextStep(
                    _("Finish and send report No. %(number)s") % {"number": drafts[0].number},
                    due_on=milestone.due_on if milestone else None,
                    url=reverse("mentoring:report", args=[drafts[0].pk]),
                )
            )
        elif not returned:
            steps.append(
                NextStep(
                    _("Report on your progress: what was done, photos and receipts"),
                    due_on=milestone.due_on if milestone else None,
                )
            )
        if milestone:
            steps.append(
                NextStep(
                    _("Next milestone: %(title)s") % {"title": milestone.title},
                    due_on=milestone.due_on,
                )
            )
        if project.mentor_id:
            next_meeting = (last_meeting + WEEK) if last_meeting else today
            steps.append(
                NextStep(
                    _("Meeting with your mentor %(name)s") % {"name": project.mentor.full_name},
                    due_on=max(next_meeting, today),
                )
            )
    for participant in unanswered:
        steps.append(
            NextStep(
                _("%(name)s: feedback on the training “%(training)s”")
                % {"name": participant.full_name, "training": participant.training.title},
                url=reverse("mentoring:feedback", args=[participant.token]),
            )
        )
    if project.status == GranteeProject.Status.COMPLETED or project.milestones_all_done:
        if not hasattr(project, "mentoring_evaluation"):
            steps.append(
                NextStep(
                    _("Fill in the mentoring evaluation sheet"),
                    url=reverse("mentoring:evaluation", args=[project.pk]),
                )
            )
        if not hasattr(project, "closing_answer"):
            steps.append(
                NextStep(
                    _("Answer: did the project improve life in your village?"),
                    url=reverse("mentoring:closing", args=[project.pk]),
                )
            )
    return steps
