"""A real Celery worker against the Redis broker: the task goes over the wire and back."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from celery.result import EagerResult
from django.conf import settings

from jastarurban.celery import app
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]


def redis_reachable(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except (redis.RedisError, ValueError):
        return False


@pytest.mark.services
# The test process itself keeps running tasks eagerly; send_task still goes over
# the broker, and Celery warns that the result is read back anyway.
@pytest.mark.filterwarnings("ignore:Results are not stored in backend")
@pytest.mark.filterwarnings("ignore:task_always_eager has no effect on send_task")
def test_a_real_worker_runs_a_task_and_returns_its_result():
    broker = settings.CELERY_BROKER_URL
    require(bool(broker), "CELERY_BROKER_URL is not set (CI points it at Redis)")
    require(redis_reachable(broker), f"Redis at {broker} does not answer")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = os.environ | {"CELERY_TASK_ALWAYS_EAGER": "0", "DEBUG": "1"}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "jastarurban",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-Q",
            queue,
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        result = app.send_task("jastarurban.ping", queue=queue)
        assert result.get(timeout=60) == "pong"
        assert result.successful()
    finally:
        worker.terminate()
        output, _ = worker.communicate(timeout=30)
    assert worker.returncode in (0, -15), output.decode(errors="replace")


def test_without_a_broker_tasks_run_in_process():
    from jastarurban.celery import ping

    assert settings.CELERY_TASK_ALWAYS_EAGER
    result = ping.delay()
    assert isinstance(result, EagerResult)
    assert result.get(timeout=1) == "pong"
