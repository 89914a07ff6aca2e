"""docker-compose.yml cannot be run here (no Docker engine), so its wiring is checked."""

from pathlib import Path

import yaml

from jastarurban import env

ROOT = Path(__file__).resolve().parents[2]
PORTAL_SERVICES = ("web", "worker", "beat")


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_it_runs_web_worker_beat_postgresql_and_redis():
    services = compose()["services"]
    assert set(services) == {"web", "worker", "beat", "db", "redis"}
    assert "gunicorn jastarurban.wsgi" in services["web"]["command"]
    assert "celery -A jastarurban worker" in services["worker"]["command"]
    assert "celery -A jastarurban beat" in services["beat"]["command"]
    assert "media" in compose()["volumes"]


def test_every_variable_it_sets_is_one_the_settings_read(settings):
    services = compose()["services"]
    for name in PORTAL_SERVICES:
        variables = set(services[name]["environment"])
        unknown = variables - env.READ
        assert not unknown, f"{name} sets variables the settings never read: {unknown}"


def test_it_configures_the_services_the_portal_needs():
    variables = compose()["services"]["web"]["environment"]
    for required in (
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "CELERY_BROKER_URL",
        "REDIS_URL",
    ):
        assert variables.get(required), required
    assert variables["DEBUG"] == "0"
    assert variables["DATABASE_URL"].startswith("postgres://")
    assert all(
        service["volumes"] == ["media:/srv/media"]
        for service in (compose()["services"][name] for name in PORTAL_SERVICES)
    )
