"""One archive holds the whole portal: every model's rows, the media files and a manifest.

Layout of the .tar.gz:
    data.json       every row of every model (Django's dumpdata, natural foreign keys)
    media/<path>    every file of the default storage (MEDIA_ROOT or the bucket), byte for byte
    manifest.json   written last: version, created_at, row counts per model, SHA-256 of
                    data.json and of every media file

Rows that migrate creates by itself are not dumped (see EXCLUDED); references to them
are written as natural keys, so they resolve whatever primary keys the new instance gave
them. Everything else keeps its primary key, so plain integer references (audit trails,
JSON details) stay true after a restore.
"""

import hashlib
import io
import json
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath

from auditlog.context import disable_auditlog
from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
DATA_NAME = "data.json"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024

# Models left out of the dump, and why:
EXCLUDED = {
    # migrate re-creates both for every model; the dump names them by natural key.
    "contenttypes.contenttype": "re-created by migrate",
    "auth.permission": "re-created by migrate",
    # Logins in progress: restoring them would revive sessions, and they expire anyway.
    "sessions.session": "short-lived logins",
    # Login attempts and lockouts last an hour; restoring them would lock people out again.
    "axes.accessattempt": "login lockouts (temporary)",
    "axes.accesslog": "login log (security log, not portal data)",
    "axes.accessfailurelog": "login log (security log, not portal data)",
}
# Models that moved to another app or took another name since a backup may have been taken:
# a restore reads the archive's labels, and the natural keys of their content types and
# permissions, as today's (projects 0001, projects 0002, mentoring 0006).
RENAMED_MODELS = {
    **{
        f"competitions.{name}": f"projects.{name}"
        for name in (
            "grantrecipient",
            "pastproject",
            "grantproject",
            "projecttask",
            "targetgroup",
            "activity",
            "budgetline",
            "indicator",
        )
    },
    "competitions.expense": "projects.projectexpense",
    "mentoring.expense": "mentoring.granteeexpense",
}
# Rows that migrate has already made in the new instance (accounts.roles.sync_role_groups)
# and the dump brings again with its own primary keys: deleted first, then loaded as dumped.
REPLACED_ON_RESTORE = ["auth.group"]


class BackupError(Exception):
    pass


def label(model) -> str:
    return model._meta.label_lower


def dumped_models() -> list:
    """Every concrete model of every installed app, except those in EXCLUDED."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and not model._meta.auto_created
        and label(model) not in EXCLUDED
    ]


def row_counts(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    counts = {}
    for model in dumped_models():
        counts[label(model)] = model._base_manager.using(using).count()
        # Many-to-many rows (a user's groups, a group's permissions) are part of the data too.
        for m2m in model._meta.local_many_to_many:
            through = m2m.remote_field.through
            if through._meta.auto_created:
                counts[label(through)] = through._base_manager.using(using).count()
    return dict(sorted(counts.items()))


def sha256_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return sha256_handle(handle)


def sha256_handle(handle) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


class _HashingReader(io.RawIOBase):
    """Hashes what passes through: the archive and its checksum see the same bytes."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size=-1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def portal_version() -> dict:
    info = {"django": metadata.version("Django")}
    try:
        info["portal"] = metadata.version("jastarurban")
    except metadata.PackageNotFoundError:
        info["portal"] = None
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607 - git from PATH when there is one
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = None
    info["git_commit"] = commit or None
    return info


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    recorder = MigrationRecorder(connections[using])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def media_files(storage) -> list[str]:
    """The name of every file in the storage (a folder or a bucket), sorted: read through
    the storage API, so a backup holds the files wherever they live."""
    found = []

    def walk(directory: str) -> None:
        try:
            subdirs, files = storage.listdir(directory)
        except (FileNotFoundError, NotADirectoryError):
            return  # no media folder yet
        for name in files:
            found.append(f"{directory}/{name}" if directory else name)
        for subdir in subdirs:
            walk(f"{directory}/{subdir}" if directory else subdir)

    walk("")
    return sorted(found)


def sha256_stored(storage, name: str) -> str:
    with storage.open(name, "rb") as handle:
        return sha256_handle(handle)


@dataclass
class BackupResult:
    path: Path
    manifest: dict


def backup_create(*, output: Path, using: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Writes the archive to `output` (atomically: a half-written archive never has its name)."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    connection = connections[using]
    with tempfile.TemporaryDirectory(prefix="jastarurban-backup-") as workdir:
        dump = Path(workdir) / DATA_NAME
        # One snapshot: counts and dump see the same rows even while the portal is in use.
        outermost = not connection.in_atomic_block
        with transaction.atomic(using=using):
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            counts = row_counts(using)
            call_command(
                "dumpdata",
                *(label(model) for model in dumped_models()),
                natural_foreign=True,
                database=using,
                output=str(dump),
                format="json",
                verbosity=0,
            )
            migrations = applied_migrations(using)
        files = {}
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname=DATA_NAME)
            for name in media_files(default_storage):
                info = tarfile.TarInfo(MEDIA_PREFIX + name)
                info.size = default_storage.size(name)
                info.mtime = int(timezone.now().timestamp())
                info.mode = 0o640
                with default_storage.open(name, "rb") as handle:
                    reader = _HashingReader(handle)
                    archive.addfile(info, reader)
                files[name] = {"sha256": reader.digest.hexdigest(), "size": info.size}
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "version": portal_version(),
                "database_vendor": connection.vendor,
                "migrations": migrations,
                "excluded_models": EXCLUDED,
                "counts": counts,
                "data": {"name": DATA_NAME, "sha256": sha256_file(dump)},
                "media": files,
            }
            body = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST_NAME)
            info.size = len(body)
            info.mtime = int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(body))
    os.replace(partial, output)
    return BackupResult(path=output, manifest=manifest)


# --- restore -------------------------------------------------------------------------


@dataclass
class RestoreResult:
    counts: dict[str, int]
    files: int
    bytes: int
    flushed: bool
    problems: list[str] = field(default_factory=list)


def _safe_media_name(name: str) -> str:
    relative = PurePosixPath(name[len(MEDIA_PREFIX) :])
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise BackupError(f"unsafe path in the archive: {name}")
    return relative.as_posix()


def archive_unpack(*, archive_path: Path, into: Path) -> dict:
    """Unpacks into `into` and checks every byte against the manifest; returns the manifest.

    Nothing outside `into` is touched, so a damaged archive is refused before the
    database or the media folder change.
    """
    problems = []
    seen = {}
    data_sha = None
    manifest = None
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            for member in archive:
                if member.name == MANIFEST_NAME:
                    manifest = json.load(archive.extractfile(member))
                    continue
                if not member.isfile():
                    raise BackupError(f"unexpected entry in the archive: {member.name}")
                if member.name == DATA_NAME:
                    target = into / DATA_NAME
                elif member.name.startswith(MEDIA_PREFIX):
                    target = into / "media" / _safe_media_name(member.name)
                else:
                    raise BackupError(f"unexpected entry in the archive: {member.name}")
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                source = archive.extractfile(member)
                with open(target, "wb") as handle:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        handle.write(chunk)
                if member.name == DATA_NAME:
                    data_sha = digest.hexdigest()
                else:
                    seen[_safe_media_name(member.name)] = digest.hexdigest()
    except (OSError, EOFError, tarfile.TarError, ValueError) as error:
        raise BackupError(f"the archive is damaged or not a .tar.gz: {error}") from error
    if manifest is None:
        raise BackupError("the archive has no manifest.json")
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown archive format {manifest.get('format')!r}")
    if data_sha is None:
        problems.append("data.json is missing")
    elif data_sha != manifest["data"]["sha256"]:
        problems.append("data.json does not match its SHA-256 in the manifest")
    expected = {name: entry["sha256"] for name, entry in manifest["media"].items()}
    for name in sorted(expected.keys() - seen.keys()):
        problems.append(f"media file missing from the archive: {name}")
    for name in sorted(seen.keys() - expected.keys()):
        problems.append(f"media file not in the manifest: {name}")
    for name in sorted(expected.keys() & seen.keys()):
        if expected[name] != seen[name]:
            problems.append(f"media file does not match its SHA-256: {name}")
    if problems:
        raise BackupError("the archive fails its checksums:\n  " + "\n  ".join(problems))
    return manifest


def _renamed_key(key: list) -> list:
    """A content type's natural key [app, model] or a permission's [codename, app, model]
    under today's names."""
    old = ".".join(key[-2:])
    if old not in RENAMED_MODELS:
        return key
    new = RENAMED_MODELS[old]
    if len(key) == 2:
        return new.split(".")
    action, _sep, model = key[0].partition("_")
    codename = f"{action}_{new.split('.')[1]}" if model == key[2] else key[0]
    return [codename, *new.split(".")]


def _is_key(value, length: int) -> bool:
    return (
        isinstance(value, list)
        and len(value) == length
        and all(isinstance(part, str) for part in value)
    )


def archive_relabel(*, data_path: Path, manifest: dict) -> dict:
    """Rewrites an archive's data.json (and its manifest's counts) from models' old labels
    to today's; an archive with nothing renamed in it is left as it is."""
    with open(data_path, encoding="utf-8") as handle:
        rows = json.load(handle)
    changed = False
    for row in rows:
        if row["model"] in RENAMED_MODELS:
            row["model"] = RENAMED_MODELS[row["model"]]
            changed = True
        try:
            model = apps.get_model(row["model"])
        except LookupError:
            continue  # loaddata names it
        for model_field in model._meta.get_fields():
            if model_field.name not in row["fields"] or model_field.related_model is None:
                continue
            target = model_field.related_model._meta.label_lower
            value = row["fields"][model_field.name]
            if target == "contenttypes.contenttype" and _is_key(value, 2):
                new = _renamed_key(value)
            elif (
                target == "auth.permission" and model_field.many_to_many and isinstance(value, list)
            ):
                new = [_renamed_key(key) if _is_key(key, 3) else key for key in value]
            elif target == "auth.permission" and _is_key(value, 3):
                new = _renamed_key(value)
            else:
                continue
            if new != value:
                row["fields"][model_field.name] = new
                changed = True
    if not changed:
        return manifest
    with open(data_path, "w", encoding="utf-8") as handle:
        json.dump(rows, handle, ensure_ascii=False)
    counts = {RENAMED_MODELS.get(name, name): count for name, count in manifest["counts"].items()}
    return manifest | {"counts": dict(sorted(counts.items()))}


def pending_migrations(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def database_is_empty(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Empty means nobody has used it: no accounts. Everything the portal holds is made by
    someone with an account; a freshly migrated database has only reference rows that
    migrations made (places, role groups), which the dump brings back with the same keys."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return not user_model._base_manager.using(using).exists()


def backup_restore(
    *,
    archive_path: Path,
    force: bool = False,
    using: str = DEFAULT_DB_ALIAS,
    log: Callable[[str], None] = lambda _message: None,
) -> RestoreResult:
    pending = pending_migrations(using)
    if pending:
        raise BackupError(
            f"the database is not migrated ({len(pending)} migrations pending, e.g. "
            f"{pending[0]}): run `manage.py migrate` first"
        )
    if not force and not database_is_empty(using):
        raise BackupError(
            "the database is not empty (it has user accounts): restore only into a new, "
            "migrated database, or pass --force to wipe this one first"
        )
    with tempfile.TemporaryDirectory(prefix="jastarurban-restore-") as workdir:
        staging = Path(workdir)
        log("Checking the archive…")
        manifest = archive_unpack(archive_path=Path(archive_path), into=staging)
        # After the checksums: an archive from before a model moved is read as today's.
        manifest = archive_relabel(data_path=staging / DATA_NAME, manifest=manifest)
        unknown = sorted(set(manifest["migrations"]) - set(applied_migrations(using)))
        if unknown:
            raise BackupError(
                "the archive comes from a newer portal: migrations not applied here: "
                + ", ".join(unknown[:5])
            )
        placed: list[str] = []
        try:
            # Loading rows is not a change anyone made: the audit log comes from the archive.
            with transaction.atomic(using=using), disable_auditlog():
                if force:
                    log("Emptying the database (--force)…")
                    call_command("flush", interactive=False, database=using, verbosity=0)
                for model_label in REPLACED_ON_RESTORE:
                    apps.get_model(model_label)._base_manager.using(using).all().delete()
                log("Loading the data…")
                call_command("loaddata", str(staging / DATA_NAME), database=using, verbosity=0)
                counts = row_counts(using)
                problems = [
                    f"{name}: {counts.get(name)} rows, the archive has {expected}"
                    for name, expected in manifest["counts"].items()
                    if counts.get(name) != expected
                ]
                log("Placing the media files…")
                size = 0
                for name, entry in manifest["media"].items():
                    if default_storage.exists(name):
                        default_storage.delete(name)  # the archive's copy replaces it
                    else:
                        placed.append(name)
                    with open(staging / "media" / name, "rb") as source:
                        saved = default_storage.save(name, File(source))
                    if saved != name:
                        placed.append(saved)
                        problems.append(f"media file stored under another name: {name}")
                    elif sha256_stored(default_storage, name) != entry["sha256"]:
                        problems.append(f"media file differs after restore: {name}")
                    size += entry["size"]
                if problems:
                    raise BackupError(
                        "the restored copy differs from the archive:\n  " + "\n  ".join(problems)
                    )
        except Exception:
            for name in placed:
                default_storage.delete(name)
            raise
    return RestoreResult(counts=counts, files=len(manifest["media"]), bytes=size, flushed=force)
