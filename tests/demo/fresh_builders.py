"""A builder for tests/demo/test_build_in_a_fresh_process.py, run in a spawned interpreter."""

import os
import sys

FRESH, NOT_FRESH = 2048, 1024


def what_the_process_holds(*, megabytes: int, parent: int) -> bytes:
    """Holds `megabytes` at once; answers by its length whether it ran in a child of
    `parent` that never imported pytest (as the test's own process and a fork of it have)."""
    held = b"\x01" * (megabytes * 2**20)  # written, so every page is resident
    fresh = os.getppid() == parent and "pytest" not in sys.modules
    return held[: FRESH if fresh else NOT_FRESH]
