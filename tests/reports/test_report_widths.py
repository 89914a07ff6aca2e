"""The report pages on a 360-px phone in Kazakh, Russian and English: nothing scrolls
sideways, and in each chart, drawn by the browser with its real fonts, no label leaves
the drawing or runs into another."""

import pytest

from accounts.models import User
from tests.browser.conftest import browser  # noqa: F401 (the fixture, used by name)
from tests.conftest import _load_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = [
    "/reports/",
    "/projects/jastarurban/reports/dashboard/",
    "/projects/jastarurban/reports/budget/",
    "/projects/jastarurban/reports/indicators/small_grants_amount/",
    "/projects/jastarurban/reports/files/",
]

# Every text of every chart: inside its drawing, and apart from the others.
LABEL_PROBLEMS = """() => {
  const problems = [];
  for (const svg of document.querySelectorAll('svg.chart-svg')) {
    const frame = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('text')].map(t => [t, t.getBoundingClientRect()]);
    for (const [text, box] of boxes) {
      if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5
          || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5) {
        problems.push('outside: ' + text.textContent);
      }
    }
    boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
      if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) {
        problems.push('overlap: ' + a.textContent + ' / ' + b.textContent);
      }
    }));
  }
  return problems;
}"""


@pytest.fixture
def reports_demo(db, settings, tmp_path):
    """The project, its budget and expenses, the 2025 call's applications (for the
    districts chart) and a snapshot of every indicator; no commission, for speed."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return _load_demo(
        settings,
        [
            "demo.steps.applications.load_applicant_profile",
            "demo.steps.applications.load_applications",
            "demo.steps.reports.load_reports",
        ],
    )


def test_report_pages_fit_a_phone_and_their_charts_labels_stay_apart(
    live_server,
    browser,  # noqa: F811
    reports_demo,
    client,
):
    client.force_login(User.objects.get(email="coordinator@demo.jastarurban.kz"))
    session = client.cookies["sessionid"].value
    widths, labels = {}, {}
    for language in ("kk", "ru", "en"):
        context = browser.new_context(viewport={"width": 360, "height": 740})
        context.add_cookies(
            [
                {"name": "sessionid", "value": session, "url": live_server.url},
                {"name": "django_language", "value": language, "url": live_server.url},
            ]
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        for path in PAGES:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            assert page.locator("html").get_attribute("lang") == language
            widths[(language, path)] = page.evaluate("document.documentElement.scrollWidth")
            labels[(language, path)] = page.evaluate(LABEL_PROBLEMS)
            if path == "/projects/jastarurban/reports/dashboard/":
                assert page.locator("svg.chart-svg").count() == 4
        context.close()
    assert {key: width for key, width in widths.items() if width > 360} == {}
    assert {key: found for key, found in labels.items() if found} == {}
