"""Staff set up a project from their pages (passport, calendar plan, budget with the 10 % rule,
indicators) and open a call for it; the operator reads and never writes."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from accounts.roles import Role
from competitions.models import Competition, Criterion
from projects.models import BudgetLine, GrantProject, Indicator
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    CompetitionFactory,
    GrantProjectFactory,
    GrantRecipientFactory,
    IndicatorFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def formset(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data |= {f"{prefix}-{index}-{key}": value for key, value in row.items()}
    return data


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def project(db):
    return GrantProjectFactory(slug="next", starts_on=date(2026, 3, 1), ends_on=date(2026, 11, 30))


def test_staff_create_a_project_from_its_passport(client, staff):
    recipient = GrantRecipientFactory()
    client.force_login(staff)
    assert client.get("/projects/new/").status_code == 200
    response = client.post(
        "/projects/new/",
        {
            "recipient": recipient.pk,
            "slug": "jastarurban-2026",
            "title_kk": "JastarUrban 2026",
            "title_ru": "JastarUrban 2026",
            "operator_name_kk": "«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
            "region_kk": "Маңғыстау облысы",
            "starts_on": "2026-03-01",
            "ends_on": "2026-11-30",
            "goal_kk": "Ауыл жастарының бастамаларын қолдау",
        },
    )
    assert response["Location"] == "/projects/jastarurban-2026/plan/"
    project = GrantProject.objects.get(slug="jastarurban-2026")
    assert project.recipient == recipient and project.ends_on == date(2026, 11, 30)
    with translation.override("ru"):
        assert project.title == "JastarUrban 2026"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("kk", "Жоба басталмай тұрып аяқтала алмайды."),
        ("ru", "Проект не может закончиться раньше, чем начнётся."),
    ],
)
def test_a_project_ending_before_it_starts_is_refused_in_the_readers_language(
    client, staff, language, message
):
    client.force_login(staff)
    client.cookies["django_language"] = language
    response = client.post(
        "/projects/new/",
        {
            "recipient": GrantRecipientFactory().pk,
            "slug": "backwards",
            "title_kk": "Кері",
            "operator_name_kk": "Оператор",
            "region_kk": "Маңғыстау",
            "starts_on": "2026-03-01",
            "ends_on": "2026-01-01",
            "goal_kk": "Мақсат",
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not GrantProject.objects.filter(slug="backwards").exists()


def test_staff_enter_the_calendar_plan(client, staff, project):
    client.force_login(staff)
    response = client.post(
        "/projects/next/plan/",
        formset(
            "plan",
            [
                {
                    "number": "1",
                    "title_kk": "Байқау жариялау",
                    "task_kk": "Байқауды өткізу",
                    "starts_on": "2026-03-01",
                    "ends_on": "2026-04-30",
                },
                {
                    "number": "2",
                    "title_kk": "Оқыту",
                    "task_kk": "Жастарды оқыту",
                    "starts_on": "2026-05-01",
                    "ends_on": "2026-06-30",
                },
            ],
        ),
    )
    assert response["Location"] == "/projects/next/budget/edit/"
    assert list(project.activities.values_list("number", "title_kk")) == [
        (1, "Байқау жариялау"),
        (2, "Оқыту"),
    ]


def test_an_event_outside_the_projects_period_is_refused(client, staff, project):
    client.force_login(staff)
    client.cookies["django_language"] = "ru"
    response = client.post(
        "/projects/next/plan/",
        formset(
            "plan",
            [
                {
                    "number": "1",
                    "title_kk": "Ерте",
                    "task_kk": "Міндет",
                    "starts_on": "2025-01-01",
                    "ends_on": "2026-04-30",
                }
            ],
        ),
    )
    assert response.status_code == 200
    assert "Дата вне периода проекта." in response.content.decode()
    assert not project.activities.exists()


def budget_row(position, section, cost, activity=""):
    return {
        "position": str(position),
        "section": section,
        "activity": str(activity),
        "name_kk": f"Шығын {position}",
        "unit": "service",
        "quantity": "1",
        "unit_cost_kzt": str(cost),
        "funding_source": "grant",
    }


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("kk", "ең көбі 10 %"),
        ("ru", "не более 10 %"),
    ],
)
def test_the_10_percent_rule_refuses_a_budget_that_breaks_it(
    client, staff, project, language, message
):
    activity = ActivityFactory(
        project=project, starts_on=project.starts_on, ends_on=project.ends_on
    )
    client.force_login(staff)
    client.cookies["django_language"] = language
    response = client.post(
        "/projects/next/budget/edit/",
        formset(
            "budget",
            [
                budget_row(1, "direct", 800_000, activity.pk),
                # 200 000 of 1 000 000: 20 % for support, twice the limit.
                budget_row(2, "material_technical", 200_000),
            ],
        ),
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "20,0 %" in response.content.decode()
    assert not project.budget_lines.exists()


def test_a_budget_within_the_rule_is_saved_with_its_totals(client, staff, project):
    activity = ActivityFactory(
        project=project, starts_on=project.starts_on, ends_on=project.ends_on
    )
    client.force_login(staff)
    response = client.post(
        "/projects/next/budget/edit/",
        formset(
            "budget",
            [
                budget_row(1, "direct", 900_000, activity.pk),
                budget_row(2, "institutional", 100_000),  # exactly 10 %
            ],
        ),
    )
    assert response["Location"] == "/projects/next/indicators/edit/"
    assert list(project.budget_lines.values_list("position", "total_kzt")) == [
        (1, 900_000),
        (2, 100_000),
    ]


def test_a_direct_cost_needs_an_event_of_the_plan(client, staff, project):
    client.force_login(staff)
    client.cookies["django_language"] = "ru"
    response = client.post(
        "/projects/next/budget/edit/", formset("budget", [budget_row(1, "direct", 1000)])
    )
    assert response.status_code == 200
    assert "Прямые расходы относятся к мероприятию плана." in response.content.decode()


def test_an_existing_budget_line_is_changed_and_deleted(client, staff, project):
    line = BudgetLineFactory(project=project, position=1, unit_cost_kzt=1000)
    gone = BudgetLineFactory(project=project, position=2, unit_cost_kzt=500)
    client.force_login(staff)
    rows = [
        budget_row(1, "administrative", 2000) | {"id": str(line.pk)},
        budget_row(2, "administrative", 500) | {"id": str(gone.pk), "DELETE": "on"},
    ]
    response = client.post("/projects/next/budget/edit/", formset("budget", rows, initial=2))
    assert response.status_code == 302
    assert list(BudgetLine.objects.filter(project=project).values_list("pk", "total_kzt")) == [
        (line.pk, 2000)
    ]


def test_staff_enter_indicators_with_targets_and_sources(client, staff, project):
    activity = ActivityFactory(
        project=project, starts_on=project.starts_on, ends_on=project.ends_on
    )
    client.force_login(staff)
    rows = [
        {
            "position": "1",
            "code": "applications_received",
            "activity": str(activity.pk),
            "kind": "quantitative",
            "name_kk": "Түскен өтінімдер",
            "unit": "count",
            "comparison": "at_least",
            "target": "30",
            "source": "applications_received",
        },
        {
            "position": "2",
            "code": "rules_approved",
            "activity": str(activity.pk),
            "kind": "qualitative",
            "name_kk": "Ережелер бекітілді",
            "unit": "count",
            "comparison": "exactly",
            "target": "1",
            "source": "",
        },
    ]
    response = client.post("/projects/next/indicators/edit/", formset("indicators", rows))
    assert response["Location"] == "/projects/next/competitions/new/"
    assert list(
        Indicator.objects.filter(project=project).values_list("code", "target", "source")
    ) == [("applications_received", 30, "applications_received"), ("rules_approved", 1, "")]


def test_an_unknown_indicator_source_is_refused(client, staff, project):
    activity = ActivityFactory(
        project=project, starts_on=project.starts_on, ends_on=project.ends_on
    )
    client.force_login(staff)
    row = {
        "position": "1",
        "code": "made_up",
        "activity": str(activity.pk),
        "kind": "quantitative",
        "name_kk": "Ойдан шығарылған",
        "unit": "count",
        "comparison": "at_least",
        "target": "3",
        "source": "no_such_source",
    }
    response = client.post("/projects/next/indicators/edit/", formset("indicators", [row]))
    assert response.status_code == 200
    assert not Indicator.objects.filter(project=project).exists()


def test_staff_open_a_call_for_the_project_with_an_earlier_calls_criteria(client, staff, project):
    earlier = CompetitionFactory()
    Criterion.objects.create(
        competition=earlier, position=1, code="social_impact", name="Әлеуметтік әсер"
    )
    client.force_login(staff)
    response = client.post(
        "/projects/next/competitions/new/",
        {
            "slug": "jastarurban-2026",
            "title_kk": "JastarUrban 2026 байқауы",
            "title_ru": "Конкурс JastarUrban 2026",
            "summary_kk": "Шағын гранттар",
            "eligibility_kk": "18–35 жастағы ауыл жастары",
            "funds_kk": "Қоғамдық кеңістіктер",
            "opens_at": "2026-03-10T09:00",
            "closes_at": "2026-04-20T18:00",
            "min_age": "18",
            "max_age": "35",
            "min_team_size": "2",
            "max_team_size": "3",
            "max_request_kzt": "1000000",
            "award_count": "7",
            "expected_applications": "30",
            "copy_criteria_from": str(earlier.pk),
        },
    )
    assert response["Location"] == "/competitions/jastarurban-2026/"
    call = Competition.objects.get(slug="jastarurban-2026")
    assert call.project == project and call.last_number == 0
    assert list(call.criteria.values_list("code", flat=True)) == ["social_impact"]
    # The new call is the new project's: the first project's API does not list it.
    assert not Competition.objects.filter(project=earlier.project, slug=call.slug).exists()


def test_a_call_closing_before_it_opens_is_refused(client, staff, project):
    client.force_login(staff)
    client.cookies["django_language"] = "ru"
    response = client.post(
        "/projects/next/competitions/new/",
        {
            "slug": "backwards",
            "title_kk": "Кері",
            "summary_kk": "Қысқаша",
            "eligibility_kk": "Кім",
            "funds_kk": "Не",
            "opens_at": "2026-04-10T09:00",
            "closes_at": "2026-04-01T18:00",
            "min_age": "18",
            "max_age": "35",
            "min_team_size": "2",
            "max_team_size": "3",
            "max_request_kzt": "1000000",
            "award_count": "7",
            "expected_applications": "0",
        },
    )
    assert response.status_code == 200
    assert "Конкурс закрывается после открытия." in response.content.decode()
    assert not Competition.objects.filter(slug="backwards").exists()


SETUP_PAGES = [
    "/projects/new/",
    "/projects/next/edit/",
    "/projects/next/plan/",
    "/projects/next/budget/edit/",
    "/projects/next/indicators/edit/",
    "/projects/next/competitions/new/",
]


@pytest.mark.parametrize("path", SETUP_PAGES)
def test_the_operator_neither_opens_nor_posts_the_set_up_pages(client, operator, project, path):
    client.force_login(operator)
    assert client.get(path).status_code == 403
    assert client.post(path, {}).status_code == 403
    assert GrantProject.objects.count() == 1 and not Competition.objects.exists()


@pytest.mark.parametrize(
    "path",
    ["/projects/next/plan/", "/projects/next/budget/edit/", "/projects/next/indicators/edit/"],
)
def test_the_set_up_pages_read_a_fixed_number_of_queries(
    client, staff, project, path, django_assert_max_num_queries
):
    activities = [
        ActivityFactory(
            project=project, number=n, starts_on=project.starts_on, ends_on=project.ends_on
        )
        for n in range(1, 16)
    ]
    lines, indicators = [], []
    for position, activity in enumerate(activities, start=1):
        lines.append(
            BudgetLineFactory(
                project=project, position=position, section="direct", activity=activity
            )
        )
        indicators.append(IndicatorFactory(project=project, activity=activity, position=position))
    client.force_login(staff)
    with django_assert_max_num_queries(14):
        html = client.get(path).content.decode()
    shown = {
        "/projects/next/plan/": [activity.title for activity in activities],
        "/projects/next/budget/edit/": [line.name for line in lines],
        "/projects/next/indicators/edit/": [indicator.name for indicator in indicators],
    }[path]
    assert all(f'value="{name}"' in html or f">{name}<" in html for name in shown), path


def test_staff_desk_lists_every_project_in_a_fixed_number_of_queries(
    client, staff, django_assert_max_num_queries
):
    for number in range(10):
        GrantProjectFactory(slug=f"p{number}")
    client.force_login(UserFactory(roles=[Role.STAFF]))
    with django_assert_max_num_queries(10):
        response = client.get("/staff/")
    html = response.content.decode()
    assert html.count("/competitions/new/") == 10 and "/projects/new/" in html


@pytest.mark.parametrize(
    ("language", "typed", "shown_back"),
    [("kk", "0,5", "0,50"), ("ru", "0.5", "0,50"), ("en", "0,5", "0.50")],
)
def test_a_fractional_budget_quantity_is_read_in_each_language(
    client, staff, project, language, typed, shown_back
):
    activity = ActivityFactory(
        project=project, starts_on=project.starts_on, ends_on=project.ends_on
    )
    client.force_login(staff)
    client.cookies["django_language"] = language
    row = budget_row(1, "direct", 100_000, activity.pk) | {"quantity": typed}
    response = client.post("/projects/next/budget/edit/", formset("budget", [row]))
    assert response.status_code == 302
    assert list(project.budget_lines.values_list("quantity", "total_kzt")) == [
        (Decimal("0.5"), 50_000)
    ]
    page = client.get("/projects/next/budget/edit/").content.decode()
    assert f'value="{shown_back}"' in page and 'inputmode="decimal"' in page


@pytest.mark.parametrize(
    ("language", "message"), [("kk", "Сан енгізіңіз."), ("ru", "Введите число.")]
)
def test_a_budget_quantity_that_is_no_number_is_refused_in_the_language(
    client, staff, project, language, message
):
    client.force_login(staff)
    client.cookies["django_language"] = language
    row = budget_row(1, "institutional", 100_000) | {"quantity": "жарты"}
    response = client.post("/projects/next/budget/edit/", formset("budget", [row]))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and 'value="жарты"' in page
    assert not project.budget_lines.exists()
