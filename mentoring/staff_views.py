"""GAMO's side of the grantee projects: the list, the mentor, money, visits and closing."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from jastarurban.files import file_response
from mentoring import forms
from mentoring.models import Disbursement, GranteeProject, ProjectBudgetLine
from mentoring.selectors import (
    project_for,
    projects_overview,
    visible_projects,
    with_last_state,
    with_overdue_reports,
)
from mentoring.services import projects as services
from projects.selectors import project_get, projects_all

PAGE_SIZE = 50


@role_required(Role.STAFF, Role.OPERATOR)
def project_choose(request: HttpRequest) -> HttpResponse:
    """The grantees are listed per grant project: with one project its list, else a choice.

    No project is chosen for the reader, so a second project's grantees never mix in."""
    # Counted in a subquery from the grantee projects (a few per call), not by joining every
    # application to the project rows: that join grouped thousands of wide rows.
    grantees = (
        GranteeProject.objects.filter(application__competition__project=OuterRef("pk"))
        .order_by()
        .values("application__competition__project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    projects = list(projects_all().annotate(grantees=Coalesce(Subquery(grantees), 0)))
    if len(projects) == 1:
        return redirect("grantees:list", project=projects[0].slug)
    return render(request, "mentoring/project_choose.html", {"projects": projects})


@role_required(Role.STAFF, Role.OPERATOR)
def project_list(request: HttpRequest, project: str) -> HttpResponse:
    """One grant project's grantee projects, fifty to a page."""
    grant_project = project_get(project)
    order = ("application__competition__opens_at", "application__registration_number")
    mine = GranteeProject.objects.filter(application__competition__project=grant_project)
    # Counted on the plain list; the figures are summed for the page's fifty rows only.
    page = Paginator(mine.order_by(*order).values_list("pk", flat=True), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    projects = with_overdue_reports(
        projects_overview(
            visible_projects(request.user)
            .select_related("agreement")
            .filter(pk__in=list(page.object_list))
        ),
        timezone.localdate(),
    ).order_by(*order)
    projects = with_last_state(list(projects))
    for row in projects:
        row.agreement_or_none = getattr(row, "agreement", None)
    return render(
        request,
        "mentoring/project_list.html",
        {"projects": projects, "page": page, "grant_project": grant_project},
    )


def _staff_post(form_class, action, success: str):
    """A staff form on the project page: valid → service → message; errors → messages."""

    @require_POST
    @role_required(Role.STAFF)
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        project = get_object_or_404(GranteeProject, pk=pk)
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                action(project=project, by=request.user, **form.cleaned_data)
            except ServiceError as error:
                refusal_show(request, error)
            else:
                messages.success(request, success)
        else:
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for message in errors:
                    messages.error(request, f"{label}: {message}" if label else message)
        return redirect("mentoring:project", project.pk)

    return view


def _assign(*, project, by, mentor):
    services.mentor_assign(project=project, mentor=mentor)


def _milestone(*, project, by, **fields):
    services.milestone_add(project=project, **fields)


def _visit(*, project, by, photos, **fields):
    services.visit_add(project=project, photos=photos, by=by, **fields)


def _complete(*, project, by, **fields):
    services.project_complete(project=project, by=by, **fields)


def _line_add(*, project, by, **fields):
    services.budget_line_add(project=project, by=by, **fields)


assign_mentor = _staff_post(forms.MentorForm, _assign, _("The mentor is assigned."))
milestone_add = _staff_post(forms.MilestoneForm, _milestone, _("The milestone is added."))
disbursement_add = _staff_post(
    forms.DisbursementForm, services.disbursement_add, _("The payment is recorded.")
)
visit_add = _staff_post(forms.VisitForm, _visit, _("The visit is recorded."))
complete = _staff_post(forms.CompleteForm, _complete, _("The project is closed."))
budget_line_add = _staff_post(forms.BudgetLineAddForm, _line_add, _("The line is added."))


@require_POST
@role_required(Role.STAFF)
def budget_line_change(request: HttpRequest, pk: int) -> HttpResponse:
    line = get_object_or_404(ProjectBudgetLine, pk=pk)
    form = forms.BudgetLineForm(request.POST)
    if form.is_valid():
        try:
            services.budget_line_change(line=line, by=request.user, **form.cleaned_data)
        except ServiceError as error:
            refusal_show(request, error)
        else:
            messages.success(request, _("The approved amount is changed."))
    else:
        messages.error(request, _("Give the new amount and the reason."))
    return redirect("mentoring:project", line.project_id)


@require_POST
@role_required(Role.STAFF)
def disbursement_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """The director approves a payment someone else recorded (the service checks both)."""
    disbursement = get_object_or_404(Disbursement, pk=pk)
    try:
        services.disbursement_approve(disbursement=disbursement, by=request.user)
    except ServiceError as error:
        refusal_show(request, error)
    else:
        messages.success(request, _("The payment is approved and counts as paid."))
    return redirect("mentoring:project", disbursement.project_id)


@require_POST
@role_required(Role.STAFF)
def disbursement_return(request: HttpRequest, pk: int) -> HttpResponse:
    disbursement = get_object_or_404(Disbursement, pk=pk)
    form = forms.DisbursementReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the payment is returned."))
    else:
        try:
            services.disbursement_return(
                disbursement=disbursement, reason=form.cleaned_data["reason"], by=request.user
            )
        except ServiceError as error:
            refusal_show(request, error)
        else:
            messages.success(request, _("The payment is returned to the person who recorded it."))
    return redirect("mentoring:project", disbursement.project_id)


@role_required(Role.STAFF, Role.OPERATOR)
def payment_document(request: HttpRequest, pk: int) -> FileResponse:
    disbursement = get_object_or_404(Disbursement, pk=pk)
    return file_response(disbursement.document, stem=f"payment-{disbursement.pk}")


@role_required(Role.APPLICANT, Role.MENTOR, Role.STAFF, Role.OPERATOR)
def final_report(request: HttpRequest, pk: int) -> FileResponse:
    project = project_for(request.user, pk)
    return file_response(project.final_report, stem=f"final-report-{project.pk}")
