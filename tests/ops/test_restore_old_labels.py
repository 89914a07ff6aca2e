"""A backup taken before the project's passport, budget and indicators moved from
competitions to projects (and before the two Expense models took their names) restores
into today's portal: its labels and natural keys are read as today's."""

import hashlib
import io
import json
import tarfile
from datetime import date
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from accounts.roles import Role
from ops.backup import RENAMED_MODELS, archive_relabel, row_counts
from projects.models import BudgetLine, ProjectExpense
from tests.factories import UserFactory
from tests.ops.test_backup import empty_instance

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OLD_NAMES = {new: old for old, new in RENAMED_MODELS.items()}


@pytest.fixture
def media(demo, settings, tmp_path) -> Path:
    """The demo's project, users and open call, with a media folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir(exist_ok=True)
    return settings.MEDIA_ROOT


def old_key(key: list) -> list:
    """A content type's or permission's natural key as the portal wrote it before."""
    new = ".".join(key[-2:])
    if new not in OLD_NAMES:
        return key
    app, model = OLD_NAMES[new].split(".")
    if len(key) == 2:
        return [app, model]
    action = key[0].partition("_")[0]
    return [f"{action}_{model}", app, model]


def as_before_the_move(archive: Path, old: Path) -> None:
    """The archive as a portal before the move wrote it: the same rows under the old labels,
    the manifest's checksum and counts to match."""
    with tarfile.open(archive, "r:gz") as source:
        members = [(member, source.extractfile(member).read()) for member in source]
    data = json.loads(next(body for member, body in members if member.name == "data.json"))
    for row in data:
        row["model"] = OLD_NAMES.get(row["model"], row["model"])
        for name, value in row["fields"].items():
            if isinstance(value, list) and value and all(isinstance(k, list) for k in value):
                row["fields"][name] = [old_key(k) if len(k) == 3 else k for k in value]
            elif isinstance(value, list) and len(value) in (2, 3):
                row["fields"][name] = old_key(value)
    body = json.dumps(data, ensure_ascii=False).encode()
    manifest = json.loads(next(b for member, b in members if member.name == "manifest.json"))
    manifest["data"]["sha256"] = hashlib.sha256(body).hexdigest()
    manifest["counts"] = {OLD_NAMES.get(k, k): v for k, v in manifest["counts"].items()}
    with tarfile.open(old, "w:gz") as target:
        for member, content in members:
            if member.name == "data.json":
                content = body
            elif member.name == "manifest.json":
                content = json.dumps(manifest, ensure_ascii=False).encode()
            member.size = len(content)
            target.addfile(member, io.BytesIO(content))


def test_a_backup_from_before_the_move_restores_under_the_new_labels(media, tmp_path):
    line = BudgetLine.objects.filter(project__slug="jastarurban").order_by("pk").first()
    accountant = UserFactory(roles=[Role.STAFF])
    expense = ProjectExpense.objects.create(
        line=line,
        spent_on=date(2025, 7, 1),
        amount_kzt=12_345,
        document_number="ПП-1",
        entered_by=accountant,
    )
    expense_type = ContentType.objects.get_for_model(ProjectExpense)
    logged = LogEntry.objects.filter(content_type=expense_type, object_pk=str(expense.pk))
    assert logged.count() == 1  # the audit log names the expense by its content type
    counts = row_counts()
    archive, old = tmp_path / "backup.tar.gz", tmp_path / "old.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)
    as_before_the_move(archive, old)
    with tarfile.open(old, "r:gz") as tar:
        models = {row["model"] for row in json.load(tar.extractfile("data.json"))}
    assert {"competitions.grantproject", "competitions.expense"} <= models
    assert not models & {"projects.grantproject", "projects.projectexpense"}

    empty_instance(media)
    call_command("restore", str(old), stdout=io.StringIO())

    assert row_counts() == counts
    restored = ProjectExpense.objects.get(pk=expense.pk)
    assert (restored.line_id, restored.amount_kzt) == (line.pk, 12_345)
    # The audit trail still leads to the expense, and staff keep their rights over it.
    entry = LogEntry.objects.get(object_pk=str(expense.pk), content_type__model="projectexpense")
    assert entry.content_type.app_label == "projects"
    assert entry.content_type.get_object_for_this_type(pk=expense.pk) == restored
    staff = Group.objects.get(name=Role.STAFF)
    assert staff.permissions.filter(
        content_type__app_label="projects", codename="view_projectexpense"
    ).exists()


def test_relabel_reads_the_old_names_of_both_expenses_and_leaves_the_rest(tmp_path):
    data = tmp_path / "data.json"
    rows = [
        {"model": "mentoring.expense", "pk": 1, "fields": {"amount_kzt": 5}},
        {"model": "competitions.expense", "pk": 2, "fields": {"amount_kzt": 7}},
        {"model": "competitions.settlement", "pk": 3, "fields": {"name": "Шетпе"}},
        {
            "model": "auditlog.logentry",
            "pk": 4,
            "fields": {"content_type": ["mentoring", "expense"], "object_pk": "1"},
        },
        {
            "model": "auth.group",
            "pk": 5,
            "fields": {
                "name": "operator",
                "permissions": [
                    ["view_expense", "competitions", "expense"],
                    ["view_expense", "mentoring", "expense"],
                    ["view_settlement", "competitions", "settlement"],
                ],
            },
        },
    ]
    data.write_text(json.dumps(rows), encoding="utf-8")
    manifest = {"counts": {"mentoring.expense": 1, "competitions.settlement": 1}}

    relabelled = archive_relabel(data_path=data, manifest=manifest)

    after = json.loads(data.read_text(encoding="utf-8"))
    assert [row["model"] for row in after] == [
        "mentoring.granteeexpense",
        "projects.projectexpense",
        "competitions.settlement",
        "auditlog.logentry",
        "auth.group",
    ]
    assert after[3]["fields"]["content_type"] == ["mentoring", "granteeexpense"]
    assert after[4]["fields"]["permissions"] == [
        ["view_projectexpense", "projects", "projectexpense"],
        ["view_granteeexpense", "mentoring", "granteeexpense"],
        ["view_settlement", "competitions", "settlement"],
    ]
    assert relabelled["counts"] == {"competitions.settlement": 1, "mentoring.granteeexpense": 1}


def test_an_archive_with_todays_labels_is_left_as_it_is(tmp_path):
    data = tmp_path / "data.json"
    body = json.dumps([{"model": "projects.grantproject", "pk": 1, "fields": {}}])
    data.write_text(body, encoding="utf-8")
    manifest = {"counts": {"projects.grantproject": 1}}
    assert archive_relabel(data_path=data, manifest=manifest) is manifest
    assert data.read_text(encoding="utf-8") == body
