from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import loadplan
from demo.loadseed import load_seed, plan_write


class Command(BaseCommand):
    help = (
        "Prepares a database for `make loadtest`: the demo, N applicants with profiles at the "
        "open call (closing in an hour), and 5 experts with a queue in a second call. Writes "
        "the plan the Locust script follows. Creates only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--applicants", type=int, default=100)
        parser.add_argument("--experts", type=int, default=5)
        parser.add_argument(
            "--reviewed", type=int, default=10, help="Applications each expert scores"
        )
        parser.add_argument("--plan", default=str(loadplan.PLAN_PATH), help="Where to write it")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off (the accounts share a published password).",
        )

    def handle(self, *args, applicants, experts, reviewed, plan, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: the load test creates logins with a published password. "
                "Use --force on a throwaway database."
            )
        if applicants < 1 or experts < 1 or reviewed < 1:
            raise CommandError("Give at least one applicant, one expert and one application.")
        result = load_seed(
            applicants=applicants,
            experts=experts,
            reviewed=reviewed,
            closes_in=timedelta(hours=1),
        )
        plan_write(result, Path(plan))
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {applicants} applicants for {result['open_call']['slug']} and "
                f"{experts} experts × {reviewed} applications in {result['review_call']['slug']}; "
                f"plan in {plan}."
            )
        )
