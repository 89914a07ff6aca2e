"""The report pages as staff and the operator read them: charts with a title, a summary and
their data, targets and amounts as money, stacked rows on a phone, and the right words."""

import re
from decimal import Decimal

import pytest
from django.test import Client

from projects.models import Indicator
from reports.indicators.display import indicator_amount, indicator_target
from tests.factories import GrantProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


def page(client: Client, path: str, language: str) -> str:
    client.cookies["django_language"] = language
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def figures(html: str) -> list[str]:
    return re.findall(r'<figure class="chart">.*?</figure>', html, re.S)


def assert_chart_reads_without_the_picture(figure: str) -> None:
    title = re.search(r'<span class="chart-title[^"]*" id="([^"]+)">([^<]+)</span>', figure)
    summary = re.search(r'<span class="chart-summary[^"]*" id="([^"]+)">([^<]+)</span>', figure)
    assert title and summary and summary.group(2).strip()
    svg = re.search(r"<svg [^>]*>", figure).group(0)
    assert f'aria-labelledby="{title.group(1)}"' in svg
    assert f'aria-describedby="{summary.group(1)}"' in svg
    assert 'viewBox="0 0 ' in svg and 'width="100%"' in svg and "height=" not in svg
    assert "<table" in figure and '<th scope="row">' in figure


@pytest.mark.parametrize(
    ("unit", "comparison", "target", "expected"),
    [
        ("tenge", "exactly", Decimal("7000000"), "7 000 000 ₸"),
        ("tenge", "at_least", Decimal("1500000.00"), "кемінде 1 500 000 ₸"),
        ("count", "at_least", Decimal("30.00"), "кемінде 30 дана"),
        ("people", "exactly", Decimal("5"), "5 адам"),
        ("percent", "at_least", Decimal("75.00"), "кемінде 75 %"),
        ("views", "at_least", Decimal("25000"), "кемінде 25 000 қаралым"),
        ("percent", "at_least", Decimal("42.50"), "кемінде 42,5 %"),
    ],
)
def test_a_target_is_written_as_money_or_a_grouped_number(unit, comparison, target, expected):
    from django.utils import translation

    indicator = Indicator(unit=unit, comparison=comparison, target=target)
    with translation.override("kk"):
        assert indicator_target(indicator) == expected.replace(" ", "\xa0").replace(
            "кемінде\xa0", "кемінде "
        )
        assert indicator_amount(None, unit) == "—"


def test_the_dashboard_as_staff_in_kazakh(client, full_demo, staff):
    client.force_login(staff)
    html = page(client, "/projects/jastarurban/reports/dashboard/", "kk")
    # The awards' target is money, never "дәл 7000000 ₸".
    row = re.search(r'<tr data-code="small_grants_amount">.*?</tr>', html, re.S).group(0)
    assert "7\xa0000\xa0000\xa0₸" in row and "дәл" not in row and "7000000" not in row
    views = re.search(r'<tr data-code="views_total">.*?</tr>', html, re.S).group(0)
    assert "кемінде 25\xa0000\xa0қаралым" in views
    # The wording of issue 12: updated daily, update now; no "тіркеме" for a snapshot.
    assert "(күн сайын жаңартылады)" in html and "Қазір жаңарту" in html
    assert "тіркеме" not in html and "Қазір тіркеу" not in html
    # Each indicator's row becomes a card on a phone: every value cell says what it is.
    for cell in re.findall(r"<td(?![^>]*cell-wide)[^>]*>", row):
        assert "data-label=" in cell
    # Four charts, each readable without the picture; a round money axis.
    charts = figures(html)
    assert len(charts) == 4
    for figure in charts:
        assert_chart_reads_without_the_picture(figure)
    assert "Аудандар бойынша өтінімдер" in charts[0]
    assert "15\xa0млн\xa0₸" in charts[2] and "10\xa0млн\xa0₸" in charts[2]
    # The tables scroll, if ever, inside a region a keyboard can reach and that has a name.
    for region in re.findall(r'<div class="table-responsive"[^>]*>', html):
        assert 'role="region"' in region and 'tabindex="0"' in region
        assert re.search(r'aria-labelledby="([^"]+)"', region).group(1) in html


def test_the_operator_reads_the_dashboard_and_budget_in_russian(client, full_demo, operator):
    client.force_login(operator)
    html = page(client, "/projects/jastarurban/reports/dashboard/", "ru")
    assert "(обновляются ежедневно)" in html
    assert "Обновить сейчас" not in html  # only staff take the day's values
    assert "15\xa0млн\xa0₸" in figures(html)[2]
    budget = page(client, "/projects/jastarurban/reports/budget/", "ru")
    (chart,) = figures(budget)
    assert_chart_reads_without_the_picture(chart)
    assert "Освоение бюджета во времени" in chart and "млн\xa0₸" in chart
    assert "11\xa0550\xa0500\xa0₸" in chart  # the full amount in the summary and the table
    assert 'class="table table-sm budget-execution table-stack"' in budget


def test_an_indicator_history_charts_money_with_a_money_axis(client, full_demo, staff):
    client.force_login(staff)
    html = page(client, "/projects/jastarurban/reports/indicators/small_grants_amount/", "kk")
    assert re.search(r'data-testid="target">7\xa0000\xa0000\xa0₸<', html)
    (chart,) = figures(html)
    assert_chart_reads_without_the_picture(chart)
    assert "<details" not in chart  # the history's table is shown at once
    assert "7\xa0млн\xa0₸" in chart or "8\xa0млн\xa0₸" in chart


def test_report_files_name_who_asked_not_the_requested_sum(client, staff):
    GrantProjectFactory(slug="jastarurban")
    client.force_login(staff)
    html = page(client, "/projects/jastarurban/reports/files/", "kk")
    header = re.search(r"<thead>.*?</thead>", html, re.S).group(0)
    assert "Кім" in header and "сұрады" in header and "Сұралған сома" not in header
    assert "Кто и когда запросил" in page(client, "/projects/jastarurban/reports/files/", "ru")


@pytest.mark.parametrize(
    "path",
    [
        "/projects/jastarurban/reports/dashboard/",
        "/projects/jastarurban/reports/budget/",
        "/projects/jastarurban/reports/indicators/trainings/",
    ],
)
def test_other_roles_do_not_see_the_report_pages(client, demo, path):
    from accounts.roles import Role

    for role in (Role.APPLICANT, Role.EXPERT, Role.MENTOR):
        client.force_login(UserFactory(roles=[role]))
        assert client.get(path).status_code == 403
    client.logout()
    assert client.get(path).status_code == 302  # to the login page
