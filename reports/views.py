from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import role_required
from accounts.roles import Role
from competitions.models.budget import project_budget
from competitions.selectors import project_current


@role_required(Role.OPERATOR, Role.STAFF)
def home(request: HttpRequest) -> HttpResponse:
    """The operator's landing page: the project's passport and its budget at a glance."""
    project = project_current()
    return render(
        request,
        "reports/home.html",
        {
            "project": project,
            "budget": project_budget(project) if project else None,
            "indicator_count": project.indicators.count() if project else 0,
        },
    )
