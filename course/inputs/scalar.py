"""Checks of one value (an argument, a control's value).

Each returns the (converted) value or raises :class:`~course.errors.CourseInputError`
naming the field, the value and what is allowed, in the words of
:mod:`course.inputs.phrases`.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from datetime import date
from typing import Any, TypeVar

import numpy as np

from course.errors import CourseInputError
from course.inputs.phrases import A_DATE, TRUE_OR_FALSE, not_before, number, one_of

T = TypeVar("T")

__all__ = ["check_bool", "check_choice", "check_fraction", "check_future_date", "check_int", "check_number"]


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
    allowed = number(low, high, low_open=low_open)
    if isinstance(value, bool):
        raise CourseInputError.single(field, value, allowed)
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise CourseInputError.single(field, value, allowed) from None
    if not math.isfinite(result):
        raise CourseInputError.single(field, value, allowed)
    if low is not None and (result < low or (low_open and result == low)):
        raise CourseInputError.single(field, value, allowed)
    if high is not None and result > high:
        raise CourseInputError.single(field, value, allowed)
    return result


def check_int(field: str, value: Any, *, low: int | None = None, high: int | None = None) -> int:
    """Return ``value`` as an int within ``[low, high]``; 3.0 is accepted, 3.5 is not.

    Examples
    --------
    >>> check_int("status", 4, low=-4, high=4)
    4
    >>> check_int("status", 5, low=-4, high=4)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: status: got 5; allowed: a whole number from -4 to 4
    """
    allowed = number(low, high, whole=True)
    if isinstance(value, bool):
        raise CourseInputError.single(field, value, allowed)
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise CourseInputError.single(field, value, allowed) from None
    if not math.isfinite(result) or result != int(result):
        raise CourseInputError.single(field, value, allowed)
    whole = int(result)
    if (low is not None and whole < low) or (high is not None and whole > high):
        raise CourseInputError.single(field, value, allowed)
    return whole


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
        raise CourseInputError.single(field, value, one_of(choices))
    return value


def check_bool(field: str, value: Any) -> bool:
    """Return ``value`` if it is ``True`` or ``False`` (a numpy bool too); "yes" is not.

    Examples
    --------
    >>> check_bool("urgent", np.True_)
    True
    >>> check_bool("urgent", "yes")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: urgent: got 'yes'; allowed: True or False
    """
    if not isinstance(value, (bool, np.bool_)):
        raise CourseInputError.single(field, value, TRUE_OR_FALSE)
    return bool(value)


def check_future_date(field: str, value: date, *, today: date) -> date:
    """Return ``value`` if it is not before ``today``.

    Examples
    --------
    >>> check_future_date("deadline", date(2030, 1, 1), today=date(2026, 1, 1))
    datetime.date(2030, 1, 1)
    """
    if not isinstance(value, date):
        raise CourseInputError.single(field, value, A_DATE)
    if value < today:
        raise CourseInputError.single(field, value.isoformat(), not_before(today))
    return value
