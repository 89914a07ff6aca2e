"""Staff write, per activity of the calendar plan and reporting period, what was done, the
problems met and how they were solved (reports/periods/narratives.py keeps each version)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.roles import Role
from projects.models import Activity
from projects.selectors import project_get
from reports.forms import NarrativeForm, PeriodForm
from reports.periods import Period
from reports.periods.narratives import TEXTS, narrative_history, narrative_save
from reports.periods.sections import period_event_log


def _page_url(project, period: Period, number: int | None = None) -> str:
    query = urlencode(
        {
            "period_start": period.start.strftime("%d.%m.%Y"),
            "period_end": period.end.strftime("%d.%m.%Y"),
        }
    )
    anchor = f"#activity-{number}" if number else ""
    return f"{reverse('reports:narratives', args=[project.slug])}?{query}{anchor}"


@role_required(Role.STAFF)
def narratives(request: HttpRequest, project: str) -> HttpResponse:
    """The period chosen above, then one form per activity with its current version and
    the earlier ones."""
    project = project_get(project)
    asked = "period_start" in request.GET or "period_end" in request.GET
    period_form = PeriodForm(request.GET if asked else None, project=project)
    rows = []
    period = None
    if asked and period_form.is_valid():
        period = Period(
            period_form.cleaned_data["period_start"], period_form.cleaned_data["period_end"]
        )
        history = narrative_history(project, period.start, period.end)
        activities = list(project.activities.order_by("number"))
        log = period_event_log(project, activities, period)
        for activity in activities:
            versions = history.get(activity.pk, [])
            current = versions[0] if versions else None
            initial = {name: getattr(current, name) for name in TEXTS} if current else None
            form = NarrativeForm(initial=initial, prefix=f"a{activity.number}")
            rows.append((activity, form, current, versions[1:], log[activity.number]))
    return render(
        request,
        "reports/narratives.html",
        {"project": project, "period_form": period_form, "period": period, "rows": rows},
    )


@role_required(Role.STAFF)
@require_POST
def narrative_save_view(request: HttpRequest, project: str, number: int) -> HttpResponse:
    project = project_get(project)
    activity = get_object_or_404(Activity, project=project, number=number)
    period_form = PeriodForm(request.POST, project=project)
    form = NarrativeForm(request.POST, prefix=f"a{number}")
    if not period_form.is_valid() or not form.is_valid():
        messages.error(
            request, _("The narrative was not saved: choose a period inside the project.")
        )
        return redirect("reports:narratives", project=project.slug)
    period = Period(
        period_form.cleaned_data["period_start"], period_form.cleaned_data["period_end"]
    )
    saved = narrative_save(
        activity=activity,
        start=period.start,
        end=period.end,
        written_by=request.user,
        **form.cleaned_data,
    )
    if saved:
        messages.success(
            request,
            _("Activity %(number)s: version %(version)s is saved; the earlier one is kept.")
            % {"number": number, "version": saved.version},
        )
    else:
        messages.info(request, _("Activity %(number)s: nothing changed.") % {"number": number})
    return redirect(_page_url(project, period, number))
