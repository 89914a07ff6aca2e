"""Trainings: staff create the programme, invite the teams, mark days; participants answer."""

import pytest

from accounts.roles import Role
from mentoring.models import Participant, Training, TrainingFeedback
from mentoring.selectors import grantees_trained, training_participants, training_satisfaction
from mentoring.services import trainings
from tests.factories import UserFactory
from tests.mentoring.conftest import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def training(competition):
    return trainings.training_create(
        competition=competition,
        title="Тренинг №1",
        venue="Ақтау",
        trainer="Ахметова Жібек",
        starts_on="2025-07-24",
        days=[
            {"date": "2025-07-24", "theme": "Жоба менеджменті", "agenda": []},
            {"date": "2025-07-25", "theme": "Урбанистика", "agenda": []},
        ],
    )


def test_staff_create_a_two_day_training_with_its_agenda(client, staff, competition):
    client.force_login(staff)
    response = client.post(
        "/mentoring/trainings/new/",
        {
            "competition": competition.pk,
            "title": "Тренинг",
            "venue": "Ақтау",
            "trainer": "Ахметова Жібек",
            "starts_on": "2025-07-24",
            "description": "",
            "days-TOTAL_FORMS": 2,
            "days-INITIAL_FORMS": 0,
            "days-MIN_NUM_FORMS": 1,
            "days-MAX_NUM_FORMS": 1000,
            "days-0-date": "2025-07-24",
            "days-0-theme": "Жоба менеджменті және PR",
            "days-0-agenda": "10:00 Жұмыс жоспары\n14:00 SMM",
            "days-1-date": "2025-07-25",
            "days-1-theme": "Урбанистика",
            "days-1-agenda": "10:00 Қоғамдық кеңістіктер",
        },
    )
    training = Training.objects.get()
    assert response["Location"] == f"/mentoring/trainings/{training.pk}/"
    days = list(training.days.all())
    assert [(d.number, d.theme) for d in days] == [
        (1, "Жоба менеджменті және PR"),
        (2, "Урбанистика"),
    ]
    assert [a.topic for a in days[0].agenda.all()] == ["Жұмыс жоспары", "SMM"]


def test_a_bad_agenda_line_is_explained_and_nothing_is_lost(client, staff, competition):
    client.force_login(staff)
    response = client.post(
        "/mentoring/trainings/new/",
        {
            "competition": competition.pk,
            "title": "Тренинг",
            "venue": "Ақтау",
            "trainer": "Т",
            "starts_on": "2025-07-24",
            "days-TOTAL_FORMS": 1,
            "days-INITIAL_FORMS": 0,
            "days-MIN_NUM_FORMS": 1,
            "days-MAX_NUM_FORMS": 1000,
            "days-0-date": "2025-07-24",
            "days-0-theme": "Бірінші күн",
            "days-0-agenda": "таңертең Жоспар",
        },
    )
    assert response.status_code == 200
    assert not Training.objects.exists()
    page = response.content.decode()
    assert "таңертең Жоспар" in page
    assert "10:00" in page


def test_inviting_the_teams_twice_invites_each_person_once(
    client, staff, competition, applicant, other_applicant, training, media
):
    make_project(competition, applicant)
    make_project(competition, other_applicant, number=2)
    client.force_login(staff)
    client.post(f"/mentoring/trainings/{training.pk}/invite/")
    client.post(f"/mentoring/trainings/{training.pk}/invite/")
    # Each team: the lead and one more member.
    assert Participant.objects.filter(training=training).count() == 4


def test_attendance_is_marked_per_day(client, staff, competition, applicant, training, media):
    project = make_project(competition, applicant)
    people = trainings.training_invite(training=training, projects=[project])
    day1, day2 = training.days.all()
    client.force_login(staff)
    client.post(
        f"/mentoring/training-days/{day1.pk}/attendance/", {"present": [people[0].pk, people[1].pk]}
    )
    client.post(f"/mentoring/training-days/{day2.pk}/attendance/", {"present": [people[0].pk]})
    assert set(day1.attendees.all()) == set(people)
    assert list(day2.attendees.all()) == [people[0]]
    assert training_participants(competition) == 2
    assert grantees_trained(competition) == 1


def test_feedback_is_given_once_through_the_personal_link(
    client, competition, applicant, training, media
):
    project = make_project(competition, applicant)
    person = trainings.training_invite(training=training, projects=[project])[0]
    url = f"/mentoring/feedback/{person.token}/"
    assert client.get(url).status_code == 200
    client.post(url, {"satisfaction": 5, "useful": "SMM", "improve": ""})
    client.post(url, {"satisfaction": 1, "useful": "", "improve": "бәрі"})
    assert TrainingFeedback.objects.get().satisfaction == 5
    assert (
        client.get("/mentoring/feedback/00000000-0000-0000-0000-000000000000/").status_code == 404
    )


def test_satisfaction_counts_answers_of_four_and_five(competition, applicant, training, media):
    project = make_project(competition, applicant)
    for number, score in enumerate([5, 4, 4, 3, 2, 5, 5, 4, 1, 5], start=1):
        person = Participant.objects.create(
            training=training, project=project, full_name=f"P{number}"
        )
        trainings.feedback_save(participant=person, satisfaction=score, useful="", improve="")
    share = training_satisfaction(competition)
    assert (share.part, share.whole, share.percent) == (7, 10, 70.0)


def test_the_trainings_page_does_a_constant_number_of_queries(
    client, staff, competition, applicant, training, media, django_assert_max_num_queries
):
    for number in range(5):
        lead = UserFactory(roles=[Role.APPLICANT])
        make_project(competition, lead, number=10 + number)
    client.force_login(staff)
    client.post(f"/mentoring/trainings/{training.pk}/invite/")
    for day in training.days.all():
        trainings.attendance_mark(day=day, present=list(training.participants.all()))
    # +1 on every page: the session's second-factor device (django-otp).
    participants = list(training.participants.all())
    assert len(participants) >= 5
    with django_assert_max_num_queries(10):
        page = client.get(f"/mentoring/trainings/{training.pk}/").content.decode()
    assert page.count('data-testid="participant"') == len(participants)
    assert all(person.full_name in page for person in participants)
    assert page.count(" checked") == 2 * len(participants)  # present on both days
    with django_assert_max_num_queries(9):
        listed = client.get("/mentoring/trainings/").content.decode()
    assert "Тренинг №1" in listed and "Ахметова Жібек" in listed


def test_a_material_that_is_no_document_is_refused_with_a_message_not_a_500(
    client, staff, competition, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import translation
    from django.utils.html import escape
    from django.utils.translation import gettext

    from mentoring.models import Material

    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    response = client.post(
        "/mentoring/materials/",
        {
            "competition": competition.pk,
            "title": "Бюджет",
            "topic": "reporting",
            "language": "kk",
            "upload": SimpleUploadedFile("budget.pdf", b"MZ not a document"),
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    with translation.override("kk"):
        expected = gettext(
            "This file is not a PDF, JPEG, PNG or DOCX document, whatever its name says."
        )
    assert escape(expected) in page
    assert not Material.objects.exists()
