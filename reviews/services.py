from collections import Counter

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.errors import ServiceError
from applications.models import Application
from competitions.models import Competition
from reviews.access import may_resolve_flags
from reviews.models import (
    Assignment,
    AuditEvent,
    AwardDecision,
    CommissionMember,
    CriterionScore,
    FlagResolution,
    Review,
)
from reviews.ranking_store import bump_version
from reviews.selectors import applications_eligible, open_flags
from reviews.tasks import refresh_ranking

Action = AuditEvent.Action


class ChairTaken(ServiceError):
    """The commission has a chair already."""

    default_message = gettext_lazy("The commission already has a chair.")


class ReviewLocked(ServiceError):
    """The review cannot change: submitted, past the deadline, or the expert is conflicted."""

    default_message = gettext_lazy("This review can no longer be changed.")
    status = 409


SUBMITTED = gettext_lazy("The review is already submitted: ask GAMO to reopen it.")


class FlagRefused(ServiceError):
    """A conflict flag cannot be resolved this way; the message says why."""


class AssignmentRefused(ServiceError):
    """The assignment asked for cannot be made."""

    default_message = gettext_lazy("The commission has fewer experts than that.")


class ReopenRefused(ServiceError):
    """A review cannot be reopened: no reason given, or a conflict voided it."""


def _log(competition, actor, action, application=None, member=None, **details) -> None:
    AuditEvent.objects.create(
        competition=competition,
        actor=actor,
        action=action,
        application_id=application.pk if application else None,
        expert_id=member.expert_id if member else None,
        details=details,
    )


def ranking_changed(competition_id: int) -> None:
    """Something the ranking is computed from was written (a review submitted, reopened or
    voided, an application screened in or out, an assignment or expert removed): a new
    version in the same transaction, so no page shows the order of the old state after it
    commits, and the order computed again once it has."""
    version = bump_version(competition_id)
    transaction.on_commit(lambda: refresh_ranking.delay(competition_id, version))


def ranking_changed_for(sender, *, competition_id: int, **kwargs) -> None:
    """applications.signals.eligibility_changed: an application went in or out."""
    ranking_changed(competition_id)


@transaction.atomic
def commission_add(*, competition: Competition, expert, by, is_chair: bool = False):
    """Adds an expert (once); a commission has at most one chair (ChairTaken otherwise)."""
    others_chair = competition.commission.filter(is_chair=True).exclude(expert=expert)
    if is_chair and others_chair.exists():
        raise ChairTaken
    try:
        with transaction.atomic():
            member, created = CommissionMember.objects.get_or_create(
                competition=competition, expert=expert, defaults={"is_chair": is_chair}
            )
    except IntegrityError as error:  # another chair was added at the same moment
        raise ChairTaken from error
    if created:
        _log(competition, by, Action.MEMBER_ADDED, member=member, chair=is_chair)
    return member


def _declared_conflicts(competition: Competition) -> set[tuple[int, int]]:
    return set(
        Assignment.objects.filter(
            member__competition=competition, conflict=Assignment.Conflict.DECLARED
        )
        # A set: no ordering, which by the model's default would join and sort every
        # assigned application by its dates (0.75 s of the commission page at 10 000).
        .order_by()
        .values_list("application_id", "member_id")
    )


@transaction.atomic
def assignments_create_all(*, competition: Competition, by) -> int:
    """The JastarUrban rule: every expert reviews every eligible application."""
    members = list(competition.commission.all())
    existing = set(
        Assignment.objects.filter(member__competition=competition).values_list(
            "application_id", "member_id"
        )
    )
    new = [
        Assignment(application=application, member=member)
        for application in applications_eligible(competition)
        for member in members
        if (application.pk, member.pk) not in existing
    ]
    Assignment.objects.bulk_create(new)
    _log(competition, by, Action.ASSIGNED, mode="every_expert", count=len(new))
    return len(new)


@transaction.atomic
def assignments_create_k_each(*, competition: Competition, k: int, by) -> int:
    """k experts per application with loads as even as possible (max − min ≤ 1).

    Each application takes the k least-loaded experts it has no declared conflict
    with; ties go to the member added first, so the result is the same every run.
    """
    members = list(competition.commission.order_by("added_at", "pk"))
    if k > len(members):
        raise AssignmentRefused(field="k")
    existing = Counter(
        Assignment.objects.filter(member__competition=competition).values_list(
            "member_id", flat=True
        )
    )
    assigned = set(
        Assignment.objects.filter(member__competition=competition).values_list(
            "application_id", "member_id"
        )
    )
    conflicts = _declared_conflicts(competition)
    load = {member.pk: existing[member.pk] for member in members}
    new = []
    for application in applications_eligible(competition).order_by("registration_number"):
        # A conflicted expert does not count towards the k reviewers.
        have = sum(
            (application.pk, member.pk) in assigned and (application.pk, member.pk) not in conflicts
            for member in members
        )
        candidates = [
            member
            for member in members
            if (application.pk, member.pk) not in assigned
            and (application.pk, member.pk) not in conflicts
        ]
        candidates.sort(key=lambda member: load[member.pk])
        for member in candidates[: max(0, k - have)]:
            new.append(Assignment(application=application, member=member))
            load[member.pk] += 1
    Assignment.objects.bulk_create(new)
    _log(competition, by, Action.ASSIGNED, mode="k_per_application", k=k, count=len(new))
    return len(new)


@transaction.atomic
def assignment_create(*, application: Application, member: CommissionMember, by) -> Assignment:
    assignment, created = Assignment.objects.get_or_create(application=application, member=member)
    if created:
        _log(application.competition, by, Action.ASSIGNED, application, member, mode="by_hand")
    return assignment


@transaction.atomic
def declaration_accept(*, member: CommissionMember, now=None) -> None:
    if member.declaration_accepted_at is None:
        member.declaration_accepted_at = now or timezone.now()
        member.save(update_fields=["declaration_accepted_at"])
        _log(member.competition, member.expert, Action.DECLARATION, member=member)


@transaction.atomic
def conflict_declare(
    *, assignment: Assignment, conflicted: bool, kind: str = "", note: str = "", now=None
) -> Assignment:
    """The expert's answer for one application; a conflict voids any draft."""
    assignment = (
        Assignment.objects.select_for_update()
        .select_related("member__competition", "application")
        .get(pk=assignment.pk)
    )
    member, application = assignment.member, assignment.application
    if assignment.conflict == Assignment.Conflict.DECLARED:
        raise ReviewLocked(_("You have declared a conflict of interest here; that is final."))
    if not conflicted:
        assignment.conflict = Assignment.Conflict.NONE
        assignment.declared_at = now or timezone.now()
        assignment.save(update_fields=["conflict", "declared_at"])
        _log(member.competition, member.expert, Action.NO_CONFLICT, application, member)
        return assignment
    review = Review.objects.filter(assignment=assignment).first()
    if review is not None:
        if review.status == Review.Status.SUBMITTED:
            raise ReviewLocked(SUBMITTED)
        review.delete()
        _log(member.competition, member.expert, Action.DRAFT_VOIDED, application, member)
    assignment.conflict = Assignment.Conflict.DECLARED
    assignment.conflict_kind = kind
    assignment.conflict_note = note
    assignment.declared_at = now or timezone.now()
    assignment.save(update_fields=["conflict", "conflict_kind", "conflict_note", "declared_at"])
    _log(member.competition, member.expert, Action.CONFLICT, application, member, kind=kind)
    return assignment


def _editable_review(assignment: Assignment, now) -> Review:
    if assignment.conflict != Assignment.Conflict.NONE:
        raise ReviewLocked(_("Declare first that you have no conflict of interest."))
    deadline = assignment.member.competition.review_deadline
    review, _created = Review.objects.select_for_update().get_or_create(
        assignment=assignment, defaults={"member_id": assignment.member_id}
    )
    if review.status == Review.Status.SUBMITTED:
        raise ReviewLocked(SUBMITTED)
    if deadline and now >= deadline and not review.reopened_reason:
        raise ReviewLocked(_("The review deadline has passed: ask GAMO to reopen the review."))
    return review


@transaction.atomic
def review_save(*, assignment: Assignment, scores: dict, comment: str, now=None) -> Review:
    """Saves a draft as it stands; {criterion_id: (score or None, justification)}."""
    now = now or timezone.now()
    review = _editable_review(assignment, now)
    for criterion_id, (score, justification) in scores.items():
        CriterionScore.objects.update_or_create(
            review=review,
            criterion_id=criterion_id,
            defaults={"score": score, "justification": justification},
        )
    review.comment = comment
    review.saved_at = now
    review.save(update_fields=["comment", "saved_at"])
    return review


@transaction.atomic
def review_submit(*, assignment: Assignment, scores: dict, comment: str, now=None) -> Review:
    """Submits a complete review; the form has checked every score and justification."""
    now = now or timezone.now()
    review = review_save(assignment=assignment, scores=scores, comment=comment, now=now)
    review.status = Review.Status.SUBMITTED
    review.submitted_at = now
    review.save(update_fields=["status", "submitted_at"])
    member = assignment.member
    ranking_changed(member.competition_id)
    _log(member.competition, member.expert, Action.REVIEW_SUBMITTED, assignment.application, member)
    return review


@transaction.atomic
def review_reopen(*, review: Review, by, reason: str) -> Review:
    if review.status == Review.Status.VOIDED:
        raise ReopenRefused(_("A review voided by a conflict of interest stays voided."))
    if not reason.strip():
        raise ReopenRefused(_("Say why the review is reopened."), field="reason")
    review.status = Review.Status.DRAFT
    review.submitted_at = None
    review.reopened_reason = reason.strip()
    review.save(update_fields=["status", "submitted_at", "reopened_reason"])
    assignment = review.assignment
    ranking_changed(assignment.member.competition_id)
    _log(
        assignment.member.competition,
        by,
        Action.REVIEW_REOPENED,
        assignment.application,
        assignment.member,
        reason=reason.strip(),
    )
    return review


@transaction.atomic
def flag_resolve(
    *,
    competition: Competition,
    application_id: int,
    member_id: int,
    confirm: bool,
    note: str,
    by,
    now=None,
) -> FlagResolution:
    """Staff or the chair answer an open conflict flag.

    Confirmed, it becomes a declared conflict: the expert's review of that
    application is voided (kept for the record, never counted) and the ranking is
    recomputed without it. Dismissed, the reason says why there is no conflict.
    """
    competition = Competition.objects.select_for_update().get(pk=competition.pk)
    if not may_resolve_flags(by, competition):
        raise FlagRefused(_("Only GAMO staff or the commission's chair resolve conflict flags."))
    if competition.results_published_at:
        raise FlagRefused(_("The results are published; the flags can no longer change."))
    if AwardDecision.objects.filter(
        competition=competition,
        status__in=[AwardDecision.Status.PROPOSED, AwardDecision.Status.APPROVED],
    ).exists():
        raise FlagRefused(
            _("The award decision is proposed or approved: it must be returned first.")
        )
    note = note.strip()
    if not note:
        raise FlagRefused(_("Give the reason for the resolution."))
    flag = next(
        (
            flag
            for flag in open_flags(competition)
            if flag.application.pk == application_id and flag.member.pk == member_id
        ),
        None,
    )
    if flag is None:
        raise FlagRefused(_("This flag is not open."))
    now = now or timezone.now()
    member, application = flag.member, flag.application
    if confirm:
        assignment, _created = Assignment.objects.select_for_update().get_or_create(
            application=application, member=member
        )
        review = Review.objects.filter(assignment=assignment).first()
        if review is not None and review.status == Review.Status.SUBMITTED:
            review.status = Review.Status.VOIDED
            review.save(update_fields=["status"])
            ranking_changed(competition.pk)
        elif review is not None:
            review.delete()
        assignment.conflict = Assignment.Conflict.DECLARED
        assignment.conflict_kind = (
            Assignment.ConflictKind.KINSHIP
            if "surname" in flag.reasons
            else Assignment.ConflictKind.SAME_VILLAGE
        )
        assignment.conflict_note = note
        assignment.declared_at = now
        assignment.save(update_fields=["conflict", "conflict_kind", "conflict_note", "declared_at"])
    resolution = FlagResolution.objects.create(
        competition=competition,
        application=application,
        member=member,
        reasons=",".join(flag.reasons),
        outcome=FlagResolution.Outcome.CONFIRMED if confirm else FlagResolution.Outcome.DISMISSED,
        note=note,
        resolved_by=by,
        resolved_at=now,
    )
    _log(
        competition,
        by,
        Action.FLAG_CONFIRMED if confirm else Action.FLAG_DISMISSED,
        application,
        member,
        reasons=flag.reasons,
        note=note,
    )
    return resolution
