import io
import shutil
import subprocess
import zipfile

import pytest

from exhibition.models import Letter
from exhibition.services import letter_create
from exhibition.tasks import render_letters
from tests.conftest import require
from tests.factories import ExhibitionFactory, GranteeProjectFactory, GrantRecipientFactory

pytestmark = pytest.mark.django_db

NAME = "Құрманғалиева Әсем Өмірзаққызы"


def pdf_text(content: bytes, tmp_path) -> str:
    require(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext) is not installed")
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def exhibition(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return ExhibitionFactory(slug="final", project__recipient=GrantRecipientFactory())


def test_staff_create_a_numbered_letter_rendered_by_the_task(
    client, staff, exhibition, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/exhibition/manage/final/letters/",
            {
                "recipient_name": NAME,
                "role": "activist",
                "reason": "Ауыл жастарын жобаға тартқаны үшін",
                "language": "kk",
            },
        )
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.number == "АХ-2025-001"
    assert letter.status == Letter.Status.READY
    download = client.get(f"/exhibition/letters/{letter.pk}/pdf/")
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Disposition"].endswith("-2025-001.pdf")
    text = pdf_text(b"".join(download.streaming_content), tmp_path)
    assert NAME in text
    assert "АХ-2025-001" in text
    assert "Алғыс хат".upper() in text.upper()
    assert "051140010597" in text  # GAMO's header


def test_numbers_are_unique_and_sequential_and_russian_on_request(exhibition, staff, tmp_path):
    letters = [
        letter_create(
            exhibition=exhibition,
            recipient_name=f"Иванова Ольга {n}",
            role="partner",
            reason="За поддержку",
            language="ru",
            by=staff,
        )
        for n in range(3)
    ]
    assert [letter.number for letter in letters] == ["АХ-2025-001", "АХ-2025-002", "АХ-2025-003"]
    assert render_letters.apply(args=[[letter.pk for letter in letters]]).get() == 3
    letters[1].refresh_from_db()
    text = " ".join(pdf_text(letters[1].pdf.read(), tmp_path).split())
    assert "Благодарственное письмо".upper() in text.upper()
    assert "АХ-2025-002" in text


def test_a_grantee_pick_fills_in_the_team_lead(client, staff, exhibition):
    grantee = GranteeProjectFactory(application__competition__project=exhibition.project)
    client.force_login(staff)
    client.post(
        "/exhibition/manage/final/letters/",
        {"grantee": grantee.pk, "role": "grantee", "reason": "Жоба үшін", "language": "kk"},
    )
    assert Letter.objects.get().recipient_name == grantee.application.applicant.full_name


def test_all_ready_letters_download_as_one_zip(client, operator, exhibition, staff):
    letters = [
        letter_create(
            exhibition=exhibition,
            recipient_name=name,
            role="grantee",
            reason="Жоба үшін",
            by=staff,
        )
        for name in (NAME, "Ғабдуллин Нұрлан")
    ]
    render_letters.apply(args=[[letters[0].pk]])
    client.force_login(operator)
    response = client.get("/exhibition/manage/final/letters.zip")
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == ["АХ-2025-001.pdf"]  # the one still pending is left out


def test_the_operator_reads_the_letters_but_cannot_create_one(client, operator, exhibition):
    client.force_login(operator)
    assert client.get("/exhibition/manage/final/letters/").status_code == 200
    response = client.post(
        "/exhibition/manage/final/letters/",
        {"recipient_name": NAME, "role": "activist", "reason": "—", "language": "kk"},
    )
    assert response.status_code == 403
    assert not Letter.objects.exists()


def test_a_failed_render_is_recorded_on_the_letter(exhibition, staff, monkeypatch):
    letter = letter_create(
        exhibition=exhibition, recipient_name=NAME, role="mentor", reason="—", by=staff
    )

    def broken(*args, **kwargs):
        raise RuntimeError("font missing")

    monkeypatch.setattr("exhibition.letters.render_pdf", broken)
    render_letters.apply(args=[[letter.pk]])
    letter.refresh_from_db()
    assert (letter.status, letter.error) == (Letter.Status.FAILED, "font missing")


def test_staff_render_a_failed_letter_again(
    client, staff, exhibition, monkeypatch, django_capture_on_commit_callbacks
):
    letter = letter_create(
        exhibition=exhibition, recipient_name=NAME, role="mentor", reason="—", by=staff
    )
    Letter.objects.filter(pk=letter.pk).update(status=Letter.Status.FAILED, error="font missing")
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/exhibition/letters/{letter.pk}/render/")
    assert response.status_code == 302
    letter.refresh_from_db()
    assert (letter.status, letter.error) == (Letter.Status.READY, "")
