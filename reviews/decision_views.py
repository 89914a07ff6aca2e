from django.conf import settings
from django.contrib import messages
from django.db.models import Avg
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required
from accounts.errors import ServiceError, refusal_show
from accounts.roles import Role
from applications.access import own_application
from competitions.models import Competition
from reviews.access import commission_competition
from reviews.decisions import (
    award_withdraw,
    decision_approve,
    decision_propose,
    decision_return,
    may_propose,
    may_review,
    results_publish,
)
from reviews.models import AwardDecision, CriterionScore, Decision, Review
from reviews.protocol import protocol_pdf
from reviews.selectors import open_flags, ranking_page


@role_required(Role.STAFF, Role.OPERATOR, Role.EXPERT)
def ranking(request: HttpRequest, slug: str) -> HttpResponse:
    """The ranking and the award decision: the chair proposes, the director approves."""
    competition = commission_competition(request.user, slug)
    page = ranking_page(competition, request.GET.get("page"))
    decisions = {
        row.application.pk: getattr(row.application, "decision", None) for row in page.object_list
    }
    award = (
        AwardDecision.objects.select_related("proposed_by", "reviewed_by")
        .filter(competition=competition)
        .first()
    )
    approved = award is not None and award.status == AwardDecision.Status.APPROVED
    unpublished = competition.results_published_at is None
    proposed_ids = set(award.winners) if award else set()
    is_staff = request.user.has_role(Role.STAFF)
    return render(
        request,
        "reviews/ranking.html",
        {
            "competition": competition,
            "page": page,
            "rows": [
                (row, decisions.get(row.application.pk), row.application.pk in proposed_ids)
                for row in page.object_list
            ],
            "award": award,
            "steps": list(award.steps.select_related("by")) if award else [],
            "open_flags": open_flags(competition),
            "fund_kzt": competition.award_fund_kzt,
            "is_staff": is_staff,
            "is_office": request.user.has_role(Role.STAFF, Role.OPERATOR),
            # The proposal is made on the first page, where the cut is.
            "can_propose": unpublished
            and page.number == 1
            and may_propose(request.user, competition),
            "can_review": unpublished and may_review(request.user, award),
            "can_publish": is_staff and unpublished and approved,
        },
    )


@role_required(Role.STAFF, Role.EXPERT)
@require_POST
def propose(request: HttpRequest, slug: str) -> HttpResponse:
    competition = commission_competition(request.user, slug, write=True)
    try:
        winners = [int(pk) for pk in request.POST.getlist("winner")]
    except ValueError:
        raise Http404 from None
    try:
        decision_propose(
            competition=competition,
            winners=winners,
            reason=request.POST.get("reason", ""),
            by=request.user,
        )
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        messages.success(
            request, _("The decision is proposed; the director approves or returns it.")
        )
    return redirect("reviews:ranking", slug=slug)


@role_required(Role.STAFF)
@require_POST
def approve(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(Competition, slug=slug)
    try:
        decision_approve(competition=competition, by=request.user)
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        messages.success(request, _("The decision is approved; the others form the reserve list."))
    return redirect("reviews:ranking", slug=slug)


@role_required(Role.STAFF)
@require_POST
def send_back(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(Competition, slug=slug)
    try:
        decision_return(
            competition=competition, reason=request.POST.get("reason", ""), by=request.user
        )
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        messages.success(request, _("The decision is returned to its proposer."))
    return redirect("reviews:ranking", slug=slug)


@role_required(Role.STAFF)
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(Competition, slug=slug)
    try:
        results_publish(competition=competition, by=request.user)
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        messages.success(request, _("The results are published."))
    return redirect("reviews:ranking", slug=slug)


def results(request: HttpRequest, slug: str) -> HttpResponse:
    """The public results once published: when it was decided, the funded projects with
    their village and award, and the reserve list in the order it is offered places."""
    competition = get_object_or_404(Competition, slug=slug, results_published_at__isnull=False)
    decisions = list(
        Decision.objects.filter(
            application__competition=competition,
            outcome__in=[Decision.Outcome.AWARDED, Decision.Outcome.RESERVE],
        )
        .select_related("application__village__district")
        .order_by("rank", "reserve_position", "pk")
    )
    awarded = [d for d in decisions if d.outcome == Decision.Outcome.AWARDED]
    reserve = sorted(
        (d for d in decisions if d.outcome == Decision.Outcome.RESERVE),
        key=lambda decision: decision.reserve_position or 0,
    )
    approved = (
        AwardDecision.objects.filter(competition=competition, status=AwardDecision.Status.APPROVED)
        .values_list("reviewed_at", flat=True)
        .first()
    )
    return render(
        request,
        "reviews/results.html",
        {
            "competition": competition,
            "awarded": awarded,
            "reserve": reserve,
            "awarded_kzt": sum(decision.amount_kzt for decision in awarded),
            # The director's approval is the decision; decisions recorded without one (an
            # older import) carry their own date.
            "decided_at": approved or max((d.decided_at for d in decisions), default=None),
        },
    )


@role_required(Role.APPLICANT)
def my_result(request: HttpRequest, pk: int) -> HttpResponse:
    """A team's result with its criterion averages against the winners' and the comments."""
    application = own_application(request.user, pk)
    competition = application.competition
    if competition.results_published_at is None:
        raise Http404
    decision = get_object_or_404(Decision, application=application)
    submitted = CriterionScore.objects.filter(review__status=Review.Status.SUBMITTED)
    own = dict(
        submitted.filter(review__assignment__application=application)
        .values_list("criterion_id")
        .annotate(average=Avg("score"))
    )
    winners = dict(
        submitted.filter(
            review__assignment__application__decision__outcome=Decision.Outcome.AWARDED,
            review__assignment__application__competition=competition,
        )
        .values_list("criterion_id")
        .annotate(average=Avg("score"))
    )
    criteria = [
        (criterion, own.get(criterion.pk), winners.get(criterion.pk))
        for criterion in competition.criteria.order_by("position")
    ]
    comments = list(
        Review.objects.filter(assignment__application=application, status=Review.Status.SUBMITTED)
        .exclude(comment="")
        .order_by("submitted_at")
        .values_list("comment", flat=True)
    )
    return render(
        request,
        "reviews/my_result.html",
        {
            "application": application,
            "decision": decision,
            "criteria": criteria,
            "comments": comments,
        },
    )


@role_required(Role.STAFF, Role.OPERATOR)
def protocol(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(Competition, slug=slug)
    language = request.GET.get("lang", "kk")
    if language not in dict(settings.LANGUAGES):
        language = "kk"
    response = HttpResponse(protocol_pdf(competition, language), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="protocol-{slug}-{language}.pdf"'
    return response


@role_required(Role.STAFF)
@require_POST
def withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    decision = get_object_or_404(
        Decision.objects.select_related("application__competition"),
        application_id=pk,
        application__competition__slug=slug,
    )
    try:
        successor = award_withdraw(
            decision=decision, reason=request.POST.get("reason", ""), by=request.user
        )
    except ServiceError as refusal:
        refusal_show(request, refusal)
    else:
        if successor:
            messages.success(
                request,
                _("The award is offered to %(number)s, first on the reserve list.")
                % {"number": successor.application.registration_number},
            )
        else:
            messages.warning(request, _("The reserve list is empty: the award stays unassigned."))
    return redirect("reviews:ranking", slug=slug)
