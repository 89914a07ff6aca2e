"""Indicators: the registry of sources, their computation per activity, status, display.

The package imports none of its modules: the registry is filled by ReportsConfig.ready.
"""
