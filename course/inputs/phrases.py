"""One wording for each thing an input error says: what is allowed, and what was received.

Every phrase is a :class:`~course.errors.Phrase` (an English catalog msgid worded
in the language in force when shown). Checks and domain code build their errors
from these, so "a whole number from 1 to 5" is said one way everywhere, in
English and in Chinese.

Examples
--------
>>> from course.i18n import set_language
>>> set_language("en")
>>> str(number(low=1, high=5, whole=True)), str(one_of(["A", "B"], or_empty=True))
('a whole number from 1 to 5', "one of 'A', 'B' or empty")
>>> set_language("zh"); str(number(low=0))
'不小于 0 的数'
>>> set_language("en")
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from course.errors import Phrase

__all__ = [
    "AT_LEAST_ONE_ROW",
    "A_DATE",
    "A_MONTH",
    "A_TABLE",
    "A_TEXT",
    "A_TIME",
    "COLUMN_TWICE",
    "EACH_COLUMN_ONCE",
    "EMPTY_CELL",
    "EMPTY_TABLE",
    "FALSE_WORDS",
    "MISSING_COLUMN",
    "NON_EMPTY_TEXT",
    "SEE_ROWS_ABOVE",
    "TRUE_OR_FALSE",
    "TRUE_WORDS",
    "YES_OR_NO",
    "a_column_named",
    "allowing_empty",
    "as_is",
    "columns_received",
    "listed",
    "more_bad_cells",
    "not_before",
    "number",
    "number_text",
    "one_of",
    "table_with_columns",
]

TRUE_WORDS = frozenset({"true", "1", "1.0", "yes", "y", "t", "是"})
"""Words a cell may hold for yes (compared lower-case, spaces stripped); 1.0 is how Excel may save 1."""
FALSE_WORDS = frozenset({"false", "0", "0.0", "no", "n", "f", "否"})
"""Words a cell may hold for no."""

# -- what is allowed ---------------------------------------------------------
TRUE_OR_FALSE = Phrase("True or False")
"""A Python ``bool`` argument."""
YES_OR_NO = Phrase("yes or no (true/false, 1/0, 是/否)")
"""A table cell read as yes/no (:data:`TRUE_WORDS`, :data:`FALSE_WORDS`)."""
A_DATE = Phrase("a date (YYYY-MM-DD)")
A_MONTH = Phrase("a month (YYYY-MM)")
A_TIME = Phrase("a time (HH:MM)")
A_TEXT = Phrase("a text")
NON_EMPTY_TEXT = Phrase("a non-empty text")
A_TABLE = Phrase("a table (pandas DataFrame)")
AT_LEAST_ONE_ROW = Phrase("at least one row")
EACH_COLUMN_ONCE = Phrase("each column once")
SEE_ROWS_ABOVE = Phrase("see the rows above")

# -- what was received, when it is not a value -------------------------------
EMPTY_CELL = Phrase("an empty cell")
EMPTY_TABLE = Phrase("an empty table")
MISSING_COLUMN = Phrase("missing column")
COLUMN_TWICE = Phrase("the column twice")

_RANGES: dict[tuple[bool, bool, bool], tuple[Phrase, Phrase]] = {
    # (low given, high given, low open) → the template for a number, for a whole number
    (False, False, False): (Phrase("a number"), Phrase("a whole number")),
    (True, True, False): (Phrase("a number from {low} to {high}"), Phrase("a whole number from {low} to {high}")),
    (True, True, True): (Phrase("a number > {low} and <= {high}"), Phrase("a whole number > {low} and <= {high}")),
    (True, False, False): (Phrase("a number >= {low}"), Phrase("a whole number >= {low}")),
    (True, False, True): (Phrase("a number > {low}"), Phrase("a whole number > {low}")),
    (False, True, False): (Phrase("a number <= {high}"), Phrase("a whole number <= {high}")),
}


def number_text(x: float) -> str:
    """A limit as a trainee writes it: ``5`` for 5.0, ``0.5`` for 0.5.

    Examples
    --------
    >>> number_text(5.0), number_text(0.25), number_text(-4)
    ('5', '0.25', '-4')
    """
    return str(int(x)) if float(x).is_integer() else str(x)


def number(
    low: float | None = None, high: float | None = None, *, whole: bool = False, low_open: bool = False
) -> Phrase:
    """"a number" or "a whole number", with its range.

    Examples
    --------
    >>> str(number(low=0, high=1, low_open=True)), str(number(high=10, whole=True))
    ('a number > 0 and <= 1', 'a whole number <= 10')
    """
    shape = (low is not None, high is not None, low_open and low is not None)
    template = _RANGES[shape][1 if whole else 0].template
    params = {}
    if low is not None:
        params["low"] = number_text(low)
    if high is not None:
        params["high"] = number_text(high)
    return Phrase(template, **params)


def listed(values: Iterable[object]) -> str:
    """Values as a trainee types them, quoted and separated by commas.

    Examples
    --------
    >>> listed(["A", "B", 3])
    "'A', 'B', 3"
    """
    return ", ".join(repr(v) for v in values)


def one_of(choices: Iterable[object], *, or_empty: bool = False) -> Phrase:
    """"one of 'A', 'B'" (``or_empty``: "… or empty").

    Examples
    --------
    >>> str(one_of(["call", "travel"]))
    "one of 'call', 'travel'"
    """
    phrase = Phrase("one of {choices}", choices=listed(choices))
    return allowing_empty(phrase) if or_empty else phrase


def allowing_empty(allowed: Phrase) -> Phrase:
    """What is allowed, "or empty".

    Examples
    --------
    >>> str(allowing_empty(number(low=0)))
    'a number >= 0 or empty'
    """
    return Phrase("{allowed} or empty", allowed=allowed)


def not_before(day: date) -> Phrase:
    """"a date on or after 2026-01-01".

    Examples
    --------
    >>> str(not_before(date(2026, 1, 1)))
    'a date on or after 2026-01-01'
    """
    return Phrase("a date on or after {day}", day=day.isoformat())


def table_with_columns(required: Iterable[str], missing: Iterable[str]) -> Phrase:
    """What a table missing some columns should have had.

    Examples
    --------
    >>> str(table_with_columns(["id", "status"], ["status"]))
    "a table with columns ['id', 'status'] (missing: ['status'])"
    """
    return Phrase("a table with columns {required} (missing: {missing})",
                  required=str(list(required)), missing=str(list(missing)))


def a_column_named(name: str) -> Phrase:
    """"a column named 'year'".

    Examples
    --------
    >>> str(a_column_named("year"))
    "a column named 'year'"
    """
    return Phrase("a column named {name}", name=repr(name))


def columns_received(columns: Iterable[object]) -> Phrase:
    """The columns a table had, shown in place of the value received.

    Examples
    --------
    >>> columns_received(["id"])
    columns ['id']
    """
    return Phrase("columns {columns}", columns=str([str(c) for c in columns]))


def more_bad_cells(count: int) -> Phrase:
    """"25 more bad cells", shown after the first problems of a long column.

    Examples
    --------
    >>> more_bad_cells(25)
    25 more bad cells
    """
    return Phrase("{count} more bad cells", count=count)


def as_is(text: str) -> Phrase:
    """A code shown without quotes and without translation (a type name, a file name).

    Examples
    --------
    >>> as_is("list")
    list
    """
    return Phrase("{text}", text=text)
