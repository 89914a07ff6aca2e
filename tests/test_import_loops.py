"""No two modules of the project import each other, at the top or inside a function.

Services enqueue tasks and a task never imports the services module back; the indicator
sources are registered by ReportsConfig.ready, not by a package importing its own
modules. A lazy import inside a function counts: it hides a loop, it does not break it.
"""

import ast
from pathlib import Path

import pytest

from tests.test_import_order import LAYER_OF, ROOT


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for app in LAYER_OF:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def imported_modules(source: str, name: str, package: str, known: set[str]) -> set[str]:
    """The project modules the code of module ``name`` (in ``package``) imports anywhere;
    ``from a import b`` imports the module a.b when there is one, else a."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return (found & known) - {name}


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        source = path.read_text(encoding="utf-8")
        graph[name] = imported_modules(source, name, package, set(modules))
    return graph


def both_ways(graph: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{one} ⇄ {other}"
        for one, targets in graph.items()
        for other in targets
        if one < other and one in graph.get(other, ())
    )


def test_no_two_modules_import_each_other():
    assert both_ways(import_graph()) == []


def test_services_enqueue_tasks_and_no_task_imports_its_services_back():
    graph = import_graph()
    services = [name for name in graph if name.split(".")[1:2] == ["services"]]
    assert {"accounts.services", "exhibition.services", "reports.services"} <= set(services)
    loops = [
        f"{name} ⇄ {tasks}"
        for name in services
        if name in graph.get(tasks := name.split(".")[0] + ".tasks", ()) and tasks in graph[name]
    ]
    assert loops == []


@pytest.mark.parametrize(
    "import_back",
    [
        "def enqueue():\n    from accounts.tasks import send_activation_email\n",
        "def enqueue():\n    from accounts import tasks\n",
        "def enqueue():\n    from . import tasks\n",
        "import accounts.tasks\n",
    ],
)
def test_an_import_back_is_found_even_inside_a_function(import_back):
    """Today's tasks module with a services module that imports it back, however: a loop."""
    graph = import_graph()
    services = (ROOT / "accounts/services.py").read_text(encoding="utf-8") + "\n" + import_back
    graph["accounts.services"] = imported_modules(
        services, "accounts.services", "accounts", set(graph)
    )
    graph["accounts.tasks"].add("accounts.services")
    assert both_ways(graph) == ["accounts.services ⇄ accounts.tasks"]
