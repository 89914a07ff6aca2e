"""The demo app, whose `load_demo` creates logins with a published password, is installed
for the demo, the benchmark, the load test's seed and the tests, never by production's
environment. Run as subprocesses: INSTALLED_APPS is read once, at start-up."""

import pytest

from tests.jastarurban.test_settings import PRODUCTION, ROOT, manage

DEMO_COMMANDS = {"load_demo", "demo_code", "seed_scale", "bench", "seed_load", "verify_load"}
SHOW = (
    "from django.conf import settings; from django.core.management import get_commands; "
    "print('demo' in settings.INSTALLED_APPS, *sorted(get_commands()))"
)


def installed(**environ: str) -> tuple[bool, set[str]]:
    result = manage("shell", "--no-imports", "-v", "0", "-c", SHOW, **environ)
    assert result.returncode == 0, result.stderr
    flag, *commands = result.stdout.split()
    return flag == "True", set(commands)


def test_production_does_not_install_it():
    app, commands = installed(**PRODUCTION)
    assert not app
    assert DEMO_COMMANDS.isdisjoint(commands)
    assert {"backup", "restore", "migrate"} <= commands  # ops stays: a product operation


def test_load_demo_is_an_unknown_command_in_production():
    result = manage("load_demo", "--force", **PRODUCTION)
    assert result.returncode != 0
    assert "Unknown command: 'load_demo'" in result.stderr


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        (PRODUCTION | {"DEMO_APP": "1"}, True),  # make bench, the load test's seed
        ({"DEBUG": "1"}, True),  # make demo, a laptop
        ({"DEBUG": "1", "DEMO_APP": "0"}, False),  # a laptop trying production's apps
    ],
    ids=["flag-with-debug-off", "debug", "debug-flag-off"],
)
def test_the_flag_installs_it_and_defaults_to_debug(environ, expected):
    app, commands = installed(**environ)
    assert app is expected
    assert DEMO_COMMANDS.issubset(commands) is expected
    assert DEMO_COMMANDS.isdisjoint(commands) is not expected


def test_the_production_image_and_services_do_not_set_the_flag():
    for name in ("Dockerfile", "docker-compose.yml"):
        assert "DEMO_APP" not in (ROOT / name).read_text(encoding="utf-8"), name
