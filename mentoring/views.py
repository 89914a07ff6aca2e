from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import role_required
from accounts.roles import Role
from competitions.selectors import project_current


@role_required(Role.MENTOR)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "mentoring/home.html", {"project": project_current()})
