"""The team lead's appeal page and the staff's list of appeals with the commission's answers."""

from datetime import timedelta

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from applications.access import own_application
from competitions.models import Competition
from jastarurban.files import file_response
from reviews.appeals import appeal_answer, appeal_lodge
from reviews.forms import AppealAnswerForm, AppealForm
from reviews.models import Appeal


@role_required(Role.APPLICANT)
def appeal(request: HttpRequest, pk: int) -> HttpResponse:
    """The lead appeals against the published result, or reads the commission's answer."""
    application = own_application(request.user, pk)
    competition = application.competition
    if competition.results_published_at is None or application.submitted_at is None:
        raise Http404
    existing = Appeal.objects.filter(application=application).first()
    form = AppealForm()
    if request.method == "POST" and existing is None:
        form = AppealForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                appeal_lodge(
                    application=application,
                    reason=form.cleaned_data["reason"],
                    upload=form.cleaned_data["file"],
                    file_kind=getattr(form, "file_kind", ""),
                    by=request.user,
                )
            except ServiceError as refusal:
                refusal_show(request, refusal)
            else:
                messages.success(request, _("Your appeal is lodged. You will be told the answer."))
            return redirect("reviews:appeal", pk=pk)
    closes = competition.appeals_close_at
    return render(
        request,
        "reviews/appeal.html",
        {
            "application": application,
            "appeal": existing,
            "form": form,
            "can_appeal": existing is None and competition.can_appeal(),
            "last_moment": timezone.localtime(closes) - timedelta(minutes=1),
        },
        status=400 if form.is_bound else 200,
    )


@role_required(Role.STAFF, Role.OPERATOR)
def appeals(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(Competition, slug=slug)
    rows = Appeal.objects.filter(application__competition=competition).select_related(
        "application__applicant", "application__decision", "answered_by"
    )
    return render(
        request,
        "reviews/appeals.html",
        {
            "competition": competition,
            "appeals": rows,
            "answer_form": AppealAnswerForm(),
            "can_answer": request.user.has_role(Role.STAFF),
        },
    )


@role_required(Role.STAFF)
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = get_object_or_404(Appeal.objects.select_related("application__competition"), pk=pk)
    form = AppealAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the answer and give the commission's reasons."))
    else:
        try:
            appeal_answer(
                appeal=appeal,
                upheld=form.cleaned_data["outcome"] == "upheld",
                answer=form.cleaned_data["answer"],
                by=request.user,
            )
        except ServiceError as refusal:
            refusal_show(request, refusal)
        else:
            messages.success(request, _("The answer is recorded and the team lead is told."))
    return redirect("reviews:appeals", slug=appeal.application.competition.slug)


@role_required(Role.STAFF, Role.OPERATOR, Role.APPLICANT)
def appeal_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The appeal's file: for staff, the operator and the appealing lead; others get 404."""
    appeals_ = Appeal.objects.exclude(file="")
    if not request.user.has_role(Role.STAFF, Role.OPERATOR):
        appeals_ = appeals_.filter(application__applicant=request.user)
    appeal_ = get_object_or_404(appeals_, pk=pk)
    return file_response(appeal_.file, stem=f"appeal-{appeal_.application.registration_number}")
