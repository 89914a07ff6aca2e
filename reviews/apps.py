from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Expert reviews")

    def ready(self):
        from django.db.backends.signals import connection_created

        from reviews.conflicts import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="reviews_sqlite")
