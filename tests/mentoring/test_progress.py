"""Progress reports from a phone: text, photos, expenses with receipts; staff accept or return."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from mentoring.models import GranteeExpense, ProgressReport
from mentoring.services import progress
from tests.mentoring.conftest import jpeg, make_project, pdf

pytestmark = pytest.mark.django_db


def _expense(client, report, line, amount, receipt=None, **extra):
    return client.post(
        f"/mentoring/reports/{report.pk}/expenses/",
        {
            "line": line.pk,
            "spent_on": "2025-08-10",
            "amount_kzt": amount,
            "description": "Орындықтар",
            "receipt": receipt or jpeg(),
            **extra,
        },
    )


@pytest.fixture
def report(project):
    return progress.report_start(project=project)


def test_the_team_starts_one_report_at_a_time(client, applicant, project):
    client.force_login(applicant)
    first = client.post(f"/mentoring/projects/{project.pk}/report/")
    again = client.post(f"/mentoring/projects/{project.pk}/report/")
    assert first["Location"] == again["Location"]
    assert ProgressReport.objects.filter(project=project).count() == 1


def test_an_expense_is_recorded_with_its_receipt_and_the_line_shows_what_remains(
    client, applicant, project, report
):
    client.force_login(applicant)
    line = project.budget_lines.get(position=1)
    response = _expense(client, report, line, 150_000, receipt=pdf())
    assert response.status_code == 302
    expense = GranteeExpense.objects.get()
    assert (expense.amount_kzt, expense.receipt_type) == (150_000, "application/pdf")
    page = client.get(f"/mentoring/reports/{report.pk}/").content.decode()
    assert "250\xa0000\xa0₸" in page  # 400 000 approved − 150 000 spent


def test_an_expense_above_the_award_is_refused_and_what_was_typed_stays(
    client, applicant, project, report
):
    client.force_login(applicant)
    line = project.budget_lines.get(position=2)
    assert _expense(client, report, line, 900_000).status_code == 302
    response = _expense(client, report, line, 100_001)
    assert response.status_code == 400
    page = response.content.decode()
    assert "1\xa0000\xa0001\xa0₸" in page  # the would-be total, in the message
    assert 'value="100001"' in page
    assert GranteeExpense.objects.filter(report=report).count() == 1


def test_an_expense_of_exactly_the_rest_of_the_award_is_accepted(applicant, project, report):
    progress.expense_add(
        report=report,
        line=project.budget_lines.get(position=1),
        spent_on="2025-08-01",
        amount_kzt=1_000_000,
        description="Барлығы",
        receipt=jpeg(),
    )
    assert GranteeExpense.objects.get().amount_kzt == 1_000_000


def test_overspending_a_line_is_allowed_with_a_warning(client, applicant, project, report):
    client.force_login(applicant)
    line = project.budget_lines.get(position=1)
    response = _expense(client, report, line, 450_000)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Материал 1" in page and "450\xa0000\xa0₸" in page
    assert "table-warning" in page


@pytest.mark.parametrize(
    "receipt",
    [
        SimpleUploadedFile("chek.jpg", b"MZ\x90\x00 this is a program", "image/jpeg"),
        SimpleUploadedFile("chek.pdf", b"<html>not a pdf</html>", "application/pdf"),
        SimpleUploadedFile("chek.docx", b"PK\x03\x04 not even a zip", "application/pdf"),
    ],
)
def test_a_receipt_must_be_an_image_or_a_pdf_by_content(
    client, applicant, project, report, receipt
):
    client.force_login(applicant)
    response = _expense(client, report, project.budget_lines.first(), 5_000, receipt=receipt)
    assert response.status_code == 400
    assert not GranteeExpense.objects.exists()


def test_a_receipt_photo_loses_its_exif(applicant, project, report):
    image = Image.new("RGB", (2000, 1500))
    exif = Image.Exif()
    exif[0x010F] = "Phone"
    out = BytesIO()
    image.save(out, "JPEG", exif=exif)
    expense, _warning = progress.expense_add(
        report=report,
        line=project.budget_lines.first(),
        spent_on="2025-08-01",
        amount_kzt=10,
        description="Бояу",
        receipt=SimpleUploadedFile("r.jpg", out.getvalue()),
    )
    with Image.open(expense.receipt.open("rb")) as stored:
        assert not stored.getexif()
        assert max(stored.size) == 1600


def test_a_team_cannot_add_expenses_to_another_teams_report(
    client, competition, other_applicant, project, report, media
):
    make_project(competition, other_applicant, number=2)
    client.force_login(other_applicant)
    assert _expense(client, report, project.budget_lines.first(), 10).status_code == 404
    assert not report.expenses.exists()


def test_photos_are_shrunk_and_kept_with_their_stage(client, applicant, report):
    client.force_login(applicant)
    big = BytesIO()
    Image.new("RGB", (3000, 2000)).save(big, "JPEG")
    client.post(
        f"/mentoring/reports/{report.pk}/photos/",
        {"stage": "before", "image": SimpleUploadedFile("p.jpg", big.getvalue())},
    )
    photo = report.photos.get()
    assert photo.stage == "before"
    with Image.open(photo.image.open("rb")) as stored:
        assert stored.size == (1600, 1067)


def test_a_report_goes_to_staff_who_return_it_then_accept_it(
    client, applicant, staff, project, report
):
    client.force_login(applicant)
    client.post(
        f"/mentoring/reports/{report.pk}/", {"done": "Орындықтар қойылды", "video_links": ""}
    )
    client.post(f"/mentoring/reports/{report.pk}/submit/")
    report.refresh_from_db()
    assert report.status == "submitted"
    # Sent: the team can no longer add to it.
    assert _expense(client, report, project.budget_lines.first(), 10).status_code == 400

    client.force_login(staff)
    client.post(f"/mentoring/reports/{report.pk}/review/", {"decision": "return", "comment": ""})
    report.refresh_from_db()
    assert report.status == "submitted"  # returning needs a comment
    client.post(
        f"/mentoring/reports/{report.pk}/review/",
        {"decision": "return", "comment": "Чек жетпейді"},
    )
    report.refresh_from_db()
    assert (report.status, report.staff_comment) == ("returned", "Чек жетпейді")

    client.force_login(applicant)
    home = client.get(f"/mentoring/projects/{project.pk}/").content.decode()
    assert "Чек жетпейді" in home
    client.post(f"/mentoring/reports/{report.pk}/submit/")
    client.force_login(staff)
    client.post(f"/mentoring/reports/{report.pk}/review/", {"decision": "accept", "comment": ""})
    report.refresh_from_db()
    assert report.status == "accepted"
    assert [(c.from_status, c.to_status) for c in report.changes.all()] == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "accepted"),
    ]


def test_an_empty_report_cannot_be_sent(client, applicant, report):
    client.force_login(applicant)
    client.post(f"/mentoring/reports/{report.pk}/submit/")
    report.refresh_from_db()
    assert report.status == "draft"


def test_the_project_and_report_pages_do_a_constant_number_of_queries(
    client, applicant, staff, project, report, django_assert_max_num_queries
):
    for number in range(6):
        progress.expense_add(
            report=report,
            line=project.budget_lines.first(),
            spent_on="2025-08-01",
            amount_kzt=100,
            description=f"Зат {number}",
            receipt=jpeg(),
        )
        progress.photo_add(report=report, image=jpeg(), stage="during")
        project.milestones.create(title=f"Кезең {number}", due_on="2025-09-01")
        project.meetings.create(
            mentor=project.mentor,
            held_on="2025-08-01",
            format="online",
            duration_minutes=60,
            topics="t",
            next_steps="n",
            project_state="on_track",
        )
    for user in (applicant, staff):
        client.force_login(user)
        with django_assert_max_num_queries(15):  # 14 + the reporting schedule
            page = client.get(f"/mentoring/projects/{project.pk}/").content.decode()
        assert all(f"Кезең {number}" in page for number in range(6))
        with django_assert_max_num_queries(11):
            page = client.get(f"/mentoring/reports/{report.pk}/").content.decode()
        assert all(f"Зат {number}" in page for number in range(6))
