"""The API's index (/api/v1/), its documentation for people (/api/v1/docs/) and the schema
downloads: every endpoint listed, Swagger UI served from our own origin under the strict CSP."""

import json
import re
from html.parser import HTMLParser

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.urls import URLPattern

from accounts.roles import Role
from reports.api import urls as api_urls
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# The API's own helpers, not data: the index links them apart.
NOT_DATA = {"index", "docs", "schema", "schema_json", "schema_yaml"}


def documented_paths() -> set[str]:
    """Every data endpoint in reports/api/urls.py, as the schema writes its path."""
    paths = set()
    for pattern in api_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name in NOT_DATA:
            continue
        route = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
        paths.add(f"/api/v1/{route}")
    return paths


def test_the_index_lists_every_endpoint_with_its_address(client, operator):
    client.force_login(operator)
    response = client.get("/api/v1/")
    assert response.status_code == 200
    index = response.json()
    origin = "http://testserver"
    listed = {entry["url"].removeprefix(origin): entry for entry in index["endpoints"]}
    assert all(entry["url"].startswith(origin) for entry in index["endpoints"])
    assert set(listed) == documented_paths() | {"/api/v1/"}
    assert listed["/api/v1/projects/{project}/indicators/{code}/snapshots/"]["templated"] is True
    assert listed["/api/v1/projects/{project}/budget/"]["templated"] is True
    assert listed["/api/v1/projects/"]["templated"] is False
    assert all(entry["summary"] for entry in listed.values())
    assert index["docs"] == f"{origin}/api/v1/docs/"
    assert index["schema"] == {
        "json": f"{origin}/api/v1/schema.json",
        "yaml": f"{origin}/api/v1/schema.yaml",
    }
    assert index["token"] == f"{origin}/accounts/api-token/"
    # Every address it gives answers (those with parts to fill in are checked elsewhere).
    for url in [index["docs"], *index["schema"].values()] + [
        entry["url"] for entry in index["endpoints"] if not entry["templated"]
    ]:
        assert client.get(url).status_code in (200, 404), url  # 404: no current project


def test_the_index_speaks_the_readers_language(client, operator):
    client.force_login(operator)
    summaries = {}
    for language in ("kk", "ru", "en"):
        client.cookies["django_language"] = language
        summaries[language] = {e["summary"] for e in client.get("/api/v1/").json()["endpoints"]}
    assert "Budget execution: plan, spent, remaining" in summaries["en"]
    assert summaries["kk"].isdisjoint(summaries["en"])
    assert summaries["ru"].isdisjoint(summaries["en"])
    assert summaries["kk"].isdisjoint(summaries["ru"])


def test_the_index_refuses_like_the_rest_of_the_api(client, applicant):
    anonymous = client.get("/api/v1/")
    assert anonymous.status_code == 401 and anonymous["WWW-Authenticate"] == "Token"
    client.force_login(applicant)
    assert client.get("/api/v1/").status_code == 403


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.STAFF])
def test_the_docs_page_serves_swagger_ui_from_our_own_files(client, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="swagger-ui"' in html
    parser = Links()
    parser.feed(html)
    assert parser.urls
    # Every file and link is on our origin: no CDN, nothing with a scheme or a host.
    assert all(url.startswith("/") and not url.startswith("//") for url in parser.urls), parser.urls
    assert "http://" not in html and "https://" not in html
    static = [url for url in parser.urls if url.startswith("/static/")]
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in static
    for url in static:
        assert finders.find(url.removeprefix("/static/")), url
    # The start-up script is its own request, so the page needs no inline script.
    script_url = next(url for url in parser.urls if "script" in url.split("?")[-1])
    script = client.get(script_url)
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema.json" in script.content.decode()


def test_the_docs_page_keeps_the_strict_policy(client, operator):
    client.force_login(operator)
    response = client.get("/api/v1/docs/")
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    html = response.content.decode()
    assert "<style" not in html
    assert re.search(r"<script>\s*\S", html) is None


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_docs_page_speaks_kazakh_and_russian(client, operator, language):
    client.force_login(operator)
    client.cookies["django_language"] = language
    html = client.get("/api/v1/docs/").content.decode()
    assert f'<html lang="{language}">' in html
    assert "Your API token" not in html and "Send your token" not in html


def test_the_docs_page_sends_the_logged_out_to_login_and_refuses_other_roles(client, applicant):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/api/v1/docs/")
    client.force_login(applicant)
    assert client.get("/api/v1/docs/").status_code == 403


def test_the_schema_downloads_as_json_and_as_yaml(client, operator):
    client.force_login(operator)
    as_json = client.get("/api/v1/schema.json")
    assert as_json.status_code == 200
    assert as_json["Content-Type"].startswith("application/vnd.oai.openapi+json")
    schema = json.loads(as_json.content)
    as_yaml = client.get("/api/v1/schema.yaml")
    assert as_yaml.status_code == 200
    assert as_yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    assert yaml.safe_load(as_yaml.content) == schema
    assert {path.rstrip("/") for path in schema["paths"]} >= {
        path.rstrip("/") for path in documented_paths()
    }
    assert "/api/v1/docs/" not in schema["paths"]
