"""The portal-wide audit log: who changed what, when, before and after; read-only,
filtered, paged, exported as text-only CSV and XLSX."""

import csv
from io import BytesIO, StringIO

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Position, Role
from applications.models import Application
from audit.registry import AUDITED, audited_models
from mentoring.models import Disbursement
from tests.applications.helpers import village
from tests.factories import CompetitionFactory, UserFactory
from tests.mentoring.conftest import make_project, signed_agreement

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def director(db):
    return UserFactory(roles=[Role.STAFF], position=Position.DIRECTOR, full_name="Ахметова Жібек")


@pytest.fixture
def accountant(db):
    return UserFactory(
        roles=[Role.STAFF], position=Position.ACCOUNTANT, full_name="Қошжанова Ақмарал"
    )


@pytest.fixture
def submitted(db, applicant):
    return Application.objects.create(
        competition=CompetitionFactory(),
        applicant=applicant,
        status=Application.Status.SUBMITTED,
        title="Ауыл саябағы",
        village=village(),
        registration_number="JU-2025-0001",
        submitted_at=timezone.now(),
    )


def entries_for(obj) -> list[LogEntry]:
    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
        ).order_by("pk")
    )


def test_every_registered_model_is_audited():
    from auditlog.registry import auditlog

    assert len(AUDITED) == len(set(entry.model for entry in AUDITED))
    assert all(auditlog.contains(model) for model in audited_models())


def test_a_status_change_is_logged_with_before_after_and_the_actor(client, staff, submitted):
    client.force_login(staff)
    client.post(f"/applications/{submitted.pk}/screen/", {"decision": "eligible"})
    submitted.refresh_from_db()
    assert submitted.status == "eligible"
    update = [entry for entry in entries_for(submitted) if entry.action == LogEntry.Action.UPDATE]
    assert len(update) == 1
    assert update[0].actor == staff
    assert update[0].changes_dict["status"] == ["submitted", "eligible"]
    # The status history row the service writes is logged too, by the same person.
    history = LogEntry.objects.get(content_type__model="statuschange")
    assert history.actor == staff and history.action == LogEntry.Action.CREATE

    page = client.get(f"/audit/?record={update[0].content_type_id}").content.decode()
    assert staff.full_name in page
    assert "JU-2025-0001" in page or f"№ {submitted.pk}" in page


def test_a_payment_approval_is_logged_with_the_director_as_actor(
    client, director, accountant, applicant, mentor, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    project = make_project(CompetitionFactory(), applicant, mentor=mentor)
    signed_agreement(project)  # payments wait for a signed grant agreement
    client.force_login(accountant)
    client.post(
        f"/mentoring/projects/{project.pk}/payments/",
        {"paid_on": "2025-08-04", "amount_kzt": 700_000, "document_number": "ПП-1"},
    )
    payment = Disbursement.objects.get()
    client.force_login(director)
    client.post(f"/mentoring/payments/{payment.pk}/approve/")
    created, approved = entries_for(payment)
    assert (created.action, created.actor) == (LogEntry.Action.CREATE, accountant)
    assert (approved.action, approved.actor) == (LogEntry.Action.UPDATE, director)
    assert approved.changes_dict["status"] == ["recorded", "approved"]
    assert approved.changes_dict["decided_by"] == ["None", str(director.pk)]


def test_a_role_change_in_the_admin_is_logged_with_groups_and_position(client, director):
    superuser = UserFactory(roles=[Role.STAFF], is_superuser=True, full_name="Бас әкімші")
    person = UserFactory(roles=[Role.APPLICANT], full_name="Жаңа қызметкер")
    client.force_login(superuser)
    staff_group = person.groups.model.objects.get(name=Role.STAFF)
    response = client.post(
        f"/admin/accounts/user/{person.pk}/change/",
        {
            "email": person.email,
            "full_name": person.full_name,
            "phone": "",
            "language": "kk",
            "is_active": "on",
            "is_staff": "on",
            "groups": [staff_group.pk],
            "position": Position.ACCOUNTANT,
            "date_joined_0": "2025-06-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert person.position == "accountant"
    entries = entries_for(person)
    assert all(entry.actor == superuser for entry in entries[-3:])
    fields = {}
    for entry in entries:
        fields |= entry.changes_dict
    assert fields["position"] == ["", "accountant"]
    assert fields["is_staff"] == ["False", "True"]
    groups = [entry.changes_dict["groups"] for entry in entries if "groups" in entry.changes_dict]
    assert {"type": "m2m", "operation": "add", "objects": ["staff"]} in groups
    assert {"type": "m2m", "operation": "delete", "objects": ["applicant"]} in groups
    # The page shows the role by its name, before and after.
    page = client.get(f"/audit/?object_id={person.pk}").content.decode()
    assert "Жаңа қызметкер" in page and "Бас әкімші" in page


def test_anonymous_gets_the_login_page_and_other_roles_403(
    client, applicant, expert, mentor, staff, operator
):
    for url in ("/audit/", "/audit/export.csv", "/audit/export.xlsx"):
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        for person in (applicant, expert, mentor):
            client.force_login(person)
            assert client.get(url).status_code == 403
        for person in (staff, operator):
            client.force_login(person)
            assert client.get(url).status_code == 200


def test_the_log_cannot_be_changed_through_the_portal_or_the_admin(
    client, staff, operator, submitted
):
    submitted.status = "eligible"
    submitted.save()
    entry = LogEntry.objects.order_by("pk").last()
    superuser = UserFactory(roles=[Role.STAFF], is_superuser=True)
    client.force_login(superuser)
    base = f"/admin/auditlog/logentry/{entry.pk}"
    assert client.get(f"{base}/change/").status_code == 200  # read
    client.post(f"{base}/change/", {"action": 2, "object_repr": "forged"})
    assert client.get(f"{base}/delete/").status_code == 403
    assert client.post(f"{base}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/auditlog/logentry/add/").status_code == 403
    client.post(
        "/admin/auditlog/logentry/",
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    for person in (staff, operator):
        client.force_login(person)
        assert client.post("/audit/", {"delete": entry.pk}).status_code in (403, 405)
    entry.refresh_from_db()
    assert entry.object_repr != "forged" and LogEntry.objects.filter(pk=entry.pk).exists()


def test_filters_narrow_by_record_person_action_and_dates(client, staff, director, submitted):
    client.force_login(staff)
    client.post(f"/applications/{submitted.pk}/screen/", {"decision": "eligible"})
    director.position = Position.COORDINATOR
    director.save()  # no request: the system is the actor
    content_type = ContentType.objects.get_for_model(Application)
    today = timezone.localdate().isoformat()

    def count(query: str) -> int:
        return client.get(f"/audit/?{query}").content.decode().count('data-testid="audit-row"')

    assert count(f"record={content_type.pk}") == 2  # created, then changed
    assert count(f"person={staff.full_name[:5]}") == count(f"person={staff.email}") >= 2
    assert count(f"action={LogEntry.Action.UPDATE}&record={content_type.pk}") == 1
    assert count(f"action={LogEntry.Action.DELETE}") == 0
    assert count(f"date_from={today}&date_to={today}&record={content_type.pk}") == 2
    assert count("date_from=2020-01-01&date_to=2020-12-31") == 0
    # Every filter has a label tied to its field (WCAG 1.3.1, 3.3.2).
    page = client.get("/audit/").content.decode()
    for name in ("record", "person", "action", "date_from", "date_to", "object_id"):
        assert f'for="id_{name}"' in page and f'id="id_{name}"' in page


def test_the_page_reads_in_a_constant_number_of_queries(
    client, operator, director, accountant, django_assert_max_num_queries
):
    def changes(n):
        for index in range(n):
            UserFactory(roles=[Role.MENTOR], full_name=f"Тәлімгер {index}")

    changes(5)
    client.force_login(operator)
    with django_assert_max_num_queries(12) as captured:
        page = client.get("/audit/")
    rows = page.content.decode().count('data-testid="audit-row"')
    assert rows >= 10
    few = len(captured)
    changes(20)
    with django_assert_max_num_queries(few):
        page = client.get("/audit/")
    assert page.content.decode().count('data-testid="audit-row"') == 50  # a full page


def test_the_exports_hold_the_rows_and_write_formulas_as_text(client, staff, submitted):
    client.force_login(staff)
    client.post(
        f"/applications/{submitted.pk}/screen/",
        {"decision": "ineligible", "reason": FORMULA},
    )
    response = client.get("/audit/export.csv")
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) >= 3
    flat = [value for row in rows[1:] for value in row]
    assert "'" + FORMULA in flat  # the reason staff typed, in the status history
    assert not any(value.startswith(("=", "+", "-", "@")) for value in flat)
    status_rows = [row for row in rows[1:] if row[1] == staff.full_name and row[7] and row[8]]
    assert status_rows  # who, and the field's value before and after

    response = client.get("/audit/export.xlsx")
    raw = response.content
    book = load_workbook(BytesIO(raw))
    sheet = book.worksheets[0]
    values = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert len(list(sheet.iter_rows(min_row=2))) == len(rows) - 1
    titles = [cell for cell in values if cell.value == FORMULA]
    assert titles and all(cell.data_type == "s" for cell in titles)
    import zipfile

    with zipfile.ZipFile(BytesIO(raw)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml


def test_spreadsheet_safety_helpers():
    from jastarurban.spreadsheet_safety import csv_text, xlsx_text

    for dangerous in ("=1+1", "+7 701", "-5", "@SUM(A1)", "\tx", "\rx"):
        assert csv_text(dangerous) == "'" + dangerous
        assert str(xlsx_text(dangerous)) == dangerous
        assert not isinstance(xlsx_text(dangerous), str)
    for safe in ("Ауыл", "", 5, None):
        assert csv_text(safe) == safe and xlsx_text(safe) == safe
