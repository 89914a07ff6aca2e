"""Uploads and access-checked downloads with the files in a bucket, not on a local disk."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.storage import bucket_in_use

pytestmark = pytest.mark.django_db


@pytest.fixture
def bucket(settings, tmp_path):
    yield from bucket_in_use(settings, tmp_path)


PDF = b"%PDF-1.4\n<html><script>alert(1)</script></html>"


def upload(client, application, name, content):
    return client.post(
        f"/applications/{application.pk}/files/",
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )


def test_an_upload_goes_to_the_storage_and_comes_back_checked(
    client, draft, bucket, other_applicant
):
    client.force_login(draft.applicant)
    upload(client, draft, "team.html", PDF)
    attachment = draft.attachments.get()
    assert bucket.exists(attachment.file.name)
    url = f"/applications/{draft.pk}/files/{attachment.pk}/"
    response = client.get(url)
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="team.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(other_applicant)
    assert client.get(url).status_code == 404


def test_with_signed_links_a_download_is_a_short_lived_redirect_of_the_same_kind(
    client, draft, bucket, settings, other_applicant
):
    settings.MEDIA_SIGNED_URL_SECONDS = 30
    client.force_login(draft.applicant)
    upload(client, draft, "team.html", PDF)
    attachment = draft.attachments.get()
    url = f"/applications/{draft.pk}/files/{attachment.pk}/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    link = urlsplit(response["Location"])
    query = parse_qs(link.query)
    assert link.path == f"/{attachment.file.name}"
    assert query["X-Amz-Expires"] == ["30"]
    assert query["ResponseContentType"] == ["application/pdf"]
    assert query["ResponseContentDisposition"] == ['attachment; filename="team.pdf"']
    # The access check comes first: an outsider gets no link at all.
    client.force_login(other_applicant)
    assert client.get(url).status_code == 404
