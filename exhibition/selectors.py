"""Reads reused by the exhibition pages and by the indicators (reports)."""

from django.db.models import Count, Q
from django.utils import timezone

from exhibition.models import Exhibition, Feedback, Letter
from projects.models import GrantProject


def project_exhibition(project: GrantProject) -> Exhibition | None:
    """The project's final exhibition (the latest, should there be several)."""
    return Exhibition.objects.filter(project=project).order_by("-held_on").first()


def participants_checked_in(exhibition: Exhibition) -> int:
    return exhibition.registrations.confirmed().filter(checked_in_at__isnull=False).count()


def registrations_count(exhibition: Exhibition) -> int:
    """Confirmed registrations: a hold waiting for its code is nobody yet."""
    return exhibition.registrations.confirmed().count()


def places_left(exhibition: Exhibition, now=None) -> int:
    """Places neither confirmed nor held by a code still valid."""
    taken = exhibition.registrations.holding(now or timezone.now()).count()
    return max(0, exhibition.capacity - taken)


def stands_count(exhibition: Exhibition) -> int:
    return exhibition.stands.count()


def round_tables_count(exhibition: Exhibition) -> int:
    return exhibition.round_tables.count()


def letters_count(exhibition: Exhibition, *, ready_only: bool = False) -> int:
    letters = exhibition.letters.all()
    if ready_only:
        letters = letters.filter(status=Letter.Status.READY)
    return letters.count()


def feedback_counts(exhibition: Exhibition) -> dict[str, int]:
    counts = exhibition.feedback.aggregate(
        total=Count("pk"),
        **{value: Count("pk", filter=Q(support_grew=value)) for value in Feedback.Support.values},
    )
    return counts


def support_grew_share(exhibition: Exhibition) -> float | None:
    """Share of "yes" among all feedback answers, 0–1; None before the first answer."""
    counts = feedback_counts(exhibition)
    return counts["yes"] / counts["total"] if counts["total"] else None
