"""Report files built by the task into a bucket and downloaded through the checked view."""

import hashlib

import pytest

from reports.models import ReportFile
from reports.tasks import build_report_file
from tests.storage import bucket_in_use

pytestmark = pytest.mark.django_db


@pytest.fixture
def bucket(settings, tmp_path):
    yield from bucket_in_use(settings, tmp_path)


def test_a_report_is_stored_in_the_bucket_and_downloaded_from_it(
    client, full_demo, operator, bucket
):
    report = ReportFile.objects.create(
        project=full_demo[0], kind="applications", format="xlsx", requested_by=operator
    )
    assert build_report_file(report.pk) == ReportFile.Status.DONE
    report.refresh_from_db()
    assert bucket.exists(report.file.name)
    with bucket.open(report.file.name) as handle:
        content = handle.read()
    assert report.sha256 == hashlib.sha256(content).hexdigest()
    client.force_login(operator)
    response = client.get(f"/projects/jastarurban/reports/files/{report.pk}/download/")
    assert b"".join(response.streaming_content) == content
    assert response["Content-Disposition"].startswith("attachment; filename=")
