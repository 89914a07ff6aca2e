"""The sources of activities 2–4 against hand-counted fixtures."""

from datetime import date
from decimal import Decimal

import pytest

from mentoring.models import MentoringEvaluation, Participant, Training, TrainingFeedback
from reports.indicators.sources import SOURCES
from tests.factories import (
    CompetitionFactory,
    ExhibitionFactory,
    GranteeProjectFactory,
    PostFactory,
    PostSnapshotFactory,
    RegistrationFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db


def measure(key, project):
    return SOURCES[key].compute(project)


def test_training_and_mentoring_figures(django_assert_max_num_queries):
    competition = CompetitionFactory()
    project = competition.project
    grantees = [GranteeProjectFactory(application__competition=competition) for _ in range(3)]
    training = Training.objects.create(
        competition=competition, title="T", venue="V", trainer="T", starts_on=date(2025, 7, 24)
    )
    scores = [5, 4, 3, 5]  # 3 of 4 satisfied
    for number, score in enumerate(scores):
        person = Participant.objects.create(
            training=training, project=grantees[number % 2], full_name=f"P{number}"
        )
        TrainingFeedback.objects.create(participant=person, satisfaction=score)
    for grantee, usefulness in zip(grantees, [5, 2, 4], strict=True):  # 2 of 3 useful
        MentoringEvaluation.objects.create(
            project=grantee, usefulness=usefulness, answered_by=grantee.application.applicant
        )
    with django_assert_max_num_queries(4):
        assert measure("training_satisfaction_share", project) == Decimal("75.00")
    assert measure("mentoring_useful_share", project) == Decimal("66.67")
    assert measure("trainings_held", project) == 1
    assert measure("grantees_trained", project) == 0  # nobody marked present yet
    assert measure("mentorships", project) == 0


def test_media_figures_use_the_latest_snapshot_of_each_post():
    video = VideoFactory(grantee=GranteeProjectFactory(), village=None)
    post = PostFactory(video=video)
    PostSnapshotFactory(post=post, taken_on=date(2025, 9, 1), views=400)
    PostSnapshotFactory(
        post=post, taken_on=date(2025, 10, 1), views=1000, positive=6, neutral=3, negative=1
    )
    other = PostFactory(video=video)
    PostSnapshotFactory(post=other, views=500, positive=1, neutral=1, negative=2)
    project = video.project
    assert measure("views_total", project) == 1500
    assert measure("video_posts", project) == 2
    assert measure("grantee_videos", project) == 1
    assert measure("positive_reactions_share", project) == Decimal("50.00")  # 7 of 14


def test_exhibition_figures_count_people_at_the_door():
    exhibition = ExhibitionFactory()
    for number in range(5):
        RegistrationFactory(
            exhibition=exhibition,
            checked_in_at="2025-11-07T10:00:00+05:00" if number < 3 else None,
        )
    assert measure("exhibition_participants", exhibition.project) == 3
    assert measure("exhibition_stands", exhibition.project) == 0
