"""A short bilingual text, shown in the language in force."""

from __future__ import annotations

from dataclasses import dataclass

from course.i18n import get_language

__all__ = ["Text"]


@dataclass(frozen=True)
class Text:
    """A short text in English and Simplified Chinese (data, not a UI message)."""

    en: str
    """The English text."""
    zh: str
    """The Chinese text, as the seed words it where it does."""

    def __str__(self) -> str:
        return self.zh if get_language() == "zh" else self.en

    @property
    def both(self) -> str:
        """``"English (中文)"``, whatever the language.

        Examples
        --------
        >>> Text("Searching for things", "找东西").both
        'Searching for things (找东西)'
        """
        return f"{self.en} ({self.zh})"
