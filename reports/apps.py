from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports and indicators")

    def ready(self):
        from django.core import checks

        from reports.checks import report_signing_key

        checks.register(report_signing_key)
