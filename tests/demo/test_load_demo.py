from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.forms.models import model_to_dict

from accounts.models import User
from accounts.roles import Role
from competitions.models import Competition
from demo import source
from demo.loader import DEMO_PASSWORD, DEMO_USERS
from projects.models import BudgetLine, GrantProject, Indicator
from projects.models.budget import project_budget

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    """Every row of every project model, as plain values."""
    rows = {}
    models = [
        model
        for label in ("projects", "competitions", "applications", "reviews")
        for model in apps.get_app_config(label).get_models()
    ]
    for model in models:
        rows[model.__name__] = sorted(
            (str(model_to_dict(obj)) for obj in model.objects.all()), key=str
        )
    rows["User"] = sorted(
        (
            user.email or "",
            user.phone or "",
            user.password,
            tuple(sorted(g.name for g in user.groups.all())),
        )
        for user in User.objects.all()
    )
    return rows


def test_running_it_twice_changes_nothing(settings, full_demo):
    """The first run is the one every test process makes once (`full_demo` writes back
    what it left); the command's second run must leave every row as it was."""
    settings.DEBUG = True
    first = snapshot()
    call_command("load_demo", stdout=StringIO())
    assert snapshot() == first


def test_it_prints_one_login_per_role(settings, capsys, demo):
    settings.DEBUG = True
    call_command("load_demo")
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out
    for role in Role:
        assert f"  {role.value} " in out


def test_it_refuses_to_create_published_logins_with_debug_off(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo")
    assert not GrantProject.objects.exists()


def test_every_printed_login_works(demo, client):
    for demo_user in DEMO_USERS:
        client.logout()
        response = client.post(
            "/accounts/login/", {"username": demo_user.email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, demo_user.email
        assert demo_user.role in User.objects.get(email=demo_user.email).roles


def test_the_budget_totals_are_computed_from_its_twenty_lines(demo):
    project, _competition = demo
    budget = project_budget(project)
    assert len(budget.lines) == 20
    assert budget.total_kzt == 11_550_500
    totals = {section.section: section.total_kzt for section in budget.sections}
    assert totals[BudgetLine.Section.ADMINISTRATIVE] == 3_100_270
    assert totals[BudgetLine.Section.MATERIAL_TECHNICAL] == 0
    assert totals[BudgetLine.Section.DIRECT] == 8_450_230
    assert budget.by_activity == {1: 7_000_000, 2: 751_000, 3: 394_230, 4: 305_000}
    assert budget.own_kzt == 0
    assert budget.support_within_limit


def test_every_line_total_matches_the_source_document(demo):
    project, _competition = demo
    lines = project.budget_lines.order_by("position")
    assert [line.total_kzt for line in lines] == [row["total_kzt"] for row in source.BUDGET_LINES]
    hall = lines.get(name_en__icontains="conference")
    assert hall.quantity == Decimal("0.5")
    assert hall.total_kzt == 70_000


def test_the_indicator_catalogue_holds_every_target_of_the_brief(demo):
    project, _competition = demo
    targets = dict(Indicator.objects.filter(project=project).values_list("code", "target"))
    expected = {
        "call_announcements": 5,
        "applications_received": 30,
        "experts": 5,
        "small_grants_awarded": 7,
        "grantees_people": 20,
        "trainings": 3,
        "training_days": 2,
        "training_materials": 3,
        "mentorships": 7,
        "mentoring_meetings": 5,
        "projects_implemented": 7,
        "grantee_videos": 7,
        "video_villages": 7,
        "video_posts": 14,
        "videos_two_posts": 7,
        "video_average_length": 60,
        "views_total": 25_000,
        "posts_total": 25,
        "videos_total": 10,
        "media_publications": 5,
        "exhibitions": 1,
        "exhibition_stands": 7,
        "exhibition_participants": 50,
        "round_tables": 1,
        "thank_you_letters": 10,
        "grantees_life_improved": 75,
        "applications_rural_share": 90,
        "projects_success_share": 90,
        "training_satisfaction_share": 80,
        "mentoring_useful_share": 80,
        "video_positive_reactions_share": 50,
        "exhibition_support_grew_share": 30,
    }
    assert {code: targets.get(code) for code in expected} == expected
    qualitative = Indicator.objects.filter(kind=Indicator.Kind.QUALITATIVE)
    assert qualitative.count() == 7
    assert all(indicator.measurement_kk for indicator in Indicator.objects.all())


def test_the_project_has_its_tasks_calendar_and_recipient(demo):
    project, competition = demo
    assert project.recipient.bin == "051140010597"
    assert project.recipient.head_full_name == "Ахметова Жібек Аманбайқызы"
    assert project.tasks.count() == 4
    assert project.activities.count() == 4
    assert project.target_groups.exists()
    assert project.recipient.past_projects.count() == 19
    assert str(project.starts_on) == "2025-06-01" and str(project.ends_on) == "2025-11-30"
    assert competition.is_open
    assert competition.criteria.count() == 4
    assert (competition.award_count, competition.max_request_kzt) == (7, 1_000_000)
    assert Competition.objects.count() == 2


def test_the_2025_call_has_a_finished_commission(full_demo):
    from applications.models import Application
    from reviews.models import CommissionMember, Decision, Review

    call = Competition.objects.get(slug="jastarurban-2025")
    assert not call.is_open and call.results_published_at is not None
    assert call.applications.exclude(status=Application.Status.DRAFT).count() >= 30
    assert CommissionMember.objects.filter(competition=call).count() == 5
    eligible = call.applications.filter(status=Application.Status.ELIGIBLE).count()
    assert eligible >= 30
    # Every pair scored, but for the one conflict the chair declared.
    submitted = Review.objects.filter(assignment__member__competition=call, status="submitted")
    assert submitted.count() == eligible * 5 - 1
    awarded = Decision.objects.filter(application__competition=call, outcome="awarded")
    assert awarded.count() == 7
    assert all(decision.amount_kzt <= 1_000_000 for decision in awarded)
    # Seven winners, seven projects: no two applications of the call share a title.
    titles = list(call.applications.values_list("title", flat=True))
    assert len(set(titles)) == len(titles)
    assert len({decision.application.title for decision in awarded}) == 7
    # The scoring page shows each criterion's levels, in Kazakh and in Russian.
    assert all(c.levels_kk and c.levels_ru for c in call.criteria.all())
