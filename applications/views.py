from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import role_required
from accounts.roles import Role
from competitions.selectors import competitions_open


@role_required(Role.APPLICANT)
def home(request: HttpRequest) -> HttpResponse:
    """The applicant's home: the calls open now; their applications join this page with them."""
    return render(
        request, "applications/home.html", {"open_competitions": list(competitions_open())}
    )
