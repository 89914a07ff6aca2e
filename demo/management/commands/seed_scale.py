import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from competitions.models import Competition
from demo.scale.seed import SCALE_SLUG, Sizes, seed_scale


class Command(BaseCommand):
    help = "Fills an empty database with the demo plus synthetic data at scale, for `make bench`."

    def add_arguments(self, parser):
        defaults = Sizes()
        for name in ("applications", "experts"):
            parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
        # None: grow with the applications (see Sizes).
        for name in ("grantees", "posts", "participants"):
            parser.add_argument(f"--{name}", type=int, default=None)
        parser.add_argument(
            "--reviews-per-application", type=int, default=defaults.reviews_per_application
        )
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="Do nothing if this database already holds scale data of the same size.",
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
        existing = Competition.objects.filter(slug=SCALE_SLUG).first()
        if options["reuse"] and existing is not None:
            if existing.applications.count() == sizes.applications:
                self.stdout.write("Scale data of this size is already here; reusing it.")
                return
            raise CommandError("This database holds scale data of another size; use a fresh one.")
        started = time.perf_counter()
        try:
            seeded = seed_scale(sizes)
        except ValueError as error:
            raise CommandError(str(error)) from None
        counts = ", ".join(f"{name} {count}" for name, count in seeded.counts.items())
        self.stdout.write(
            f"Seeded {connection.vendor} in {time.perf_counter() - started:.0f} s: {counts}"
        )
