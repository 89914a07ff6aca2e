"""Indicators: the registry of sources, their computation per activity, status, display.

Importing any module of this package fills the registry completely: the modules that
register sources are imported here, explicitly, and nowhere else for that effect.
"""

from reports.indicators import activities, sources  # noqa: F401  (they register sources)
