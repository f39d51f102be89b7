"""The course's own exception family for bad input, worded in the trainee's language.

Every check in :mod:`course` raises :class:`CourseInputError` (a ``ValueError``)
whose message names the field, the value received and what is allowed, so a
trainee sees what to fix instead of a traceback from deep inside pandas.

Every word of the message goes through the gettext catalogs: the frame
(``row 2, beds: got -1; allowed: …``), what is allowed (a :class:`Phrase`), a
description shown in place of a value ("an empty cell") and the field's name
(in Chinese ``床位数（beds）``: the label, then the code typed in the file). The
message is worded when it is *shown* (``str(error)``), in the language in force
then, so an error caught in English and shown after ``set_language("zh")``
reads in Chinese. The checks that build these errors live in :mod:`course.inputs`.

Examples
--------
>>> from course.i18n import set_language
>>> err = CourseInputError.single("beds", -1, Phrase("a number >= {low}", low=0))
>>> set_language("zh"); print(err)
床位数（beds）：收到 -1；应为：不小于 0 的数
>>> set_language("en"); print(err)
beds: got -1; allowed: a number >= 0
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from course._language import in_force, translate

__all__ = ["CourseInputError", "Phrase", "Problem", "Wording", "field_name", "say"]


class Phrase:
    """Words of an input error, kept as an English template and worded when shown.

    ``str(phrase)`` gives the template's translation in the language in force with
    the parameters filled in (a parameter that is itself a :class:`Phrase` is worded
    too). ``repr`` is the same text, so a phrase that describes the value received
    ("an empty cell") is shown without quotes. Templates are the catalogs' msgids.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> phrase = Phrase("at least {count} rows", count=3)
    >>> str(phrase), phrase
    ('at least 3 rows', at least 3 rows)
    >>> phrase == Phrase("at least {count} rows", count=3)
    True
    """

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        """The English wording, with ``{name}`` placeholders (the catalog's msgid)."""
        self.params = params
        """The values put into the placeholders."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_phrase, (self.template, self.params))

    def __str__(self) -> str:
        return self.in_language(_language())

    def __repr__(self) -> str:
        return str(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Phrase):
            return NotImplemented
        return (self.template, self.params) == (other.template, other.params)

    def __hash__(self) -> int:
        return hash((self.template, tuple(sorted(self.params))))  # the same whatever the language

    def in_language(self, lang: str) -> str:
        """The phrase worded in ``lang`` (``"en"`` or ``"zh"``), whatever the language in force.

        Examples
        --------
        >>> Phrase("an empty cell").in_language("zh")
        '空单元格'
        """
        params = {k: say(v, lang) if isinstance(v, Phrase) else v for k, v in self.params.items()}
        try:
            return translate(self.template, lang).format(**params)
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
            return self.template.format(**params)


Wording = str | Phrase
"""What is allowed, or a description: a :class:`Phrase`, or a plain text (taken as English)."""


def say(wording: Wording, lang: str | None = None) -> str:
    """Word ``wording`` in ``lang`` (default: the language in force).

    A plain text is taken as English and translated where the catalogs have it.

    Examples
    --------
    >>> say("True or False", "zh"), say("True or False", "en")
    ('True 或 False', 'True or False')
    """
    lang = lang or _language()
    if isinstance(wording, Phrase):
        return wording.in_language(lang)
    return translate(str(wording), lang)


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def field_name(field: str, lang: str | None = None) -> str:
    """The name of a field as a trainee reads it in ``lang``.

    In English the code itself (``beds``); in Chinese the catalog's label followed
    by the code in brackets (``床位数（beds）``), since the code is what a trainee
    finds in the CSV header or types as an argument. A compound name such as
    ``hospitals.x_km`` is labelled word by word.

    Examples
    --------
    >>> field_name("beds", "zh"), field_name("hospitals.x_km", "zh"), field_name("beds", "en")
    ('床位数（beds）', '医院表.东西位置 km（hospitals.x_km）', 'beds')
    """
    lang = lang or _language()
    whole = translate(field, lang)  # in English: the code itself
    if whole != field:
        return f"{whole}（{field}）"

    def label(match: re.Match[str]) -> str:
        word = match.group(0)
        return translate(word, lang) if len(word) > 1 and word != word.upper() else word

    labelled = _WORD.sub(label, field)
    return f"{labelled}（{field}）" if labelled != field else field


class Problem:
    """One problem found in the input: field, value received, what is allowed, row.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> problem = Problem("beds", -1, Phrase("a number >= {low}", low=0), row=2)
    >>> print(problem)
    row 2, beds: got -1; allowed: a number >= 0
    >>> problem.field, problem.value, problem.allowed, problem.row
    ('beds', -1, 'a number >= 0', 2)
    """

    __slots__ = ("field", "row", "value", "wording")

    field: str
    """The field, argument or column that is wrong, as the code names it."""
    value: Any
    """The value that was received (or a :class:`Phrase` describing it)."""
    wording: Wording
    """What would have been accepted, as given (worded when shown)."""
    row: int | None
    """The 1-based data row (as a spreadsheet shows it, header excluded), if any."""

    def __init__(self, field: str, value: Any, allowed: Wording, row: int | None = None) -> None:
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "wording", allowed)
        object.__setattr__(self, "row", row)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Problem is read-only: cannot set {name}")

    def __reduce__(self) -> tuple[type[Problem], tuple[Any, ...]]:
        return (Problem, self._key())

    @property
    def allowed(self) -> str:
        """What would have been accepted, in plain words of the language in force."""
        return say(self.wording)

    def in_language(self, lang: str) -> str:
        """The whole problem worded in ``lang``.

        Examples
        --------
        >>> Problem("status", 5, Phrase("a whole number from {low} to {high}", low=-4, high=4), 3).in_language("zh")
        '第 3 行，处方现状（status）：收到 5；应为：从 -4 到 4 的整数'
        """
        shown = self.value.in_language(lang) if isinstance(self.value, Phrase) else repr(self.value)
        parts = {"field": field_name(self.field, lang), "value": shown, "allowed": say(self.wording, lang)}
        if self.row is None:
            return Phrase("{field}: got {value}; allowed: {allowed}", **parts).in_language(lang)
        return Phrase("row {row}, {field}: got {value}; allowed: {allowed}", row=self.row, **parts).in_language(lang)

    def __str__(self) -> str:
        return self.in_language(_language())

    def _key(self) -> tuple[Any, ...]:
        return (self.field, self.value, self.wording, self.row)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return bool(self._key() == other._key())

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Problem(field={self.field!r}, value={self.value!r}, "
                f"allowed={self.wording!r}, row={self.row!r})")


class CourseInputError(ValueError):
    """Bad input to a course function; lists every problem found.

    The message is worded when shown, in the language in force then.

    Examples
    --------
    >>> err = CourseInputError.single("status", 5, "a whole number from -4 to 4")
    >>> print(err)
    status: got 5; allowed: a whole number from -4 to 4
    >>> err.field, err.value
    ('status', 5)
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        if not self.problems:
            raise ValueError("CourseInputError needs at least one problem")
        super().__init__(self.problems)

    def __str__(self) -> str:
        return self.in_language(_language())

    def in_language(self, lang: str) -> str:
        """Every problem, one a line, worded in ``lang``."""
        return "\n".join(p.in_language(lang) for p in self.problems)

    @classmethod
    def single(cls, field: str, value: Any, allowed: Wording) -> CourseInputError:
        """Build an error for one field."""
        return cls([Problem(field, value, allowed)])

    @property
    def field(self) -> str:
        """The field of the first problem."""
        return self.problems[0].field

    @property
    def value(self) -> Any:
        """The value of the first problem."""
        return self.problems[0].value

    @property
    def allowed(self) -> str:
        """What is allowed for the first problem, in the language in force."""
        return self.problems[0].allowed


def _phrase(template: str, params: dict[str, object]) -> Phrase:
    return Phrase(template, **params)


def _language() -> str:
    # an unknown COURSE_LANG is reported by course.i18n; an error is still worded, in English
    return in_force() or "en"
