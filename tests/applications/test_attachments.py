import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.roles import Role
from applications.models import Application
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return buffer.getvalue()


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(client, application, name, content):
    return client.post(
        f"/applications/{application.pk}/files/",
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("sketch.pdf", b"%PDF-1.7\n%...", "application/pdf"),
        ("site.png", png(), "image/png"),
        (
            "letter.docx",
            docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("photo-without-extension", png(), "image/png"),
    ],
)
def test_accepted_kinds_are_recognised_by_content(client, draft, name, content, kind):
    client.force_login(draft.applicant)
    upload(client, draft, name, content)
    attachment = draft.attachments.get()
    assert attachment.content_type == kind
    assert attachment.original_name == name
    assert name not in attachment.file.name  # stored under a random name


def test_a_renamed_executable_is_refused(client, draft):
    client.force_login(draft.applicant)
    response = upload(client, draft, "rules.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64)
    assert not draft.attachments.exists()
    assert [message.level_tag for message in response.context["messages"]] == ["error"]


def test_a_zip_that_is_not_a_word_document_is_refused(client, draft):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", "x")
    client.force_login(draft.applicant)
    upload(client, draft, "letter.docx", buffer.getvalue())
    assert not draft.attachments.exists()


def test_an_oversized_file_is_refused(client, draft):
    client.force_login(draft.applicant)
    upload(client, draft, "big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
    assert not draft.attachments.exists()


def test_the_number_of_files_is_limited(client, draft):
    draft.competition.max_attachments = 1
    draft.competition.save()
    client.force_login(draft.applicant)
    upload(client, draft, "a.png", png())
    upload(client, draft, "b.png", png())
    assert draft.attachments.count() == 1


def test_files_are_served_only_to_those_allowed(client, draft, other_applicant, operator, expert):
    client.force_login(draft.applicant)
    upload(client, draft, "site.png", png())
    attachment = draft.attachments.get()
    url = f"/applications/{draft.pk}/files/{attachment.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png()
    for outsider in (other_applicant, expert):
        client.force_login(outsider)
        assert client.get(url).status_code in (403, 404)
    client.force_login(other_applicant)
    assert client.get(url).status_code == 404
    client.force_login(operator)
    assert client.get(url).status_code == 200


def test_another_applicants_application_is_404(client, draft, other_applicant):
    client.force_login(other_applicant)
    for path in ("", "edit/", "receipt.pdf"):
        assert client.get(f"/applications/{draft.pk}/{path}").status_code == 404
    assert (
        client.post(f"/applications/{draft.pk}/autosave/", {"main-title": "x"}).status_code == 404
    )
    assert upload(client, draft, "a.png", png()).status_code == 404
    assert Application.objects.get(pk=draft.pk).draft_data == {}


def test_staff_are_not_applicants_and_cannot_edit(client, draft):
    client.force_login(UserFactory(roles=[Role.STAFF]))
    assert client.get(f"/applications/{draft.pk}/edit/").status_code == 403


def test_a_pdf_holding_html_downloads_as_pdf_never_under_its_html_name(client, draft, staff):
    """Security finding: `%PDF` then HTML passed the check and came back as team.html."""
    client.force_login(draft.applicant)
    upload(client, draft, "team.html", b"%PDF-1.4\n<html><script>alert(1)</script></html>")
    attachment = draft.attachments.get()
    for user in (draft.applicant, staff):
        client.force_login(user)
        response = client.get(f"/applications/{draft.pk}/files/{attachment.pk}/")
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="team.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"
