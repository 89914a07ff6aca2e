from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: backup and restore. No models."""

    name = "ops"
    verbose_name = "Operations"
