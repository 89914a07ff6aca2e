import json
import os
import platform
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.utils.module_loading import import_string

from accounts.models import User
from competitions.models import Competition, District
from exhibition.models import Exhibition
from ops.scale.measure import time_build, time_build_in_process, time_page
from ops.scale.seed import SCALE_SLUG

STAFF = "coordinator@demo.jastarurban.kz"

# Targets from the issue: at 10 000 applications on a 2-core machine.
MAX_QUERIES, MAX_MEDIAN_MS, MAX_BUILD_S, MAX_PEAK_MB = 15, 150, 10, 300


def pages(competition: Competition) -> list[tuple[str, str, str | None]]:
    """(name, url, who) for every key page; who is an e-mail or None for a visitor."""
    district = District.objects.order_by("pk").first()
    exhibition = Exhibition.objects.order_by("pk").values_list("slug", flat=True).first()
    return [
        ("floor: trivial view", "/bench/floor/", None),
        ("public call", f"/competitions/{competition.slug}/", None),
        ("applicant home", "/applications/", "applicant1@scale.jastarurban.kz"),
        ("staff list, no filter", "/applications/staff/", STAFF),
        (
            "staff list with filters",
            f"/applications/staff/?competition={competition.pk}&status=eligible"
            f"&district={district.pk}&search=а",
            STAFF,
        ),
        ("expert queue", "/reviews/", "expert1@scale.jastarurban.kz"),
        ("ranking and decision", f"/reviews/ranking/{competition.slug}/", STAFF),
        ("grantee projects", "/mentoring/projects/", STAFF),
        ("project budget", "/projects/jastarurban/budget/", STAFF),
        ("media campaign", "/media/", STAFF),
        ("posts", "/media/posts/", STAFF),
        ("exhibition participants", f"/exhibition/manage/{exhibition}/participants/", STAFF),
        ("indicators dashboard", "/reports/dashboard/", STAFF),
        ("budget execution", "/reports/budget/", STAFF),
    ]


class Command(BaseCommand):
    help = "Times the key pages and file builds on the scale data; writes bench/results.json."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument("--output", default="bench/results.json")
        parser.add_argument("--label", default="", help="e.g. sqlite or postgresql")
        parser.add_argument(
            "--in-process",
            action="store_true",
            help="Build the files in this process (tests); peak memory is then Python's only.",
        )

    def handle(self, *args, runs: int, output: str, label: str, in_process: bool, **options):
        competition = Competition.objects.filter(slug=SCALE_SLUG).first()
        if competition is None:
            raise CommandError("No scale data here: run `manage.py seed_scale` first.")
        applications = competition.applications.count()
        results = []
        with override_settings(ROOT_URLCONF="ops.bench_urls"):
            clients: dict[str | None, Client] = {}
            for name, url, who in pages(competition):
                client = clients.get(who)
                if client is None:
                    client = clients[who] = Client()
                    if who:
                        client.force_login(User.objects.get(email=who))
                self.stderr.write(f"  {name} …")
                results.append(time_page(client, name, url, runs=runs))
        floor = results[0].median_ms
        for result in results[1:]:
            result.ratio_to_floor = round(result.median_ms / floor, 1) if floor else None
        builds = []
        for name, path, kwargs in settings.BENCH_BUILDS:
            self.stderr.write(f"  {name} …")
            measure = time_build_in_process if in_process else time_build
            builds.append(
                measure(name, lambda path=path, kwargs=kwargs: import_string(path)(**kwargs))
            )
        report = {
            "label": label or connection.vendor,
            "database": connection.vendor,
            "applications": applications,
            "runs": runs,
            "measured_at": datetime.now().isoformat(timespec="seconds"),
            "machine": {
                "cpus": os.cpu_count(),
                "platform": platform.platform(),
                "python": platform.python_version(),
            },
            "targets": {
                "queries": MAX_QUERIES,
                "median_ms": MAX_MEDIAN_MS,
                "build_s": MAX_BUILD_S,
                "peak_mb": MAX_PEAK_MB,
            },
            "pages": [result.as_dict() for result in results],
            "builds": [build.as_dict() for build in builds],
        }
        self._save(Path(output), report)
        self._print(report)

    def _save(self, path: Path, report: dict) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        runs = json.loads(path.read_text()) if path.exists() else {}
        runs[report["label"]] = report
        path.write_text(json.dumps(runs, ensure_ascii=False, indent=1))

    def _print(self, report: dict) -> None:
        out = self.stdout
        out.write(
            f"\n{report['label']}: {report['applications']} applications, "
            f"{report['runs']} runs per page, {report['machine']['cpus']} CPUs\n"
        )
        out.write(
            "| page | queries | median ms | p95 ms | × floor | status |\n|---|---|---|---|---|---|"
        )
        for page in report["pages"]:
            ok = page["queries"] <= MAX_QUERIES and page["median_ms"] <= MAX_MEDIAN_MS
            mark = "" if ok or page["name"].startswith("floor") else " ✗"
            out.write(
                f"| {page['name']} | {page['queries']} | {page['median_ms']} | {page['p95_ms']} "
                f"| {page['ratio_to_floor'] or ''} | {page['status']}{mark} |"
            )
        if report["builds"]:
            out.write(
                "\n| file | seconds | peak MB | MB at start | size KB |\n|---|---|---|---|---|"
            )
            for build in report["builds"]:
                ok = build["seconds"] <= MAX_BUILD_S and build["peak_mb"] <= MAX_PEAK_MB
                out.write(
                    f"| {build['name']} | {build['seconds']} | {build['peak_mb']} "
                    f"| {build['start_mb'] or ''} | {build['size_kb']}{'' if ok else ' ✗'} |"
                )
