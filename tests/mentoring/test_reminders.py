"""The weekly rhythm: the daily task reminds mentors after a week, alerts staff after two."""

from datetime import date, datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from accounts.roles import Role
from mentoring.models import GranteeProject, Meeting
from mentoring.tasks import send_mentoring_reminders
from tests.factories import UserFactory
from tests.mentoring.conftest import make_project

pytestmark = pytest.mark.django_db

TODAY = datetime(2025, 9, 15, 9, 30)


def _meet(project, day, state="on_track"):
    Meeting.objects.create(
        project=project,
        mentor=project.mentor,
        held_on=day,
        format="online",
        duration_minutes=60,
        topics="t",
        next_steps="n",
        project_state=state,
    )


@pytest.fixture
def projects(competition, media):
    """Four projects: met 3 days ago, 8 days ago, 15 days ago, and one closed long ago."""
    made = []
    for number, last in enumerate(
        [date(2025, 9, 12), date(2025, 9, 7), date(2025, 8, 31), date(2025, 8, 1)], start=1
    ):
        mentor = UserFactory(roles=[Role.MENTOR], email=f"m{number}@example.kz")
        lead = UserFactory(roles=[Role.APPLICANT], email=f"lead{number}@example.kz")
        project = make_project(competition, lead, number=number, mentor=mentor)
        GranteeProject.objects.filter(pk=project.pk).update(
            mentor_assigned_at=timezone.make_aware(datetime(2025, 7, 20))
        )
        _meet(project, last)
        made.append(project)
    GranteeProject.objects.filter(pk=made[3].pk).update(status="completed", outcome="success")
    return made


@time_machine.travel(timezone.make_aware(TODAY), tick=False)
def test_it_reminds_exactly_the_mentors_who_missed_a_week(projects, staff):
    send_mentoring_reminders.apply()
    to_mentors = sorted(m.to[0] for m in mail.outbox if m.to[0].startswith("m"))
    assert to_mentors == ["m2@example.kz", "m3@example.kz"]
    to_staff = [m for m in mail.outbox if m.to == [staff.email]]
    assert len(to_staff) == 1  # two weeks without a meeting: only project 3
    assert projects[2].title in to_staff[0].subject


@time_machine.travel(timezone.make_aware(TODAY), tick=False)
def test_running_it_twice_the_same_day_sends_nothing_more(projects, staff):
    first = send_mentoring_reminders.apply().get()
    second = send_mentoring_reminders.apply().get()
    assert (first, second) == (3, 0)
    assert len(mail.outbox) == 3


def test_a_mentor_is_reminded_again_only_after_another_week(projects, staff):
    with time_machine.travel(timezone.make_aware(TODAY), tick=False):
        send_mentoring_reminders.apply()
    with time_machine.travel(timezone.make_aware(datetime(2025, 9, 18, 9, 30)), tick=False):
        assert send_mentoring_reminders.apply().get() == 0
    with time_machine.travel(timezone.make_aware(datetime(2025, 9, 22, 9, 30)), tick=False):
        send_mentoring_reminders.apply()
    mentors_again = sorted(m.to[0] for m in mail.outbox[3:] if m.to != [staff.email])
    # m1 has now gone ten days without a meeting; m2 and m3 a further week.
    assert mentors_again == ["m1@example.kz", "m2@example.kz", "m3@example.kz"]


@time_machine.travel(timezone.make_aware(TODAY), tick=False)
def test_staff_hear_of_a_project_at_risk_for_two_weeks(competition, media, staff):
    mentor = UserFactory(roles=[Role.MENTOR])
    lead = UserFactory(roles=[Role.APPLICANT])
    project = make_project(competition, lead, number=9, mentor=mentor)
    _meet(project, date(2025, 8, 25), "on_track")
    _meet(project, date(2025, 9, 1), "at_risk")
    _meet(project, date(2025, 9, 8), "off_track")
    _meet(project, date(2025, 9, 14), "at_risk")
    send_mentoring_reminders.apply()
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert project.title in mail.outbox[0].subject


@time_machine.travel(timezone.make_aware(TODAY), tick=False)
def test_a_project_back_on_track_raises_no_alarm(competition, media, staff):
    mentor = UserFactory(roles=[Role.MENTOR])
    project = make_project(
        competition, UserFactory(roles=[Role.APPLICANT]), number=9, mentor=mentor
    )
    _meet(project, date(2025, 8, 25), "at_risk")
    _meet(project, date(2025, 9, 8), "on_track")
    _meet(project, date(2025, 9, 12), "at_risk")
    assert send_mentoring_reminders.apply().get() == 0
