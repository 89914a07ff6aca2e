"""Celery: each kind of task has its own queue and time limits, and workers for each queue."""

from pathlib import Path

import yaml
from django.conf import settings

from jastarurban import queues
from jastarurban.celery import app

ROOT = Path(__file__).resolve().parents[2]


def portal_tasks() -> set[str]:
    app.loader.import_default_modules()  # every app's tasks module, as a worker loads them
    return {name for name in app.tasks if not name.startswith("celery.")}


def test_every_task_is_placed_in_a_queue_on_purpose():
    tasks = portal_tasks()
    assert "reports.tasks.build_report_file" in tasks and len(tasks) >= 14
    assert tasks - set(queues.TASK_QUEUES) == set(), "tasks without a queue"
    assert set(queues.TASK_QUEUES) - tasks == set(), "routes for tasks that do not exist"


def test_each_task_lands_in_its_queue():
    expected = {
        "applications.tasks.send_submission_receipt": "notifications",
        "accounts.tasks.send_activation_email": "notifications",
        "reports.tasks.build_report_file": "reports",
        "exhibition.tasks.render_letters": "reports",
        "applications.tasks.anonymise_personal_data": "maintenance",
        "reports.tasks.snapshot_indicators": "maintenance",
    }
    for name in portal_tasks():
        queue = app.amqp.router.route({}, name)["queue"].name
        assert queue == queues.TASK_QUEUES[name], name
        assert queue == expected.get(name, queue), name
    assert queues.task_routes() == settings.CELERY_TASK_ROUTES


def test_every_task_has_a_soft_and_a_hard_time_limit():
    for name in portal_tasks():
        task = app.tasks[name]
        soft, hard = queues.TIME_LIMITS[queues.TASK_QUEUES[name]]
        assert (task.soft_time_limit, task.time_limit) == (soft, hard), name
        assert 0 < task.soft_time_limit < task.time_limit
    # A code or a mail never waits behind a report: its limit is the shortest.
    assert queues.TIME_LIMITS["notifications"][1] < queues.TIME_LIMITS["reports"][0]


def test_without_a_broker_a_routed_task_still_runs_in_process(full_demo, settings, tmp_path):
    from reports.models import ReportFile
    from reports.tasks import build_report_file

    settings.MEDIA_ROOT = tmp_path
    assert settings.CELERY_TASK_ALWAYS_EAGER
    report = ReportFile.objects.create(project=full_demo[0], kind="applications", format="xlsx")
    assert build_report_file.delay(report.pk).get(timeout=60) == ReportFile.Status.DONE


def test_compose_runs_a_worker_for_every_queue():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    consumed = set()
    for name, service in services.items():
        command = service.get("command") or ""
        if "celery -A jastarurban worker" in command:
            assert " -Q " in command, f"{name} would consume the default queue only"
            consumed |= set(command.split(" -Q ")[1].split()[0].split(","))
    assert consumed == set(queues.QUEUES)
