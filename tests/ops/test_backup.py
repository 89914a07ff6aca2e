"""Backup and restore: a round trip through an archive gives back every row and every byte."""

import hashlib
import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db.models import Sum

from accounts.models import User
from applications.models import Application, Attachment, BudgetItem
from competitions.models import Competition
from ops.backup import row_counts
from projects.models import BudgetLine
from tests.factories import UserFactory

# Restore runs in its own transaction and the tests empty the database as a new server has
# it, so each test runs outside the usual test transaction; migrate's rows come back after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir(exist_ok=True)
    return settings.MEDIA_ROOT


def checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def add_files(media: Path) -> Path:
    """A few uploads: attachments in two applications (if any) and a call's rules."""
    applications = list(Application.objects.order_by("pk")[:2])
    for number, application in enumerate(applications):
        Attachment.objects.create(
            application=application,
            file=ContentFile(PDF + bytes([number]) * 2000, name="plan.pdf"),
            original_name="жоспар.pdf",
            content_type=Attachment.Kind.PDF,
            size=len(PDF) + 2000,
        )
    competition = Competition.objects.order_by("pk").first()
    competition.rules_pdf.save("rules.pdf", ContentFile(PDF * 3))
    return media


@pytest.fixture
def with_files(full_demo, media):
    """Everything `make demo` loads, 32 applications and the commission's work, and uploads."""
    return add_files(media)


@pytest.fixture
def small(demo, media):
    """The demo's project, users and open call, and the call's rules: quicker to load."""
    return add_files(media)


def empty_instance(media: Path) -> None:
    """What a new server has after `migrate`: no rows but the ones migrate makes, no media."""
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)
    media.mkdir()


def test_round_trip_gives_back_every_row_and_every_file(with_files, tmp_path):
    media = with_files
    counts = row_counts()
    files = checksums(media)
    budget_totals = (
        BudgetItem.objects.aggregate(total=Sum("total_kzt"))["total"],
        BudgetLine.objects.aggregate(total=Sum("total_kzt"))["total"],
    )
    numbers = set(Application.objects.values_list("registration_number", flat=True))
    assert len(files) > 3  # the three added, and the demo's photos, receipts and letters
    assert counts["applications.application"] == 34  # 32 from the source, one team still forming,
    # one team accepting its agreement by codes (demo.steps.implementation.load_agreement_by_codes)
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", "--output", str(archive), verbosity=0)
    empty_instance(media)
    assert not User.objects.exists()
    assert checksums(media) == {}
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)

    assert row_counts() == counts
    assert checksums(media) == files
    assert "counts and checksums match" in out.getvalue()
    assert "restart" not in out.getvalue()  # nothing was wiped: content types kept their ids
    # Generated columns are computed again by the database, to the same tenge.
    assert (
        BudgetItem.objects.aggregate(total=Sum("total_kzt"))["total"],
        BudgetLine.objects.aggregate(total=Sum("total_kzt"))["total"],
    ) == budget_totals
    assert set(Application.objects.values_list("registration_number", flat=True)) == numbers
    # Every attachment opens, by the name its row holds.
    for attachment in Attachment.objects.all():
        with attachment.file.open("rb") as handle:
            assert handle.read().startswith(b"%PDF")
    # The sequences were moved past the restored keys: new rows get new keys.
    highest = User.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert UserFactory().pk > highest


def _corrupt(archive: Path, damaged: Path) -> str:
    """A copy of the archive with one byte of one media file changed (the manifest kept)."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(damaged, "w:gz") as target:
        changed = None
        for member in source:
            data = source.extractfile(member).read()
            if changed is None and member.name.startswith("media/"):
                data = bytes([data[0] ^ 0x01]) + data[1:]
                changed = member.name
            target.addfile(member, io.BytesIO(data))
    return changed


def test_a_damaged_archive_is_refused_before_anything_is_written(small, tmp_path):
    media = small
    archive, damaged = tmp_path / "backup.tar.gz", tmp_path / "damaged.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)
    changed = _corrupt(archive, damaged)
    empty_instance(media)
    before = row_counts()

    with pytest.raises(CommandError, match="does not match its SHA-256") as refusal:
        call_command("restore", str(damaged), stdout=io.StringIO())

    assert changed.removeprefix("media/") in str(refusal.value)
    assert row_counts() == before
    assert checksums(media) == {}


def test_a_database_in_use_is_not_overwritten(small, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)
    UserFactory(email="new.person@example.kz")
    before = row_counts()

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), stdout=io.StringIO())

    assert row_counts() == before


def test_force_replaces_what_the_database_holds(small, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)
    counts = row_counts()
    UserFactory(email="new.person@example.kz")

    output = io.StringIO()
    call_command("restore", str(archive), "--force", stdout=output)

    assert row_counts() == counts
    assert not User.objects.filter(email="new.person@example.kz").exists()
    # The wipe made content types again: running processes must be restarted.
    assert "restart" in output.getvalue()


def test_the_manifest_lists_counts_checksums_and_leaves_out_what_migrate_makes(small, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)
    with tarfile.open(archive, "r:gz") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        data = tar.extractfile("data.json").read()
    assert manifest["data"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert manifest["media"].keys() == checksums(small).keys()
    assert manifest["counts"]["accounts.user"] == User.objects.count()
    assert "auth.permission" not in manifest["counts"]
    assert "contenttypes.contenttype" not in manifest["counts"]
    assert manifest["created_at"]
    models = {row["model"] for row in json.loads(data)}
    assert "sessions.session" not in models
    assert "projects.budgetline" in models
