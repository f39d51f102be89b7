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
from typing import TypeVar

from course._language import (
    LANGUAGES,
    LOCALE_DIR,
    catalog,
    code_of,
    in_force,
    set_in_force,
    translate,
)
from course.errors import CourseInputError

# LANGUAGES, LOCALE_DIR and catalog live in course._language (course.errors builds on it too)
__all__ = [
    "LANGUAGES", "LOCALE_DIR", "Text", "_", "bilingual", "catalog", "choose", "get_language", "set_language", "tr",
]

T = TypeVar("T")

_ALLOWED = "'en' (English) or 'zh' (简体中文)"


def set_language(lang: str) -> None:
    """Choose the language of every message from now on: ``"en"`` or ``"zh"``.

    Examples
    --------
    >>> set_language("fr")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: language: got 'fr'; allowed: 'en' (English) or 'zh' (简体中文)
    """
    code = code_of(lang)
    if code is None:
        raise CourseInputError.single("language", lang, _ALLOWED)
    set_in_force(code)


def get_language() -> str:
    """Return the language in force: the one set, else ``COURSE_LANG``, else ``"en"``.

    Examples
    --------
    >>> set_language("en"); get_language()
    'en'
    """
    code = in_force()
    if code is None:
        raise CourseInputError.single("COURSE_LANG", os.environ.get("COURSE_LANG", ""), _ALLOWED)
    return code


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


def _(message: str) -> str:
    """Translate ``message`` (written in English) into the language in force.

    Examples
    --------
    >>> set_language("en"); _("Urgent")
    'Urgent'
    """
    return translate(message, get_language())


def tr(message: str, /, **values: object) -> str:
    """Translate a lesson's line (written in English) and fill in its ``{values}``.

    Notebooks print with ``tr`` rather than ``_``, because IPython keeps the last result
    in ``_``. The Chinese of each notebook's lines is in its own catalog
    (``course/locale/zh_CN/LC_MESSAGES/lessonNN.po`` or ``exN.po``).

    Examples
    --------
    >>> set_language("zh"); tr("Important")
    '重要'
    >>> set_language("en"); tr("{hours:.0f} hours", hours=160.4)
    '160 hours'
    """
    text = _(message)
    return text.format(**values) if values else text


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

    ``str(text)`` gives the wording in the language in force; :attr:`term` gives
    ``"English (中文)"`` in English and the Chinese alone in Chinese (lessons print key
    concepts with it); :attr:`both` gives ``"English (中文)"`` whatever the language.

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

    @property
    def term(self) -> str:
        """How a lesson names a key concept: ``"English (中文)"`` in English, ``"中文"`` in Chinese.

        The English edition shows the material's Chinese term beside each concept; the
        Chinese edition reads in the material's own words only.

        Examples
        --------
        >>> t = Text("Searching for things", "找东西")
        >>> set_language("en"); t.term
        'Searching for things (找东西)'
        >>> set_language("zh"); t.term
        '找东西'
        >>> set_language("en")
        """
        return choose(self.both, self.zh)
