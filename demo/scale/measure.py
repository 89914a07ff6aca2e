"""Timing pages and file builders: median, p95, SQL queries, peak memory."""

import json
import os
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.core.cache import caches
from django.db import connection, connections
from django.test import Client


@dataclass
class PageResult:
    """Warm: the caches as a running site has them. Cold: every cache cleared before each
    request (the first view after a review is submitted, a deploy or a restart)."""

    name: str
    url: str
    status: int
    queries: int
    median_ms: float
    p95_ms: float
    cold_status: int = 0
    cold_queries: int = 0
    cold_median_ms: float = 0.0
    cold_p95_ms: float = 0.0
    ratio_to_floor: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class BuildResult:
    name: str
    seconds: float
    peak_mb: float
    size_kb: float
    start_mb: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def clear_caches() -> None:
    for backend in caches.all():
        backend.clear()


def _counted(client: Client, url: str, before: Callable[[], None] | None = None):
    """One request and the SQL queries it ran (not those of `before`, run first)."""
    if before is not None:
        before()
    # Counted by a wrapper rather than connection.queries, whose log is capped and
    # only kept with DEBUG on: the benchmark runs with DEBUG off, like production.
    executed = []
    with connection.execute_wrapper(lambda execute, *args: executed.append(1) or execute(*args)):
        response = client.get(url, secure=True)
    return response, len(executed)


def _timed(
    client: Client, url: str, runs: int, *, cold: bool, before: Callable[[], None] | None = None
) -> list[float]:
    timings = []
    for _ in range(runs):
        if cold:
            clear_caches()
        if before is not None:
            before()
        started = time.perf_counter()
        client.get(url, secure=True)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def time_page(
    client: Client,
    name: str,
    url: str,
    *,
    runs: int,
    cold_runs: int | None = None,
    warmup: int = 2,
    before: Callable[[], None] | None = None,
) -> PageResult:
    """The page timed `cold_runs` times cold, then `runs` times warm after a warm-up;
    queries counted on one extra run of each. `before`, untimed, before each request: a
    change the page must then show (a submitted review before the ranking)."""
    cold_runs = runs if cold_runs is None else cold_runs
    clear_caches()
    cold_response, cold_queries = _counted(client, url, before)
    cold = _timed(client, url, cold_runs, cold=True, before=before)
    for _ in range(warmup):
        client.get(url, secure=True)
    response, queries = _counted(client, url, before)
    warm = _timed(client, url, runs, cold=False, before=before)
    return PageResult(
        name=name,
        url=url,
        status=response.status_code,
        queries=queries,
        median_ms=round(statistics.median(warm), 1),
        p95_ms=round(percentile(warm, 0.95), 1),
        cold_status=cold_response.status_code,
        cold_queries=cold_queries,
        cold_median_ms=round(statistics.median(cold), 1),
        cold_p95_ms=round(percentile(cold, 0.95), 1),
    )


def time_build_in_process(name: str, build: Callable[[], bytes]) -> BuildResult:
    """One run in this process, peak memory as Python's own allocations (tracemalloc):
    what the tests use, inside their transaction."""
    tracemalloc.start()
    started = time.perf_counter()
    content = build()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return BuildResult(
        name, round(seconds, 2), round(peak / 2**20, 1), round(len(content) / 1024, 1)
    )


def time_build(name: str, build: Callable[[], bytes]) -> BuildResult:
    """One run of a file builder in a child process: its wall time and peak resident memory.

    Forked so that the peak is the builder's own (a Celery worker doing the same
    job), whole — Python objects and the C libraries (Pango, libxml) alike — and
    not the benchmark's earlier high-water mark.
    """
    connections.close_all()  # the child opens its own; a shared socket would break
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        code = 0
        try:
            # What the child holds before building: the benchmark's own memory, inherited.
            start_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            started = time.perf_counter()
            content = build()
            report = {
                "seconds": time.perf_counter() - started,
                "size": len(content),
                "start_kb": start_kb,
            }
        except BaseException as error:  # reported to the parent, not raised
            report, code = {"error": repr(error)}, 1
        with os.fdopen(write_end, "w") as out:
            json.dump(report, out)
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end) as source:
        report = json.loads(source.read() or "{}")
    _pid, _status, usage = os.wait4(pid, 0)
    if "error" in report:
        raise RuntimeError(f"{name}: {report['error']}")
    return BuildResult(
        name=name,
        seconds=round(report["seconds"], 2),
        peak_mb=round(usage.ru_maxrss / 1024, 1),  # Linux reports kilobytes
        size_kb=round(report["size"] / 1024, 1),
        start_mb=round(report["start_kb"] / 1024, 1),
    )
