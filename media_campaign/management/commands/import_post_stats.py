"""Imports a platform's analytics export from the command line (same rules as the page)."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from media_campaign.importers import IMPORTERS, ImportRefused
from media_campaign.services import snapshots_import
from projects.models import GrantProject


class Command(BaseCommand):
    help = "Import post figures from a CSV export; nothing is imported if a row is wrong."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--platform", choices=sorted(IMPORTERS), default="generic")
        parser.add_argument("--project", default="jastarurban", help="the project's slug")
        parser.add_argument(
            "--date", type=date.fromisoformat, help="export day (YYYY-MM-DD) for undated rows"
        )

    def handle(self, *args, file: Path, platform: str, project: str, date, **options):
        try:
            grant_project = GrantProject.objects.get(slug=project)
        except GrantProject.DoesNotExist:
            raise CommandError(f"No project {project!r}") from None
        try:
            result = snapshots_import(
                project=grant_project,
                content=file.read_bytes(),
                platform=platform,
                taken_on=date,
            )
        except ImportRefused as refused:
            raise CommandError("\n".join(refused.errors)) from None
        self.stdout.write(f"{result['created']} created, {result['updated']} updated")
