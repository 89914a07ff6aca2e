"""The benchmark builds each file in a new interpreter (issue 16: "in a fresh worker
process, not forked from a warm one"), so a file's peak memory is its own builder's and
not the benchmark's, inherited."""

import os

import pytest

from demo.scale.measure import time_build
from tests.demo.fresh_builders import FRESH

BUILDER = "tests.demo.fresh_builders.what_the_process_holds"


def test_the_build_runs_in_a_new_interpreter_and_its_peak_counts_what_it_held():
    small, large = (
        time_build("fresh", BUILDER, {"megabytes": megabytes, "parent": os.getpid()}, None)
        for megabytes in (1, 256)
    )
    assert large.name == "fresh"
    assert large.size_kb == small.size_kb == FRESH / 1024  # children without pytest in them
    assert large.seconds > 0
    # Each starts as the same new interpreter; the 256 MB held at once are in the peak.
    assert abs(large.start_mb - small.start_mb) < 10
    assert large.peak_mb >= 256 and large.peak_mb - small.peak_mb >= 128


def test_a_failing_build_is_reported_with_its_error():
    with pytest.raises(RuntimeError, match="fresh: TypeError"):
        time_build("fresh", BUILDER, {"megabytes": "many", "parent": os.getpid()}, None)
