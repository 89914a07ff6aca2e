"""docker-compose.yml cannot be run here (no Docker engine), so its wiring is checked."""

from pathlib import Path

import yaml

from jastarurban import env

ROOT = Path(__file__).resolve().parents[2]
PORTAL_SERVICES = (
    "web",
    "worker-notifications",
    "worker-reports",
    "worker-maintenance",
    "beat",
    "web2",
)


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def by_default() -> set[str]:
    return {name for name, service in compose()["services"].items() if not service.get("profiles")}


def test_it_runs_web_a_worker_per_queue_beat_postgresql_and_redis():
    services = compose()["services"]
    workers = {"worker-notifications", "worker-reports", "worker-maintenance"}
    assert by_default() == {"web", "beat", "db", "redis"} | workers
    assert "gunicorn jastarurban.wsgi" in services["web"]["command"]
    for name in workers:
        assert "celery -A jastarurban worker -Q " in services[name]["command"]
    assert "celery -A jastarurban beat" in services["beat"]["command"]
    assert "media" in compose()["volumes"]


def test_the_replicas_profile_puts_two_web_processes_behind_nginx():
    services = compose()["services"]
    assert services["web2"]["profiles"] == ["replicas"] == services["nginx"]["profiles"]
    assert "gunicorn jastarurban.wsgi" in services["web2"]["command"]
    assert "migrate" not in services["web2"]["command"]  # the first replica migrates
    conf_mount = services["nginx"]["volumes"][0].split(":")[0]
    conf = (ROOT / conf_mount).read_text()
    assert "server web:8000" in conf and "server web2:8000" in conf
    assert "proxy_pass http://portal;" in conf and "X-Forwarded-Proto" in conf
    assert "/media" not in conf  # uploads only through the access-checked views
    assert services["nginx"]["ports"] == ["127.0.0.1:8080:80"]


def test_the_s3_profile_adds_minio_and_the_portal_reads_its_bucket():
    services = compose()["services"]
    assert services["minio"]["profiles"] == ["s3"] == services["minio-bucket"]["profiles"]
    variables = services["web"]["environment"]
    for name in ("AWS_STORAGE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL", "AWS_ACCESS_KEY_ID"):
        assert name in variables


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
