"""Indicator sources are registered in one place (ReportsConfig.ready): the decorator only
marks a function, and a key two functions claim is refused."""

from decimal import Decimal
from types import ModuleType

import pytest

from reports.indicators import registry
from reports.indicators.registry import SOURCES, source, sources_register


def module_with(key: str) -> ModuleType:
    module = ModuleType("more_sources")

    @source(key, "A figure")
    def figure(project) -> Decimal:
        return Decimal(7)

    module.figure = figure
    return module


def test_a_marked_function_counts_once_its_module_is_registered(monkeypatch):
    monkeypatch.setattr(registry, "SOURCES", dict(SOURCES))
    module = module_with("seven")
    assert "seven" not in registry.SOURCES
    sources_register(module)
    sources_register(module)  # again, as a second ready() would: nothing changes
    assert registry.SOURCES["seven"].compute(None) == Decimal(7)
    assert set(registry.SOURCES) == set(SOURCES) | {"seven"}


def test_a_key_claimed_by_two_functions_is_refused(monkeypatch):
    monkeypatch.setattr(registry, "SOURCES", dict(SOURCES))
    with pytest.raises(ValueError, match="applications_received"):
        sources_register(module_with("applications_received"))
