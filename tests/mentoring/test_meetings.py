import pytest
from django.utils import translation
from django.utils.translation import gettext

from mentoring.models import Meeting

pytestmark = pytest.mark.django_db


def test_the_mentor_logs_a_weekly_meeting_and_the_team_sees_it(client, mentor, applicant, project):
    client.force_login(mentor)
    assert client.get(f"/mentoring/projects/{project.pk}/meeting/").status_code == 200
    response = client.post(
        f"/mentoring/projects/{project.pk}/meeting/",
        {
            "held_on": "2025-08-06",
            "format": "online",
            "duration_minutes": 60,
            "topics": "Жұмыс жоспары",
            "problems": "",
            "next_steps": "Материал алу",
            "project_state": "at_risk",
        },
    )
    assert response["Location"] == f"/mentoring/projects/{project.pk}/"
    meeting = Meeting.objects.get()
    assert (meeting.mentor, meeting.project_state) == (mentor, "at_risk")
    client.force_login(applicant)
    assert "Материал алу" in client.get(f"/mentoring/projects/{project.pk}/").content.decode()


def test_a_meeting_form_with_errors_keeps_what_was_typed(client, mentor, project):
    client.force_login(mentor)
    response = client.post(
        f"/mentoring/projects/{project.pk}/meeting/",
        {
            "held_on": "2025-08-06",
            "format": "online",
            "duration_minutes": 0,
            "topics": "Жұмыс жоспары мен мерзімдер",
            "next_steps": "",
            "project_state": "on_track",
        },
    )
    assert response.status_code == 200
    assert "Жұмыс жоспары мен мерзімдер" in response.content.decode()
    assert not Meeting.objects.exists()


MEETING = {
    "held_on": "2025-08-06",
    "format": "online",
    "duration_minutes": 30,
    "topics": "t",
    "next_steps": "n",
    "project_state": "on_track",
}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_closed_project_refuses_the_meeting_form_on_get_and_post(
    client, mentor, project, language
):
    project.status, project.outcome = "completed", "success"
    project.save()
    client.force_login(mentor)
    client.cookies["django_language"] = language
    url = f"/mentoring/projects/{project.pk}/meeting/"
    with translation.override(language):
        refusal = gettext("This project is closed; nothing can be added to it.")
    for send in (lambda: client.get(url), lambda: client.post(url, MEETING)):
        response = send()
        assert response.status_code == 302
        assert response["Location"] == f"/mentoring/projects/{project.pk}/"
        page = client.get(response["Location"])
        assert [str(m) for m in page.context["messages"]] == [refusal]
        # The project page, where the refusal lands, offers no link to the form either.
        assert url not in page.content.decode()
    assert not Meeting.objects.exists()


def test_the_meeting_form_offers_no_empty_choice(client, mentor, project):
    client.force_login(mentor)
    page = client.get(f"/mentoring/projects/{project.pk}/meeting/").content.decode()
    assert "---------" not in page
    assert 'name="format" value=""' not in page and 'name="project_state" value=""' not in page
    assert 'name="format" value="online"' in page and 'name="project_state" value="at_risk"' in page
    # The choice is still required: leaving it out is a translated error, not a blank answer.
    response = client.post(f"/mentoring/projects/{project.pk}/meeting/", {**MEETING, "format": ""})
    assert response.status_code == 200 and response.context["form"].errors["format"]
    assert not Meeting.objects.exists()


def test_the_team_goes_straight_to_its_project(client, applicant, project):
    client.force_login(applicant)
    assert client.get("/mentoring/my-project/")["Location"] == f"/mentoring/projects/{project.pk}/"
    home = client.get("/applications/").content.decode()
    assert f"/mentoring/projects/{project.pk}/" in home


def test_the_teams_page_says_what_is_due_next(client, applicant, project):
    project.milestones.create(title="Орындықтарды орнату", due_on="2025-09-01")
    client.force_login(applicant)
    page = client.get(f"/mentoring/projects/{project.pk}/").content.decode()
    assert "Орындықтарды орнату" in page
    assert 'data-testid="next-step"' in page
    assert project.mentor.full_name in page
