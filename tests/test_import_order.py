"""The apps import each other in one direction only, the order the README states.

A lower layer never imports a higher one, at the top of a module or inside a function;
migrations are left out (they name models by string anyway).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lowest first; apps in one layer do not import each other.
LAYERS = [
    # Below accounts: sign-up codes and activation letters go through it.
    ["notifications"],
    ["accounts"],
    ["jastarurban"],
    # The project's passport, budget and indicators: every call belongs to a project.
    ["projects"],
    ["audit", "competitions"],
    ["applications"],
    ["reviews"],
    ["mentoring"],
    ["media_campaign", "exhibition"],
    ["reports", "ops"],
    # The demo and the benchmark's and load test's tools: everything is below it, nothing
    # imports it (production does not install it).
    ["demo"],
]
LAYER_OF = {app: depth for depth, apps in enumerate(LAYERS) for app in apps}


def imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
    return found & LAYER_OF.keys()


def test_every_app_is_in_a_layer():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"jastarurban"}
    assert apps == set(LAYER_OF), "place a new app in LAYERS (and the README's line)"


def test_no_app_imports_one_above_or_beside_it():
    wrong = []
    for app, depth in LAYER_OF.items():
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for other in imported_apps(path) - {app}:
                if LAYER_OF[other] >= depth:
                    wrong.append(f"{path.relative_to(ROOT)} imports {other}")
    assert wrong == []


def test_the_readme_states_the_order():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = " ← ".join(", ".join(apps) for apps in LAYERS)
    assert f"`{stated}`" in readme
