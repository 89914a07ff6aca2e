"""The operator's JSON API: its OpenAPI schema validates and every path answers as documented."""

import copy

import pytest
import yaml
from drf_spectacular.validation import validate_schema
from jsonschema import Draft7Validator

from accounts.api_tokens import api_token_create

pytestmark = pytest.mark.django_db

PATH_VALUES = {
    "{project}": "jastarurban",
    "{code}": "applications_received",
    "{slug}": "jastarurban-2025",
}


def as_json_schema(node):
    """OpenAPI 3.0's `nullable` → JSON Schema's null type, so jsonschema can check answers."""
    if isinstance(node, dict):
        node = {key: as_json_schema(value) for key, value in node.items()}
        if node.pop("nullable", False):
            return {"anyOf": [node, {"type": "null"}]}
        return node
    if isinstance(node, list):
        return [as_json_schema(item) for item in node]
    return node


def fetch_schema(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_is_valid_openapi_3(client, full_demo, operator):
    client.force_login(operator)
    schema = fetch_schema(client)
    assert schema["openapi"].startswith("3.")
    validate_schema(copy.deepcopy(schema))  # raises on an invalid document


def test_every_documented_endpoint_answers_as_documented(client, full_demo, operator):
    client.force_login(operator)
    schema = fetch_schema(client)
    components = as_json_schema(schema["components"])
    checked = []
    for path, operations in schema["paths"].items():
        if path == "/api/v1/schema/":
            continue
        url = path
        for placeholder, value in PATH_VALUES.items():
            url = url.replace(placeholder, value)
        assert set(operations) == {"get"}, f"{path} documents more than reading"
        response = client.get(url)
        assert response.status_code == 200, url
        documented = operations["get"]["responses"]["200"]["content"]["application/json"]
        validator = Draft7Validator(
            {**as_json_schema(documented["schema"]), "components": components}
        )
        errors = [error.message for error in validator.iter_errors(response.json())]
        assert not errors, f"{url}: {errors[:3]}"
        checked.append(url)
    assert len(checked) == 7


def test_the_api_reports_the_demo_figures(client, full_demo, operator):
    client.force_login(operator)
    budget = client.get("/api/v1/projects/jastarurban/budget/").json()
    assert budget["plan_kzt"] == 11_550_500
    sections = {section["section"]: section["plan_kzt"] for section in budget["sections"]}
    assert sections["administrative"] == 3_100_270
    assert sections["direct"] == 8_450_230
    assert budget["support_within_limit"] is True
    indicators = {
        row["code"]: row for row in client.get("/api/v1/projects/jastarurban/indicators/").json()
    }
    assert len(indicators) == 35
    assert float(indicators["views_total"]["actual"]) > 25_000
    assert indicators["views_total"]["status"] == "achieved"
    # Every indicator of the brief is measured, by a source or by hand.
    assert [code for code, row in indicators.items() if row["status"] == "not_measured"] == []


def test_a_token_authenticates_the_operator_and_writes_are_refused(client, full_demo, operator):
    auth = {"HTTP_AUTHORIZATION": f"Token {api_token_create(user=operator)}"}
    assert client.get("/api/v1/projects/jastarurban/indicators/", **auth).status_code == 200
    assert client.post("/api/v1/projects/jastarurban/indicators/", {}, **auth).status_code in (
        403,
        405,
    )
    assert client.get("/api/v1/projects/jastarurban/indicators/").status_code == 401


def test_an_applicant_is_refused(client, full_demo, applicant):
    client.force_login(applicant)
    assert client.get("/api/v1/projects/jastarurban/budget/").status_code == 403
    assert client.get("/api/v1/schema/").status_code == 403
