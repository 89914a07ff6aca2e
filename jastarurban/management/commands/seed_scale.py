import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from jastarurban.scale.seed import Sizes, seed_scale


class Command(BaseCommand):
    help = "Fills an empty database with the demo plus synthetic data at scale, for `make bench`."

    def add_arguments(self, parser):
        defaults = Sizes()
        for name in ("applications", "experts", "grantees", "posts", "participants"):
            parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
        parser.add_argument(
            "--reviews-per-application", type=int, default=defaults.reviews_per_application
        )

    def handle(self, *args, **options):
        sizes = Sizes(
            applications=options["applications"],
            experts=options["experts"],
            reviews_per_application=options["reviews_per_application"],
            grantees=options["grantees"],
            posts=options["posts"],
            participants=options["participants"],
        )
        started = time.perf_counter()
        try:
            seeded = seed_scale(sizes)
        except ValueError as error:
            raise CommandError(str(error)) from None
        counts = ", ".join(f"{name} {count}" for name, count in seeded.counts.items())
        self.stdout.write(
            f"Seeded {connection.vendor} in {time.perf_counter() - started:.0f} s: {counts}"
        )
