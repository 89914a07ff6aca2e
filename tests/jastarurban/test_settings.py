"""Start-up from the environment: run as subprocesses, as a server would start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7Gq2Lr9Vt4Wb8Nk1Zp6Hs3Jd5Fm0Cy7Ue2Ri9Ao4Tl8Qw1Ev6Xn3Bg5Kj0Mh7Pc",
    "ALLOWED_HOSTS": "portal.jastarurban.kz",
    "CSRF_TRUSTED_ORIGINS": "https://portal.jastarurban.kz",
}


def manage(*args: str, **environ: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "DEMO_APP",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(environ)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = manage("check", **(PRODUCTION | {"SECRET_KEY": ""}))
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_refuses_to_start_without_allowed_hosts_when_debug_is_off():
    result = manage("check", **(PRODUCTION | {"ALLOWED_HOSTS": ""}))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_build_commands_run_without_secrets():
    env = {
        key: value
        for key, value in PRODUCTION.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS"}
    }
    result = manage("makemigrations", "--check", "--dry-run", **env)
    assert result.returncode == 0, result.stderr
    assert manage("migrate", "--plan", **env).returncode != 0  # touching data needs them


def test_debug_is_off_unless_set():
    env = {key: value for key, value in PRODUCTION.items() if key != "DEBUG"}
    result = manage("shell", "-c", "from django.conf import settings; print(settings.DEBUG)", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")


def test_a_bad_boolean_stops_start_up_with_its_name():
    result = manage("check", **(PRODUCTION | {"DEBUG": "maybe"}))
    assert result.returncode != 0
    assert "DEBUG='maybe'" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_database_url_switches_to_postgresql_and_brokers_to_redis():
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.CELERY_TASK_ALWAYS_EAGER, s.CACHES['default']['BACKEND'])"
    )
    result = manage(
        "shell",
        "-c",
        code,
        DEBUG="1",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/jastarurban",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        CELERY_TASK_ALWAYS_EAGER="",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr
    engine, name, eager, cache = result.stdout.split()[-4:]
    assert engine == "django.db.backends.postgresql"
    assert name == "jastarurban"
    assert eager == "False"
    assert cache == "django.core.cache.backends.redis.RedisCache"


def test_the_embedded_default_needs_no_server():
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.EMAIL_BACKEND, "
        "s.TIME_ZONE, s.LANGUAGE_CODE)"
    )
    result = manage(
        "shell", "-c", code, DEBUG="1", CELERY_BROKER_URL="", CELERY_TASK_ALWAYS_EAGER=""
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-5:] == [
        "django.db.backends.sqlite3",
        "True",
        "django.core.mail.backends.console.EmailBackend",
        "Asia/Aqtau",
        "kk",
    ]


def test_production_cookies_are_secure_and_hsts_is_sent_behind_the_tls_proxy():
    code = (
        "from django.conf import settings as s; import json; print(json.dumps(["
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_HSTS_PRELOAD, s.SECURE_PROXY_SSL_HEADER, "
        "'csp.middleware.CSPMiddleware' in s.MIDDLEWARE]))"
    )
    result = manage("shell", "-c", code, **(PRODUCTION | {"BEHIND_TLS_PROXY": "1"}))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        '[true, true, true, true, 31536000, true, true, ["HTTP_X_FORWARDED_PROTO", "https"], true]'
    )


def test_without_a_proxy_the_forwarded_proto_header_is_not_trusted():
    code = "from django.conf import settings as s; print(s.SECURE_PROXY_SSL_HEADER)"
    result = manage("shell", "-c", code, **(PRODUCTION | {"BEHIND_TLS_PROXY": "0"}))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("None")


def test_a_production_response_behind_the_tls_proxy_carries_hsts_and_the_csp():
    code = (
        "from django.test import Client; c = Client(HTTP_HOST='portal.jastarurban.kz'); "
        "r = c.get('/healthz', HTTP_X_FORWARDED_PROTO='https'); "
        "print(r.status_code, r.headers['Strict-Transport-Security']); "
        "print(r.headers['Content-Security-Policy']); "
        "plain = c.get('/accounts/login/'); print(plain.status_code, plain['Location'])"
    )
    environ = PRODUCTION | {"BEHIND_TLS_PROXY": "1", "DATABASE_URL": "sqlite://:memory:"}
    result = manage("shell", "-c", code, **environ)
    assert result.returncode == 0, result.stderr
    secure, csp, plain = result.stdout.strip().splitlines()[-3:]
    assert secure == "200 max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert plain == "301 https://portal.jastarurban.kz/accounts/login/"
