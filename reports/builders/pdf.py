"""PDF builders (WeasyPrint via jastarurban.pdf.render_pdf): A4, DejaVu Sans embedded."""

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
from reviews.models import Decision
from reviews.protocol import protocol_pdf

# A printed report lists the top of each ranking (winners, reserve and a margin);
# thousands of rows would make a book nobody reads and take minutes to lay out.
PDF_RANKING_ROWS = 60


def project_report_pdf(report: ProjectReport) -> bytes:
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
            **annex_context(report.project, *report.period.bounds),
            "consistency": report.consistency,
        },
    )


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
