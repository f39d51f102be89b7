"""The sample territory and loading a trainee's own CSV files."""

from __future__ import annotations

__all__: list[str] = []
