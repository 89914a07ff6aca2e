"""Staff set up a project from their pages: its passport, calendar plan and budget (its
calls are opened by competitions.setup_views). The operator reads the project's pages;
these are GAMO's to write."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.access import role_required
from accounts.roles import Role
from projects.forms import ProjectForm, activity_formset, budget_formset
from projects.selectors import project_get


@role_required(Role.STAFF)
def project_add(request: HttpRequest) -> HttpResponse:
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        project = form.save()
        messages.success(request, _("The project is created; now enter its calendar plan."))
        return redirect("projects:project_plan", slug=project.slug)
    return render(request, "projects/setup/project_form.html", {"form": form})


@role_required(Role.STAFF)
def project_edit(request: HttpRequest, slug: str) -> HttpResponse:
    project = project_get(slug)
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        project = form.save()
        messages.success(request, _("The project's passport is saved."))
        return redirect("projects:project", slug=project.slug)
    return render(request, "projects/setup/project_form.html", {"form": form, "project": project})


def _rows_page(request, *, project, formset, template, success, next_url):
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            formset.save()
        messages.success(request, success)
        return redirect(next_url, project.slug)
    if request.method == "POST":
        messages.error(request, _("Nothing was saved: correct the rows marked below."))
    return render(request, template, {"project": project, "formset": formset})


@role_required(Role.STAFF)
def project_plan(request: HttpRequest, slug: str) -> HttpResponse:
    project = project_get(slug)
    return _rows_page(
        request,
        project=project,
        formset=activity_formset(project=project, data=request.POST or None),
        template="projects/setup/plan_form.html",
        success=_("The calendar plan is saved; now enter the budget."),
        next_url="projects:project_budget_edit",
    )


@role_required(Role.STAFF)
def project_budget_edit(request: HttpRequest, slug: str) -> HttpResponse:
    project = project_get(slug)
    return _rows_page(
        request,
        project=project,
        formset=budget_formset(project=project, data=request.POST or None),
        template="projects/setup/budget_form.html",
        success=_("The budget is saved; now enter the indicators."),
        next_url="reports:indicators_edit",
    )
