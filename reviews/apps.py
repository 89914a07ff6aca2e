from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Expert reviews")

    def ready(self):
        from applications.signals import eligibility_changed
        from reviews.services import ranking_changed_for

        # Screening moves applications in and out of the ranking; applications, below
        # reviews, cannot call it (tests/test_import_order.py).
        eligibility_changed.connect(ranking_changed_for, dispatch_uid="reviews.ranking")
