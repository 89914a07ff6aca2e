from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports and indicators")

    def ready(self) -> None:
        # Registers the system checks; importing the indicators package fills the registry.
        from reports import checks  # noqa: F401
