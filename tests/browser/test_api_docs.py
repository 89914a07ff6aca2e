"""The operator reads the API's documentation in a real browser: Swagger UI runs from our
own files under the strict CSP (no violation, no console error) and calls the API."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from accounts.roles import Role
from tests.browser.conftest import pass_second_step
from tests.factories import PASSWORD, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIOLATIONS = """() => new Promise((resolve) => {
  const seen = [];
  document.addEventListener("securitypolicyviolation", (e) => seen.push(e.violatedDirective));
  setTimeout(() => resolve(seen), 1500);
})"""


def test_swagger_ui_runs_under_the_strict_policy_and_tries_a_call(live_server, browser):
    operator = UserFactory(roles=[Role.OPERATOR], email="api-reader@example.kz")
    TOTPDevice.objects.create(user=operator, name="app", confirmed=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(30_000)  # Swagger UI renders slowly on a busy CI machine
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems.append(f"{r.url} {r.failure}"))
    page.goto(f"{live_server.url}/accounts/login/?next=/api/v1/docs/")
    page.fill("#id_username", operator.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    pass_second_step(page, operator.email)
    page.wait_for_url("**/api/v1/docs/")
    violations = page.evaluate(VIOLATIONS)
    expect(page.locator(".opblock")).to_have_count(7)
    # Every request went to our own server.
    assert not problems, problems
    assert violations == []
    index = page.locator(".opblock").filter(has=page.locator('[data-path="/api/v1/"]'))
    index.locator(".opblock-summary").click()
    index.get_by_text("Try it out").click()
    index.locator("button.execute").click()
    expect(index.locator(".live-responses-table tbody .response-col_status").first).to_have_text(
        "200"
    )
    assert not problems, problems
    context.close()
