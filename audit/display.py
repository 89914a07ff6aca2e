"""An audit-log entry as people read it: the record, and each field as before → after.

Built from the entry alone (field labels and choice names from the model), so a page of
entries costs no query per row: related records show as they were logged, by number.
"""

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from accounts.roles import Role
from jastarurban.money import format_tenge

ACTIONS = {
    LogEntry.Action.CREATE: pgettext_lazy("audit action", "created"),
    LogEntry.Action.UPDATE: pgettext_lazy("audit action", "changed"),
    LogEntry.Action.DELETE: pgettext_lazy("audit action", "deleted"),
    LogEntry.Action.ACCESS: pgettext_lazy("audit action", "opened"),
}

EMPTY = "—"


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


def _field(model, name: str):
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if hasattr(field, "verbose_name") else None


def _formatted(field, value: str) -> str | None:
    """Dates as dd.mm.yyyy, times in Aqtau, money as tenge; None when not such a field."""
    kind = field.get_internal_type()
    try:
        if kind == "DateField":
            return date_format(date.fromisoformat(str(value)[:10]), "d.m.Y")
        if kind == "DateTimeField":
            moment = datetime.fromisoformat(str(value))
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, UTC)
            return date_format(timezone.localtime(moment), "d.m.Y H:i")
        if field.name.endswith("_kzt"):
            return format_tenge(int(value))
    except (TypeError, ValueError):
        return None
    return None


def _shown(field, value) -> str:
    if value in (None, "None", ""):
        return EMPTY
    choices = dict(field.flatchoices) if field is not None and field.choices else None
    if choices:
        for key, label in choices.items():
            if str(key) == str(value):
                return str(label)
    if value in ("True", True):
        return _("yes")
    if value in ("False", False):
        return _("no")
    if field is not None and field.is_relation and not field.many_to_many:
        return f"№ {value}"
    if field is not None:
        formatted = _formatted(field, value)
        if formatted is not None:
            return formatted
    return str(value)


def _changes(entry: LogEntry) -> dict:
    changes = entry.changes
    if isinstance(changes, str):
        try:
            changes = json.loads(changes)
        except ValueError:
            return {}
    return changes or {}


def model_label(entry: LogEntry) -> str:
    model = entry.content_type.model_class()
    return str(model._meta.verbose_name) if model else entry.content_type.model


def field_changes(entry: LogEntry) -> list[FieldChange]:
    model = entry.content_type.model_class()
    rows = []
    for name, values in _changes(entry).items():
        field = _field(model, name)
        label = str(field.verbose_name) if field is not None else name
        if isinstance(values, dict) and values.get("type") == "m2m":
            roles = dict(Role.choices)
            objects = ", ".join(str(roles.get(item, item)) for item in values.get("objects", []))
            if values.get("operation") == "add":
                rows.append(FieldChange(label, EMPTY, "+ " + objects))
            elif values.get("operation") == "delete":
                rows.append(FieldChange(label, "− " + objects, EMPTY))
            else:
                rows.append(FieldChange(label, objects, EMPTY))
            continue
        if name == "id":
            continue  # the record's number is shown with the record
        before, after = [*values, None, None][:2]
        shown = FieldChange(label, _shown(field, before), _shown(field, after))
        if shown.before == shown.after == EMPTY:
            continue  # an empty field of a new record says nothing
        rows.append(shown)
    return rows


def actor_label(entry: LogEntry) -> str:
    if entry.actor_id is None:
        return entry.actor_email or _("the system")
    return entry.actor.full_name or entry.actor.email
