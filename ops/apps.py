from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: backup and restore; the benchmark's and the load test's seeds. No models."""

    name = "ops"
    verbose_name = "Operations"
