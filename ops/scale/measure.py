"""Timing pages and file builders: median, p95, SQL queries, peak memory."""

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.db import connection
from django.test import Client


@dataclass
class PageResult:
    name: str
    url: str
    status: int
    queries: int
    median_ms: float
    p95_ms: float
    ratio_to_floor: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class BuildResult:
    name: str
    seconds: float
    peak_mb: float
    size_kb: float

    def as_dict(self) -> dict:
        return asdict(self)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def time_page(client: Client, name: str, url: str, *, runs: int, warmup: int = 2) -> PageResult:
    """The page fetched `runs` times after a warm-up; queries counted on one extra run."""
    for _ in range(warmup):
        client.get(url, secure=True)
    # Counted by a wrapper rather than connection.queries, whose log is capped and
    # only kept with DEBUG on: the benchmark runs with DEBUG off, like production.
    executed = []
    with connection.execute_wrapper(lambda execute, *args: executed.append(1) or execute(*args)):
        response = client.get(url, secure=True)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url, secure=True)
        timings.append((time.perf_counter() - started) * 1000)
    return PageResult(
        name=name,
        url=url,
        status=response.status_code,
        queries=len(executed),
        median_ms=round(statistics.median(timings), 1),
        p95_ms=round(percentile(timings, 0.95), 1),
    )


def time_build(name: str, build: Callable[[], bytes]) -> BuildResult:
    """One run of a file builder with its wall time and the peak of Python allocations."""
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    content = build()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return BuildResult(
        name=name,
        seconds=round(seconds, 2),
        peak_mb=round(peak / 2**20, 1),
        size_kb=round(len(content) / 1024, 1),
    )
