"""Trainings: staff plan them, invite the teams, mark attendance; participants give feedback."""

from django.contrib import messages
from django.db.models import Avg, Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from mentoring import forms, selectors
from mentoring.models import POSITIVE_SCORES, Material, Participant, Training, TrainingDay
from mentoring.services import trainings as services


@role_required(Role.STAFF, Role.OPERATOR)
def training_list(request: HttpRequest) -> HttpResponse:
    trainings = (
        Training.objects.select_related("competition")
        .prefetch_related("days")
        .annotate(
            invited=Count("participants", distinct=True),
            answers=Count("participants__feedback", distinct=True),
            satisfied=Count(
                "participants__feedback",
                filter=Q(participants__feedback__satisfaction__in=POSITIVE_SCORES),
                distinct=True,
            ),
        )
        .order_by("-starts_on")
    )
    return render(
        request,
        "mentoring/training_list.html",
        {
            "trainings": trainings,
            "materials": Material.objects.select_related("competition", "training"),
            "material_form": forms.MaterialForm() if request.user.has_role(Role.STAFF) else None,
        },
    )


@role_required(Role.STAFF)
def training_add(request: HttpRequest) -> HttpResponse:
    form = forms.TrainingForm(request.POST or None)
    days = forms.TrainingDayFormSet(request.POST or None, prefix="days")
    if request.method == "POST" and form.is_valid() and days.is_valid():
        training = services.training_create(
            days=[day for day in days.cleaned_data if day], **form.cleaned_data
        )
        messages.success(request, _("The training is created. Invite the teams now."))
        return redirect("mentoring:training", training.pk)
    return render(request, "mentoring/training_form.html", {"form": form, "days": days})


@role_required(Role.STAFF, Role.OPERATOR)
def training(request: HttpRequest, pk: int) -> HttpResponse:
    training = get_object_or_404(
        Training.objects.select_related("competition").prefetch_related(
            Prefetch("days", queryset=TrainingDay.objects.prefetch_related("agenda")),
        ),
        pk=pk,
    )
    participants = list(
        training.participants.select_related("project__application", "feedback")
        .prefetch_related("attended_days")
        .order_by("project__application__registration_number", "full_name")
    )
    days = list(training.days.all())
    grid = [
        (participant, [day in participant.attended_days.all() for day in days])
        for participant in participants
    ]
    answers = [p.feedback for p in participants if hasattr(p, "feedback")]
    summary = training.participants.aggregate(
        average=Avg("feedback__satisfaction"),
    )
    satisfied = sum(1 for answer in answers if answer.satisfaction in POSITIVE_SCORES)
    return render(
        request,
        "mentoring/training.html",
        {
            "training": training,
            "days": days,
            "grid": grid,
            "answers": answers,
            "average": summary["average"],
            "satisfied": satisfied,
            "satisfied_percent": round(100 * satisfied / len(answers), 1) if answers else None,
            "is_staff": request.user.has_role(Role.STAFF),
        },
    )


@require_POST
@role_required(Role.STAFF)
def training_invite(request: HttpRequest, pk: int) -> HttpResponse:
    training = get_object_or_404(Training, pk=pk)
    invited = services.training_invite(
        training=training,
        projects=selectors.training_grantee_projects(training).prefetch_related(
            "application__team"
        ),
    )
    messages.success(
        request, _("%(count)s people of the grantee teams are invited.") % {"count": len(invited)}
    )
    return redirect("mentoring:training", training.pk)


@require_POST
@role_required(Role.STAFF)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    day = get_object_or_404(TrainingDay.objects.select_related("training"), pk=pk)
    form = forms.AttendanceForm(request.POST, training=day.training)
    if form.is_valid():
        services.attendance_mark(day=day, present=list(form.cleaned_data["present"]))
        messages.success(
            request,
            _("Attendance of day %(number)s is saved: %(count)s present.")
            % {"number": day.number, "count": len(form.cleaned_data["present"])},
        )
    else:
        messages.error(request, _("Someone in the list was not invited to this training."))
    return redirect("mentoring:training", day.training_id)


@require_POST
@role_required(Role.STAFF)
def material_add(request: HttpRequest) -> HttpResponse:
    form = forms.MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            services.material_add(upload=fields.pop("upload"), **fields)
        except ServiceError as error:
            refusal_show(request, error)
        else:
            messages.success(request, _("The material is published."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("mentoring:trainings")


def feedback(request: HttpRequest, token) -> HttpResponse:
    """A participant's personal feedback link: no login, one answer."""
    participant = get_object_or_404(Participant.objects.select_related("training"), token=token)
    if hasattr(participant, "feedback"):
        return render(request, "mentoring/feedback_done.html", {"participant": participant})
    form = forms.FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_save(participant=participant, **form.cleaned_data)
        except ServiceError as error:
            refusal_show(request, error)
        return render(request, "mentoring/feedback_done.html", {"participant": participant})
    return render(request, "mentoring/feedback.html", {"participant": participant, "form": form})
