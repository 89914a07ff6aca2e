"""Two clicks, two requests at once: found by the load test (`make loadtest`).

A second click on "Submit" waited for the first one's lock and then failed with a server
error; a late autosave could write over a submitted application; two clicks on "Start"
could open two drafts for one lead.
"""

import sqlite3
from datetime import timedelta
from threading import Barrier, Thread

import pytest
import time_machine
from django.db import connection

from accounts.roles import Role
from applications import views
from applications.models import Application, StatusChange
from applications.services.application import application_start
from tests.applications.conftest import CLOSES
from tests.applications.helpers import application_post, teammates_from_post
from tests.conftest import require
from tests.factories import CompetitionFactory, UserFactory

BEFORE = CLOSES - timedelta(hours=1)


@pytest.fixture
def before_deadline():
    with time_machine.travel(BEFORE):
        yield


@pytest.fixture
def submitted_but_stale(before_deadline, client, draft, team, monkeypatch):
    """The application is submitted; a second request still holds the copy it read before."""
    client.force_login(draft.applicant)
    stale = Application.objects.get(pk=draft.pk)
    teammates_from_post(draft, application_post(team))
    response = client.post(
        f"/applications/{draft.pk}/edit/", application_post(team) | {"submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    monkeypatch.setattr(views, "own_application", lambda user, pk: stale)
    return Application.objects.get(pk=draft.pk), team


@pytest.mark.django_db
def test_a_second_click_on_submit_shows_the_submitted_application(client, submitted_but_stale):
    application, team = submitted_but_stale

    response = client.post(
        f"/applications/{application.pk}/edit/", application_post(team) | {"submit": "1"}
    )

    assert response.status_code == 302
    assert response.url == f"/applications/{application.pk}/"
    after = Application.objects.get(pk=application.pk)
    assert after.registration_number == application.registration_number
    assert StatusChange.objects.filter(application=application, to_status="submitted").count() == 1


@pytest.mark.django_db
def test_an_autosave_arriving_after_submission_changes_nothing(client, submitted_but_stale):
    application, _team = submitted_but_stale

    response = client.post(
        f"/applications/{application.pk}/autosave/",
        {"main-problem": "an older text, typed before the click"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 409
    assert Application.objects.get(pk=application.pk).draft_data == application.draft_data


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.services
def test_two_simultaneous_starts_make_one_draft():
    # SQLite serialises writers by locking whole tables; the race is PostgreSQL's.
    require(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL)")
    competition = CompetitionFactory()
    applicants = [UserFactory(roles=[Role.APPLICANT]) for _ in range(10)]
    errors = []

    def start(applicant, barrier):
        try:
            barrier.wait()
            application_start(competition=competition, applicant=applicant)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    for applicant in applicants:
        barrier = Barrier(2)
        threads = [Thread(target=start, args=(applicant, barrier)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert errors == []
    for applicant in applicants:
        assert Application.objects.filter(competition=competition, applicant=applicant).count() == 1


@pytest.mark.may_skip_in_ci(reason="CI runs on PostgreSQL; SQLite's locking is its own case")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_submits_on_sqlite_all_get_the_friendly_answer(
    before_deadline, draft, team, tmp_path, monkeypatch
):
    """Security finding: on SQLite the losers of a double submit got a 500 "database is locked".

    The requests run in threads against a copy of the test database in a file (the
    in-memory test database cannot show SQLite's file locking).
    """
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's locking; PostgreSQL's is covered above")
    from django.db import connections
    from django.test import Client

    lead = Client()
    lead.force_login(draft.applicant)
    teammates_from_post(draft, application_post(team))
    path = tmp_path / "race.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    # New threads open the file; this thread keeps its in-memory database untouched.
    monkeypatch.setitem(
        connections.settings, "default", {**connection.settings_dict, "NAME": str(path)}
    )

    clicks = 3
    barrier = Barrier(clicks)
    answers, errors = [], []
    data = application_post(team) | {"submit": "1"}

    def click():
        client = Client()
        client.cookies = lead.cookies
        try:
            barrier.wait()
            response = client.post(f"/applications/{draft.pk}/edit/", data)
            answers.append((response.status_code, response.get("Location")))
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [Thread(target=click) for _ in range(clicks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert answers == [(302, f"/applications/{draft.pk}/")] * clicks
    with sqlite3.connect(path) as race:
        submitted = race.execute(
            "SELECT count(*) FROM applications_statuschange WHERE to_status = 'submitted'"
        ).fetchone()[0]
        numbers = race.execute(
            "SELECT registration_number FROM applications_application WHERE id = ?", [draft.pk]
        ).fetchall()
    assert submitted == 1
    assert numbers[0][0]
