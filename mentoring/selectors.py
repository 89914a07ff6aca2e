"""Reads of the mentoring app: who may see a project, its money, and the indicators' figures."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from competitions.models import Competition
from mentoring.models import (
    POSITIVE_SCORES,
    ClosingAnswer,
    Disbursement,
    GrantAgreement,
    GranteeExpense,
    GranteeProject,
    Material,
    Meeting,
    MentoringEvaluation,
    Participant,
    ProgressReport,
    ReportDue,
    Training,
    TrainingFeedback,
)

WEEK = timedelta(days=7)


def visible_projects(user: User) -> QuerySet[GranteeProject]:
    """Staff and the operator see every project, a mentor the assigned ones, a team its own."""
    projects = GranteeProject.objects.select_related(
        "application__applicant",
        "application__village",
        "application__competition__project",
        "mentor",
    )
    if user.has_role(Role.STAFF, Role.OPERATOR):
        return projects
    mine = Q(pk__in=[])
    if user.has_role(Role.MENTOR):
        mine |= Q(mentor=user)
    if user.has_role(Role.APPLICANT):
        mine |= Q(application__applicant=user)
    return projects.filter(mine)


def project_for(user: User, pk: int) -> GranteeProject:
    """The project if the user may see it; a stranger gets 404, as if it did not exist."""
    return get_object_or_404(visible_projects(user), pk=pk)


def project_of_team(user: User, pk: int) -> GranteeProject:
    """The project if the user leads its team: the only one who writes reports and forms."""
    project = project_for(user, pk)
    if project.application.applicant_id != user.pk:
        raise Http404
    return project


def project_of_mentor(user: User, pk: int) -> GranteeProject:
    project = project_for(user, pk)
    if project.mentor_id != user.pk:
        raise Http404
    return project


@dataclass(frozen=True)
class BudgetRow:
    pk: int
    item: str
    approved_kzt: int
    spent_kzt: int

    @property
    def remaining_kzt(self) -> int:
        return self.approved_kzt - self.spent_kzt

    @property
    def overspent(self) -> bool:
        return self.spent_kzt > self.approved_kzt


@dataclass(frozen=True)
class ProjectBudget:
    rows: list[BudgetRow]
    award_kzt: int
    # Only approved payments count as paid; recorded ones wait for the director.
    paid_kzt: int
    awaiting_approval_kzt: int = 0

    @property
    def approved_kzt(self) -> int:
        return sum(row.approved_kzt for row in self.rows)

    @property
    def spent_kzt(self) -> int:
        return sum(row.spent_kzt for row in self.rows)

    @property
    def remaining_kzt(self) -> int:
        return self.approved_kzt - self.spent_kzt

    @property
    def overspent_rows(self) -> list[BudgetRow]:
        return [row for row in self.rows if row.overspent]


def project_budget(project: GranteeProject) -> ProjectBudget:
    """Approved, spent and remaining per line, summed by the database: two queries."""
    lines = project.budget_lines.annotate(
        spent=Coalesce(Sum("expenses__amount_kzt"), 0)
    ).values_list("pk", "item", "amount_kzt", "spent")
    payments = project.disbursements.aggregate(
        paid=Coalesce(Sum("amount_kzt", filter=Q(status=Disbursement.Status.APPROVED)), 0),
        awaiting=Coalesce(Sum("amount_kzt", filter=Q(status=Disbursement.Status.RECORDED)), 0),
    )
    return ProjectBudget(
        rows=[BudgetRow(*line) for line in lines],
        award_kzt=project.award_kzt,
        paid_kzt=payments["paid"],
        awaiting_approval_kzt=payments["awaiting"],
    )


@dataclass(frozen=True)
class NextStep:
    """Something the team or the mentor should do next, with its date if it has one."""

    text: str
    due_on: date | None = None
    url: str = ""


def _sum_of(rows: QuerySet, path: str):
    """A per-project sum as a subquery, so that it never multiplies across other joins."""
    rows = (
        rows.filter(**{path: OuterRef("pk")})
        .values(path)
        .annotate(total=Sum("amount_kzt"))
        .values("total")
    )
    return Coalesce(Subquery(rows), 0)


def projects_overview(projects: QuerySet[GranteeProject]) -> QuerySet[GranteeProject]:
    """Projects with the figures the lists show, in one query whatever their number."""
    # Per-project subqueries: joining the meetings and the reports multiplied one by the
    # other and grouped the rows with every selected column (0.27 s of SQLite a page).
    meetings = Meeting.objects.filter(project=OuterRef("pk")).order_by().values("project")
    waiting = (
        ProgressReport.objects.filter(project=OuterRef("pk"), status="submitted")
        .order_by()
        .values("project")
    )
    return projects.annotate(
        last_meeting=Subquery(meetings.annotate(last=Max("held_on")).values("last")),
        meetings_count=Coalesce(Subquery(meetings.annotate(n=Count("pk")).values("n")), 0),
        reports_waiting=Coalesce(Subquery(waiting.annotate(n=Count("pk")).values("n")), 0),
        spent=_sum_of(GranteeExpense.objects.all(), "report__project"),
        paid=_sum_of(Disbursement.objects.approved(), "project"),
        awaiting_approval=_sum_of(
            Disbursement.objects.filter(status=Disbursement.Status.RECORDED), "project"
        ),
    )


def with_last_state(projects: list[GranteeProject]) -> list[GranteeProject]:
    """Sets `last_state`, the state the latest meeting recorded, on each project: one query."""
    states = dict(
        Meeting.objects.filter(project__in=projects)
        .order_by("project_id", "held_on", "pk")
        .values_list("project_id", "project_state")
    )
    for project in projects:
        project.last_state = states.get(project.pk, "")
    return projects


# The figures behind the brief's activity 2 indicators, for one competition.


@dataclass(frozen=True)
class Share:
    """A part of a whole, e.g. 9 satisfied of 10 answers; percent is None with no answers."""

    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.part / self.whole, 1) if self.whole else None


def _grantees(competition: Competition) -> QuerySet[GranteeProject]:
    return GranteeProject.objects.filter(application__competition=competition).exclude(
        status=GranteeProject.Status.WITHDRAWN
    )


def trainings_held(competition: Competition, today: date) -> int:
    return Training.objects.filter(competition=competition, starts_on__lte=today).count()


def training_days(competition: Competition) -> int:
    """Length of the longest programme, in days (the brief's is two)."""
    return (
        Training.objects.filter(competition=competition)
        .annotate(length=Count("days"))
        .aggregate(longest=Coalesce(Max("length"), 0))["longest"]
    )


def training_participants(competition: Competition) -> int:
    """People who attended at least one training day."""
    return (
        Participant.objects.filter(training__competition=competition, attended_days__isnull=False)
        .values("project_id", "full_name")
        .distinct()
        .count()
    )


def grantees_trained(competition: Competition) -> int:
    """Grantee teams of which someone attended at least one training day."""
    return (
        Participant.objects.filter(training__competition=competition, attended_days__isnull=False)
        .values("project_id")
        .distinct()
        .count()
    )


def materials_published(competition: Competition) -> int:
    return Material.objects.filter(competition=competition, published=True).count()


def mentorships(competition: Competition) -> int:
    return _grantees(competition).filter(mentor__isnull=False).count()


def fewest_meetings(competition: Competition) -> int:
    """Meetings of the least-mentored project: every project should reach five."""
    counts = _grantees(competition).annotate(n=Count("meetings")).values_list("n", flat=True)
    return min(counts, default=0)


def projects_success(competition: Competition) -> Share:
    """Projects closed as completed successfully, of all funded projects."""
    projects = _grantees(competition)
    return Share(
        part=projects.filter(outcome=GranteeProject.Outcome.SUCCESS).count(),
        whole=projects.count(),
    )


def projects_completed(competition: Competition) -> int:
    """Projects closed as implemented, fully or in part."""
    return (
        _grantees(competition)
        .filter(outcome__in=[GranteeProject.Outcome.SUCCESS, GranteeProject.Outcome.PARTIAL])
        .count()
    )


def training_satisfaction(competition: Competition) -> Share:
    answers = TrainingFeedback.objects.filter(participant__training__competition=competition)
    return Share(
        part=answers.filter(satisfaction__in=POSITIVE_SCORES).count(), whole=answers.count()
    )


def mentoring_usefulness(competition: Competition) -> Share:
    answers = MentoringEvaluation.objects.filter(project__in=_grantees(competition))
    return Share(part=answers.filter(usefulness__in=POSITIVE_SCORES).count(), whole=answers.count())


def life_improved(competition: Competition) -> Share:
    """Teams that answered "yes", of all teams that answered the closing question."""
    answers = ClosingAnswer.objects.filter(project__in=_grantees(competition))
    return Share(
        part=answers.filter(answer=ClosingAnswer.Answer.YES).count(), whole=answers.count()
    )


# Grant agreements and the reporting schedule they set.


def agreement_project_for(user: User, pk: int) -> GranteeProject:
    """A project whose agreement the user may read: its team lead, staff and the operator.

    Mentors are not parties to the agreement; everyone else gets 404.
    """
    project = get_object_or_404(
        visible_projects(user).select_related(
            "application__competition__project__recipient", "agreement"
        ),
        pk=pk,
    )
    if user.has_role(Role.STAFF, Role.OPERATOR):
        return project
    if project.application.applicant_id != user.pk:
        raise Http404
    return project


def agreement_for(user: User, pk: int) -> GrantAgreement:
    agreement = get_object_or_404(GrantAgreement.objects.only("pk", "project_id"), pk=pk)
    return agreement_project_for(user, agreement.project_id).agreement


@dataclass(frozen=True)
class ScheduledReport:
    """A line of the reporting schedule and where the team stands with it."""

    number: int
    due_on: date
    submitted_on: date | None
    report_pk: int | None
    overdue: bool

    @property
    def late(self) -> bool:
        return self.submitted_on is not None and self.submitted_on > self.due_on

    @property
    def days_late(self) -> int:
        return (self.submitted_on - self.due_on).days if self.late else 0


def report_schedule(
    agreement: GrantAgreement | None, reports: list[ProgressReport], today: date
) -> list[ScheduledReport]:
    """Each due date with the report of that number, from already loaded rows: no queries
    but the agreement's report_dues (prefetch it for lists)."""
    if agreement is None:
        return []
    by_number = {report.number: report for report in reports}
    rows = []
    for due in agreement.report_dues.all():
        report = by_number.get(due.number)
        submitted = report.submitted_at if report is not None else None
        submitted_on = timezone.localdate(submitted) if submitted else None
        rows.append(
            ScheduledReport(
                number=due.number,
                due_on=due.due_on,
                submitted_on=submitted_on,
                report_pk=report.pk if report is not None else None,
                overdue=due.is_overdue(submitted_on=submitted_on, today=today),
            )
        )
    return rows


def _submitted_report(number_ref: str = "number") -> Exists:
    return Exists(
        ProgressReport.objects.filter(
            project=OuterRef("agreement__project"),
            number=OuterRef(number_ref),
            submitted_at__isnull=False,
        )
    )


def overdue_report_dues(today: date) -> QuerySet[ReportDue]:
    """Due dates passed without the report of that number sent, on active projects."""
    return (
        ReportDue.objects.filter(
            due_on__lt=today, agreement__project__status=GranteeProject.Status.ACTIVE
        )
        .exclude(_submitted_report())
        .filter(agreement__team_signed_at__isnull=False, agreement__gamo_signed_at__isnull=False)
    )


def with_overdue_reports(projects: QuerySet[GranteeProject], today: date):
    """Annotates `reports_overdue`: the number of report due dates passed without a report."""
    overdue = (
        overdue_report_dues(today)
        .filter(agreement__project=OuterRef("pk"))
        .values("agreement__project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return projects.annotate(reports_overdue=Coalesce(Subquery(overdue), 0))


def report_dues_to_remind(today: date, days_before: int) -> QuerySet[ReportDue]:
    """Due dates within `days_before` days whose report is not sent and whose reminder for
    that date has not gone out; only under agreements signed by both sides."""
    return (
        ReportDue.objects.filter(
            due_on__gte=today,
            due_on__lte=today + timedelta(days=days_before),
            agreement__project__status=GranteeProject.Status.ACTIVE,
            agreement__team_signed_at__isnull=False,
            agreement__gamo_signed_at__isnull=False,
        )
        .exclude(reminded_for=F("due_on"))
        .exclude(_submitted_report())
        .select_related("agreement__project__application__applicant")
        .order_by("due_on", "pk")
    )


def training_grantee_projects(training: Training):
    """The grantee teams a training is for: its competition's active and completed ones."""
    return GranteeProject.objects.filter(
        application__competition_id=training.competition_id,
        status__in=[GranteeProject.Status.ACTIVE, GranteeProject.Status.COMPLETED],
    ).select_related("application__applicant")
