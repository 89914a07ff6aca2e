from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restores an archive written by `manage.py backup` into an empty, migrated database: "
        "checks every checksum first, loads all rows in one transaction, places the media "
        "files, then checks the row counts and the files again. Any difference fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz written by `manage.py backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Restore into a database that is in use: every row in it is deleted first "
                "(as `manage.py flush` does, in the same transaction as the load), and media "
                "files with the archive's names are overwritten; other media files stay. "
                "Stop the web and Celery processes first: the wipe gives content types new "
                "ids, which a running process still holds in memory."
            ),
        )

    def handle(self, *args, archive: str, force: bool = False, **options):
        if not Path(archive).is_file():
            raise CommandError(f"No such archive: {archive}")
        try:
            result = backup_restore(
                archive_path=Path(archive), force=force, log=lambda line: self.stdout.write(line)
            )
        except BackupError as error:
            message = f"Restore refused or failed; the database is unchanged: {error}"
            raise CommandError(message) from error
        rows = sum(result.counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {rows} rows of {len(result.counts)} tables and {result.files} media "
                f"files ({result.bytes} bytes); counts and checksums match the archive."
            )
        )
        if result.flushed:
            self.stdout.write(
                "Content types were made again under new ids: start (or restart) the web and "
                "Celery processes now, so that none writes audit entries under the old ids."
            )
        if options["verbosity"] > 1:
            for name, count in result.counts.items():
                self.stdout.write(f"  {name:<45} {count:>8}")
