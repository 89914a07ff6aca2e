"""What the operator's reports say, gathered once for the PDF and the XLSX alike.

Only what a file prints is loaded: at 30 000 applications a report is built by a Celery
worker in a few seconds and a few hundred megabytes (``manage.py measure_files``). The
rankings keep their figures (one small tuple per application) and load the applications'
printed columns only for the rows read, a chunk at a time; the list of applications streams.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.conf import settings
from django.db.models import Count, Exists, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from applications.models import Application
from competitions.models import Competition
from mentoring.models import GranteeProject
from projects.models import GrantProject
from reports.budget import BudgetExecution
from reports.consistency import Item, consistency_check
from reports.indicators.status import IndicatorRow
from reports.models import NarrativeVersion
from reports.periods import Period, project_period
from reports.periods.money import PeriodMoney, period_money
from reports.periods.narratives import narratives_current
from reports.periods.sections import ActivitySection, activity_sections
from reports.selectors import indicator_rows
from reviews.ranking import Ranked
from reviews.ranking_order import Placed
from reviews.selectors import RankingRow, ranking_head, ranking_means, ranking_results

# Rows loaded per query when a file reads a whole ranking or list.
CHUNK = 1000
# The village's name in every language and its district whole: names are translated
# (name_kk, name_ru, ...), and naming only `name` would defer the others, which the
# translation then loads one row at a time.
PLACE = (
    *(f"village__name_{code}" for code, _name in settings.LANGUAGES),
    "village__name",
    "village__district",
)


@dataclass
class ProjectReport:
    project: GrantProject
    period: Period
    generated_at: datetime
    indicators: list[IndicatorRow]
    activities: list[ActivitySection]
    money: PeriodMoney
    grantees: list[GranteeProject]
    rankings: list[tuple[Competition, "RankedRows"]]
    # Computed once per build: the PDF prints it and the XLSX writes it under its header.
    consistency: list[Item] = field(default_factory=list)
    # How many grantee projects there are when ``grantees`` holds the PDF's first rows only.
    grantee_count: int | None = None

    @property
    def final(self) -> bool:
        return self.period.final

    @property
    def execution(self) -> BudgetExecution:
        """The budget up to the period's end (the final report's: everything spent)."""
        return self.money.cumulative

    @property
    def title(self) -> str:
        if self.final:
            return _("Final report")
        return _("Interim report for %(period)s") % {"period": self.period.label}

    @property
    def grantees_total(self) -> int:
        return len(self.grantees) if self.grantee_count is None else self.grantee_count

    @property
    def narratives(self) -> list[NarrativeVersion]:
        return [section.narrative for section in self.activities if section.narrative]


def decided_competitions(project: GrantProject) -> list[Competition]:
    """The project's competitions that reached the commission's decisions."""
    return list(
        Competition.objects.filter(project=project, applications__decision__isnull=False)
        .distinct()
        .order_by("opens_at")
    )


def default_period(project: GrantProject, final: bool) -> Period:
    """A final report's period is the project; an interim one asked for without a period
    covers the project so far."""
    if final:
        return project_period(project)
    end = min(max(timezone.localdate(), project.starts_on), project.ends_on)
    return Period(project.starts_on, end)


def project_report(
    project: GrantProject,
    final: bool = False,
    *,
    period: Period | None = None,
    narratives: dict[int, NarrativeVersion] | None = None,
) -> ProjectReport:
    period = period or default_period(project, final)
    if narratives is None:
        narratives = narratives_current(project, period.start, period.end)
    # Exists, not a join over every application made distinct: a few rows either way.
    eligible = Application.objects.filter(
        competition=OuterRef("pk"), status=Application.Status.ELIGIBLE
    )
    competitions = list(
        Competition.objects.filter(Exists(eligible), project=project).order_by("opens_at")
    )
    indicators = indicator_rows(project, period.as_of, until=period.until)
    money = period_money(project, period)
    return ProjectReport(
        project=project,
        period=period,
        generated_at=timezone.localtime(),
        indicators=indicators,
        activities=activity_sections(project, period, indicators, narratives),
        money=money,
        grantees=list(
            GranteeProject.objects.filter(application__competition__project=project)
            .select_related("application__village")
            # The printed columns, not the applications' texts and drafts.
            .only(
                "award_kzt",
                "status",
                "application__registration_number",
                "application__title",
                "application__village",
            )
            .annotate(team_size=Count("application__team"))
            .order_by("application__competition__opens_at", "application__registration_number")
        ),
        rankings=[(competition, RankedRows(competition)) for competition in competitions],
        consistency=consistency_check(project, rows=indicators, execution=money.cumulative),
    )


class RankedRows:
    """A competition's ranking as the files read it: its length and figures, its
    applications (the printed columns) only for the rows read — the PDF prints the first
    60 (``head``, from the kept order: no 26 000 figures computed for 60 rows), the XLSX
    all of them a chunk at a time (``lines``: rank, reviews and mean only)."""

    def __init__(self, competition: Competition):
        self.competition = competition
        self._results: list[Ranked] | None = None
        self._length: int | None = None

    @property
    def results(self) -> list[Ranked]:
        if self._results is None:
            # Means and ranks only: the leave-one-expert-out reruns are the ranking page's.
            self._results = ranking_results(self.competition, stability=False)
        return self._results

    def __len__(self) -> int:
        return len(self.results) if self._length is None else self._length

    def head(self, rows: int) -> "RankedRows":
        """The first ``rows`` only, with the whole ranking's length: what the PDF prints."""
        head = RankedRows(self.competition)
        head._length, head._results = ranking_head(self.competition, rows)
        return head

    def __getitem__(self, index: slice) -> list[RankingRow]:
        return _ranking_rows(self.results[index])

    def __iter__(self) -> Iterator[RankingRow]:
        for start in range(0, len(self.results), CHUNK):
            yield from _ranking_rows(self.results[start : start + CHUNK])

    def lines(self) -> Iterator[tuple[Placed, str, str, str]]:
        """(rank, reviews and mean; number, title, district) of every row in order, a chunk
        at a time: the XLSX's columns as tuples, without an Application, village and
        district per row, nor the figures it does not print (ranking_means)."""
        districts = _translated_columns("village__district__name")
        placed = ranking_means(self.competition)
        for start in range(0, len(placed), CHUNK):
            chunk = placed[start : start + CHUNK]
            columns = {
                pk: (number, title, _first_filled(names))
                for pk, number, title, *names in Application.objects.filter(
                    pk__in=[row.application_id for row in chunk]
                ).values_list("pk", "registration_number", "title", *districts)
            }
            for row in chunk:
                yield (row, *columns[row.application_id])


def _ranking_rows(results: list[Ranked]) -> list[RankingRow]:
    applications = (
        Application.objects.select_related("village__district")
        .only("registration_number", "title", *PLACE)
        .in_bulk([result.application_id for result in results])
    )
    return [RankingRow(applications[result.application_id], result) for result in results]


class ApplicationLine(NamedTuple):
    """One row of the list of applications: the printed columns, not a model instance."""

    pk: int
    registration_number: str
    title: str
    status: str
    submitted_at: datetime
    competition_id: int
    village_id: int | None
    village: str
    district: str
    outcome: str | None
    amount_kzt: int | None
    team_size: int


def _translated_columns(path: str) -> list[str]:
    """A translated name's columns in the order modeltranslation reads them: the active
    language, then the fallbacks."""
    codes = [translation.get_language(), *settings.MODELTRANSLATION_FALLBACK_LANGUAGES]
    languages = {code for code, _name in settings.LANGUAGES}
    return [f"{path}_{code}" for code in dict.fromkeys(codes) if code in languages]


def _first_filled(values) -> str:
    return next((value for value in values if value), "")


def applications_list(project: GrantProject) -> Iterator[ApplicationLine]:
    """Every received application with its team size and decision, oldest first, streamed
    as tuples of the printed columns: no Application instances (texts, drafts) built for a
    title and a number. The competition is its id — files name it from
    ``competition_titles``, not from a copy joined to every row."""
    villages = _translated_columns("village__name")
    districts = _translated_columns("village__district__name")
    rows = (
        Application.objects.filter(competition__project=project, submitted_at__isnull=False)
        .exclude(status=Application.Status.DRAFT)
        .order_by("competition__opens_at", "submitted_at", "pk")
        .values_list(
            "pk",
            "registration_number",
            "title",
            "status",
            "submitted_at",
            "competition_id",
            "village_id",
            "decision__outcome",
            "decision__amount_kzt",
            # Stored at submission (applications.totals): no count over every team member.
            "team_count",
            *villages,
            *districts,
        )
    )
    split = 10 + len(villages)
    for row in rows.iterator(chunk_size=CHUNK):
        pk, number, title, status, submitted_at, competition, village, outcome, amount, team = row[
            :10
        ]
        yield ApplicationLine(
            pk,
            number,
            title,
            status,
            submitted_at,
            competition,
            village,
            _first_filled(row[10:split]),
            _first_filled(row[split:]),
            outcome,
            amount,
            team,
        )


def competition_titles(project: GrantProject) -> dict[int, str]:
    return {
        competition.pk: competition.title
        for competition in Competition.objects.filter(project=project)
    }


def scores_by_application(project: GrantProject) -> dict[int, Ranked]:
    """Each ranked application's figures (mean, rank), without loading the application."""
    return {
        result.application_id: result
        for competition in Competition.objects.filter(project=project)
        for result in ranking_results(competition, stability=False)
    }
