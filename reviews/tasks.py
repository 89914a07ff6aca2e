from celery import shared_task
from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from notifications.notify import notify
from reviews.models import Assignment, CommissionMember, Review
from reviews.selectors import ranking_refresh


def unfinished(member_filter: Q):
    """Commission members with assignments they neither declined nor submitted."""
    open_work = Q(assignments__conflict=Assignment.Conflict.PENDING) | (
        Q(assignments__conflict=Assignment.Conflict.NONE)
        & ~Q(assignments__review__status=Review.Status.SUBMITTED)
    )
    return (
        CommissionMember.objects.filter(member_filter)
        .annotate(open_count=Count("assignments", filter=open_work, distinct=True))
        .filter(open_count__gt=0)
        .select_related("expert", "competition")
    )


@shared_task
def send_review_reminders() -> int:
    """Daily (Celery beat): one e-mail a day at most to each expert with unfinished reviews."""
    now = timezone.now()
    today = timezone.localdate(now)
    members = unfinished(
        Q(competition__review_deadline__gt=now, expert__is_active=True)
        & (Q(reminded_on__isnull=True) | Q(reminded_on__lt=today))
    )
    sent = 0
    for member in members:
        context = {
            "member": member,
            "count": member.open_count,
            "deadline": timezone.localtime(member.competition.review_deadline),
            "link": f"{settings.SITE_URL}{reverse('reviews:home')}",
        }
        notify(member.expert, "review.reminder", context)
        CommissionMember.objects.filter(pk=member.pk).update(reminded_on=today)
        sent += 1
    return sent


@shared_task
def send_appeal_answer(appeal_id: int) -> None:
    """Tells the team lead the commission's answer, in the lead's own language."""
    from reviews.models import Appeal

    appeal = Appeal.objects.select_related("application__applicant").get(pk=appeal_id)
    lead = appeal.application.applicant
    path = reverse("reviews:appeal", args=[appeal.application_id])
    notify(lead, "review.appeal_answer", {"appeal": appeal, "link": f"{settings.SITE_URL}{path}"})


@shared_task
def refresh_ranking(competition_id: int, version: str) -> bool:
    """The ranking's order computed and kept after a change (reviews.services.ranking_changed),
    so that the next view reads it instead of computing it."""
    return ranking_refresh(competition_id=competition_id, version=version)
