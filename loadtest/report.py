"""Prints the load test's figures and writes loadtest/results.json (called by `make loadtest`).

Reads what Locust wrote (out/locust_stats.csv), the 5xx answers the Locust script counted
and the verifier's verdict; plain Python, no Django.
"""

import csv
import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def figures(row: dict) -> dict:
    def number(key):
        value = row.get(key, "")
        return float(value) if value not in ("", "N/A") else None

    return {
        "name": row["Name"],
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "rps": round(number("Requests/s") or 0, 2),
        "p50_ms": number("50%"),
        "p95_ms": number("95%"),
        "max_ms": round(number("Max Response Time") or 0),
    }


def main() -> int:
    with open(OUT / "locust_stats.csv", encoding="utf-8") as handle:
        rows = [figures(row) for row in csv.DictReader(handle)]
    total = next((row for row in rows if row["name"] == "Aggregated"), None)
    endpoints = [row for row in rows if row["name"] != "Aggregated"]
    errors_path = OUT / "server_errors.json"
    server_errors = json.loads(errors_path.read_text()) if errors_path.exists() else []
    verify_path = OUT / "verify.json"
    verdict = json.loads(verify_path.read_text()) if verify_path.exists() else {"ok": False}

    cpu_path = OUT / "cpu.txt"
    cpu = {}
    if cpu_path.exists():
        for entry in cpu_path.read_text().splitlines():
            name, _space, seconds = entry.partition(" ")
            cpu[name] = float(seconds or 0)

    line = f"{'endpoint':<26}{'requests':>9}{'fail':>6}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}"
    print(line)
    print("-" * len(line))
    for row in [*endpoints, total]:
        if row is None:
            continue
        print(
            f"{row['name'][:25]:<26}{row['requests']:>9}{row['failures']:>6}{row['rps']:>8}"
            f"{row['p50_ms'] or 0:>8.0f}{row['p95_ms'] or 0:>8.0f}"
        )
    p95 = total["p95_ms"] if total else None
    duration = round(total["requests"] / total["rps"]) if total and total["rps"] else None
    print()
    print(f"run: {duration} s; CPU seconds used: {cpu}")
    print(f"server errors (5xx): {len(server_errors)}")
    print(f"p95 over all requests: {p95} ms (target ≤ 1000 ms)")
    for check in verdict.get("checks", []):
        print(f"{'PASS' if check['ok'] else 'FAIL'}  {check['name']}: {check['detail']}")
    results = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "system": platform.platform(terse=True),
        },
        "setup": {
            key.removeprefix("LOAD_").lower(): os.environ.get(key)
            for key in (
                "LOAD_USERS",
                "LOAD_SPAWN_RATE",
                "LOAD_COMPRESSION",
                "LOAD_ARRIVAL_SECONDS",
                "LOAD_RUN_TIME",
                "LOAD_WORKERS",
                "LOAD_THREADS",
            )
        },
        "duration_s": duration,
        "cpu_seconds": cpu,
        "total": total,
        "endpoints": endpoints,
        "server_errors": len(server_errors),
        "server_error_endpoints": sorted({error["name"] for error in server_errors}),
        "verify": verdict,
        "targets_met": {
            "zero_server_errors": not server_errors,
            "p95_at_most_1s": p95 is not None and p95 <= 1000,
            "database_verified": bool(verdict.get("ok")),
        },
    }
    (HERE / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    print(f"\nwritten: {HERE / 'results.json'}")
    return 0 if all(results["targets_met"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
