"""Interactive widgets: thin shells over the course library."""

from __future__ import annotations

__all__: list[str] = []
