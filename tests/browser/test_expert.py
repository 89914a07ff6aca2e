"""An expert declares, opens an application blind, scores it on a phone and submits."""

import re
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import Role
from accounts.two_factor import totp_device_set
from applications.models import Application
from competitions.models import Criterion
from demo.app_keys import demo_app_key
from reviews.models import Review
from reviews.services import assignments_create_all, commission_add
from tests.applications.helpers import iin_for, village
from tests.browser.conftest import pass_second_step, settle_autosave
from tests.factories import PASSWORD, CompetitionFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_expert_scores_an_application_blind_from_a_phone(live_server, phone):
    competition = CompetitionFactory()
    for position, code in enumerate(["relevance", "novelty", "impact", "feasibility"], start=1):
        Criterion.objects.create(
            competition=competition, position=position, code=code, name=code.title(), max_score=10
        )
    application = Application.objects.create(
        competition=competition,
        applicant=UserFactory(roles=[Role.APPLICANT]),
        status=Application.Status.ELIGIBLE,
        title="Жасыл аула",
        village=village(),
        problem="Көлеңке жоқ",
        idea="Ағаш отырғызу",
        goal="Көгалдандыру",
        expected_results="50 ағаш",
        registration_number="JU-2025-0042",
        submitted_at=timezone.now(),
    )
    application.team.create(
        position=1,
        full_name="Құпия Есім",
        iin=iin_for(date(2000, 1, 1)),
        birth_date=date(2000, 1, 1),
        phone="+77019998877",
        village=village(),
        role="Жетекші",
    )
    staff = UserFactory(roles=[Role.STAFF])
    expert = UserFactory(roles=[Role.EXPERT], email="sarapshy@example.kz")
    totp_device_set(user=expert, key=demo_app_key(expert.email))  # the expert's phone app
    commission_add(competition=competition, expert=expert, by=staff)
    assignments_create_all(competition=competition, by=staff)
    page, url = phone, live_server.url

    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", expert.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    pass_second_step(page, expert.email)
    page.wait_for_url(re.compile(r"/reviews/declaration/\d+/$"))
    page.locator("button[name=accept]").click()
    page.wait_for_url(f"{url}/reviews/")
    page.get_by_test_id("assignment").first.click()
    page.wait_for_url(f"{url}/reviews/applications/{application.pk}/")
    page.check("input[name=answer][value=none]")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("input[name^=score_]").first).to_be_visible()
    assert "Құпия Есім" not in page.content() and "+77019998877" not in page.content()
    for index, criterion in enumerate(competition.criteria.order_by("position")):
        page.fill(f"#id_score_{criterion.pk}", str(6 + index))
        page.fill(f"#id_justification_{criterion.pk}", "Негіздеме")
    page.fill("#id_comment", "Ауылға пайдалы жоба")
    expect(page.locator("#save-status")).to_contain_text(re.compile(r"\d\d:\d\d:\d\d"))
    settle_autosave(page)
    page.locator("button[name=submit]").click()
    page.wait_for_url(f"{url}/reviews/")
    review = Review.objects.get(assignment__member__expert=expert)
    assert review.status == Review.Status.SUBMITTED
    assert sorted(review.scores.values_list("score", flat=True)) == [6, 7, 8, 9]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
