"""A pytest plugin: under CI=true a skipped test fails, whatever skipped it.

A test that may rightly skip in CI (one that only applies to the other database, say)
says so with `@pytest.mark.may_skip_in_ci(reason="…")`; the reason is required so the
next reader knows why the skip is not a missing service.
"""

import os

import pytest


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "may_skip_in_ci(reason): this test may skip in CI, for the reason given"
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """A whole module skipped while it is collected (`allow_module_level`, `importorskip`
    at the top) never reaches the test reports below, so it is caught here."""
    outcome = yield
    report = outcome.get_result()
    if _in_ci() and report.skipped:
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"CI=true and this module skipped ({reason}); CI must run every test"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not (_in_ci() and report.skipped) or hasattr(report, "wasxfail"):
        return
    allowed = item.get_closest_marker("may_skip_in_ci")
    if allowed is not None:
        if not allowed.kwargs.get("reason"):
            report.outcome = "failed"
            report.longrepr = "may_skip_in_ci needs a reason=…"
        return
    reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
    report.outcome = "failed"
    report.longrepr = f"CI=true and this test skipped ({reason}); CI must run every test"
