import hashlib
import hmac
from string import ascii_uppercase

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, Count, Prefetch, Q, When
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required, session_ended
from accounts.errors import ServiceError, refusal_response, refusal_show
from accounts.roles import Role
from applications.files import expert_attachment_response
from applications.selectors import attachments_for_experts
from reviews.access import assignment_for_expert, expert_assignments
from reviews.forms import ConflictForm, ReviewForm
from reviews.models import Assignment, CommissionMember, CriterionScore, Review
from reviews.services import (
    conflict_declare,
    declaration_accept,
    review_save,
    review_submit,
)

QUEUE_PAGE_SIZE = 50


def _needs_declaration(user) -> CommissionMember | None:
    return (
        CommissionMember.objects.filter(expert=user, declaration_accepted_at__isnull=True)
        .select_related("competition")
        .first()
    )


@role_required(Role.EXPERT)
def home(request: HttpRequest) -> HttpResponse:
    """The expert's queue: what to review, what is drafted, what is done."""
    pending = _needs_declaration(request.user)
    if pending:
        return redirect("reviews:declaration", pk=pending.pk)
    mine = expert_assignments(request.user)
    counts = mine.aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(review__status=Review.Status.SUBMITTED))
    )
    # What is still to score comes first; a commission of thousands pages by fifty.
    # Only what the list shows: SQLite sorts whole rows, and the applications' texts and
    # drafts (kilobytes each) made the last page of 900 assignments take a second there.
    queue = mine.select_related("review").only(
        "application_id",
        "conflict",
        "member__competition__id",
        "application__registration_number",
        "application__title",
        "application__village__district__id",
        *(f"application__village__{name}" for name in ("name", "name_kk", "name_ru", "name_en")),
        "review__status",
    )
    queue = queue.order_by(
        Case(When(review__status=Review.Status.SUBMITTED, then=1), default=0),
        "member__competition",
        "application__registration_number",
    )
    page = Paginator(queue, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reviews/home.html",
        {"assignments": page.object_list, "page": page, **counts},
    )


@role_required(Role.EXPERT)
def declaration(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_object_or_404(
        CommissionMember.objects.select_related("competition"), pk=pk, expert=request.user
    )
    if request.method == "POST" and request.POST.get("accept"):
        declaration_accept(member=member)
        messages.success(request, _("Thank you. Your applications are below."))
        return redirect("reviews:home")
    return render(request, "reviews/declaration.html", {"member": member})


def pseudonym(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA, 27 → AB…: a label for any size of commission."""
    label, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, len(ascii_uppercase))
        label = ascii_uppercase[rest] + label
    return label


def pseudonyms(application_id: int, member_ids) -> dict[int, str]:
    """Experts' labels in an order of their own for each application.

    Seeded by the application and the site's secret: stable across page loads,
    but "Expert A" on one application says nothing about "Expert A" on another.
    """
    key = settings.SECRET_KEY.encode()

    def order(member_id: int) -> bytes:
        message = f"pseudonym:{application_id}:{member_id}".encode()
        return hmac.new(key, message, hashlib.sha256).digest()

    return {
        member_id: pseudonym(index) for index, member_id in enumerate(sorted(member_ids, key=order))
    }


def _reviews_of(assignment: Assignment) -> tuple[Review | None, list[Review]]:
    """This expert's review and the other experts' submitted ones, each with its scores and
    their criteria: two queries for both (they were four)."""
    reviews = list(
        Review.objects.filter(assignment__application_id=assignment.application_id)
        .filter(Q(assignment=assignment) | Q(status=Review.Status.SUBMITTED))
        .select_related("assignment")
        .prefetch_related(
            Prefetch("scores", queryset=CriterionScore.objects.select_related("criterion"))
        )
    )
    own = next((review for review in reviews if review.assignment_id == assignment.pk), None)
    return own, [review for review in reviews if review.assignment_id != assignment.pk]


def _other_reviews(assignment: Assignment, reviews: list[Review]) -> list[tuple[str, Review]]:
    """Submitted reviews by the other experts, each shown as "Expert A…", never by name."""
    member_ids = assignment.member.competition.commission.values_list("pk", flat=True)
    letters = pseudonyms(assignment.application_id, member_ids)
    return sorted(
        ((letters[review.assignment.member_id], review) for review in reviews),
        key=lambda pair: (len(pair[0]), pair[0]),
    )


def _review_page(request, assignment, form=None, conflict_form=None, status=200):
    competition = assignment.member.competition
    criteria = list(competition.criteria.order_by("position"))
    # The scores with their criteria: the submitted page lists them by criterion name.
    review, others = _reviews_of(assignment)
    submitted = review is not None and review.status == Review.Status.SUBMITTED
    if form is None and assignment.conflict == Assignment.Conflict.NONE:
        initial = {"comment": review.comment if review else ""}
        for score in review.scores.all() if review else []:
            initial[f"score_{score.criterion_id}"] = score.score
            initial[f"justification_{score.criterion_id}"] = score.justification
        form = ReviewForm(criteria=criteria, initial=initial)
    application = assignment.application
    budget = list(application.budget_items.all())
    return render(
        request,
        "reviews/review.html",
        {
            "assignment": assignment,
            "application": application,
            "competition": competition,
            "activities": list(application.activities.all()),
            "budget": budget,
            # The rows are on the page already: their sum costs no second query.
            "requested_kzt": sum(item.total_kzt for item in budget) if budget else None,
            "attachments": attachments_for_experts(application),
            "review": review,
            "submitted": submitted,
            "form": form,
            "conflict_form": conflict_form or ConflictForm(),
            "others": _other_reviews(assignment, others) if submitted else [],
            "locked": competition.review_deadline is not None
            and timezone.now() >= competition.review_deadline
            and not (review and review.reopened_reason),
        },
        status=status,
    )


@role_required(Role.EXPERT)
def review(request: HttpRequest, pk: int) -> HttpResponse:
    if _needs_declaration(request.user):
        return redirect("reviews:home")
    assignment = assignment_for_expert(request.user, pk)
    if request.method == "GET":
        return _review_page(request, assignment)
    if "answer" in request.POST:
        conflict_form = ConflictForm(request.POST)
        if not conflict_form.is_valid():
            return _review_page(request, assignment, conflict_form=conflict_form, status=400)
        data = conflict_form.cleaned_data
        try:
            conflict_declare(
                assignment=assignment,
                conflicted=data["answer"] == "conflict",
                kind=data["kind"],
                note=data["note"],
            )
        except ServiceError as refusal:
            refusal_show(request, refusal)
            return redirect("reviews:review", pk=pk)
        if data["answer"] == "conflict":
            messages.info(request, _("Noted. The application is removed from your list."))
            return redirect("reviews:home")
        return redirect("reviews:review", pk=pk)
    final = "submit" in request.POST
    criteria = list(assignment.member.competition.criteria.order_by("position"))
    form = ReviewForm(request.POST, criteria=criteria, final=final)
    if not form.is_valid():
        return _review_page(request, assignment, form=form, status=400)
    action = review_submit if final else review_save
    try:
        action(assignment=assignment, scores=form.scores(), comment=form.cleaned_data["comment"])
    except ServiceError as refusal:
        refusal_show(request, refusal)
        return redirect("reviews:review", pk=pk)
    if final:
        messages.success(request, _("The review is submitted. Thank you!"))
        return redirect("reviews:home")
    messages.success(request, _("The draft is saved."))
    return redirect("reviews:review", pk=pk)


@require_POST
def autosave(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return session_ended()
    assignment = assignment_for_expert(request.user, pk)
    criteria = list(assignment.member.competition.criteria.order_by("position"))
    form = ReviewForm(request.POST, criteria=criteria)
    if not form.is_valid():
        return HttpResponse(_("Not saved: check the marked scores."), status=400)
    try:
        saved = review_save(
            assignment=assignment, scores=form.scores(), comment=form.cleaned_data["comment"]
        )
    except ServiceError as refusal:
        return refusal_response(refusal)
    time = timezone.localtime(saved.saved_at).strftime("%H:%M:%S")
    return HttpResponse(_("Saved at %(time)s") % {"time": time})


@role_required(Role.EXPERT)
def attachment(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    assignment = assignment_for_expert(request.user, pk)
    if assignment.conflict != Assignment.Conflict.NONE:
        return redirect("reviews:review", pk=pk)
    return expert_attachment_response(assignment.application, attachment_id)
