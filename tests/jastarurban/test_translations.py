"""The Kazakh and Russian catalogues are complete and in step with the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["kk", "ru"]
# Every app (a new one is picked up by its apps.py), the settings package, templates.
SOURCES = [
    *sorted(path.parent.name for path in ROOT.glob("*/apps.py")),
    "jastarurban",
    "templates",
    "locale",
    "manage.py",
]


def statistics(po: Path) -> str:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr.strip()


@pytest.fixture(scope="module")
def msgfmt():
    if shutil.which("msgfmt") is None:
        pytest.fail("gettext's msgfmt is missing: install the gettext package")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_has_no_untranslated_or_fuzzy_entry(msgfmt, language):
    stats = statistics(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")
    assert "untranslated" not in stats and "fuzzy" not in stats, stats


def test_every_string_in_the_code_is_in_the_catalogues(msgfmt, tmp_path):
    """Extracts the strings afresh into a copy of the tree: a new string fails here."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, tmp_path / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__")
            )
        else:
            shutil.copy(source, tmp_path / name)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--no-obsolete",
            "-v",
            "0",
            *[f"-l{language}" for language in LANGUAGES],
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"DEBUG": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    for language in LANGUAGES:
        stats = statistics(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po")
        assert "untranslated" not in stats and "fuzzy" not in stats, (
            f"{language}: {stats} — run `make messages-update` and translate the new strings"
        )
