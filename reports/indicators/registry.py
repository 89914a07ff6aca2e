"""The registry of indicator sources: how each indicator's actual value is computed.

A source is a small function ``f(project) -> Decimal`` registered under a key; an
Indicator whose ``source`` is that key is measured by it (daily, by the snapshot task).
To add one, write the function in the module of its activity and decorate it::

    @source("trainings_held", _("Trainings held"))
    def trainings_held(project: GrantProject) -> Decimal:
        return Decimal(Training.objects.filter(project=project, held_on__isnull=False).count())

then set ``Indicator.source = "trainings_held"`` (the admin offers the registered keys).
The decorator only marks the function; importing a module registers nothing. The registry
is filled in one place, ``ReportsConfig.ready`` (reports/apps.py), which passes every
module of sources to ``sources_register``: a new module is added to that call.

Each function must run a fixed number of queries, whatever the data's size.
Percentages are returned as 0–100. This module imports no source module, so no
import loop runs through it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from types import ModuleType

from projects.models import GrantProject

Compute = Callable[[GrantProject], Decimal]


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    compute: Compute


SOURCES: dict[str, Source] = {}


def source(key: str, label) -> Callable[[Compute], Compute]:
    """Marks the decorated function as the source called ``key`` (sources_register adds it)."""

    def mark(compute: Compute) -> Compute:
        compute.indicator_source = Source(key, label, compute)
        return compute

    return mark


def sources_register(*modules: ModuleType) -> None:
    """Adds the sources the modules' functions are marked with; run once, at start-up."""
    for module in modules:
        for found in vars(module).values():
            marked = getattr(found, "indicator_source", None)
            if not isinstance(marked, Source) or marked.compute is not found:
                continue
            if SOURCES.get(marked.key, marked) is not marked:
                raise ValueError(f"indicator source {marked.key!r} is registered twice")
            SOURCES[marked.key] = marked


def source_choices() -> list[tuple[str, str]]:
    """The registered sources for a form's choices, "not computed" first."""
    registered = sorted((key, f"{key}: {found.label}") for key, found in SOURCES.items())
    return [("", "—"), *registered]


def percent(part: int, whole: int) -> Decimal:
    if not whole:
        return Decimal(0)
    return (Decimal(100) * part / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
