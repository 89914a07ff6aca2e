"""PDF builders (WeasyPrint via jastarurban.pdf.render_pdf): A4, DejaVu Sans embedded."""

from collections import Counter
from dataclasses import replace

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from applications.models import Application
from jastarurban.charts import bar_chart, line_chart
from jastarurban.money import format_tenge, format_tenge_short
from jastarurban.pdf import render_pdf
from projects.models import GrantProject
from reports.annexes.pdf import annex_context
from reports.builders.data import (
    ProjectReport,
    applications_list,
    decided_competitions,
    scores_by_application,
)
from reports.consistency import Item
from reviews.models import Decision
from reviews.protocol import protocol_pdf

# A printed report lists the top of each ranking (winners, reserve and a margin);
# thousands of rows would make a book nobody reads and take minutes to lay out.
PDF_RANKING_ROWS = 60
# The PDF is read by people; the XLSX is the register. Each long table (documents per
# group, events per activity, publications, grantee projects, consistency findings per
# problem) stops at 60 rows with a note, as the rankings do: the real project (the demo's
# size: 7 teams, 30 publications, at most 53 documents in a group, 40 events in an activity)
# is printed whole, while WeasyPrint lays out about 150 rows a second, so at 30 000
# applications 200 rows of each register (1 500 rows, 58 pages) took 10 seconds where 60
# take 4. Counts and totals stay over every row; the registers are loaded only as far as
# they are printed.
PDF_TABLE_ROWS = 60


def printed(report: ProjectReport) -> ProjectReport:
    """The report with only the rows its PDF prints (each ranking's, activity's event log
    and the grantee projects' first rows), their counts kept for the notes."""
    return replace(
        report,
        rankings=[(c, rows.head(PDF_RANKING_ROWS)) for c, rows in report.rankings],
        activities=[
            replace(s, events=s.events[:PDF_TABLE_ROWS], event_count=s.events_total)
            for s in report.activities
        ],
        grantees=report.grantees[:PDF_TABLE_ROWS],
        grantee_count=report.grantees_total,
    )


def project_report_pdf(report: ProjectReport) -> bytes:
    # Once the caller lets it go (build_report does), what is not printed is freed before
    # WeasyPrint lays the pages out: at 30 000 applications the rankings' figures and the
    # event log are 80 MB the layout then reuses, instead of growing past 250 MB.
    report = printed(report)
    execution = report.execution
    charts = [
        line_chart(
            _("Budget spent over time"),
            execution.spent_by_month,
            value_label=_("spent, cumulative"),
            date_label=_("month"),
            value_format=format_tenge,
            axis_format=format_tenge_short,
        ),
        bar_chart(
            _("Budget by section: spent"),
            [(str(s.section.label), s.actual_kzt) for s in execution.sections],
            value_label=_("spent"),
            category_label=_("section"),
            value_format=format_tenge,
            axis_format=format_tenge_short,
        ),
    ]
    return render_pdf(
        "reports/pdf/project_report.html",
        {
            "report": report,
            "charts": charts,
            "pdf_ranking_rows": f":{PDF_RANKING_ROWS}",
            "pdf_ranking_rows_count": PDF_RANKING_ROWS,
            "pdf_table_rows": f":{PDF_TABLE_ROWS}",
            "pdf_table_rows_count": PDF_TABLE_ROWS,
            **annex_context(report.project, *report.period.bounds, limit=PDF_TABLE_ROWS),
            "consistency": report.consistency,
            "consistency_pdf": consistency_rows(report.consistency, PDF_TABLE_ROWS),
        },
    )


def consistency_rows(items: list[Item], limit: int) -> list[tuple[Item, int]]:
    """The findings the PDF prints, at most ``limit`` of each problem (2 000 payments
    without an agreement are one finding), each with the problem's count after its last
    printed item when some were left out, 0 otherwise."""
    totals = Counter(item.problem for item in items)
    shown: Counter = Counter()
    rows = []
    for item in items:
        shown[item.problem] += 1
        if shown[item.problem] <= limit:
            cut = shown[item.problem] == limit and totals[item.problem] > limit
            rows.append((item, totals[item.problem] if cut else 0))
    return rows


def protocol_report_pdf(project: GrantProject) -> bytes:
    competitions = decided_competitions(project)
    if not competitions:
        raise ValueError(_("No competition has reached the commission's decisions yet."))
    return protocol_pdf(competitions[-1], translation.get_language())


def applications_pdf(project: GrantProject) -> bytes:
    scores = scores_by_application(project)
    # Each label translated once, not looked up through the field's choices per row.
    statuses = {value: str(label) for value, label in Application.Status.choices}
    outcomes = {value: str(label) for value, label in Decision.Outcome.choices}
    return render_pdf(
        "reports/pdf/applications.html",
        {
            "project": project,
            "rows": (
                (
                    line,
                    scores.get(line.pk),
                    statuses.get(line.status, line.status),
                    "" if line.outcome is None else outcomes.get(line.outcome, line.outcome),
                )
                for line in applications_list(project)
            ),
            "generated_at": timezone.localtime(),
        },
    )
