from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from jastarurban.charts import bar_chart, line_chart
from jastarurban.files import file_response
from jastarurban.money import format_tenge, format_tenge_short
from projects.models import Indicator, ProjectExpense
from projects.selectors import project_get, projects_all
from projects.services import expense_record, indicator_value_enter
from reports.budget import budget_execution
from reports.chart_snapshots import charts_snapshot, dashboard_charts
from reports.consistency import Severity, consistency_check
from reports.forms import (
    ExpenseForm,
    IndicatorValueForm,
    ReportRequestForm,
    indicator_formset,
)
from reports.indicators.display import indicator_chart_formats
from reports.indicators.sources import SOURCES
from reports.models import ReportFile
from reports.selectors import indicator_history, indicator_rows, rows_by_activity
from reports.services import SubmitRefused, report_request, report_submit
from reports.snapshots import indicators_snapshot

READERS = (Role.OPERATOR, Role.STAFF)


@role_required(*READERS)
def home(request: HttpRequest) -> HttpResponse:
    """The operator's landing page: the projects, each with its own reports. No project is
    chosen for the reader: a report belongs to the project named in its address."""
    return render(
        request,
        "reports/home.html",
        {"projects": list(projects_all().annotate(indicator_count=Count("indicators")))},
    )


# The addresses before projects were named in them: with one project they lead to its page,
# with more to the chooser, so an old bookmark never shows another project's figures.
LEGACY_PAGES = {
    "dashboard": "reports:dashboard",
    "budget": "reports:budget",
    "files": "reports:files",
}


@role_required(*READERS)
def legacy(request: HttpRequest, page: str) -> HttpResponse:
    projects = list(projects_all()[:2])
    if len(projects) == 1:
        return redirect(LEGACY_PAGES[page], project=projects[0].slug)
    return redirect("reports:home")


@role_required(*READERS)
def project_home(request: HttpRequest, project: str) -> HttpResponse:
    """One project's reports page: its passport and its budget at a glance."""
    project = project_get(project)
    execution = budget_execution(project)
    return render(
        request,
        "reports/project_home.html",
        {
            "project": project,
            "budget": execution.budget,
            "execution": execution,
            "indicator_count": project.indicators.count(),
        },
    )


@role_required(*READERS)
def dashboard(request: HttpRequest, project: str) -> HttpResponse:
    """Indicators and charts from their latest snapshots (the budget's from its monthly
    totals): a fixed number of queries whatever the number of applications or days of
    history."""
    project = project_get(project)
    rows = indicator_rows(project)
    execution = budget_execution(project)
    series, charts_taken = dashboard_charts(project)
    charts = [
        bar_chart(
            _("Applications by district"),
            series["districts"],
            value_label=_("applications"),
            category_label=_("district"),
        ),
        bar_chart(
            _("Distribution of the experts' scores"),
            series["scores"],
            value_label=_("scores given"),
            category_label=_("score"),
        ),
        line_chart(
            _("Budget spent over time"),
            execution.spent_by_month,
            value_label=_("spent, cumulative"),
            date_label=_("month"),
            value_format=format_tenge,
            axis_format=format_tenge_short,
        ),
        line_chart(
            _("Views over time"),
            series["views"],
            value_label=_("views, latest known per post"),
            date_label=_("date"),
        ),
    ]
    return render(
        request,
        "reports/dashboard.html",
        {
            "project": project,
            "groups": rows_by_activity(rows),
            # The newest snapshot among the rows: no query of its own.
            "as_of": max((row.as_of for row in rows if row.as_of), default=None),
            "charts": charts,
            "charts_taken_at": charts_taken.taken_at,
            "execution": execution,
        },
    )


@role_required(Role.STAFF)
def indicators_edit(request: HttpRequest, project: str) -> HttpResponse:
    """Staff enter the project's indicators: targets, and the source each is computed by."""
    project = project_get(project)
    formset = indicator_formset(project=project, data=request.POST or None)
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            formset.save()
        messages.success(request, _("The indicators are saved; now open a call."))
        return redirect("competitions:competition_add", slug=project.slug)
    if request.method == "POST":
        messages.error(request, _("Nothing was saved: correct the rows marked below."))
    return render(request, "reports/indicators_form.html", {"project": project, "formset": formset})


@role_required(*READERS)
def indicator_detail(request: HttpRequest, project: str, code: str) -> HttpResponse:
    project = project_get(project)
    indicator = get_object_or_404(
        Indicator.objects.select_related("activity", "manual_entered_by"),
        project=project,
        code=code,
    )
    history = indicator_history(indicator)
    value_format, axis_format = indicator_chart_formats(indicator.unit)
    chart = line_chart(
        _("Values by day"),
        [(snapshot.taken_on, snapshot.value) for snapshot in history],
        value_label=str(indicator.get_unit_display()),
        date_label=_("date"),
        value_format=value_format,
        axis_format=axis_format,
        show_table=True,
    )
    can_enter = request.user.has_role(Role.STAFF) and indicator.source not in SOURCES
    return render(
        request,
        "reports/indicator_detail.html",
        {
            "project": project,
            "indicator": indicator,
            "history": history,
            "chart": chart,
            "source": SOURCES.get(indicator.source),
            "form": IndicatorValueForm() if can_enter else None,
        },
    )


@role_required(Role.STAFF)
@require_POST
def indicator_enter(request: HttpRequest, project: str, code: str) -> HttpResponse:
    project = project_get(project)
    indicator = get_object_or_404(Indicator, project=project, code=code)
    if indicator.source in SOURCES:
        raise PermissionDenied
    form = IndicatorValueForm(request.POST, request.FILES)
    if form.is_valid():
        indicator_value_enter(
            indicator=indicator,
            value=form.cleaned_data["value"],
            entered_by=request.user,
            evidence=form.cleaned_data.get("file"),
        )
        messages.success(request, _("The value is saved; the next snapshot takes it."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("reports:indicator", project=project.slug, code=code)


@role_required(*READERS)
def indicator_evidence(request: HttpRequest, project: str, code: str) -> FileResponse:
    project = project_get(project)
    indicator = get_object_or_404(Indicator, project=project, code=code)
    return file_response(indicator.manual_evidence, stem=f"evidence-{indicator.code}")


@role_required(Role.STAFF)
@require_POST
def snapshot_now(request: HttpRequest, project: str) -> HttpResponse:
    project = project_get(project)
    written = indicators_snapshot(project=project, refresh=True)
    charts_snapshot(project=project, refresh=True)
    if written:
        messages.success(
            request,
            _("Today's values are updated (%(time)s).")
            % {"time": formats.time_format(timezone.localtime(), "H:i")},
        )
    else:
        messages.info(request, _("No indicator can be measured yet."))
    return redirect("reports:dashboard", project=project.slug)


@role_required(*READERS)
def budget(request: HttpRequest, project: str) -> HttpResponse:
    project = project_get(project)
    execution = budget_execution(project)
    return render(
        request,
        "reports/budget.html",
        {
            "project": project,
            "execution": execution,
            "expenses": list(
                ProjectExpense.objects.filter(line__project=project)
                .select_related("line", "entered_by")
                .order_by("-spent_on", "-pk")
            ),
            "chart": line_chart(
                _("Budget spent over time"),
                execution.spent_by_month,
                value_label=_("spent, cumulative"),
                date_label=_("month"),
                value_format=format_tenge,
                axis_format=format_tenge_short,
            ),
        },
    )


@role_required(Role.STAFF)
def expense_add(request: HttpRequest, project: str) -> HttpResponse:
    project = project_get(project)
    form = ExpenseForm(request.POST or None, request.FILES or None, project=project)
    if request.method == "POST" and form.is_valid():
        expense_record(entered_by=request.user, **form.cleaned_data)
        messages.success(request, _("The expense is recorded."))
        return redirect("reports:budget", project=project.slug)
    return render(request, "reports/expense_form.html", {"form": form, "project": project})


@role_required(*READERS)
def expense_file(request: HttpRequest, project: str, pk: int) -> FileResponse:
    expense = get_object_or_404(ProjectExpense, pk=pk, line__project__slug=project)
    return file_response(expense.file, stem=f"expense-{expense.pk}")


def _files_page(request: HttpRequest, project, form: ReportRequestForm) -> HttpResponse:
    return render(
        request,
        "reports/files.html",
        {
            "project": project,
            "form": form,
            "reports": list(
                ReportFile.objects.filter(project=project).select_related(
                    "requested_by", "submitted_by", "project"
                )[:100]
            ),
        },
    )


@role_required(*READERS)
def files(request: HttpRequest, project: str) -> HttpResponse:
    project = project_get(project)
    return _files_page(request, project, ReportRequestForm(project=project))


@role_required(*READERS)
@require_POST
def request_report(request: HttpRequest, project: str) -> HttpResponse:
    """The one thing the operator may post: a request for a report to be built. A wrong
    period shows the page again with the form's errors beside its fields."""
    project = project_get(project)
    form = ReportRequestForm(request.POST, project=project)
    if not form.is_valid():
        messages.error(request, _("The report was not requested: correct the marked fields."))
        return _files_page(request, project, form)
    report = report_request(project=project, requested_by=request.user, **form.cleaned_data)
    report.refresh_from_db(fields=["status", "error"])
    if report.status == ReportFile.Status.FAILED:
        messages.error(request, _("The report failed: %(error)s") % {"error": report.error})
    else:
        messages.success(request, _("The report is being built; this page shows when it is ready."))
    return redirect("reports:files", project=project.slug)


@role_required(*READERS)
def file_status(request: HttpRequest, project: str, pk: int) -> HttpResponse:
    """One row of the list, polled by htmx until the file is ready or failed."""
    report = get_object_or_404(
        ReportFile.objects.select_related("requested_by", "submitted_by", "project"),
        pk=pk,
        project__slug=project,
    )
    return render(request, "reports/_file_row.html", {"report": report})


@role_required(*READERS)
def file_download(request: HttpRequest, project: str, pk: int) -> FileResponse:
    report = get_object_or_404(
        ReportFile, pk=pk, project__slug=project, status=ReportFile.Status.DONE
    )
    return file_response(report.file, stem=PurePath(report.filename).stem)


@role_required(*READERS)
def consistency(request: HttpRequest, project: str) -> HttpResponse:
    """What the check finds before a report is built: staff fix it, the operator reads it."""
    project = project_get(project)
    items = consistency_check(project)
    return render(
        request,
        "reports/consistency.html",
        {
            "project": project,
            "items": items,
            "blocking_count": sum(item.is_blocking for item in items),
            "warning_count": sum(item.severity == Severity.WARNING for item in items),
        },
    )


@role_required(Role.STAFF)
@require_POST
def file_submit(request: HttpRequest, project: str, pk: int) -> HttpResponse:
    """Staff mark an interim or final report file as sent to the operator."""
    report = get_object_or_404(
        ReportFile.objects.select_related("project"), pk=pk, project__slug=project
    )
    try:
        report_submit(report=report, by=request.user)
    except ServiceError as refused:
        refusal_show(request, refused)
        if isinstance(refused, SubmitRefused) and refused.items:
            return redirect("reports:consistency", project=report.project.slug)
    else:
        messages.success(
            request,
            _("%(report)s is marked submitted to the operator.") % {"report": report},
        )
    return redirect("reports:files", project=report.project.slug)
