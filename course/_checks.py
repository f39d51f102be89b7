"""Small argument checks shared by the domain modules.

Each returns the (converted) value or raises :class:`~course.errors.CourseInputError`
naming the field, the value and what is allowed.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from datetime import date
from typing import Any, TypeVar

import pandas as pd

from course.errors import CourseInputError

T = TypeVar("T")

__all__ = [
    "check_choice",
    "check_columns",
    "check_fraction",
    "check_future_date",
    "check_int",
    "check_not_empty",
    "check_number",
]


def check_number(
    field: str,
    value: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
) -> float:
    """Return ``value`` as a finite float within ``[low, high]``.

    Examples
    --------
    >>> check_number("beds", 120, low=0)
    120.0
    >>> check_number("beds", -3, low=0)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: beds: got -3; allowed: a number >= 0
    """
    allowed = _range_text("a number", low, high, low_open)
    if isinstance(value, bool):
        raise CourseInputError.single(field, value, allowed)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise CourseInputError.single(field, value, allowed) from None
    if math.isnan(number) or math.isinf(number):
        raise CourseInputError.single(field, value, allowed)
    if low is not None and (number < low or (low_open and number == low)):
        raise CourseInputError.single(field, value, allowed)
    if high is not None and number > high:
        raise CourseInputError.single(field, value, allowed)
    return number


def check_int(field: str, value: Any, *, low: int | None = None, high: int | None = None) -> int:
    """Return ``value`` as an int within ``[low, high]``; 3.0 is accepted, 3.5 is not.

    Examples
    --------
    >>> check_int("status", 4, low=-4, high=4)
    4
    >>> check_int("status", 5, low=-4, high=4)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: status: got 5; allowed: an integer from -4 to 4
    """
    allowed = _range_text("an integer", low, high, False)
    if isinstance(value, bool):
        raise CourseInputError.single(field, value, allowed)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise CourseInputError.single(field, value, allowed) from None
    if not math.isfinite(number) or number != int(number):
        raise CourseInputError.single(field, value, allowed)
    result = int(number)
    if (low is not None and result < low) or (high is not None and result > high):
        raise CourseInputError.single(field, value, allowed)
    return result


def check_fraction(field: str, value: Any) -> float:
    """Return ``value`` as a float in [0, 1].

    Examples
    --------
    >>> check_fraction("weight", 0.6)
    0.6
    """
    return check_number(field, value, low=0.0, high=1.0)


def check_choice(field: str, value: T, choices: Collection[T]) -> T:
    """Return ``value`` if it is one of ``choices``.

    Examples
    --------
    >>> check_choice("variant", "ambitious", ["ambitious", "assignable", "achievable"])
    'ambitious'
    >>> check_choice("grade", "A+", ["A", "B", "C"])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: grade: got 'A+'; allowed: one of 'A', 'B', 'C'
    """
    if value not in choices:
        listed = ", ".join(repr(c) for c in choices)
        raise CourseInputError.single(field, value, f"one of {listed}")
    return value


def check_future_date(field: str, value: date, *, today: date) -> date:
    """Return ``value`` if it is not before ``today``.

    Examples
    --------
    >>> check_future_date("deadline", date(2030, 1, 1), today=date(2026, 1, 1))
    datetime.date(2030, 1, 1)
    """
    if not isinstance(value, date):
        raise CourseInputError.single(field, value, "a date (YYYY-MM-DD)")
    if value < today:
        raise CourseInputError.single(field, value.isoformat(), f"a date on or after {today}")
    return value


def check_not_empty(field: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` if it has at least one row.

    Examples
    --------
    >>> check_not_empty("territory", pd.DataFrame({"a": []}))
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: territory: got an empty table; allowed: at least one row
    """
    if len(frame) == 0:
        raise CourseInputError.single(field, _Shown("an empty table"), "at least one row")
    return frame


def check_columns(field: str, frame: pd.DataFrame, required: Iterable[str]) -> pd.DataFrame:
    """Return ``frame`` if it has every ``required`` column; name all the missing ones.

    Examples
    --------
    >>> check_columns("doctors", pd.DataFrame({"id": [1]}), ["id", "status"])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: doctors: got columns ['id']; allowed: a table with columns ['id', 'status'] (missing: ['status'])
    """
    required = list(required)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise CourseInputError.single(
            field,
            _Shown(f"columns {list(map(str, frame.columns))}"),
            f"a table with columns {required} (missing: {missing})",
        )
    return frame


class _Shown(str):
    """A description shown as-is in an error message (no quotes)."""

    def __repr__(self) -> str:
        return str(self)


def _range_text(kind: str, low: float | None, high: float | None, low_open: bool) -> str:
    def fmt(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else str(x)

    if low is not None and high is not None:
        if low_open:
            return f"{kind} > {fmt(low)} and <= {fmt(high)}"
        return f"{kind} from {fmt(low)} to {fmt(high)}"
    if low is not None:
        return f"{kind} {'>' if low_open else '>='} {fmt(low)}"
    if high is not None:
        return f"{kind} <= {fmt(high)}"
    return kind
