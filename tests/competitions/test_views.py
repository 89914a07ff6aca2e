from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.roles import Role
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    CompetitionFactory,
    GrantProjectFactory,
    IndicatorFactory,
)

pytestmark = pytest.mark.django_db

NBSP = "\xa0"
AQTAU = ZoneInfo("Asia/Aqtau")


def kk(text: str) -> str:
    with translation.override("kk"):
        return gettext(text)


def test_the_home_page_presents_the_project_and_its_open_call_in_kazakh(client, demo):
    project, competition = demo
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9,en;q=0.8")
    html = response.content.decode()
    assert '<html lang="kk">' in html
    assert project.title_kk in html
    assert kk("Open competitions") in html
    assert competition.title_kk in html
    assert f"1{NBSP}000{NBSP}000{NBSP}₸" in html
    assert f'href="/competitions/{competition.slug}/"' in html


def test_a_closed_call_is_not_offered_on_the_home_page(client):
    closed = CompetitionFactory(
        opens_at="2025-06-01T09:00+05:00", closes_at="2025-07-15T18:00+05:00"
    )
    html = client.get("/").content.decode()
    assert closed.title not in html
    assert kk("No competition is open right now. Come back soon.") in html


def test_the_call_page_shows_the_deadline_in_aktau_time_and_the_apply_button(client, demo):
    _project, competition = demo
    response = client.get(f"/competitions/{competition.slug}/")
    html = response.content.decode()
    aktau = timezone.localtime(competition.closes_at)
    assert aktau.utcoffset().total_seconds() == 5 * 3600
    assert aktau.strftime("%d.%m.%Y %H:%M") in html
    assert kk("Register to apply") in html
    assert competition.criteria.first().name_kk in html


def test_an_unknown_call_is_404(client, db):
    assert client.get("/competitions/no-such-call/").status_code == 404


def test_the_language_switch_is_remembered_and_stored_on_the_person(client, applicant):
    client.force_login(applicant)
    response = client.post("/i18n/setlang/", {"language": "ru", "next": "/applications/"})
    assert response["Location"] == "/applications/"
    assert (
        client.get("/applications/")
        .content.decode()
        .startswith('<!doctype html>\n\n<html lang="ru">')
    )
    applicant.refresh_from_db()
    assert applicant.language == "ru"


def test_the_budget_page_shows_the_total_computed_from_its_lines(client, demo, operator):
    client.force_login(operator)
    html = client.get("/projects/jastarurban/budget/").content.decode()
    assert f"11{NBSP}550{NBSP}500{NBSP}₸" in html
    assert f"3{NBSP}100{NBSP}270{NBSP}₸" in html
    assert f"8{NBSP}450{NBSP}230{NBSP}₸" in html
    assert f"70{NBSP}000{NBSP}₸" in html  # half a day of the conference hall


@pytest.mark.parametrize(
    "path", ["/projects/{slug}/", "/projects/{slug}/budget/", "/projects/{slug}/indicators/"]
)
def test_project_pages_take_a_constant_number_of_queries(
    client, staff, path, django_assert_max_num_queries
):
    project = GrantProjectFactory()
    for number in range(1, 5):
        activity = ActivityFactory(project=project, number=number)
        for _ in range(10):
            BudgetLineFactory(project=project, section="direct", activity=activity)
            IndicatorFactory(project=project, activity=activity)
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        response = client.get(path.format(slug=project.slug))
    html = response.content.decode()
    rows = {
        "/projects/{slug}/": project.activities.values_list("title", flat=True),
        "/projects/{slug}/budget/": project.budget_lines.values_list("name", flat=True),
        "/projects/{slug}/indicators/": project.indicators.values_list("name", flat=True),
    }[path]
    assert len(rows) >= 4 and all(name in html for name in rows)


def test_the_home_page_takes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    project = GrantProjectFactory()
    activities = [ActivityFactory(project=project, number=number) for number in range(1, 5)]
    calls = [CompetitionFactory(project=project) for _ in range(10)]
    with django_assert_max_num_queries(5):
        html = client.get("/").content.decode()
    assert html.count('href="/competitions/') >= 10
    assert all(f"/competitions/{call.slug}/" in html and call.title in html for call in calls)
    assert all(activity.title in html for activity in activities)


@pytest.mark.parametrize(
    ("role", "visible", "hidden"),
    [
        (Role.APPLICANT, ["/applications/"], ["/staff/", "/reports/", "/reviews/", "/admin/"]),
        (Role.EXPERT, ["/reviews/"], ["/staff/", "/reports/", "/applications/", "/admin/"]),
        (Role.MENTOR, ["/mentoring/"], ["/staff/", "/reports/", "/applications/", "/admin/"]),
        (Role.OPERATOR, ["/reports/"], ["/staff/", "/applications/", "/reviews/", "/admin/"]),
        (Role.STAFF, ["/staff/", "/reports/", "/admin/"], ["/applications/", "/reviews/"]),
    ],
)
def test_the_navigation_shows_only_what_the_role_may_use(client, role, visible, hidden, request):
    user = request.getfixturevalue(role.value)
    client.force_login(user)
    nav = client.get("/").content.decode().split("<main", 1)[0]
    for path in visible:
        assert f'href="{path}"' in nav, path
    for path in hidden:
        assert f'href="{path}"' not in nav, path


def test_an_anonymous_visitor_is_offered_login_and_registration(client, db):
    nav = client.get("/").content.decode().split("<main", 1)[0]
    assert 'href="/accounts/login/"' in nav and 'href="/accounts/signup/"' in nav
    assert 'href="/applications/"' not in nav


def test_the_call_page_shows_rules_faq_and_announcements_against_the_target(
    client, demo, staff, applicant
):
    _project, competition = demo
    competition.rules_kk = "Ереже: өтінімдер 18:00-ге дейін қабылданады."
    competition.save()
    competition.faq.create(position=1, question_kk="Кім қатыса алады?", answer_kk="Ауыл жастары.")
    competition.announcements.create(channel="akimat", published_on="2025-06-02", reach=300)
    html = client.get(f"/competitions/{competition.slug}/").content.decode()
    assert "Ереже: өтінімдер" in html and "Кім қатыса алады?" in html
    assert 'data-testid="announcements"' not in html  # the public does not see the tally
    assert 'href="/accounts/register/"' in html
    client.force_login(staff)
    html = client.get(f"/competitions/{competition.slug}/").content.decode()
    tally = kk("%(done)s of %(target)s planned") % {"done": 1, "target": 5}
    assert f'data-testid="announcements">{tally}</p>' in html
    client.force_login(applicant)
    html = client.get(f"/competitions/{competition.slug}/").content.decode()
    assert f'action="/applications/start/{competition.slug}/"' in html


def test_the_home_page_leads_with_the_open_call_and_its_apply_button(client, demo):
    _project, competition = demo
    html = client.get("/").content.decode()
    call = html.index('data-testid="open-call"')
    passport = html.index('data-testid="project-passport"')
    assert call < passport
    box = html[call:passport]
    assert competition.title_kk in box
    assert kk("Apply") in box and f'href="/competitions/{competition.slug}/"' in box
    assert competition.closes_at.astimezone(AQTAU).strftime("%d.%m.%Y %H:%M") in box
    # The project's 2025 period is the passport's, below the call.
    assert "01.06.2025" not in html[:passport]
