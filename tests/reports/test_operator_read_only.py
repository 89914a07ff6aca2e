"""The operator reads everything and changes nothing: every POST, PUT and DELETE on every URL
pattern is refused, except asking for a report to be built."""

import pytest
from django.urls import reverse

from reports.models import ReportFile
from tests.test_access_matrix import (  # noqa: F401 - fixtures used by name
    MATRIX,
    admin_url,
    objects,
    outcome,
    people,
    url_patterns,
)

pytestmark = pytest.mark.django_db

# The one write the operator may make.
ALLOWED = {"reports:request"}
# Logging out and switching the language act on the operator's own session only.
OWN_SESSION = {"accounts:logout", "set_language"}
# Two-factor sign-in: the operator sets up and manages their own codes and passkeys.
OWN_SESSION |= {
    "accounts:two_factor",
    "accounts:two_factor_setup",
    "accounts:security_recovery_codes",
    "accounts:security_device_remove",
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
}
# The operator's own API token, made and revoked (tests/accounts/test_api_token.py).
OWN_SESSION |= {"accounts:api_token", "accounts:api_token_revoke"}
# The operator's own phone number, confirmed by a code (tests/accounts/test_phone_accounts.py).
OWN_SESSION |= {"accounts:phone_add", "accounts:phone_add_code"}


def url_for(name, pattern, objects, staff):  # noqa: F811 - the fixture's value
    if name.startswith("admin:"):
        if name in ("admin:login", "admin:logout"):
            return reverse(name)
        return admin_url(name, pattern, staff)[0]
    rule = MATRIX[name]
    kwargs = objects.get(rule.kwargs, rule.kwargs) if isinstance(rule.kwargs, str) else rule.kwargs
    return reverse(name, kwargs=kwargs)


def test_every_write_on_every_url_is_refused_to_the_operator(
    client,
    full_demo,
    people,  # noqa: F811
    objects,  # noqa: F811
):
    client.force_login(people["operator"])
    reports_before = ReportFile.objects.count()
    failures, tried = [], 0
    for name, pattern in url_patterns():
        if name in ALLOWED or name in OWN_SESSION:
            continue
        url = url_for(name, pattern, objects, people["staff"])
        for method in ("post", "put", "delete"):
            response = getattr(client, method)(url)
            tried += 1
            got = outcome(response)
            if got not in ("403", "405"):
                failures.append(f"{method.upper():<6} {url:<55} {got}")
    assert tried > 100
    assert not failures, "\n".join(failures)
    assert ReportFile.objects.count() == reports_before


def test_the_operator_may_request_a_report(client, full_demo, operator):
    client.force_login(operator)
    response = client.post(
        "/projects/jastarurban/reports/files/request/",
        {"kind": "applications", "format": "xlsx", "language": "ru"},
    )
    assert response.status_code == 302
    report = ReportFile.objects.get()
    assert report.requested_by == operator
