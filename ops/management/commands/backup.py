from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import EXCLUDED, BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Writes one .tar.gz with every model's rows (JSON), every media file and a manifest "
        "of row counts and SHA-256 checksums. Restore it with `manage.py restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="Archive to write, e.g. backup.tar.gz")

    def handle(self, *args, output: str, **options):
        try:
            result = backup_create(output=Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = result.manifest
        rows = sum(manifest["counts"].values())
        size = sum(entry["size"] for entry in manifest["media"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {result.path}: {rows} rows of "
                f"{len(manifest['counts'])} tables, {len(manifest['media'])} media files "
                f"({size} bytes)."
            )
        )
        if options["verbosity"] > 1:
            for name, count in manifest["counts"].items():
                self.stdout.write(f"  {name:<45} {count:>8}")
            for name, reason in EXCLUDED.items():
                self.stdout.write(f"  not dumped: {name} ({reason})")
