from base64 import b32encode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.two_factor import requires_two_factor, totp_device_set
from demo.app_keys import demo_app_key
from demo.loader import DEMO_PASSWORD, load_demo


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
        self.stdout.write(
            "Two-factor sign-in: every login but the applicant's has an authenticator app "
            "set up with the key below. Add it to an app (or open the otpauth:// link on the "
            "phone), or print the current code with `python manage.py demo_code EMAIL`."
        )
        for demo in users:
            user = User.objects.get(email__iexact=demo.email)
            if not requires_two_factor(user):
                continue
            device = totp_device_set(user=user, key=demo_app_key(user.email))
            secret = b32encode(device.bin_key).decode()
            self.stdout.write(f"  {user.email:<36} {secret}")
            self.stdout.write(f"    {device.config_url}")
