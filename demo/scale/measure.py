"""Timing pages and file builders: median, p95, SQL queries, peak memory."""

import multiprocessing
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.core.cache import caches
from django.db import connection
from django.test import Client

# A build that takes longer than this is reported as failed, not waited for.
BUILD_TIMEOUT_S = 600


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
    """One run in this process (what the tests use, inside their transaction); its peak is
    this process's resident peak during the build, what it held before included (start).
    Not tracemalloc: tracing every allocation made the final report's PDF five times
    slower (10 s to 55 s at the test's 60 applications), the bench's test's most time."""
    _reset_peak()
    start_kb = _status_kb("VmRSS:")
    started = time.perf_counter()
    content = build()
    seconds = time.perf_counter() - started
    peak_kb = _status_kb("VmHWM:")
    return BuildResult(
        name,
        round(seconds, 2),
        round(peak_kb / 1024, 1),
        round(len(content) / 1024, 1),
        start_mb=round(start_kb / 1024, 1),
    )


def _reset_peak() -> None:
    """Sets this process's VmHWM back to its resident size now (Linux: "5" written to
    /proc/self/clear_refs). Where that is not allowed the peak stays the process's own
    since it started: too high, never too low."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass


def _status_kb(field: str) -> int:
    """A figure of this process's /proc/self/status, in kilobytes (the peak, VmHWM, is
    what getrusage's ru_maxrss gives where there is no /proc)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # pragma: no cover


def _build_fresh(path: str, kwargs: dict, project_pk: int | None, out) -> None:
    """In a new interpreter: Django set up as a worker has it, then one build, timed."""
    import django

    django.setup()
    from django.utils.module_loading import import_string

    from projects.models import GrantProject

    try:
        arguments = dict(kwargs)
        if project_pk is not None:
            arguments["project"] = GrantProject.objects.get(pk=project_pk)
        # What a worker holds before its first job: Django, the apps, one project row.
        # VmHWM, this interpreter's own peak, not getrusage's ru_maxrss: Linux carries that
        # over from the parent at fork and keeps it across exec, so a spawned child would
        # report the benchmark's size; VmHWM belongs to the new address space.
        start_kb = _status_kb("VmHWM:")
        started = time.perf_counter()
        content = import_string(path)(**arguments)
        out.send(
            {
                "seconds": time.perf_counter() - started,
                "size": len(content),
                "start_kb": start_kb,
                "peak_kb": _status_kb("VmHWM:"),
            }
        )
    except BaseException as error:  # reported to the parent, not raised
        out.send({"error": repr(error)})


def time_build(name: str, path: str, kwargs: dict, project_pk: int | None) -> BuildResult:
    """One run of a file builder in a fresh process: its wall time and peak resident memory.

    Spawned, not forked: a new interpreter holds only what a Celery worker starting its
    first job holds, so the peak is the builder's own, whole (Python objects and the C
    libraries, Pango and libxml, alike), and not the benchmark's own memory inherited.
    """
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_build_fresh, args=(path, kwargs, project_pk, send))
    child.start()
    send.close()
    report = receive.recv() if receive.poll(timeout=BUILD_TIMEOUT_S) else {"error": "timeout"}
    child.join(timeout=10)
    if child.is_alive():
        child.kill()
    if "error" in report:
        raise RuntimeError(f"{name}: {report['error']}")
    return BuildResult(
        name=name,
        seconds=round(report["seconds"], 2),
        peak_mb=round(report["peak_kb"] / 1024, 1),  # Linux reports kilobytes
        size_kb=round(report["size"] / 1024, 1),
        start_mb=round(report["start_kb"] / 1024, 1),
    )
