"""Appeals: within the window after publication, by the team lead only, answered by staff,
told by e-mail, shown on the application page and annexed to the protocol."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from reviews.decisions import results_publish
from reviews.models import Appeal, AuditEvent
from reviews.protocol import protocol_pdf
from tests.reviews.helpers import decide
from tests.reviews.test_protocol import pdf_text

pytestmark = pytest.mark.django_db

AQTAU = ZoneInfo("Asia/Aqtau")
PUBLISHED = datetime(2025, 6, 10, 10, 0, tzinfo=AQTAU)
LAST_MINUTE = datetime(2025, 6, 15, 23, 59, tzinfo=AQTAU)  # the fifth day after publication
NEXT_DAY = datetime(2025, 6, 16, 0, 0, tzinfo=AQTAU)
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def published(scored, staff):
    competition = scored[0].competition
    decide(competition=competition, winners=[scored[0].pk, scored[1].pk], reason="", by=staff)
    results_publish(competition=competition, by=staff, now=PUBLISHED)
    competition.refresh_from_db()
    assert competition.appeal_days == 5
    return scored


def lodge(client, application, reason="Бір сарапшы бюджетті дұрыс оқымаған.", **extra):
    client.force_login(application.applicant)
    return client.post(f"/reviews/result/{application.pk}/appeal/", {"reason": reason, **extra})


def test_an_appeal_on_the_last_minute_of_the_last_day_is_accepted(client, published):
    with time_machine.travel(LAST_MINUTE, tick=False):
        response = lodge(client, published[2])
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert (appeal.application, appeal.lodged_by, appeal.status) == (
        published[2],
        published[2].applicant,
        "pending",
    )
    assert AuditEvent.objects.filter(
        action="appeal_lodged", application_id=published[2].pk
    ).exists()


def test_an_appeal_the_day_after_is_refused(client, published):
    with time_machine.travel(NEXT_DAY, tick=False):
        page = client.get(f"/reviews/result/{published[2].pk}/appeal/")
        response = lodge(client, published[2])
    assert not Appeal.objects.exists()
    assert response.status_code == 302
    page = client.get(f"/reviews/result/{published[2].pk}/appeal/").content.decode()
    assert 'name="reason"' not in page


def test_the_window_follows_the_competitions_setting(client, published):
    competition = published[0].competition
    competition.appeal_days = 6
    competition.save()
    with time_machine.travel(NEXT_DAY, tick=False):
        lodge(client, published[2])
    assert Appeal.objects.count() == 1


def test_no_appeal_before_the_results_are_published(client, scored):
    client.force_login(scored[2].applicant)
    assert client.get(f"/reviews/result/{scored[2].pk}/appeal/").status_code == 404


def test_another_applicant_can_neither_see_nor_appeal(client, published, other_applicant):
    with time_machine.travel(LAST_MINUTE, tick=False):
        lodge(client, published[2])
        client.force_login(other_applicant)
        url = f"/reviews/result/{published[2].pk}/appeal/"
        assert client.get(url).status_code == 404
        assert client.post(url, {"reason": "Менің атымнан"}).status_code == 404
        # Nor another team's lead.
        client.force_login(published[3].applicant)
        assert client.get(url).status_code == 404
        appeal = Appeal.objects.get()
        assert client.get(f"/reviews/appeals/file/{appeal.pk}/").status_code == 404
    assert Appeal.objects.get().reason == "Бір сарапшы бюджетті дұрыс оқымаған."


def test_the_file_is_checked_by_its_content(client, published, staff):
    with time_machine.travel(LAST_MINUTE, tick=False):
        fake = SimpleUploadedFile("scan.pdf", b"<html>not a pdf</html>", "application/pdf")
        response = lodge(client, published[2], file=fake)
        assert response.status_code == 400 and not Appeal.objects.exists()
        real = SimpleUploadedFile("my scan.pdf", PDF, "application/octet-stream")
        assert lodge(client, published[2], file=real).status_code == 302
    appeal = Appeal.objects.get()
    assert appeal.file_kind == "application/pdf" and appeal.file.name.endswith("appeal.pdf")
    client.force_login(published[2].applicant)
    download = client.get(f"/reviews/appeals/file/{appeal.pk}/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    number = published[2].registration_number
    assert download["Content-Disposition"] == f'attachment; filename="appeal-{number}.pdf"'
    client.force_login(staff)
    assert b"".join(client.get(f"/reviews/appeals/file/{appeal.pk}/").streaming_content) == PDF


def test_staff_answer_the_applicant_is_told_and_sees_it(
    client, published, staff, operator, mailoutbox, django_capture_on_commit_callbacks
):
    lead = published[2].applicant
    lead.language = "ru"
    lead.save()
    with time_machine.travel(LAST_MINUTE, tick=False):
        lodge(client, published[2])
    appeal = Appeal.objects.get()
    slug = published[0].competition.slug
    client.force_login(operator)
    assert client.get(f"/reviews/appeals/{slug}/").status_code == 200
    data = {"outcome": "rejected", "answer": "Бағалар қайта тексерілді, қате табылмады."}
    assert client.post(f"/reviews/appeals/answer/{appeal.pk}/", data).status_code == 403
    client.force_login(staff)
    assert client.post(f"/reviews/appeals/answer/{appeal.pk}/", {"outcome": "rejected"})
    assert Appeal.objects.get().status == "pending"  # the reasons are required
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/reviews/appeals/answer/{appeal.pk}/", data)
    appeal.refresh_from_db()
    assert (appeal.status, appeal.answered_by) == ("rejected", staff)
    assert AuditEvent.objects.filter(action="appeal_answered").exists()
    (mail,) = mailoutbox
    assert mail.to == [lead.email]
    assert "апелляци" in (mail.subject + mail.body).lower()  # in the lead's language (ru)
    assert "Бағалар қайта тексерілді" in mail.body
    client.force_login(lead)
    detail = client.get(f"/applications/{published[2].pk}/").content.decode()
    assert 'data-testid="appeal-outcome"' in detail
    assert "Бағалар қайта тексерілді, қате табылмады." in detail
    page = client.get(f"/reviews/result/{published[2].pk}/appeal/").content.decode()
    assert "Бағалар қайта тексерілді, қате табылмады." in page
    # Answered once.
    client.force_login(staff)
    client.post(f"/reviews/appeals/answer/{appeal.pk}/", {**data, "outcome": "upheld"})
    assert Appeal.objects.get().status == "rejected"


def test_the_protocol_annexes_the_appeal_and_its_outcome(
    client, published, staff, tmp_path, django_capture_on_commit_callbacks
):
    with time_machine.travel(LAST_MINUTE, tick=False):
        lodge(client, published[2], reason="Сарапшы А бюджетті қате оқыды.")
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/reviews/appeals/answer/{Appeal.objects.get().pk}/",
            {"outcome": "upheld", "answer": "Бюджет қайта есептелді."},
        )
    text = pdf_text(protocol_pdf(published[0].competition, "kk"), tmp_path)
    assert "Сарапшы А бюджетті қате оқыды." in text
    assert "Бюджет қайта есептелді." in text
    assert published[2].registration_number in text


def test_the_appeal_and_its_answer_reach_the_portals_audit_log(client, published, staff):
    from auditlog.models import LogEntry

    with time_machine.travel(LAST_MINUTE, tick=False):
        lodge(client, published[2])
    appeal = Appeal.objects.get()
    client.force_login(staff)
    data = {"outcome": "upheld", "answer": "Бюджет қайта есептелді."}
    client.post(f"/reviews/appeals/answer/{appeal.pk}/", data)
    entries = LogEntry.objects.get_for_object(appeal).order_by("timestamp")
    lodged, answered = entries[0], entries.last()
    assert lodged.action == LogEntry.Action.CREATE
    assert lodged.actor == published[2].applicant
    assert answered.actor == staff
    assert answered.changes_dict["status"] == ["pending", "upheld"]
    assert answered.changes_dict["answer"][1] == "Бюджет қайта есептелді."
    client.force_login(staff)
    page = client.get("/audit/", {"q": ""}).content.decode()
    assert "Бюджет қайта есептелді." in page or str(appeal.pk) in page
