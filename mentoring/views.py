"""Pages of a grantee project for its team, its mentor, staff and the operator."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from jastarurban.files import file_response
from mentoring import forms
from mentoring.models import (
    Disbursement,
    GranteeExpense,
    GranteeProject,
    Material,
    Meeting,
    Milestone,
    Participant,
    Photo,
    ProgressReport,
)
from mentoring.next_steps import team_next_steps
from mentoring.selectors import (
    project_budget,
    project_for,
    project_of_mentor,
    project_of_team,
    projects_overview,
    report_schedule,
    visible_projects,
    with_last_state,
)
from mentoring.services import mentorship, progress, projects

PROJECT_ROLES = (Role.APPLICANT, Role.MENTOR, Role.STAFF, Role.OPERATOR)


@role_required(Role.MENTOR)
def home(request: HttpRequest) -> HttpResponse:
    """The mentor's projects, with the last meeting and when the next one is due."""
    mine = list(
        projects_overview(visible_projects(request.user).filter(mentor=request.user)).order_by(
            "status", "application__registration_number"
        )
    )
    return render(
        request,
        "mentoring/home.html",
        {"projects": with_last_state(mine), "today": timezone.localdate()},
    )


@role_required(Role.APPLICANT)
def grantee(request: HttpRequest) -> HttpResponse:
    """The team's way in: straight to its project, or a list if it has won more than once."""
    mine = list(visible_projects(request.user).filter(application__applicant=request.user))
    if len(mine) == 1:
        return redirect("mentoring:project", mine[0].pk)
    if not mine:
        raise Http404
    return render(request, "mentoring/grantee.html", {"projects": mine})


@role_required(*PROJECT_ROLES)
def project(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(
        visible_projects(request.user)
        .select_related("mentoring_evaluation", "closing_answer", "agreement")
        .prefetch_related(
            "application__team",
            "agreement__report_dues",
            "milestones",
            Prefetch(
                "disbursements",
                queryset=Disbursement.objects.select_related("recorded_by", "decided_by"),
            ),
            Prefetch("visits__photos", queryset=Photo.objects.order_by("pk")),
            Prefetch("meetings", queryset=Meeting.objects.select_related("mentor")),
        ),
        pk=pk,
    )
    user = request.user
    is_team = project.application.applicant_id == user.pk
    is_staff = user.has_role(Role.STAFF)
    reports = list(project.reports.order_by("-number"))
    meetings = list(project.meetings.all())
    payments = list(project.disbursements.all())
    agreement = getattr(project, "agreement", None)
    if not user.has_role(Role.STAFF, Role.OPERATOR):
        # The team and its mentor see what was paid, not what awaits the director.
        payments = [payment for payment in payments if payment.is_approved]
    context = {
        "project": project,
        "payments": payments,
        "can_record_payment": user.has_position(*projects.PAYMENT_RECORDERS),
        "can_approve_payment": user.has_position(*projects.PAYMENT_APPROVERS),
        "budget": project_budget(project),
        "reports": reports,
        "meetings": meetings,
        "is_team": is_team,
        "is_mentor": project.mentor_id == user.pk,
        "is_staff": is_staff,
        "today": timezone.localdate(),
        "agreement": agreement,
        # Mentors are not parties to the agreement: they see the schedule, not the document.
        "sees_agreement": is_team or user.has_role(Role.STAFF, Role.OPERATOR),
    }
    context["schedule"] = report_schedule(agreement, reports, context["today"])
    if is_team:
        unanswered = list(
            Participant.objects.filter(
                project=project, feedback__isnull=True, attended_days__isnull=False
            )
            .select_related("training")
            .distinct()
        )
        context["next_steps"] = team_next_steps(
            project,
            today=context["today"],
            reports=reports,
            last_meeting=meetings[0].held_on if meetings else None,
            unanswered=unanswered,
        )
        context["materials"] = Material.objects.filter(
            competition_id=project.application.competition_id, published=True
        )
    if is_staff:
        context |= {
            "mentor_form": forms.MentorForm(initial={"mentor": project.mentor_id}),
            "milestone_form": forms.MilestoneForm(),
            "disbursement_form": forms.DisbursementForm(),
            "return_form": forms.DisbursementReturnForm(),
            "visit_form": forms.VisitForm(),
            "complete_form": forms.CompleteForm(),
            "line_form": forms.BudgetLineAddForm(),
        }
    return render(request, "mentoring/project.html", context)


@role_required(Role.MENTOR)
def meeting_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_of_mentor(request.user, pk)
    if not project.is_active:
        # Refused whatever the method: the link is hidden, but a bookmark or an old tab
        # must not open a form that can only fail.
        messages.error(request, _("This project is closed; nothing can be added to it."))
        return redirect("mentoring:project", project.pk)
    form = forms.MeetingForm(
        request.POST or None, initial={"held_on": timezone.localdate(), "project_state": "on_track"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            mentorship.meeting_log(project=project, mentor=request.user, **form.cleaned_data)
        except ServiceError as error:
            refusal_show(request, error)
        else:
            messages.success(request, _("The meeting is logged."))
            return redirect("mentoring:project", project.pk)
    return render(request, "mentoring/meeting_form.html", {"project": project, "form": form})


@require_POST
@role_required(Role.APPLICANT)
def report_start(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_of_team(request.user, pk)
    try:
        report = progress.report_start(project=project)
    except ServiceError as error:
        refusal_show(request, error)
        return redirect("mentoring:project", project.pk)
    return redirect("mentoring:report", report.pk)


def _report_for(request: HttpRequest, pk: int) -> ProgressReport:
    report = get_object_or_404(ProgressReport.objects.select_related("project"), pk=pk)
    report.project = project_for(request.user, report.project_id)
    return report


def _team_report(request: HttpRequest, pk: int) -> ProgressReport:
    report = _report_for(request, pk)
    if report.project.application.applicant_id != request.user.pk:
        raise Http404
    return report


@role_required(*PROJECT_ROLES)
def report(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    project = report.project
    is_team = project.application.applicant_id == request.user.pk
    form = forms.ReportForm(request.POST or None, instance=report)
    if request.method == "POST":
        if not is_team:
            raise Http404
        if form.is_valid():
            try:
                progress.report_save(report=report, **form.cleaned_data)
            except ServiceError as error:
                refusal_show(request, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("mentoring:report", report.pk)
    budget = project_budget(project)
    context = {
        "report": report,
        "project": project,
        "form": form,
        "is_team": is_team,
        "is_staff": request.user.has_role(Role.STAFF),
        "budget": budget,
        "expenses": report.expenses.select_related("line"),
        "photos": report.photos.all(),
        "history": report.changes.select_related("changed_by"),
    }
    if is_team and report.is_editable:
        context["expense_form"] = forms.ExpenseForm(project=project)
        context["photo_form"] = forms.PhotoForm()
    if context["is_staff"] and report.status == ProgressReport.Status.SUBMITTED:
        context["review_form"] = forms.ReviewForm()
    return render(request, "mentoring/report.html", context)


@require_POST
@role_required(Role.APPLICANT)
def expense_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = _team_report(request, pk)
    form = forms.ExpenseForm(request.POST, request.FILES, project=report.project)
    if form.is_valid():
        try:
            _expense, warning = progress.expense_add(report=report, **form.cleaned_data)
        except ServiceError as error:
            refusal_show(request, error, form)
        else:
            messages.success(request, _("The expense is added."))
            if warning:
                messages.warning(request, warning)
            return redirect("mentoring:report", report.pk)
    # The rejected form comes back with what was typed; only the file must be chosen again.
    return render(
        request,
        "mentoring/expense_form.html",
        {"report": report, "project": report.project, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@role_required(Role.APPLICANT)
def expense_delete(request: HttpRequest, pk: int) -> HttpResponse:
    expense = get_object_or_404(GranteeExpense, pk=pk)
    report = _team_report(request, expense.report_id)
    try:
        progress.expense_delete(expense=expense)
    except ServiceError as error:
        refusal_show(request, error)
    return redirect("mentoring:report", report.pk)


@require_POST
@role_required(Role.APPLICANT)
def photo_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = _team_report(request, pk)
    form = forms.PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            progress.photo_add(report=report, **form.cleaned_data)
        except ServiceError as error:
            refusal_show(request, error)
        else:
            messages.success(request, _("The photo is added."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("mentoring:report", report.pk)


@require_POST
@role_required(Role.APPLICANT)
def photo_delete(request: HttpRequest, pk: int) -> HttpResponse:
    photo = get_object_or_404(Photo, pk=pk, report__isnull=False)
    report = _team_report(request, photo.report_id)
    try:
        progress.photo_delete(photo=photo)
    except ServiceError as error:
        refusal_show(request, error)
    return redirect("mentoring:report", report.pk)


@require_POST
@role_required(Role.APPLICANT)
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _team_report(request, pk)
    try:
        progress.report_submit(report=report, by=request.user)
    except ServiceError as error:
        refusal_show(request, error)
        return redirect("mentoring:report", report.pk)
    messages.success(request, _("The report is sent to GAMO for checking."))
    return redirect("mentoring:project", report.project_id)


@require_POST
@role_required(Role.STAFF)
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    form = forms.ReviewForm(request.POST)
    if form.is_valid():
        try:
            progress.report_review(
                report=report,
                accept=form.cleaned_data["decision"] == "accept",
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except ServiceError as error:
            refusal_show(request, error)
        else:
            messages.success(request, _("The team can see your decision."))
    else:
        messages.error(request, _("Choose accept or return."))
    return redirect("mentoring:report", report.pk)


@role_required(Role.APPLICANT)
def evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_of_team(request.user, pk)
    return _team_form(
        request,
        project,
        forms.EvaluationForm,
        mentorship.evaluation_save,
        title=_("Mentoring evaluation sheet"),
    )


@role_required(Role.APPLICANT)
def closing(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_of_team(request.user, pk)
    return _team_form(
        request,
        project,
        forms.ClosingForm,
        projects.closing_answer_save,
        title=_("Did the project improve life in your village?"),
    )


def _team_form(request, project: GranteeProject, form_class, save, *, title) -> HttpResponse:
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            save(project=project, by=request.user, **form.cleaned_data)
        except ServiceError as error:
            refusal_show(request, error)
        else:
            messages.success(request, _("Thank you! Your answer is saved."))
        return redirect("mentoring:project", project.pk)
    return render(
        request, "mentoring/team_form.html", {"project": project, "form": form, "title": title}
    )


@require_POST
@role_required(Role.APPLICANT)
def milestone_done(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = get_object_or_404(Milestone, pk=pk)
    project = project_of_team(request.user, milestone.project_id)
    done = request.POST.get("done") == "1"
    projects.milestone_done(milestone=milestone, done_on=timezone.localdate() if done else None)
    return redirect("mentoring:project", project.pk)


# Files: served only to those who may see the project, under a neutral name.


@role_required(*PROJECT_ROLES)
def receipt(request: HttpRequest, pk: int) -> FileResponse:
    expense = get_object_or_404(GranteeExpense.objects.select_related("report"), pk=pk)
    project_for(request.user, expense.report.project_id)
    return file_response(expense.receipt, stem=f"receipt-{expense.pk}")


@role_required(*PROJECT_ROLES)
def photo(request: HttpRequest, pk: int) -> FileResponse:
    photo = get_object_or_404(Photo.objects.select_related("report", "visit"), pk=pk)
    project_id = photo.report.project_id if photo.report_id else photo.visit.project_id
    project_for(request.user, project_id)
    return file_response(photo.image, stem=f"photo-{photo.pk}", inline_images=True)


@role_required(*PROJECT_ROLES)
def material(request: HttpRequest, pk: int) -> HttpResponse:
    """A training material: for staff, the operator, mentors and teams of its competition."""
    material = get_object_or_404(Material, pk=pk)
    user = request.user
    if not user.has_role(Role.STAFF, Role.OPERATOR, Role.MENTOR):
        teams = visible_projects(user).filter(
            application__applicant=user, application__competition_id=material.competition_id
        )
        if not material.published or not teams.exists():
            raise Http404
    if material.link and not material.file:
        return redirect(material.link)
    return file_response(material.file, stem=material.title[:60])
