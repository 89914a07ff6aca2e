"""`manage.py measure_files`: each report file's time and peak memory, built in a new process."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from demo.scale import files as measure

pytestmark = pytest.mark.django_db


def test_the_child_builds_one_file_and_reports_on_itself(demo):
    out = StringIO()
    call_command("measure_files", child="applications:xlsx", stdout=out)
    result = json.loads(out.getvalue())
    assert result["seconds"] >= 0 and result["size_kb"] > 0
    assert result["peak_mb"] >= result["start_mb"] > 0


def test_the_parent_prints_a_row_per_file_from_fresh_processes(monkeypatch, tmp_path):
    started = []

    def fake_fresh(kind, format, language="kk", project="jastarurban"):
        started.append((kind, format, language))
        return measure.FileMeasure(kind, format, 1.5, 120.0, 100.0, 42.0)

    monkeypatch.setattr("demo.management.commands.measure_files.measure_fresh", fake_fresh)
    out = StringIO()
    saved = tmp_path / "files.json"
    call_command("measure_files", "final:pdf", "applications:xlsx", json_path=saved, stdout=out)
    assert started == [("final", "pdf", "kk"), ("applications", "xlsx", "kk")]
    assert "| final:pdf | 1.5 | 120.0 | 100.0 | 42.0 |" in out.getvalue()
    assert [row["kind"] for row in json.loads(saved.read_text())] == ["final", "applications"]


def test_an_unknown_file_is_refused():
    with pytest.raises(CommandError, match="Unknown file"):
        call_command("measure_files", "budget:csv")
