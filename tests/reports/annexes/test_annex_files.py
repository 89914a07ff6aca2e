"""The annexes in the report's files: the PDF prints them (photos inlined, fitted to their
cells), the XLSX writes them as sheets, text as text and subtotals as formulas."""

import shutil
import subprocess
from io import BytesIO

import pytest
from openpyxl import load_workbook

from media_campaign.models import Publication
from reports.annexes.models import ReportDocument
from reports.annexes.photos import photo_candidates
from reports.annexes.services import annex_photo_choose
from reports.builders import build_report
from tests.conftest import require
from tests.pdf_checks import assert_archival, text

pytestmark = pytest.mark.django_db

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1", "@SUM(1)"]


@pytest.fixture
def alpha(two_projects, staff):
    alpha, _beta = two_projects
    for candidate in photo_candidates(alpha):
        annex_photo_choose(
            project=alpha,
            source=candidate.source,
            pk=candidate.pk,
            caption=f"Суреттің жазуы {candidate.pk}",
            added_by=staff,
        )
    return alpha


def test_the_pdf_prints_the_annexes_with_the_photos(alpha, tmp_path):
    content = build_report("final", "pdf", "kk", project=alpha)
    printed = " ".join(text(content, tmp_path).split())
    for expected in (
        "Article Alpha 08",
        "Video Alpha 10",
        "Суреттің жазуы",
        "Alpha-ACT-10",
        "Alpha-PAY-08",
        "1 000 000 ₸",
    ):
        assert expected in printed
    assert "Beta" not in printed
    require(shutil.which("pdfimages") is not None, "poppler-utils (pdfimages) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    listed = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    # The two chosen photos (300 × 200 pixels), inlined and printed once each.
    assert [line.split()[3:5] for line in listed if line.split()[3:5] == ["300", "200"]] == [
        ["300", "200"],
        ["300", "200"],
    ]
    assert_archival(content, tmp_path, contains=("Суреттің жазуы",))


def test_the_xlsx_has_the_annex_sheets_text_as_text_and_subtotals_as_formulas(alpha):
    Publication.objects.filter(project=alpha, title="Article Alpha 08").update(title=PAYLOADS[0])
    ReportDocument.objects.filter(project=alpha, number="Alpha-ACT-08").update(
        number=PAYLOADS[1], description=PAYLOADS[2]
    )
    book = load_workbook(BytesIO(build_report("interim", "xlsx", "ru", project=alpha)))
    publications, photos, register, participants = book.worksheets[-4:]
    assert [cell.value for cell in publications[1]] == [
        "№",
        "Дата",
        "Вид",
        "Издание или площадка",
        "Заголовок или тема",
        "Ссылка",
    ]
    cells = [cell for sheet in book.worksheets[-4:] for row in sheet.iter_rows() for cell in row]
    typed = {cell.value: cell.data_type for cell in cells if cell.value in PAYLOADS}
    assert typed == dict.fromkeys(PAYLOADS, "s")
    assert photos.max_row == 3
    totals = [row for row in register.iter_rows(min_row=2) if row[4].data_type == "f"]
    assert [row[4].value for row in totals][:2] == ["=SUM(E2:E2)", "=SUM(E4:E5)"]
    amounts = [row[4].value for row in register.iter_rows(min_row=4, max_row=5)]
    assert amounts == [600_000, 400_000]
    assert participants.max_row > 10
