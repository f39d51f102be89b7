"""Plots: functions that take data and an optional Axes and return the Axes."""

from __future__ import annotations

__all__: list[str] = []
