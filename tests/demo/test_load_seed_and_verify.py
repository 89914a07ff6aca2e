"""The load test's seed and verifier, on a handful of users, with the requests Locust sends."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from accounts.models import User
from applications.models import ApplicantProfile, Application
from demo import loadplan
from demo.loadseed import load_verify
from reviews.models import Assignment, Review

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The 2025 call's 32 applications are not needed: the seed makes its own review queue.
    settings.DEMO_LOADERS = ["demo.steps.applications.load_applicant_profile"]
    path = tmp_path / "plan.json"
    call_command(
        "seed_load", "--force", "--applicants=3", "--experts=2", "--reviewed=2", f"--plan={path}"
    )
    return json.loads(path.read_text())


def applicant_does_what_the_script_does(client, entry: dict, slug: str) -> None:
    email = entry["email"]
    client.force_login(User.objects.get(email=email))
    response = client.post(f"/applications/start/{slug}/")
    pk = int(re.search(r"/applications/(\d+)/edit/", response.url)[1])
    for step in range(1, loadplan.AUTOSAVES + 1):
        response = client.post(
            f"/applications/{pk}/autosave/",
            {"main-title": "Жоба", "main-problem": loadplan.draft_text(email, step)},
            headers={"HX-Request": "true"},
        )
        assert response.status_code == 200
    pdf = SimpleUploadedFile("жоспар.pdf", loadplan.sample_pdf(), "application/pdf")
    response = client.post(f"/applications/{pk}/files/", {"file": pdf}, follow=True)
    assert "жоспар.pdf" in response.content.decode()
    response = client.post(f"/applications/{pk}/edit/", entry["fields"] | {"submit": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response.url == f"/applications/{pk}/"


def expert_does_what_the_script_does(client, email: str) -> None:
    client.force_login(User.objects.get(email=email))
    queue = client.get("/reviews/").content.decode()
    pks = list(dict.fromkeys(re.findall(r'href="/reviews/applications/(\d+)/"', queue)))
    assert pks
    for pk in pks:
        url = f"/reviews/applications/{pk}/"
        assert 'name="answer"' in client.get(url).content.decode()
        page = client.post(url, {"answer": "none"}, follow=True).content.decode()
        criteria = re.findall(r'name="score_(\d+)"', page)
        assert criteria
        data = {"submit": "1", "comment": "Жоба пайдалы."}
        for criterion in criteria:
            data[f"score_{criterion}"] = "6"
            data[f"justification_{criterion}"] = "Жоспар нақты."
        response = client.post(url, data)
        assert response.status_code == 302
        assert response.url == "/reviews/"


def test_seed_makes_applicants_with_profiles_and_an_expert_queue(plan, tmp_path):
    emails = [entry["email"] for entry in plan["applicants"]]
    assert emails == [loadplan.applicant_email(n) for n in (1, 2, 3)]
    assert ApplicantProfile.objects.filter(user__email__in=emails).count() == 3
    # Each lead's draft waits with a teammate who confirmed themselves: submitting needs it.
    drafts = Application.objects.filter(applicant__email__in=emails)
    assert [draft.status for draft in drafts] == ["draft"] * 3
    assert all(draft.teammates.get().is_confirmed for draft in drafts)
    assignments = Assignment.objects.filter(member__competition__slug=loadplan.REVIEW_SLUG)
    assert assignments.count() == 2 * 2
    assert not assignments.filter(member__declaration_accepted_at__isnull=True).exists()
    assert plan["applicants"][0]["fields"]["main-problem"] == loadplan.final_text(emails[0])
    users = User.objects.count()
    # A second run creates nothing new.
    call_command(
        "seed_load",
        "--force",
        "--applicants=3",
        "--experts=2",
        "--reviewed=2",
        f"--plan={tmp_path / 'again.json'}",
    )
    assert User.objects.count() == users
    assert assignments.count() == 4


def test_verify_passes_when_everyone_did_their_part(plan, client, tmp_path):
    for entry in plan["applicants"]:
        applicant_does_what_the_script_does(client, entry, plan["open_call"]["slug"])
    for email in plan["experts"]:
        expert_does_what_the_script_does(client, email)
    # The demo's own application in the open call (its phone applicant's), numbered by the
    # demo and not by the call's counter: not the run's to count.
    from competitions.models import Competition
    from tests.factories import ApplicationFactory

    ApplicationFactory(
        competition=Competition.objects.get(slug=plan["open_call"]["slug"]),
        registration_number="JU-2026-9001",
        status=Application.Status.ELIGIBLE,
    )

    verdict = load_verify(plan=plan)

    assert verdict.ok, verdict.as_dict()
    assert Review.objects.filter(status=Review.Status.SUBMITTED).count() >= 4
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    call_command("verify_load", f"--plan={tmp_path / 'plan.json'}")


def failed(verdict) -> set[str]:
    return {check.name for check in verdict.checks if not check.ok}


def test_verify_finds_missing_submissions_lost_text_and_gaps(plan, client, tmp_path):
    for entry in plan["applicants"][:2]:
        applicant_does_what_the_script_does(client, entry, plan["open_call"]["slug"])
    verdict = load_verify(plan=plan)
    assert failed(verdict) == {
        "every applicant submitted exactly once",
        "every expert's review submitted",
    }

    first = Application.objects.get(applicant__email=plan["applicants"][0]["email"])
    first.draft_data["main-problem"] = [loadplan.draft_text(first.applicant.email, 2)]
    first.registration_number = first.registration_number[:-4] + "0007"
    first.save()
    verdict = load_verify(plan=plan)
    assert "no lost draft text" in failed(verdict)
    assert "registration numbers consecutive, no gaps or duplicates" in failed(verdict)
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    with pytest.raises(CommandError):
        call_command("verify_load", f"--plan={tmp_path / 'plan.json'}")


@pytest.mark.real_2fa
def test_experts_and_staff_pass_the_second_step_with_the_plans_app_keys(client, plan):
    """The Locust script computes the app's code from the plan's key (no Django there)."""
    for email in [*plan["experts"], plan["staff"][0]["email"]]:
        client.logout()
        password = plan["password"] if email in plan["experts"] else plan["staff"][0]["password"]
        response = client.post("/accounts/login/", {"username": email, "password": password})
        assert response["Location"].startswith("/accounts/two-factor/")
        code = loadplan.app_code(plan["app_keys"][email])
        assert client.post(response["Location"], {"code": code}).status_code == 302
        assert client.get("/accounts/home/").status_code == 302
        assert "otp_device_id" in client.session
