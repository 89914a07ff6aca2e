from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from applications import selectors
from applications.access import application_for_user
from applications.filters import ApplicationFilter
from applications.services.application import application_reopen, application_screen
from applications.staff_forms import ReopenForm, ScreeningForm

PAGE_SIZE = 50


@role_required(Role.STAFF, Role.OPERATOR)
def application_list(request: HttpRequest) -> HttpResponse:
    # Team size and requested amount are stored on the application (applications.totals):
    # filtering, counting and paging on them read two indexed columns, not every team
    # member and budget line of every application.
    submitted = selectors.applications_submitted()
    applications = ApplicationFilter(
        request.GET, queryset=submitted.order_by("registration_number")
    )
    # The page's numbers first (from an index, however deep the page), then its rows.
    numbers = applications.qs.values_list("pk", flat=True)
    page = Paginator(numbers, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = submitted.in_bulk(list(page.object_list))
    page.object_list = [rows[pk] for pk in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "applications/staff_list.html",
        {"filter": applications, "page": page, "query": query.urlencode()},
    )


@role_required(Role.STAFF)
@require_POST
def screen(request: HttpRequest, pk: int) -> HttpResponse:
    application = application_for_user(request.user, pk)
    form = ScreeningForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect("applications:detail", pk=pk)
    try:
        application_screen(
            application=application,
            by=request.user,
            eligible=form.cleaned_data["decision"] == "eligible",
            reason=form.cleaned_data["reason"],
        )
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        messages.success(request, _("The decision is saved and the team is told by e-mail."))
    return redirect("applications:detail", pk=pk)


@role_required(Role.STAFF)
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    application = application_for_user(request.user, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect("applications:detail", pk=pk)
    try:
        application_reopen(
            application=application,
            by=request.user,
            reason=form.cleaned_data["reason"],
            deadline=form.cleaned_data["deadline"],
        )
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        messages.success(request, _("The application is returned to the team for correction."))
    return redirect("applications:detail", pk=pk)
