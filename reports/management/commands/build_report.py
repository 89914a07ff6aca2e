"""Builds an operator report from the command line, e.g. for a scheduled job:

python manage.py build_report interim --project jastarurban --format pdf \
    --output report.pdf --language ru
"""

import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from competitions.models import GrantProject
from reports.builders import build_report
from reports.models import ReportFile


class Command(BaseCommand):
    help = "Builds an operator report (PDF or XLSX) and writes it to a file."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=ReportFile.Kind.values)
        parser.add_argument("--project", required=True, help="The project's short address.")
        parser.add_argument("--format", choices=ReportFile.Format.values, required=True)
        parser.add_argument("--output", required=True, type=Path)
        parser.add_argument(
            "--language", choices=ReportFile.Language.values, default=ReportFile.Language.KK
        )

    def handle(self, *args, kind, project, format, output, language, **options):
        grant_project = GrantProject.objects.filter(slug=project).first()
        if grant_project is None:
            raise CommandError(f"No project with the short address {project!r}.")
        try:
            content = build_report(kind, format, language, project=grant_project)
        except Exception as error:
            raise CommandError(f"{type(error).__name__}: {error}") from error
        # Written next to the target and renamed, so a failure never leaves half a file.
        partial = output.with_name(output.name + ".part")
        partial.write_bytes(content)
        partial.replace(output)
        self.stdout.write(
            f"{output} {len(content)} bytes sha256 {hashlib.sha256(content).hexdigest()}"
        )
