"""Report files built in a fresh process: wall time and peak resident memory.

A Celery worker that has just started builds a report in a process that holds nothing
but Django; a process forked from a warm one (the benchmark's) would count that one's
memory too. So each file is built by ``manage.py measure_files --child``, started anew,
which reports on itself (``resource.getrusage``: Linux counts kilobytes) as one JSON line.
"""

import json
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass

from django.conf import settings

CHILD_TIMEOUT_SECONDS = 600


@dataclass
class FileMeasure:
    kind: str
    format: str
    seconds: float | None = None
    peak_mb: float | None = None
    start_mb: float | None = None
    size_kb: float | None = None
    error: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def measure_here(kind: str, format: str, language: str, project: str) -> dict:
    """Builds one file of the project named by its slug in this process (the child's half)
    and says how it went."""
    from projects.models import GrantProject
    from reports.builders import build_report

    grant_project = GrantProject.objects.filter(slug=project).first()
    if grant_project is None:
        return {"error": f"no project {project!r}"}

    start_mb = _rss_mb()
    started = time.perf_counter()
    try:
        content = build_report(kind, format, language, project=grant_project)
    except ValueError as error:  # e.g. no decisions yet for a protocol: nothing to build
        return {"error": str(error)}
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "peak_mb": _rss_mb(),
        "start_mb": start_mb,
        "size_kb": round(len(content) / 1024, 1),
    }


def measure_fresh(
    kind: str, format: str, language: str = "kk", project: str = "jastarurban"
) -> FileMeasure:
    """Builds one file in a new Python process with this one's settings and environment."""
    command = [
        sys.executable,
        str(settings.BASE_DIR / "manage.py"),
        "measure_files",
        "--child",
        f"{kind}:{format}",
        "--language",
        language,
        "--project",
        project,
    ]
    try:
        done = subprocess.run(  # noqa: S603 (this interpreter and manage.py, our own arguments)
            command, capture_output=True, text=True, timeout=CHILD_TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        return FileMeasure(kind, format, error=f"over {CHILD_TIMEOUT_SECONDS} s, stopped")
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return FileMeasure(kind, format, error=tail)
    return FileMeasure(kind, format, **json.loads(lines[-1]))
