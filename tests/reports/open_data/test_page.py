"""The open data page: public, in the visitor's language, linked from every page's footer
and from the results page."""

import pytest

from tests.factories import GrantProjectFactory
from tests.reports.open_data.conftest import published_award

pytestmark = pytest.mark.django_db


def test_it_lists_the_files_and_feeds_for_anyone(client, awarded):
    response = client.get("/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ашық деректер" in html and "Дербес деректер жоқ" in html
    for path in ("360giving.json", "360giving.csv", "360giving.xlsx", "calls.atom", "calls.json"):
        assert f'href="/open-data/{path}"' in html
    project = awarded[0].competition.project
    assert f'href="/open-data/projects/{project.slug}/360giving.json"' in html
    assert 'rel="license"' in html


def test_it_reads_in_russian_and_links_the_russian_files(client, awarded):
    client.cookies["django_language"] = "ru"
    html = client.get("/open-data/").content.decode()
    assert "Открытые данные" in html and "Без персональных данных" in html
    assert 'href="/open-data/ru/360giving.json"' in html
    assert 'href="/open-data/ru/calls.atom"' in html


def test_every_page_and_the_results_link_to_it(client, awarded):
    assert 'href="/open-data/"' in client.get("/").content.decode()
    results = client.get(f"/reviews/results/{awarded[0].competition.slug}/").content.decode()
    assert 'data-testid="results-open-data"' in results


def test_it_takes_constant_queries(client, awarded, staff, django_assert_max_num_queries):
    for number in range(1, 4):
        project = GrantProjectFactory()
        published_award(project=project, title=f"Жоба {number}", by=staff, number=number)
    with django_assert_max_num_queries(1):
        html = client.get("/open-data/").content.decode()
    assert html.count("/360giving.xlsx") == 1 + 4
