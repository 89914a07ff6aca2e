"""One way to refuse (`ServiceError`) and one way for a view to show it (`refusal_show`).

Read from the source, like the import order: a view that catches a refusal by its own class,
shows it by hand, or catches Django's ValidationError from a service fails here.
"""

import ast
from pathlib import Path

import pytest

from accounts.errors import ServiceError
from tests.test_import_order import LAYER_OF, ROOT

HELPERS = {"refusal_show", "refusal_response"}


def _modules(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _refusal_classes() -> set[str]:
    """Every class in the apps that derives, by name, from ServiceError."""
    bases: dict[str, set[str]] = {}
    for app in LAYER_OF:
        for _path, tree in _modules(app):
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef):
                    bases[node.name] = {getattr(base, "id", "") for base in node.bases}
    found = {"ServiceError"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def _is_view_module(path: Path) -> bool:
    return "views" in path.stem or path.parent.name == "views"


def _caught(handler: ast.ExceptHandler) -> set[str]:
    if handler.type is None:
        return set()
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return {kind.id if isinstance(kind, ast.Name) else getattr(kind, "attr", "") for kind in kinds}


def _calls(handler: ast.ExceptHandler) -> set[str]:
    return {
        node.func.id
        for node in ast.walk(handler)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }


def _view_handlers():
    for app in LAYER_OF:
        for path, tree in _modules(app):
            if _is_view_module(path):
                for node in ast.walk(tree):
                    if isinstance(node, ast.ExceptHandler):
                        yield path.relative_to(ROOT), node


def test_the_refusal_classes_are_found():
    """The search below is only as good as this list: the named refusals are on it."""
    found = _refusal_classes()
    assert {"SubmissionRefused", "DecisionRefused", "TransitionRefused", "CodeError"} <= found
    assert len(found) >= 18


def test_views_catch_refusals_as_service_errors_and_show_them_through_the_helper():
    refusals = _refusal_classes()
    wrong = []
    for path, handler in _view_handlers():
        caught = _caught(handler)
        if caught & (refusals - {"ServiceError"}):
            wrong.append(f"{path}:{handler.lineno} catches {sorted(caught)}: catch ServiceError")
        if "ValidationError" in caught:
            wrong.append(f"{path}:{handler.lineno} catches ValidationError from a service")
        if "ServiceError" in caught and not _calls(handler) & HELPERS:
            wrong.append(f"{path}:{handler.lineno} shows a refusal without refusal_show")
    assert wrong == []


def test_services_refuse_with_service_errors_not_validation_errors():
    wrong = []
    for app in LAYER_OF:
        for path, tree in _modules(app):
            if path.stem != "services" and path.parent.name != "services":
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Raise) and node.exc is not None:
                    raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                    if getattr(raised, "id", "") == "ValidationError":
                        wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wrong == []


@pytest.mark.parametrize(
    "path",
    [
        "notifications.sms.SmsError",
        "notifications.telegram.TelegramError",
        "notifications.tasks.DeliveryError",
        "ops.backup.BackupError",
    ],
)
def test_the_machinery_failing_is_not_a_refusal(path):
    from django.utils.module_loading import import_string

    assert not issubclass(import_string(path), ServiceError)


def test_a_refusal_goes_on_its_field_or_above_the_form(rf):
    from django import forms

    class Form(forms.Form):
        phone = forms.CharField()

    form = Form({"phone": "+77011234567"})
    assert form.is_valid()
    from accounts.errors import refusal_show

    refusal_show(rf.get("/"), ServiceError("Бос емес", field="phone"), form)
    refusal_show(rf.get("/"), ServiceError(["Бір", "Екі"], field="not_on_this_form"), form)
    assert form.errors == {"phone": ["Бос емес"], "__all__": ["Бір", "Екі"]}
    assert form.data["phone"] == "+77011234567"  # what was typed stays


def _checks_raising_validation_errors() -> set[str]:
    """Module-level functions that raise Django's ValidationError, or call one that does
    without turning it into a refusal (a file check built on another): `photo_prepare`,
    `scan_prepare`, `check_attachment`, …"""
    bodies = {}
    for app in LAYER_OF:
        for _path, tree in _modules(app):
            for node in tree.body:
                if isinstance(node, ast.FunctionDef):
                    bodies[node.name] = node
    raising = {
        name
        for name, body in bodies.items()
        if any(
            isinstance(node, ast.Raise)
            and getattr(getattr(node.exc, "func", node.exc), "id", "") == "ValidationError"
            for node in ast.walk(body)
        )
    }
    while True:
        more = {
            name
            for name, body in bodies.items()
            if name not in raising and set(_unguarded_calls(body, raising))
        }
        if not more:
            return raising
        raising |= more


def _guards(node: ast.AST) -> bool:
    """A `with refused_as_field(...)` block, or a `try` that catches ValidationError."""
    if isinstance(node, ast.With):
        return any(
            getattr(getattr(item.context_expr, "func", None), "id", "") == "refused_as_field"
            for item in node.items
        )
    if isinstance(node, ast.Try):
        return any("ValidationError" in _caught(handler) for handler in node.handlers)
    return False


def _unguarded_calls(tree: ast.AST, names: set[str]):
    """Calls to `names` in `tree` outside any guard; a guard covers its body only."""
    if _guards(tree):
        inside = tree.body
        rest = [child for child in ast.iter_child_nodes(tree) if child not in inside]
        for child in rest:
            if not isinstance(child, ast.ExceptHandler):
                yield from _unguarded_calls(child, names)
        return
    if isinstance(tree, ast.Call) and getattr(tree.func, "id", "") in names:
        yield tree
    for child in ast.iter_child_nodes(tree):
        yield from _unguarded_calls(child, names)


def test_the_checks_that_raise_validation_errors_are_found():
    assert {"photo_prepare", "scan_prepare", "check_attachment"} <= (
        _checks_raising_validation_errors()
    )


def test_services_turn_a_check_s_validation_error_into_a_refusal():
    """A service calling a file or value check refuses through `refused_as_field` (or its own
    `except ValidationError`), so a bad upload is a message on the form, never a 500."""
    checks = _checks_raising_validation_errors()
    wrong = []
    for app in LAYER_OF:
        for path, tree in _modules(app):
            if path.stem != "services" and path.parent.name != "services":
                continue
            for call in _unguarded_calls(tree, checks):
                wrong.append(f"{path.relative_to(ROOT)}:{call.lineno} {call.func.id}")
    assert wrong == []
