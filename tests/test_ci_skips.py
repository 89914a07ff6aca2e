"""Under CI=true no test may skip unless it is marked as allowed to, with a reason."""

import os
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parent.parent

SAMPLE = """
import pytest

def test_skips_for_want_of_a_browser():
    pytest.skip("Chromium is not installed")

@pytest.mark.skipif(True, reason="only on SQLite")
def test_skipped_by_a_marker():
    pass

@pytest.mark.may_skip_in_ci(reason="CI runs on PostgreSQL")
def test_allowed_to_skip():
    pytest.skip("only on SQLite")

@pytest.mark.may_skip_in_ci
def test_allowed_without_a_reason():
    pytest.skip("no reason given")

@pytest.mark.xfail(reason="known")
def test_expected_failure():
    assert False

def test_passes():
    pass
"""


@pytest.fixture
def run(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    pytester.makepyfile(test_sample=SAMPLE)

    def run(ci: str):
        monkeypatch.setenv("CI", ci)
        return pytester.runpytest_subprocess("-p", "tests.ci_skips", "-p", "no:django", "-rA")

    return run


def test_in_ci_every_unmarked_skip_fails(run):
    result = run("true")
    # A skip by marker happens in setup, so pytest reports it as an error.
    result.assert_outcomes(passed=1, failed=2, errors=1, skipped=1, xfailed=1)
    for line in (
        "*test_skips_for_want_of_a_browser*CI must run every test*",
        "*test_skipped_by_a_marker*CI must run every test*",
        "*test_allowed_without_a_reason*needs a reason*",
    ):
        result.stdout.fnmatch_lines([line])


def test_on_a_laptop_skips_stay_skips(run):
    result = run("")
    result.assert_outcomes(passed=1, skipped=4, xfailed=1)


def test_in_ci_a_module_skipped_at_collection_fails_too(pytester, run):
    pytester.makepyfile(
        test_module_skip='import pytest\n\npytest.skip("no S3 library", allow_module_level=True)\n'
    )
    result = run("true")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*test_module_skip*no S3 library*CI must run every test*"])
    assert run("").ret == 0
