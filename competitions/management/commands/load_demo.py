from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from competitions.demo.loader import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = (
        "Loads the demo: GAMO, the JastarUrban project from the source document (tasks, "
        "calendar plan, budget, indicators), the open competition and one login per role. "
        "Creates only what is missing, so it can run any number of times."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DEBUG off (the demo logins share a published password).",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: the demo creates logins with a published password. "
                "Use --force if this really is a demo server."
            )
        users = load_demo()
        self.stdout.write(
            self.style.SUCCESS(f"Demo data loaded. Logins (password for all: {DEMO_PASSWORD}):")
        )
        shown = set()
        for user in users:
            if user.role in shown:
                continue
            shown.add(user.role)
            self.stdout.write(f"  {user.role.value:<10} {user.email}")
