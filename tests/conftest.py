import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.utils import translation

from accounts.roles import Role
from tests.factories import UserFactory

pytest_plugins = ["tests.ci_skips"]

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    """Skips a test that needs a service or a browser on a laptop; in CI such a skip fails."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must run this test, but: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def one_redis_database_per_worker(worker_id):
    """Tests run in parallel workers (pytest-xdist); each clears the cache before every
    test, which on Redis empties the whole database, so each worker gets its own."""
    caches = django_settings.CACHES
    location = caches["default"].get("LOCATION", "")
    if worker_id == "master" or not location.startswith("redis://"):
        yield
        return
    url = urlsplit(location)
    base = int(url.path.strip("/") or 0)
    index = base + 1 + int(worker_id.removeprefix("gw"))
    if index > 15:
        pytest.exit(f"Redis has 16 databases; run at most {15 - base} workers (-n)")
    own = caches | {
        "default": caches["default"] | {"LOCATION": url._replace(path=f"/{index}").geturl()}
    }
    with override_settings(CACHES=own):
        yield


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """pytest-django's, but the test database is migrated once and copied
    (tests/migrated_once.py) instead of migrated in every worker."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    from tests.migrated_once import migrating_once

    verbosity = request.config.option.verbose
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock(), migrating_once():
        databases = setup_databases(
            verbosity=verbosity,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
        )
    yield
    with django_db_blocker.unblock():
        try:
            _close_other_sessions()
            teardown_databases(databases, verbosity=verbosity)
        except Exception as error:  # as pytest-django does: a warning, not an error
            # A live-server thread may still hold a PostgreSQL connection at the very end.
            request.node.warn(
                pytest.PytestWarning(f"Error when trying to teardown test databases: {error!r}")
            )


@pytest.fixture(autouse=True)
def own_media_root(settings, tmp_path):
    """Uploaded and generated files go to the test's own folder: parallel workers never
    see each other's files, and nothing is left in the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: LocaleMiddleware activates the request's
    language in the thread and leaves it there, so a test after a /ru/ request would
    otherwise run in Russian."""
    translation.deactivate()


@pytest.fixture(autouse=True)
def content_types_as_reloaded(request):
    """After a transactional test the database is flushed and its first rows loaded again,
    content types under their first ids; a test that flushed inside (a restore) had them
    re-created under others. Django keeps content type ids in memory: left there, the next
    test would write audit entries under another model's id."""
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    if transactional:
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: rankings and chart series are kept there."""
    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing takes half a second a password by design; tests only need it to match."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def force_login_passes_two_factor(request, monkeypatch):
    """`client.force_login(staff)` leaves the session as a real second step would: verified
    with a confirmed authenticator app (as django_otp.login stores it). Enforcement stays on:
    a test of the second step itself is marked `real_2fa` and gets Django's plain login."""
    if request.node.get_closest_marker("real_2fa"):
        return
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from accounts.two_factor import requires_two_factor

        if not requires_two_factor(user):
            return
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def applicant(db):
    return UserFactory(roles=[Role.APPLICANT], full_name="Сағынтаев Даурен")


@pytest.fixture
def other_applicant(db):
    return UserFactory(roles=[Role.APPLICANT], full_name="Бекова Әйгерім")


@pytest.fixture
def expert(db):
    return UserFactory(roles=[Role.EXPERT])


@pytest.fixture
def mentor(db):
    return UserFactory(roles=[Role.MENTOR])


@pytest.fixture
def staff(db):
    return UserFactory(roles=[Role.STAFF])


@pytest.fixture
def operator(db):
    return UserFactory(roles=[Role.OPERATOR])


def _close_other_sessions() -> None:
    """Ends what still holds the worker's PostgreSQL database open at the run's end (a
    thread's connection): DROP DATABASE would wait 5 s for it and then fail."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    connection.close()


def _load_demo(settings, loaders):
    from competitions.models import Competition
    from demo.loader import OPEN_SLUG, load_demo
    from projects.models import GrantProject

    settings.DEMO_LOADERS = loaders
    load_demo()
    return GrantProject.objects.get(slug="jastarurban"), Competition.objects.get(slug=OPEN_SLUG)


@pytest.fixture(scope="session")
def demo_snapshots(django_db_setup, django_db_blocker, tmp_path_factory, worker_id):
    """Each demo is loaded once per test run, then rolled back and kept as rows and files
    (tests/demo_snapshot.py) that each test gets back in its own transaction: ten seconds
    once instead of in every test. The first xdist worker to need a demo loads it and
    leaves it in the run's temporary folder for the others (tests/demo_snapshot.py)."""

    from demo.loader import load_demo
    from tests.demo_snapshot import shared, take

    taken = {}
    # xdist workers' temporary folders are popen-gw0, popen-gw1, ... in the run's folder.
    run_folder = None if worker_id == "master" else tmp_path_factory.getbasetemp().parent

    def snapshot(loaders):
        key = tuple(loaders)
        if key not in taken:

            def load():
                media = tmp_path_factory.mktemp("demo-media")
                own = {
                    "DEMO_LOADERS": list(loaders),
                    "MEDIA_ROOT": media,
                    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
                }
                with django_db_blocker.unblock(), override_settings(**own):
                    return take(load_demo, media)

            taken[key] = shared(run_folder, key, load)
            cache.clear()
        return taken[key]

    return snapshot


def _restored_demo(settings, demo_snapshots, loaders):
    from competitions.models import Competition
    from demo.loader import OPEN_SLUG
    from projects.models import GrantProject

    settings.DEMO_LOADERS = loaders
    demo_snapshots(loaders).restore(Path(settings.MEDIA_ROOT))
    return GrantProject.objects.get(slug="jastarurban"), Competition.objects.get(slug=OPEN_SLUG)


@pytest.fixture
def demo(db, settings, demo_snapshots):
    """The demo's project, users and the call open now, without the 2025 commission's work."""
    return _restored_demo(
        settings, demo_snapshots, ["demo.steps.applications.load_applicant_profile"]
    )


@pytest.fixture
def full_demo(db, settings, demo_snapshots):
    """Everything `make demo` loads, the 2025 call's 32 applications and commission included."""
    return _restored_demo(settings, demo_snapshots, list(settings.DEMO_LOADERS))


@pytest.fixture
def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    require(os.path.exists(path), "Chromium is not installed (Debian package `chromium`)")
    return path


@pytest.fixture(scope="session", autouse=True)
def fast_transactional_reset(django_db_setup):
    """A transactional test's flush and reload, cheaper and to the same rows
    (tests/fast_reset.py)."""
    from tests import fast_reset

    with pytest.MonkeyPatch.context() as patch:
        fast_reset.install(patch, connection)
        yield


@pytest.fixture
def on_postgresql(db) -> bool:
    return connection.vendor == "postgresql"


# The longest tests first, within pytest-django's order (database tests, then transactional
# ones, then those without a database): pytest-xdist (--dist loadgroup) hands each worker
# the next test in collection order as it frees up, so a long test started late runs alone
# at the end. A transactional test may not move before the others: its teardown flushes
# the database, which the next transactional test's serialized rollback fills again.
SLOW_FIRST = (
    "tests/browser/test_sweep.py::test_every_page_fits",
    "tests/test_access_matrix.py",
    "tests/browser/test_lifecycle.py",
    "tests/demo/test_bench.py::test_bench_measures",
    "tests/browser/test_team_invite.py",
    "tests/browser/test_apply.py",
    "tests/jastarurban/test_form_fuzz.py",
    "tests/reports/test_operator_read_only.py::test_every_write_on_every_url",
    "tests/jastarurban/test_forms_speak_the_language.py::test_every_refused_form",
    "tests/reports/test_api_fuzz.py",
    "tests/browser/",
)


def _django_order(item) -> int:
    """pytest-django's: 0 a database test, 1 a transactional one, 2 one without a database."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", [])
    if (marker and marker.kwargs.get("transaction")) or {
        "transactional_db",
        "live_server",
    } & set(fixtures):
        return 1
    return 0 if marker or "db" in fixtures else 2


def _slowness_rank(item) -> tuple[int, int]:
    for number, prefix in enumerate(SLOW_FIRST):
        if item.nodeid.startswith(prefix):
            return _django_order(item), number
    return _django_order(item), len(SLOW_FIRST)


def _uses_demo(item) -> bool:
    return "demo_snapshots" in getattr(item, "fixturenames", [])


def _demo_built_first(items: list) -> None:
    """The run's first test loads the demo, and the database tests that do not need it
    come next: the other worker runs those meanwhile instead of waiting ~20 s for the
    snapshot (tests/demo_snapshot.py). Only the first group (pytest-django's 0) is
    regrouped; every group keeps its slowest-first order."""

    def group(item) -> int:
        if _django_order(item) != 0 or item is builder:
            return 0
        return 2 if _uses_demo(item) else 1

    builder = next((item for item in items if _django_order(item) == 0 and _uses_demo(item)), None)
    if builder is not None:
        items.sort(key=lambda item: (_django_order(item), group(item)))


@pytest.hookimpl(trylast=True)  # after pytest-django's order, which it keeps
def pytest_collection_modifyitems(items):
    """A transactional test must roll back by serialisation: its flush would otherwise
    leave the next one without the role groups and places that migrations create. Within
    pytest-django's order the slowest tests go first (SLOW_FIRST), the demo's first user
    at the very start (_demo_built_first)."""
    items.sort(key=_slowness_rank)
    _demo_built_first(items)
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)"
            )


@pytest.fixture(autouse=True)
def empty_sms_outbox():
    """The console SMS backend keeps what it sent, like Django's mail.outbox."""
    from notifications import sms

    sms.outbox.clear()


@pytest.fixture(autouse=True)
def celery_join_allowed():
    """Celery marks "inside a task" in one process-wide flag, set and restored around each
    eager task. The live server of the browser tests runs requests in threads: two eager
    tasks overlapping there restore each other's value and can leave the flag set, and a
    later test's EagerResult.get() then refuses ("Never call result.get() within a task")."""
    from celery._state import _set_task_join_will_block

    _set_task_join_will_block(False)
    yield
    _set_task_join_will_block(False)
