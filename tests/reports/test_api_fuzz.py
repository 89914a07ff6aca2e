"""The operator's API fuzzed by Schemathesis from its own OpenAPI schema.

Every operation gets generated path values (and the demo's real ones): no answer is a
server error, and every answer matches the schema — its status code, content type and body.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.api_tokens import api_token_create

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# The demo's values for path parameters, so the answers with data are checked too.
REAL = {"project": "jastarurban", "code": "applications_received", "slug": "jastarurban-2025"}
EXAMPLES = 50


@pytest.fixture
def connection_kept_open():
    """Django's WSGI handler closes the database connection after each request; the test
    database lives in this connection's transaction, so keep it (as Django's test client
    does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_operation_answers_as_its_schema_says(full_demo, operator, connection_kept_open):
    # Identity: the in-process WSGI transport does not undo GZipMiddleware's compression.
    headers = {
        "Authorization": f"Token {api_token_create(user=operator)}",
        "Accept-Encoding": "identity",
    }
    schema = schemathesis.openapi.from_wsgi(
        "/api/v1/schema/", get_wsgi_application(), headers=headers
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 7
    for operation in operations:
        known = {name: REAL[name] for name in REAL if f"{{{name}}}" in operation.path}
        strategies = [operation.as_strategy()]
        if known:
            strategies.append(operation.as_strategy(path_parameters=known))
        for strategy in strategies:

            @given(case=strategy)
            @hypothesis_settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def answers_as_documented(case):
                case.call_and_validate(headers=headers, checks=CHECKS)

            answers_as_documented()
