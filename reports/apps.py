from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports and indicators")

    def ready(self) -> None:
        from reports import checks  # noqa: F401  (registers the system checks)
        from reports.indicators import activities, sources
        from reports.indicators.registry import sources_register

        sources_register(sources, activities)
