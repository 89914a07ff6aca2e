"""The feed of open and upcoming calls (Atom and JSON Feed), and the pages that point to it."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import CompetitionFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def calls(db):
    now = timezone.now()
    return {
        "open": CompetitionFactory(
            title_kk="Ашық байқау",
            title_ru="Открытый конкурс",
            summary_kk="Ауыл жастарына <b>шағын</b> гранттар & көмек",
            opens_at=now - timedelta(days=3),
            closes_at=now + timedelta(days=20),
            max_request_kzt=1_000_000,
            award_count=7,
        ),
        "upcoming": CompetitionFactory(
            title_kk="Келесі байқау",
            opens_at=now + timedelta(days=10),
            closes_at=now + timedelta(days=40),
            max_request_kzt=500_000,
            award_count=3,
        ),
        "closed": CompetitionFactory(
            title_kk="Жабылған байқау",
            opens_at=now - timedelta(days=60),
            closes_at=now - timedelta(days=1),
        ),
    }


def atom(client, path="/open-data/calls.atom"):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    # The portal's own output, parsed in a test: no untrusted XML here.
    return response, ET.fromstring(response.content)  # noqa: S314


def test_the_atom_feed_lists_open_and_upcoming_calls_only(client, calls):
    _response, feed = atom(client)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == [
        "Ашық байқау",
        "Келесі байқау",
    ]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/competitions/{calls['open'].slug}/"
    summary = entries[0].find(f"{ATOM}summary").text
    assert "1\xa0000\xa0000\xa0₸" in summary and "Гранттар: 7" in summary
    # Typed text reaches a reader as text, not markup.
    assert "&lt;b&gt;шағын&lt;/b&gt; гранттар &amp; көмек" in summary
    assert "<b>" not in summary
    assert "Жабылған байқау" not in _response.content.decode()
    categories = [entry.find(f"{ATOM}category").get("term") for entry in entries]
    assert categories == ["Өтінім қабылдануда", "Жақында ашылады"]


def test_the_json_feed_carries_the_figures_as_numbers_and_dates(client, calls):
    response = client.get("/open-data/calls.json")
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["language"] == "kk"
    assert feed["feed_url"] == "http://testserver/open-data/calls.json"
    items = {item["title"]: item for item in feed["items"]}
    assert set(items) == {"Ашық байқау", "Келесі байқау"}
    upcoming = items["Келесі байқау"]["_jastarurban"]
    assert upcoming | {"opens_at": None, "closes_at": None} == {
        "slug": calls["upcoming"].slug,
        "status": "upcoming",
        "opens_at": None,
        "closes_at": None,
        "max_request": 500_000,
        "award_count": 3,
        "currency": "KZT",
    }
    closes = timezone.localtime(calls["upcoming"].closes_at)
    assert upcoming["closes_at"] == closes.isoformat()
    assert items["Ашық байқау"]["_jastarurban"]["status"] == "open"
    assert items["Ашық байқау"]["url"].endswith(f"/competitions/{calls['open'].slug}/")


def test_a_call_leaves_the_feed_when_it_closes(client, calls, time_machine):
    time_machine.move_to(calls["open"].closes_at + timedelta(minutes=1))
    titles = [
        item["title"] for item in json.loads(client.get("/open-data/calls.json").content)["items"]
    ]
    assert titles == ["Келесі байқау"]


def test_the_language_is_in_the_address_kazakh_by_default(client, calls):
    client.cookies["django_language"] = "ru"
    response, feed = atom(client)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "kk"
    assert feed.find(f"{ATOM}title").text == "JastarUrban: ашық және жақында ашылатын байқаулар"
    response, feed = atom(client, "/open-data/ru/calls.atom")
    assert response["Content-Language"] == "ru"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert feed.find(f"{ATOM}title").text == "JastarUrban: открытые и предстоящие конкурсы"
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    # A call without a Russian title falls back to Kazakh.
    assert titles == ["Открытый конкурс", "Келесі байқау"]
    summary = feed.find(f"{ATOM}entry").find(f"{ATOM}summary").text
    assert "Приём заявок: с" in summary


def test_the_feeds_are_public_and_cacheable(client, calls):
    for path in ("/open-data/calls.atom", "/open-data/calls.json", "/open-data/en/calls.json"):
        response = client.get(path)
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=3600"
        assert client.get(path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
        assert client.post(path).status_code == 405
    assert client.get("/open-data/de/calls.atom").status_code == 404


@pytest.mark.parametrize("path", ["/open-data/calls.atom", "/open-data/calls.json"])
def test_the_feed_takes_one_query_however_many_calls(
    client, calls, path, django_assert_max_num_queries
):
    for _ in range(5):
        CompetitionFactory(closes_at=timezone.now() + timedelta(days=5))
    with django_assert_max_num_queries(1):
        response = client.get(path)
    # Each call's address twice: Atom's link and id, JSON Feed's id and url.
    assert response.content.count(b"/competitions/competition-") == 2 * 7


def test_the_home_page_points_feed_readers_to_the_feed_in_its_language(client, calls):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/open-data/calls.atom"' in html and 'href="/open-data/calls.json"' in html
    client.cookies["django_language"] = "ru"
    html = client.get("/").content.decode()
    assert 'href="/open-data/ru/calls.atom"' in html


def test_a_calls_page_points_to_the_feed_too(client, calls):
    html = client.get(f"/competitions/{calls['open'].slug}/").content.decode()
    assert '<link rel="alternate" type="application/feed+json"' in html
    assert 'href="/open-data/calls.json"' in html
