from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.models import User
from accounts.roles import Role
from competitions.models import Competition
from reviews.access import commission_competition, may_resolve_flags
from reviews.forms import AssignByHandForm, AssignForm, CommissionAddForm
from reviews.models import Review
from reviews.selectors import applications_eligible, commission_members, conflict_flags_page
from reviews.services import (
    assignment_create,
    assignments_create_all,
    assignments_create_k_each,
    commission_add,
    flag_resolve,
    review_reopen,
)


def _experts():
    return User.objects.filter(groups__name=Role.EXPERT, is_active=True).order_by("full_name")


@role_required(Role.STAFF, Role.OPERATOR, Role.EXPERT)
def commission(request: HttpRequest, slug: str) -> HttpResponse:
    """The commission's work; staff manage it, the operator reads it, the chair reads it
    and resolves the conflict flags."""
    return _commission_page(request, commission_competition(request.user, slug))


def _commission_page(request: HttpRequest, competition: Competition, **forms) -> HttpResponse:
    """The page, with the form that was just refused (what was typed, and why) in place of
    its empty one."""
    members = commission_members(competition)
    return render(
        request,
        "reviews/commission.html",
        {
            "competition": competition,
            "members": members,
            "eligible_count": applications_eligible(competition).count(),
            "flags": conflict_flags_page(competition, request.GET.get("page"), members),
            "can_resolve": may_resolve_flags(request.user, competition)
            and competition.results_published_at is None,
            "add_form": CommissionAddForm(experts=_experts()),
            "assign_form": AssignForm(),
            "by_hand_form": AssignByHandForm(competition=competition),
            "can_manage": request.user.has_role(Role.STAFF),
        }
        | forms,
    )


@role_required(Role.STAFF)
@require_POST
def commission_add_view(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(Competition, slug=slug)
    form = CommissionAddForm(request.POST, experts=_experts())
    if form.is_valid():
        try:
            commission_add(
                competition=competition,
                expert=form.cleaned_data["expert"],
                is_chair=form.cleaned_data["is_chair"],
                by=request.user,
            )
        except ServiceError as refusal:
            refusal_show(request, refusal, form)
        else:
            messages.success(request, _("The expert is on the commission."))
            return redirect("reviews:commission", slug=slug)
    return _commission_page(request, competition, add_form=form)


@role_required(Role.STAFF)
@require_POST
def assign(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(Competition, slug=slug)
    form = AssignForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["mode"] == "every":
                count = assignments_create_all(competition=competition, by=request.user)
            else:
                count = assignments_create_k_each(
                    competition=competition, k=form.cleaned_data["k"], by=request.user
                )
        except ServiceError as refusal:
            refusal_show(request, refusal, form)
        else:
            messages.success(request, _("%(count)s new assignments.") % {"count": count})
            return redirect("reviews:commission", slug=slug)
    return _commission_page(request, competition, assign_form=form)


@role_required(Role.STAFF)
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(
        Review.objects.select_related("assignment__member__competition"), pk=pk
    )
    try:
        review_reopen(review=review, by=request.user, reason=request.POST.get("reason", ""))
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        messages.success(request, _("The review is open again for its expert."))
    return redirect("reviews:commission", slug=review.assignment.member.competition.slug)


@role_required(Role.STAFF)
@require_POST
def assign_one(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(Competition, slug=slug)
    form = AssignByHandForm(request.POST, competition=competition)
    if not form.is_valid():
        return _commission_page(request, competition, by_hand_form=form)
    member = form.cleaned_data["member"]
    assignment = assignment_create(application=form.application, member=member, by=request.user)
    if assignment.conflict == assignment.Conflict.DECLARED:
        messages.error(request, _("This expert declared a conflict with this application."))
    else:
        messages.success(request, _("Assigned."))
    return redirect("reviews:commission", slug=slug)


@role_required(Role.STAFF, Role.EXPERT)
@require_POST
def flag_resolve_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Staff or the chair confirm a conflict flag (the review is voided) or dismiss it."""
    competition = commission_competition(request.user, slug, write=True)
    try:
        application_id = int(request.POST.get("application", ""))
        member_id = int(request.POST.get("member", ""))
    except ValueError:
        raise Http404 from None
    confirm = request.POST.get("outcome") == "confirmed"
    try:
        flag_resolve(
            competition=competition,
            application_id=application_id,
            member_id=member_id,
            confirm=confirm,
            note=request.POST.get("note", ""),
            by=request.user,
        )
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        messages.success(
            request,
            _("The conflict is confirmed: the review is voided and the ranking recomputed.")
            if confirm
            else _("The flag is dismissed."),
        )
    return redirect(f"{reverse('reviews:commission', args=[slug])}#flags")
