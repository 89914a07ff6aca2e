import shutil
import subprocess

import pytest
from django.db.models import Max

from jastarurban.money import format_tenge
from reviews.models import CommissionMember, Decision
from tests.conftest import require

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes, tmp_path) -> str:
    require(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext) is not installed")
    path = tmp_path / "protocol.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_protocol_names_the_experts_and_records_scores_and_decision(
    client, full_demo, staff, tmp_path
):
    client.force_login(staff)
    response = client.get("/reviews/ranking/jastarurban-2025/protocol.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content, tmp_path)
    for member in CommissionMember.objects.filter(competition__slug="jastarurban-2025"):
        assert member.expert.full_name in text
    award = Decision.objects.filter(application__competition__slug="jastarurban-2025").aggregate(
        top=Max("amount_kzt")
    )["top"]
    assert format_tenge(award).replace("\xa0", " ") in text.replace("\xa0", " ")
    assert "JU-2025-0001" in text
    russian = client.get("/reviews/ranking/jastarurban-2025/protocol.pdf?lang=ru")
    assert pdf_text(russian.content, tmp_path) != text


def test_the_operator_downloads_it_an_expert_cannot(client, full_demo, operator, expert):
    client.force_login(operator)
    assert client.get("/reviews/ranking/jastarurban-2025/protocol.pdf").status_code == 200
    client.force_login(expert)
    assert client.get("/reviews/ranking/jastarurban-2025/protocol.pdf").status_code == 403
