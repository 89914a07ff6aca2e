"""Which storage holds the files: MEDIA_ROOT by default, a bucket when one is named."""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from jastarurban.storage import LOCAL_BACKEND, S3_BACKEND, default_storage_backend

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "accounts", "applications", "audit", "competitions", "demo", "exhibition", "jastarurban",
    "media_campaign", "mentoring", "ops", "projects", "reports", "reviews",
)  # fmt: skip


def test_without_a_bucket_files_stay_in_media_root(monkeypatch):
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
    assert default_storage_backend() == {"BACKEND": LOCAL_BACKEND}


@pytest.fixture
def minio(monkeypatch):
    for name, value in {
        "AWS_STORAGE_BUCKET_NAME": "jastarurban",
        "AWS_S3_ENDPOINT_URL": "http://minio:9000",
        "AWS_S3_ADDRESSING_STYLE": "path",
        "AWS_ACCESS_KEY_ID": "portal",
        "AWS_SECRET_ACCESS_KEY": "portal-secret",
        "MEDIA_SIGNED_URL_SECONDS": "45",
    }.items():
        monkeypatch.setenv(name, value)


def test_a_named_bucket_selects_the_s3_backend_with_private_signed_links(minio):
    backend = default_storage_backend()
    assert backend["BACKEND"] == S3_BACKEND
    options = backend["OPTIONS"]
    assert options["bucket_name"] == "jastarurban"
    assert options["endpoint_url"] == "http://minio:9000"
    assert options["default_acl"] is None and options["querystring_auth"] is True
    assert options["querystring_expire"] == 45 and options["file_overwrite"] is False


def test_the_s3_backend_signs_a_link_with_the_checked_type(minio):
    """With the optional s3 extra installed: the real S3Storage signs offline."""
    s3 = pytest.importorskip("storages.backends.s3")
    storage = s3.S3Storage(**default_storage_backend()["OPTIONS"])
    link = urlsplit(
        storage.url(
            "applications/abc.pdf",
            parameters={"ResponseContentType": "application/pdf"},
            expire=45,
        )
    )
    query = parse_qs(link.query)
    assert (link.netloc, link.path) == ("minio:9000", "/jastarurban/applications/abc.pdf")
    assert query["X-Amz-Expires"] == ["45"]
    assert query["response-content-type"] == ["application/pdf"]


def test_no_code_reads_or_writes_files_by_their_path_under_media_root():
    """Files go through the storage API only (a FileField, default_storage), so a bucket
    can hold them: no code takes MEDIA_ROOT or a stored file's path on disk."""
    by_path = re.compile(r"settings\.MEDIA_ROOT|\.path\(|os\.path\.join\(.*MEDIA")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if by_path.search(line)
    ]
    assert offenders == []
