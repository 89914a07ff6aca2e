from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import app_code


class Command(BaseCommand):
    help = (
        "Prints the code a login's authenticator app shows now, so the demo can be tried "
        "without a phone. Development only (DEBUG on)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        if not settings.DEBUG:
            raise CommandError("DEBUG is off: codes are for the demo on a laptop only.")
        device = (
            TOTPDevice.objects.filter(user__email__iexact=email, confirmed=True)
            .order_by("pk")
            .first()
        )
        if device is None:
            raise CommandError(f"{email} has no authenticator app set up.")
        self.stdout.write(app_code(device))
