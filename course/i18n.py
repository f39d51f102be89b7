"""English and Simplified Chinese messages for widgets, feedback and plots.

Messages are written in English in the code as ``_("...")`` and translated in
gettext catalogs, one ``.po`` file per topic under
``course/locale/zh_CN/LC_MESSAGES/``. Babel extracts the messages
(``make i18n``) and reads the catalogs; a test fails when a message has no
Chinese translation.

The language is chosen with :func:`set_language` or the ``COURSE_LANG``
environment variable (``en`` or ``zh``); English is the default.

Course data held in both languages (names, notes, advice from the training
material) is a :class:`Text`; this module is the only one that decides which
language to show (:func:`choose`).

Examples
--------
>>> set_language("zh")
>>> _("Important")
'重要'
>>> set_language("en")
>>> _("Important")
'Important'
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from course.errors import CourseInputError

__all__ = ["LANGUAGES", "Text", "_", "bilingual", "choose", "get_language", "set_language"]

T = TypeVar("T")

LANGUAGES = ("en", "zh")
"""The languages the course speaks."""

LOCALE_DIR = Path(__file__).parent / "locale"
_ALIASES = {"en": "en", "en_us": "en", "en_gb": "en", "zh": "zh", "zh_cn": "zh", "zh_hans": "zh"}
_chosen: str | None = None


def _normalise(lang: str, field: str) -> str:
    key = str(lang).strip().lower().replace("-", "_")
    if key not in _ALIASES:
        raise CourseInputError.single(field, lang, "'en' (English) or 'zh' (简体中文)")
    return _ALIASES[key]


def set_language(lang: str) -> None:
    """Choose the language of every message from now on: ``"en"`` or ``"zh"``.

    Examples
    --------
    >>> set_language("fr")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: language: got 'fr'; allowed: 'en' (English) or 'zh' (简体中文)
    """
    global _chosen
    _chosen = _normalise(lang, "language")


def get_language() -> str:
    """Return the language in force: the one set, else ``COURSE_LANG``, else ``"en"``.

    Examples
    --------
    >>> set_language("en"); get_language()
    'en'
    """
    if _chosen is not None:
        return _chosen
    env = os.environ.get("COURSE_LANG", "").strip()
    return _normalise(env, "COURSE_LANG") if env else "en"


def choose(en: T, zh: T) -> T:
    """Return ``en`` or ``zh``, whichever belongs to the language in force.

    The one place that decides between two languages: :class:`Text` uses it, and so
    does code that holds the two languages side by side in other shapes, e.g. a
    table's ``name_en`` / ``name_zh`` columns.

    Examples
    --------
    >>> set_language("zh"); choose("name_en", "name_zh")
    'name_zh'
    >>> set_language("en"); choose("name_en", "name_zh")
    'name_en'
    """
    return zh if get_language() == "zh" else en


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


def _(message: str) -> str:
    """Translate ``message`` (written in English) into the language in force.

    Examples
    --------
    >>> set_language("en"); _("Urgent")
    'Urgent'
    """
    lang = get_language()
    if lang == "en":
        return message
    return catalog(lang).get(message, message)


def bilingual(message: str) -> str:
    """Return ``"English (中文)"`` for a key term, whatever the language.

    Examples
    --------
    >>> bilingual("Important")
    'Important (重要)'
    """
    zh = catalog("zh").get(message)
    return f"{message} ({zh})" if zh and zh != message else message


@dataclass(frozen=True)
class Text:
    """A short text held in English and Simplified Chinese (course data, not a UI message).

    ``str(text)`` gives the wording in the language in force; :attr:`both` gives
    ``"English (中文)"`` whatever the language.

    Examples
    --------
    >>> t = Text("Searching for things", "找东西")
    >>> set_language("zh"); str(t)
    '找东西'
    >>> set_language("en"); str(t)
    'Searching for things'
    """

    en: str
    """The English text."""
    zh: str
    """The Chinese text, in the training material's words where it has them."""

    def __str__(self) -> str:
        return choose(self.en, self.zh)

    @property
    def both(self) -> str:
        """``"English (中文)"``, whatever the language.

        Examples
        --------
        >>> Text("Searching for things", "找东西").both
        'Searching for things (找东西)'
        """
        return f"{self.en} ({self.zh})"
