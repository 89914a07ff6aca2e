import json

from django.core.management.base import BaseCommand, CommandError

from demo.scale.files import measure_fresh, measure_here
from reports.builders import BUILDERS, PERIOD_BUILDERS

# The targets for every report file at 30 000 applications.
MAX_SECONDS, MAX_PEAK_MB = 5, 250


class Command(BaseCommand):
    help = (
        "Builds each report file (or those named) in a fresh process and prints its time "
        "and peak memory."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="*", help="kind:format, e.g. applications:xlsx (default: every file)"
        )
        parser.add_argument("--language", default="kk")
        parser.add_argument("--project", default="jastarurban", help="The project's short address.")
        parser.add_argument("--json", dest="json_path", help="Also write the results here.")
        parser.add_argument("--child", help="(internal) build this one file here, print JSON")

    def handle(self, *args, files, language, project, json_path, child, **options):
        if child:
            kind, format = child.split(":")
            self.stdout.write(json.dumps(measure_here(kind, format, language, project)))
            return
        every = [*PERIOD_BUILDERS, *BUILDERS]
        wanted = [tuple(name.split(":", 1)) for name in files] or every
        unknown = [":".join(name) for name in wanted if name not in every]
        if unknown:
            known = ", ".join(f"{kind}:{format}" for kind, format in every)
            raise CommandError(f"Unknown file {', '.join(unknown)}; known: {known}")
        results = []
        self.stdout.write(
            "| file | seconds | peak MB | MB at start | size KB |\n|---|---|---|---|---|"
        )
        for kind, format in wanted:
            result = measure_fresh(kind, format, language, project)
            results.append(result)
            if result.error:
                self.stdout.write(f"| {kind}:{format} | — | — | — | {result.error} |")
                continue
            over = result.seconds > MAX_SECONDS or result.peak_mb > MAX_PEAK_MB
            self.stdout.write(
                f"| {kind}:{format} | {result.seconds} | {result.peak_mb} | {result.start_mb} "
                f"| {result.size_kb}{' ✗' if over else ''} |"
            )
        if json_path:
            with open(json_path, "w", encoding="utf-8") as out:
                json.dump([result.as_dict() for result in results], out, indent=1)
