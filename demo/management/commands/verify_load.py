import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from demo import loadplan
from demo.loadseed import load_verify


class Command(BaseCommand):
    help = (
        "After `make loadtest`: checks in the database that every applicant submitted exactly "
        "once, registration numbers run without gaps or duplicates, and no draft text was lost."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", default=str(loadplan.PLAN_PATH))
        parser.add_argument(
            "--sent", help="JSON the Locust script wrote: each applicant's last autosaved text"
        )
        parser.add_argument("--json", dest="json_path", help="Also write the verdict here")

    def handle(self, *args, plan, sent=None, json_path=None, **options):
        plan_data = loadplan.plan_read(Path(plan))
        sent_data = None
        if sent and Path(sent).exists():
            sent_data = json.loads(Path(sent).read_text(encoding="utf-8"))
        verdict = load_verify(plan=plan_data, sent=sent_data)
        for check in verdict.checks:
            mark = self.style.SUCCESS("PASS") if check.ok else self.style.ERROR("FAIL")
            self.stdout.write(f"  {mark}  {check.name}: {check.detail}")
        if json_path:
            Path(json_path).write_text(json.dumps(verdict.as_dict(), ensure_ascii=False, indent=1))
        if not verdict.ok:
            raise CommandError("The database does not show what the load test did.")
        self.stdout.write(self.style.SUCCESS("Verified: the database shows every submission."))
