"""The project's pages for staff and the operator: its passport, budget and indicators."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import role_required
from accounts.roles import Role
from projects.models.budget import project_budget
from projects.selectors import project_get


@role_required(Role.STAFF, Role.OPERATOR)
def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = project_get(slug)
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "tasks": list(project.tasks.all()),
            "target_groups": list(project.target_groups.all()),
            "activities": list(project.activities.all()),
            "past_projects": list(project.recipient.past_projects.all()),
            "competitions": list(project.competitions.all()),
            "tab": "overview",
        },
    )


@role_required(Role.STAFF, Role.OPERATOR)
def project_budget_view(request: HttpRequest, slug: str) -> HttpResponse:
    project = project_get(slug)
    return render(
        request,
        "projects/project_budget.html",
        {
            "project": project,
            "budget": project_budget(project),
            "activities": {a.number: a for a in project.activities.all()},
            "tab": "budget",
        },
    )


@role_required(Role.STAFF, Role.OPERATOR)
def project_indicators(request: HttpRequest, slug: str) -> HttpResponse:
    project = project_get(slug)
    activities = list(project.activities.prefetch_related("indicators").order_by("number"))
    return render(
        request,
        "projects/project_indicators.html",
        {"project": project, "activities": activities, "tab": "indicators"},
    )
