"""A report file's status changes through the shared workflow: the build task's steps are
the only ones, a finished file never goes back, and every step is logged."""

import logging

import pytest

from jastarurban.workflow import TransitionRefused
from reports.models import ReportFile
from reports.services import report_fail
from reports.tasks import build_report_file
from reports.workflow import REPORT_FILE_FLOW
from tests.factories import GrantProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def built(operator):
    report = ReportFile.objects.create(
        project=GrantProjectFactory(),
        kind="applications",
        format="xlsx",
        requested_by=operator,
    )
    assert build_report_file(report.pk) == ReportFile.Status.DONE
    report.refresh_from_db()
    return report


def test_a_ready_file_is_never_moved_back_and_nothing_changes(built):
    before = (built.status, built.sha256, built.finished_at, built.error)
    with pytest.raises(TransitionRefused):
        REPORT_FILE_FLOW.move(built, ReportFile.Status.RUNNING, by=None)
    report_fail(report_id=built.pk, error="late failure from another worker")
    assert build_report_file(built.pk) == ReportFile.Status.DONE  # not built again
    built.refresh_from_db()
    assert (built.status, built.sha256, built.finished_at, built.error) == before


def test_each_step_of_a_build_is_logged(operator, caplog):
    report = ReportFile.objects.create(
        project=GrantProjectFactory(), kind="applications", format="xlsx", requested_by=operator
    )
    with caplog.at_level(logging.INFO, logger="jastarurban.workflow"):
        report_fail(report_id=report.pk, error="The task queue cannot be reached.")
        assert build_report_file(report.pk) == ReportFile.Status.DONE
    said = [
        record.getMessage() for record in caplog.records if record.name == "jastarurban.workflow"
    ]
    assert said == [
        "ReportFile: 1 rows → failed",
        "ReportFile: 1 rows → running",
        f"ReportFile {report.pk}: running → done by system",
    ]
    assert REPORT_FILE_FLOW.sources(ReportFile.Status.RUNNING) == ["queued", "failed"]
