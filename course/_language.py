"""The language in force and the message catalogs, underneath :mod:`course.i18n`.

This bottom layer imports nothing from the course, so both :mod:`course.i18n`
(which raises :class:`~course.errors.CourseInputError` for an unknown language)
and :mod:`course.errors` (which words its messages in the language in force)
can build on it without importing each other in a circle. Use
:mod:`course.i18n` in course code; this module is its engine room.

Examples
--------
>>> code_of("zh-CN"), code_of("fr")
('zh', None)
>>> translate("Important", "zh")
'重要'
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

__all__ = ["LANGUAGES", "LOCALE_DIR", "catalog", "code_of", "in_force", "set_in_force", "translate"]

LANGUAGES = ("en", "zh")
"""The languages the course speaks."""

LOCALE_DIR = Path(__file__).parent / "locale"
_ALIASES = {"en": "en", "en_us": "en", "en_gb": "en", "zh": "zh", "zh_cn": "zh", "zh_hans": "zh"}
_state: dict[str, str] = {}


def code_of(lang: object) -> str | None:
    """Return ``"en"`` or ``"zh"`` for a language name such as ``"zh_CN"``, else ``None``.

    Examples
    --------
    >>> code_of(" EN_gb ")
    'en'
    """
    return _ALIASES.get(str(lang).strip().lower().replace("-", "_"))


def set_in_force(code: str) -> None:
    """Make ``code`` (already one of :data:`LANGUAGES`) the language in force."""
    _state["chosen"] = code


def in_force() -> str | None:
    """The language chosen, else ``COURSE_LANG``'s, else ``"en"``; ``None`` if ``COURSE_LANG`` is unknown.

    Examples
    --------
    >>> set_in_force("en"); in_force()
    'en'
    """
    if "chosen" in _state:
        return _state["chosen"]
    env = os.environ.get("COURSE_LANG", "").strip()
    return code_of(env) if env else "en"


@cache
def catalog(lang: str = "zh") -> dict[str, str]:
    """Return the merged message catalog of ``lang`` (msgid → translation).

    Examples
    --------
    >>> catalog("zh")["Important"]
    '重要'
    """
    from babel.messages.pofile import read_po

    folder = LOCALE_DIR / {"zh": "zh_CN"}.get(lang, lang) / "LC_MESSAGES"
    merged: dict[str, str] = {}
    for path in sorted(folder.glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle, locale="zh_CN"):
                if message.id and isinstance(message.id, str) and message.string:
                    merged[message.id] = str(message.string)
    return merged


def translate(message: str, lang: str) -> str:
    """``message`` (written in English) in ``lang``; the English text where no translation exists.

    Examples
    --------
    >>> translate("Urgent", "en"), translate("Urgent", "zh")
    ('Urgent', '紧急')
    """
    return catalog(lang).get(message, message)  # English has no catalog: the message as written
