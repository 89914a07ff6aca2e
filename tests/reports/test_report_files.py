"""Report files: requested in the browser, built by Celery, failures shown, kept with SHA-256."""

import hashlib
from io import BytesIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DatabaseError, IntegrityError
from kombu.exceptions import OperationalError
from openpyxl import load_workbook

from reports import builders
from reports.models import ReportFile
from reports.tasks import build_report_file
from tests.factories import GrantProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def request(client, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/projects/jastarurban/reports/files/request/", data)
    assert response.status_code == 302
    return ReportFile.objects.order_by("-pk").first()


def test_the_operator_requests_polls_and_downloads_a_report(
    client, full_demo, operator, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    report = request(
        client,
        django_capture_on_commit_callbacks,
        kind="applications",
        format="xlsx",
        language="ru",
    )
    assert report.status == ReportFile.Status.DONE
    assert report.requested_by == operator and report.data_as_of
    content = report.file.read()
    assert report.sha256 == hashlib.sha256(content).hexdigest()
    book = load_workbook(BytesIO(content))
    assert book.worksheets[0].max_row == 33  # header + the 32 demo applications
    row = client.get(f"/projects/jastarurban/reports/files/{report.pk}/").content.decode()
    assert "hx-get" not in row and report.sha256 in row
    download = client.get(f"/projects/jastarurban/reports/files/{report.pk}/download/")
    assert b"".join(download.streaming_content) == content
    assert report.sha256 in client.get("/projects/jastarurban/reports/files/").content.decode()


def test_a_queued_report_is_polled_until_it_is_finished(client, full_demo, operator):
    report = ReportFile.objects.create(
        project=full_demo[0], kind="interim", format="pdf", requested_by=operator
    )
    client.force_login(operator)
    row = client.get(f"/projects/jastarurban/reports/files/{report.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in row
    assert (
        client.get(f"/projects/jastarurban/reports/files/{report.pk}/download/").status_code == 404
    )


def test_a_failing_builder_marks_the_report_failed_and_shows_why(
    client, full_demo, staff, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(report):
        raise RuntimeError("the printer is on fire")

    monkeypatch.setitem(builders.PERIOD_BUILDERS, ("final", "pdf"), broken)
    client.force_login(staff)
    report = request(
        client, django_capture_on_commit_callbacks, kind="final", format="pdf", language="kk"
    )
    assert report.status == ReportFile.Status.FAILED
    assert not report.file and not report.sha256
    assert "the printer is on fire" in report.error
    page = client.get("/projects/jastarurban/reports/files/").content.decode()
    assert "the printer is on fire" in page and 'data-status="failed"' in page
    assert (
        client.get(f"/projects/jastarurban/reports/files/{report.pk}/download/").status_code == 404
    )
    # Once the cause is gone the same report is built again, by task or by a new request.
    monkeypatch.setitem(builders.PERIOD_BUILDERS, ("final", "pdf"), lambda report: b"%PDF-1.7 ok")
    assert build_report_file.apply(args=[report.pk]).get() == ReportFile.Status.DONE
    report.refresh_from_db()
    assert report.status == ReportFile.Status.DONE and report.error == ""


def test_a_report_cannot_be_done_without_its_file(db):
    project = GrantProjectFactory()
    with pytest.raises(IntegrityError):
        ReportFile.objects.create(
            project=project, kind="final", format="pdf", status=ReportFile.Status.DONE
        )


def test_the_protocol_fails_honestly_before_any_decision(demo, monkeypatch):
    report = ReportFile.objects.create(project=demo[0], kind="protocol", format="xlsx")
    assert build_report_file.apply(args=[report.pk]).get() == ReportFile.Status.FAILED
    report.refresh_from_db()
    assert report.error.startswith("ValueError: ")


@pytest.mark.parametrize("kind", ["protocol", "applications"])
@pytest.mark.parametrize("format", ["pdf", "xlsx"])
def test_every_kind_builds_in_both_formats(full_demo, kind, format):
    content = builders.build_report(kind, format, "ru", project=full_demo[0])
    assert content.startswith(b"%PDF" if format == "pdf" else b"PK")


def test_the_command_builds_a_report_for_scheduled_jobs(full_demo, tmp_path):
    output = tmp_path / "final.xlsx"
    call_command(
        "build_report",
        "final",
        "--project",
        "jastarurban",
        "--format",
        "xlsx",
        "--output",
        str(output),
    )
    book = load_workbook(output)
    header = {row[0].value: row[1].value for row in book.worksheets[0].iter_rows(min_row=2)}
    assert header["Грант сомасы"] == 11_550_500
    assert header["Есепті кезең"] == "01.06.2025 – 30.11.2025"
    assert not (tmp_path / "final.xlsx.part").exists()


# Commits as in production (on_commit runs at once); serialized_rollback like every
# transactional test here, so the role groups are there whatever ran before.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    "outage",
    [
        OperationalError("[Errno 111] Connection refused"),
        ConnectionRefusedError(111, "Connection refused"),
    ],
)
def test_a_broker_down_fails_the_request_visibly_and_it_can_be_tried_again(
    client, operator, monkeypatch, outage
):
    def broker_down(*args, **kwargs):
        raise outage

    monkeypatch.setattr(build_report_file, "apply_async", broker_down)
    GrantProjectFactory(slug="jastarurban")
    client.force_login(operator)
    data = {"kind": "final", "format": "pdf", "language": "ru"}
    response = client.post("/projects/jastarurban/reports/files/request/", data, follow=True)
    assert response.status_code == 200
    report = ReportFile.objects.get()
    assert report.status == ReportFile.Status.FAILED  # not stuck "queued"
    assert not report.file and report.finished_at
    assert "Connection refused" in report.error
    page = response.content.decode()
    assert page.count("alert-danger") == 1 and page.count("Connection refused") == 2
    assert (
        'data-status="failed"' in page
        and 'action="/projects/jastarurban/reports/files/request/"' in page
    )
    # The broker is back: the same request is built.
    monkeypatch.undo()
    monkeypatch.setitem(builders.PERIOD_BUILDERS, ("final", "pdf"), fake_pdf)
    assert build_report_file.apply(args=[report.pk]).get() == ReportFile.Status.DONE


def media_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def test_a_storage_failure_mid_write_leaves_no_file_and_no_done_report(demo, settings, monkeypatch):
    from django.core.files.storage import FileSystemStorage

    real_save = FileSystemStorage._save

    def disk_full(self, name, content):
        # The first half of the bytes reach the disk, then the disk is full.
        path = self.path(name)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(content.read()[: content.size // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(
        builders, "PERIOD_BUILDERS", builders.PERIOD_BUILDERS | {("final", "pdf"): fake_pdf}
    )
    monkeypatch.setattr(FileSystemStorage, "_save", disk_full)
    report = ReportFile.objects.create(project=demo[0], kind="final", format="pdf")
    assert build_report_file.apply(args=[report.pk]).get() == ReportFile.Status.FAILED
    report.refresh_from_db()
    assert report.status == ReportFile.Status.FAILED and not report.file and not report.sha256
    assert "No space left on device" in report.error
    assert media_files(settings) == []
    monkeypatch.setattr(FileSystemStorage, "_save", real_save)
    assert build_report_file.apply(args=[report.pk]).get() == ReportFile.Status.DONE
    report.refresh_from_db()
    assert report.file.read() == fake_pdf(demo[0]) and len(media_files(settings)) == 1


def test_a_database_failure_after_the_file_was_written_removes_the_file(
    demo, settings, monkeypatch
):
    monkeypatch.setattr(
        builders, "PERIOD_BUILDERS", builders.PERIOD_BUILDERS | {("final", "pdf"): fake_pdf}
    )
    original_save = ReportFile.save

    def database_gone(self, *args, **kwargs):
        if self.status == ReportFile.Status.DONE:
            assert media_files(settings), "the file is written before the row is saved"
            raise DatabaseError("server closed the connection unexpectedly")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(ReportFile, "save", database_gone)
    report = ReportFile.objects.create(project=demo[0], kind="final", format="pdf")
    assert build_report_file.apply(args=[report.pk]).get() == ReportFile.Status.FAILED
    report.refresh_from_db()
    assert report.status == ReportFile.Status.FAILED and not report.file
    assert "server closed the connection" in report.error
    assert media_files(settings) == []  # no orphan file presented by nobody
    assert not ReportFile.objects.filter(status=ReportFile.Status.DONE).exists()


def fake_pdf(report=None) -> bytes:
    return b"%PDF-1.7 " + b"x" * 4096
