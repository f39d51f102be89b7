"""Grade exports: CSV and an HTML report (placeholder, filled in below)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["write_reports"]


def write_reports(course: Path) -> dict[str, Path]:
    """Write the course's reports and return their paths."""
    return {}
