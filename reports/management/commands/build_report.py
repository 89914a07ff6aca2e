"""Builds an operator report from the command line, e.g. for a scheduled job:

python manage.py build_report interim --project jastarurban --format pdf \
    --output report.pdf --language ru --from 01.07.2025 --to 30.09.2025

An interim report without ``--from``/``--to`` covers the project so far.
"""

import argparse
import hashlib
from datetime import date, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from projects.models import GrantProject
from reports.builders import build_report
from reports.models import ReportFile
from reports.periods import Period, period_errors


def _day(text: str) -> date:
    try:
        return datetime.strptime(text, "%d.%m.%Y").date()
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as dd.mm.yyyy") from error


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
        parser.add_argument("--from", dest="start", type=_day, help="dd.mm.yyyy (interim)")
        parser.add_argument("--to", dest="end", type=_day, help="dd.mm.yyyy (interim)")

    def handle(self, *args, kind, project, format, output, language, start, end, **options):
        grant_project = GrantProject.objects.filter(slug=project).first()
        if grant_project is None:
            raise CommandError(f"No project with the short address {project!r}.")
        period = None
        if start or end:
            if kind != ReportFile.Kind.INTERIM:
                raise CommandError("--from and --to are for an interim report.")
            errors = period_errors(grant_project, start, end)
            if errors:
                raise CommandError(" ".join(str(error) for error in errors.values()))
            period = Period(start, end)
        try:
            content = build_report(kind, format, language, project=grant_project, period=period)
        except Exception as error:
            raise CommandError(f"{type(error).__name__}: {error}") from error
        # Written next to the target and renamed, so a failure never leaves half a file.
        partial = output.with_name(output.name + ".part")
        partial.write_bytes(content)
        partial.replace(output)
        self.stdout.write(
            f"{output} {len(content)} bytes sha256 {hashlib.sha256(content).hexdigest()}"
        )
