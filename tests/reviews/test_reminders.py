from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from reviews.models import Assignment, Review
from reviews.services import assignments_create_all
from reviews.tasks import send_review_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewing(competition, eligible, commission, staff):
    competition.review_deadline = timezone.now() + timedelta(days=5)
    competition.save()
    assignments_create_all(competition=competition, by=staff)
    return competition


def test_experts_with_unfinished_reviews_get_one_email_a_day(reviewing, experts):
    # Expert 2 finished everything (declined one, submitted the rest).
    done = Assignment.objects.filter(member__expert=experts[1])
    first = done.first()
    Assignment.objects.filter(pk=first.pk).update(conflict="declared", conflict_kind="kinship")
    for assignment in done.exclude(pk=first.pk):
        Assignment.objects.filter(pk=assignment.pk).update(conflict="none")
        Review.objects.create(
            assignment=assignment, status="submitted", submitted_at=timezone.now()
        )
    assert send_review_reminders.apply().get() == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [experts[0].email, experts[2].email]
    )
    assert send_review_reminders.apply().get() == 0  # the same day: nothing more
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert send_review_reminders.apply().get() == 2


def test_no_reminders_after_the_deadline(reviewing):
    with time_machine.travel(reviewing.review_deadline + timedelta(minutes=1)):
        assert send_review_reminders.apply().get() == 0
    assert not mail.outbox


def test_the_reminder_runs_daily_on_celery_beat(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["review-reminders"]
    assert entry["task"] == "reviews.tasks.send_review_reminders"
    assert entry["schedule"].hour == {9}
