"""A short bilingual text, shown in the language in force (now :class:`course.i18n.Text`)."""

from __future__ import annotations

from course.i18n import Text

__all__ = ["Text"]
