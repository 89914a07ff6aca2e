from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: backup and restore, and the load test's seed and verifier. No models."""

    name = "ops"
    verbose_name = "Operations"
