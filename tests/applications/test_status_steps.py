"""An application's status changes through the shared workflow: a refused step raises the
shared error and changes nothing; an allowed one is logged with who and why; the person
sees the refusal in their language, with what they typed still on the page."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.errors import ServiceError
from applications.models import Application, StatusChange
from applications.services.application import application_reopen, application_screen
from jastarurban.workflow import TransitionRefused
from tests.applications.conftest import CLOSES
from tests.applications.helpers import application_post, teammates_from_post

pytestmark = pytest.mark.django_db

NOT_A_STEP = "The application's present status does not allow this step."


@pytest.fixture
def submitted(draft):
    draft.status = Application.Status.SUBMITTED
    draft.registration_number = "JU-2025-0001"
    draft.save()
    return draft


def test_a_refused_step_raises_the_shared_error_and_changes_nothing(submitted, applicant, staff):
    # The team lead may not screen their own application.
    with pytest.raises(TransitionRefused) as refused:
        application_screen(application=submitted, by=applicant, eligible=True, reason="")
    assert isinstance(refused.value, ServiceError)
    application_screen(application=submitted, by=staff, eligible=True, reason="")
    # Eligible → eligible is no step at all.
    with pytest.raises(TransitionRefused):
        application_screen(application=submitted, by=staff, eligible=True, reason="")
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.ELIGIBLE
    assert StatusChange.objects.filter(application=submitted).count() == 1


def test_an_allowed_step_is_logged_with_who_and_why(submitted, staff):
    application_screen(application=submitted, by=staff, eligible=False, reason="Аудан сәйкес емес.")
    application_reopen(
        application=submitted,
        by=staff,
        reason="Бюджетті түзетіңіз.",
        deadline=timezone.now() + timedelta(days=3),
    )
    steps = list(
        StatusChange.objects.filter(application=submitted).values_list(
            "from_status", "to_status", "changed_by", "reason"
        )
    )
    assert steps == [
        ("submitted", "ineligible", staff.pk, "Аудан сәйкес емес."),
        ("ineligible", "returned", staff.pk, "Бюджетті түзетіңіз."),
    ]
    submitted.refresh_from_db()
    assert (submitted.status, submitted.status_reason) == ("returned", "Бюджетті түзетіңіз.")


def test_staff_see_a_refused_screening_in_russian(client, submitted, staff):
    application_screen(application=submitted, by=staff, eligible=True, reason="")
    client.force_login(staff)
    client.cookies["django_language"] = "ru"
    page = client.post(
        f"/applications/{submitted.pk}/screen/", {"decision": "eligible", "reason": ""}, follow=True
    ).content.decode()
    with translation.override("ru"):
        said = gettext(NOT_A_STEP)
    assert said != NOT_A_STEP and said in page
    assert StatusChange.objects.filter(application=submitted).count() == 1


def test_a_refused_submission_is_shown_in_kazakh_and_keeps_what_was_typed(client, draft, team):
    client.force_login(draft.applicant)
    data = application_post(team, title="Біздің саябақ жобасы")
    teammates_from_post(draft, data)
    with time_machine.travel(CLOSES + timedelta(seconds=1)):
        response = client.post(f"/applications/{draft.pk}/edit/", data | {"submit": "1"})
    page = response.content.decode()
    assert response.status_code == 400
    english = "Applications were accepted until %(deadline)s (Aktau time). Your draft is kept."
    with translation.override("kk"):
        late = gettext(english)
    assert late != english
    assert all(part.strip() in page for part in late.split("%(deadline)s"))
    assert 'value="Біздің саябақ жобасы"' in page
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT


def test_a_background_save_of_a_submitted_application_says_so_in_kazakh(client, submitted):
    client.force_login(submitted.applicant)
    response = client.post(f"/applications/{submitted.pk}/autosave/", {"main-title": "Жаңа"})
    with translation.override("kk"):
        said = gettext("This application can no longer be changed.")
    assert response.status_code == 409
    assert (
        said != "This application can no longer be changed." and response.content.decode() == said
    )
