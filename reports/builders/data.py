"""What the operator's reports say, gathered once for the PDF and the XLSX alike."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Application
from competitions.models import Activity, Competition, GrantProject
from competitions.selectors import project_current
from mentoring.models import GranteeProject
from reports.budget import BudgetExecution, budget_execution
from reports.indicators.status import IndicatorRow
from reports.selectors import indicator_rows
from reviews.selectors import RankingRow, competition_ranking


class NoProject(Exception):
    pass


@dataclass
class ActivityRow:
    activity: Activity
    state: str


@dataclass
class ProjectReport:
    project: GrantProject
    final: bool
    generated_at: datetime
    indicators: list[IndicatorRow]
    activities: list[ActivityRow]
    execution: BudgetExecution
    grantees: list[GranteeProject]
    rankings: list[tuple[Competition, list[RankingRow]]]

    @property
    def title(self) -> str:
        return _("Final report") if self.final else _("Interim report")


def current_project() -> GrantProject:
    project = project_current()
    if project is None:
        raise NoProject(_("No project has been set up yet."))
    return project


def activity_state(activity: Activity, today: date) -> str:
    if today < activity.starts_on:
        return _("not started")
    if today > activity.ends_on:
        return _("period ended")
    return _("in progress")


def decided_competitions(project: GrantProject) -> list[Competition]:
    """The project's competitions that reached the commission's decisions."""
    return list(
        Competition.objects.filter(project=project, applications__decision__isnull=False)
        .distinct()
        .order_by("opens_at")
    )


def project_report(final: bool) -> ProjectReport:
    project = current_project()
    today = timezone.localdate()
    competitions = list(
        Competition.objects.filter(project=project, applications__status="eligible")
        .distinct()
        .order_by("opens_at")
    )
    return ProjectReport(
        project=project,
        final=final,
        generated_at=timezone.localtime(),
        indicators=indicator_rows(project, today),
        activities=[
            ActivityRow(activity, activity_state(activity, today))
            for activity in project.activities.order_by("number")
        ],
        execution=budget_execution(project),
        grantees=list(
            GranteeProject.objects.filter(application__competition__project=project)
            .select_related("application__village__district", "application__competition")
            .annotate(team_size=Count("application__team"))
            .order_by("application__competition__opens_at", "application__registration_number")
        ),
        rankings=[(competition, competition_ranking(competition)) for competition in competitions],
    )


def applications_list(project: GrantProject):
    """Every received application with its team size and decision, oldest first."""
    return (
        Application.objects.filter(competition__project=project, submitted_at__isnull=False)
        .exclude(status=Application.Status.DRAFT)
        .select_related("village__district", "competition", "decision")
        .annotate(team_size=Count("team"))
        .order_by("competition__opens_at", "submitted_at", "pk")
    )


def scores_by_application(project: GrantProject) -> dict[int, RankingRow]:
    found = {}
    for competition in Competition.objects.filter(project=project):
        for row in competition_ranking(competition):
            found[row.application.pk] = row
    return found
