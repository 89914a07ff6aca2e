"""The receipt a team keeps: a clean letter in Kazakh and Russian, and a PDF that names the
person who submitted and when (Aktau time)."""

import subprocess
from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from applications.tasks import unquoted
from tests.applications.conftest import CLOSES
from tests.applications.helpers import application_post, teammates_from_post

pytestmark = pytest.mark.django_db

BEFORE = CLOSES - timedelta(hours=1)  # 15.07.2025 17:00 in Aktau


@pytest.fixture
def quoted_call(draft):
    """Titles as the demo has them: the call's title carries its own quotes and word
    «байқауы»; the applicant typed quotes around the project's."""
    competition = draft.competition
    competition.title_kk = "«JastarUrban: Ауылдан басталады» шағын гранттар байқауы (2026)"
    competition.title_ru = "Конкурс малых грантов «JastarUrban: Всё начинается с села» (2026)"
    competition.save()
    return draft


def submit_in(client, draft, team, language, capture):
    draft.applicant.language = language
    draft.applicant.save(update_fields=["language"])
    client.force_login(draft.applicant)
    data = application_post(team, title="«Жасыл аула»") | {"submit": "1"}
    teammates_from_post(draft, data)
    with capture(execute=True):
        response = client.post(f"/applications/{draft.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    # The lead's receipt (confirmed teammates are told of the submission too).
    return next(m for m in mail.outbox if m.to == [draft.applicant.email])


@time_machine.travel(BEFORE)
@pytest.mark.parametrize(
    ("language", "sentence", "call_line"),
    [
        (
            "kk",
            "«Жасыл аула» өтініміңіз JU-2025-0001 нөмірімен қабылданды.",
            "Байқау: «JastarUrban: Ауылдан басталады» шағын гранттар байқауы (2026)",
        ),
        (
            "ru",
            "Ваша заявка «Жасыл аула» принята под номером JU-2025-0001.",
            "Конкурс: Конкурс малых грантов «JastarUrban: Всё начинается с села» (2026)",
        ),
    ],
)
def test_the_receipt_letter_reads_cleanly(
    client, quoted_call, team, language, sentence, call_line, django_capture_on_commit_callbacks
):
    letter = submit_in(client, quoted_call, team, language, django_capture_on_commit_callbacks)
    assert sentence in letter.body
    assert call_line in letter.body
    assert "««" not in letter.body and "»»" not in letter.body
    assert "байқауы»" not in letter.body and "байқауына" not in letter.body


@time_machine.travel(BEFORE)
def test_the_receipt_pdf_names_the_lead_and_the_aktau_time(
    client, quoted_call, team, tmp_path, django_capture_on_commit_callbacks
):
    letter = submit_in(client, quoted_call, team, "kk", django_capture_on_commit_callbacks)
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(letter.attachments[0][1])
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lead = quoted_call.applicant
    assert f"Жіберген: {lead.full_name} (команда жетекшісі)" in " ".join(text.split())
    assert "15.07.2025 17:00 (Ақтау уақыты)" in text


def test_only_outer_quotes_are_dropped():
    assert unquoted("«Жасыл аула»") == "Жасыл аула"
    assert unquoted('"Green yard"') == "Green yard"
    assert unquoted("Саябақ «Жасыл»") == "Саябақ «Жасыл»"
    assert unquoted("«") == "«"
