import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.utils.module_loading import import_string
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from accounts.two_factor import requires_two_factor
from applications.models import Application
from competitions.models import Competition, District
from demo.scale.measure import time_build, time_build_in_process, time_page
from demo.scale.seed import SCALE_SLUG
from exhibition.models import Exhibition
from mentoring.models import GranteeProject
from projects.models import Indicator
from reviews.models import Assignment, Review
from reviews.services import review_reopen, review_submit
from reviews.tasks import refresh_ranking

STAFF = "coordinator@demo.jastarurban.kz"
OPERATOR = "operator@demo.jastarurban.kz"
LAST = "page=999999"  # past the end: the paginator answers with the last page

# Targets from issue 16: at 30 000 applications on a 2-core machine, cold and warm.
MAX_QUERIES, MAX_MEDIAN_MS, MAX_BUILD_S, MAX_PEAK_MB = 15, 150, 5, 250
# Measured and shown without a target: what the first view after a change costs.
AFTER_A_REVIEW = "ranking right after a submitted review"


def pages(competition: Competition) -> list[tuple[str, str, str | None]]:
    """(name, url, who) for every key page; who is an e-mail or None for a visitor."""
    district = District.objects.order_by("pk").first()
    exhibition = Exhibition.objects.order_by("pk").values_list("slug", flat=True).first()
    scale = competition.applications
    eligible = scale.filter(status=Application.Status.ELIGIBLE)
    # One of the first expert's submitted reviews: the page then shows the others' reviews.
    reviewed = (
        Assignment.objects.filter(
            member__competition=competition,
            review__status=Review.Status.SUBMITTED,
            member__expert__email="expert1@scale.jastarurban.kz",
        )
        .order_by("pk")
        .values_list("application_id", flat=True)
        .first()
    )
    draft = scale.filter(status=Application.Status.DRAFT).select_related("applicant").first()
    staff_application = eligible.order_by("pk").values_list("pk", flat=True).first()
    village = eligible.order_by("pk").values_list("village_id", flat=True).first()
    project = (
        GranteeProject.objects.filter(application__competition=competition)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    # The public results: of the scale call once published, else of the demo's call.
    published = (
        Competition.objects.filter(results_published_at__isnull=False)
        .order_by("-pk")
        .values_list("slug", flat=True)
        .first()
    )
    indicator = Indicator.objects.order_by("pk").values_list("code", flat=True).first()
    staff_list = "/applications/staff/"
    listed = [
        ("floor: trivial view", "/bench/floor/", None),
        ("public call", f"/competitions/{competition.slug}/", None),
        ("applicant home", "/applications/", "applicant1@scale.jastarurban.kz"),
        (
            "applicant's edit form, a draft",
            f"/applications/{draft.pk}/edit/",
            draft.applicant.email,
        ),
        ("staff list, no filter", staff_list, STAFF),
        ("staff list, last page", f"{staff_list}?{LAST}", STAFF),
        ("staff list: competition", f"{staff_list}?competition={competition.pk}", STAFF),
        ("staff list: status", f"{staff_list}?status=eligible", STAFF),
        ("staff list: district", f"{staff_list}?district={district.pk}", STAFF),
        ("staff list: village", f"{staff_list}?village={village}", STAFF),
        (
            "staff list: submitted between",
            f"{staff_list}?submitted_after=2025-01-01&submitted_before=2025-12-31",
            STAFF,
        ),
        ("staff list: team size", f"{staff_list}?team_size=3", STAFF),
        ("staff list: requested", f"{staff_list}?requested_min=100000&requested_max=900000", STAFF),
        ("staff list: title contains", f"{staff_list}?search=жол", STAFF),
        (
            "staff list: every filter",
            f"{staff_list}?competition={competition.pk}&status=eligible&district={district.pk}"
            "&team_size=3&requested_min=100000&search=а",
            STAFF,
        ),
        ("staff application page", f"/applications/{staff_application}/", STAFF),
        ("expert queue", "/reviews/", "expert1@scale.jastarurban.kz"),
        ("expert queue, last page", f"/reviews/?{LAST}", "expert1@scale.jastarurban.kz"),
        (
            "expert's review page with others' reviews",
            f"/reviews/applications/{reviewed}/",
            "expert1@scale.jastarurban.kz",
        ),
        ("commission with conflict flags", f"/reviews/commission/{competition.slug}/", STAFF),
        ("ranking and decision", f"/reviews/ranking/{competition.slug}/", STAFF),
        ("ranking, last page", f"/reviews/ranking/{competition.slug}/?{LAST}", STAFF),
        ("grantee projects", "/mentoring/projects/", STAFF),
        ("grantee projects, last page", f"/mentoring/projects/?{LAST}", STAFF),
        # With more than one grant project the two above measure the chooser; the list itself:
        ("grantee list", f"/projects/{competition.project.slug}/grantees/", STAFF),
        (
            "grantee list, last page",
            f"/projects/{competition.project.slug}/grantees/?{LAST}",
            STAFF,
        ),
        ("mentoring project page", f"/mentoring/projects/{project}/", STAFF),
        ("project budget", "/projects/jastarurban/budget/", STAFF),
        ("media campaign", "/projects/jastarurban/media/", STAFF),
        ("posts", "/projects/jastarurban/media/posts/", STAFF),
        ("posts, last page", f"/projects/jastarurban/media/posts/?{LAST}", STAFF),
        ("exhibition participants", f"/exhibition/manage/{exhibition}/participants/", STAFF),
        ("audit log, last page", f"/audit/?{LAST}", STAFF),
        ("indicators dashboard", "/projects/jastarurban/reports/dashboard/", STAFF),
        ("budget execution", "/projects/jastarurban/reports/budget/", STAFF),
        ("API: indicators", "/api/v1/projects/jastarurban/indicators/", OPERATOR),
        (
            "API: indicator snapshots",
            f"/api/v1/projects/jastarurban/indicators/{indicator}/snapshots/",
            OPERATOR,
        ),
        ("API: budget", "/api/v1/projects/jastarurban/budget/", OPERATOR),
        ("API: competitions", "/api/v1/projects/jastarurban/competitions/", OPERATOR),
        ("API: schema", "/api/v1/schema/", OPERATOR),
    ]
    if published:
        listed += [
            ("public results (demo call)", f"/reviews/results/{published}/", None),
            (
                "API: results (demo call)",
                f"/api/v1/projects/jastarurban/competitions/{published}/results/",
                OPERATOR,
            ),
        ]
    return listed


def review_resubmitted(competition: Competition):
    """A change before each request: one submitted review reopened and submitted again
    with its own scores (the ranking's version changes, its figures do not), as GAMO and
    the expert do through the services. The task that would compute the order on commit is
    held back, as if the worker had not reached it yet: the request then computes it, which
    is what the first view after a review costs at worst."""
    review = (
        Review.objects.filter(
            assignment__application__competition=competition, status=Review.Status.SUBMITTED
        )
        .select_related("assignment__member__competition", "assignment__application")
        .order_by("pk")
        .first()
    )
    staff = User.objects.get(email=STAFF)
    scores = {
        score.criterion_id: (score.score, score.justification) for score in review.scores.all()
    }

    def change() -> None:
        with mock.patch.object(refresh_ranking, "delay"):
            review_reopen(review=review, by=staff, reason="bench: the same scores again")
            review_submit(assignment=review.assignment, scores=scores, comment=review.comment)

    return change


def signed_in(email: str | None) -> Client:
    """A client signed in as `email`, past the second step where the role needs one (as if
    the person had typed their app's code): otherwise staff and experts only see that step."""
    client = Client()
    if email is None:
        return client
    user = User.objects.get(email=email)
    client.force_login(user)
    if requires_two_factor(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


# The files it times, as (name, builder, keyword arguments).
BUILDS = [
    ("XLSX of all applications", "reports.builders.build_report",
     {"kind": "applications", "format": "xlsx"}),
    ("final report, PDF", "reports.builders.build_report", {"kind": "final", "format": "pdf"}),
    ("final report, XLSX", "reports.builders.build_report", {"kind": "final", "format": "xlsx"}),
]  # fmt: skip


class Command(BaseCommand):
    help = "Times the key pages and file builds on the scale data; writes bench/results.json."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="warm runs per page")
        parser.add_argument("--cold-runs", type=int, default=5, help="cold runs per page")
        parser.add_argument(
            "--warmup", type=int, default=2, help="untimed requests before the warm runs"
        )
        parser.add_argument(
            "--only", default="", help="only pages and files whose name contains this"
        )
        parser.add_argument("--output", default="bench/results.json")
        parser.add_argument("--label", default="", help="e.g. sqlite or postgresql")
        parser.add_argument(
            "--in-process",
            action="store_true",
            help="Build the files in this process (tests); the peak memory is then this "
            "process's, what it held before included.",
        )

    def handle(
        self,
        *args,
        runs: int,
        cold_runs: int,
        warmup: int,
        only: str,
        output: str,
        label: str,
        in_process: bool,
        **options,
    ):
        competition = Competition.objects.filter(slug=SCALE_SLUG).first()
        if competition is None:
            raise CommandError("No scale data here: run `manage.py seed_scale` first.")
        applications = competition.applications.count()
        load_at_start = [round(value, 2) for value in os.getloadavg()]
        results = []
        with override_settings(ROOT_URLCONF="demo.bench_urls"):
            clients: dict[str | None, Client] = {}
            for name, url, who in pages(competition):
                if only and only not in name and not name.startswith("floor"):
                    continue
                client = clients.get(who)
                if client is None:
                    client = clients[who] = signed_in(who)
                self.stderr.write(f"  {name} …")
                results.append(
                    time_page(client, name, url, runs=runs, cold_runs=cold_runs, warmup=warmup)
                )
            if not only or only in AFTER_A_REVIEW:
                self.stderr.write(f"  {AFTER_A_REVIEW} …")
                results.append(
                    time_page(
                        clients.get(STAFF) or signed_in(STAFF),
                        AFTER_A_REVIEW,
                        f"/reviews/ranking/{competition.slug}/",
                        runs=runs,
                        cold_runs=cold_runs,
                        warmup=warmup,
                        before=review_resubmitted(competition),
                    )
                )
        floor = results[0].median_ms
        for result in results[1:]:
            result.ratio_to_floor = round(result.median_ms / floor, 1) if floor else None
        builds = []
        for name, path, kwargs in BUILDS:
            if only and only not in name:
                continue
            self.stderr.write(f"  {name} …")
            # The files of the scale call's own project (reports are per project).
            if in_process:
                build = time_build_in_process(
                    name,
                    lambda path=path, kwargs=kwargs: import_string(path)(
                        project=competition.project, **kwargs
                    ),
                )
            else:
                build = time_build(name, path, kwargs, competition.project_id)
            builds.append(build)
        report = {
            "label": label or connection.vendor,
            "database": connection.vendor,
            "applications": applications,
            "runs": runs,
            "cold_runs": cold_runs,
            "warmup": warmup,
            # 1, 5 and 15 minutes, at the start and at the end: the machine may be shared.
            "load_average": {
                "start": load_at_start,
                "end": [round(value, 2) for value in os.getloadavg()],
            },
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
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
            "| page | queries cold / warm | cold median ms | cold p95 ms "
            "| warm median ms | warm p95 ms | status |\n|---|---:|---:|---:|---:|---:|---|"
        )
        for page in report["pages"]:
            ok = (
                max(page["queries"], page["cold_queries"]) <= MAX_QUERIES
                and max(page["median_ms"], page["cold_median_ms"]) <= MAX_MEDIAN_MS
            )
            ok = ok and page["status"] == page["cold_status"] == 200
            untargeted = page["name"].startswith("floor") or page["name"] == AFTER_A_REVIEW
            mark = "" if ok or untargeted else " ✗"
            out.write(
                f"| {page['name']} | {page['cold_queries']} / {page['queries']} "
                f"| {page['cold_median_ms']} | {page['cold_p95_ms']} "
                f"| {page['median_ms']} | {page['p95_ms']} | {page['status']}{mark} |"
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
