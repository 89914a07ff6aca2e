from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo and the tools that measure the portal: `load_demo` with the transcribed source
    document, the benchmark's and the load test's seeds and commands. No models.

    Installed only where a demo runs (settings.DEMO_APP): a production server has no
    command that creates logins with a published password."""

    name = "demo"
    verbose_name = "Demo"
