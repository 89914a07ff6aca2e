"""Staff open a call of a project from its pages (the project is set up in
projects.setup_views)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.access import role_required
from accounts.roles import Role
from competitions.services import competition_open
from competitions.setup_forms import CompetitionForm
from projects.selectors import project_get


@role_required(Role.STAFF)
def competition_add(request: HttpRequest, slug: str) -> HttpResponse:
    project = project_get(slug)
    form = CompetitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        competition = form.save(commit=False)
        competition.project = project
        competition_open(
            competition=competition, criteria_from=form.cleaned_data["copy_criteria_from"]
        )
        form.save_m2m()
        messages.success(
            request, _("The call is saved; it opens for applications on its opening date.")
        )
        return redirect("competitions:detail", slug=competition.slug)
    return render(
        request, "competitions/setup/competition_form.html", {"form": form, "project": project}
    )
