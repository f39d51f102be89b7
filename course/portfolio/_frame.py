"""Checking numeric columns of a trainee's table, reporting every bad cell at once."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Problem
from course.inputs import check_columns, check_not_empty, number_column

__all__ = ["numeric_columns"]


def numeric_columns(
    field: str,
    frame: pd.DataFrame,
    limits: dict[str, tuple[float | None, float | None]],
    *,
    nullable: Iterable[str] = (),
) -> dict[str, np.ndarray]:
    """Return each column of ``limits`` as a float array, or raise naming every bad cell.

    ``limits`` maps a column to its ``(low, high)`` bounds (``None`` for none).
    Empty cells are allowed only in ``nullable`` columns (they become NaN).
    Rows in the error are numbered from 1, as a spreadsheet shows them.

    Examples
    --------
    >>> frame = pd.DataFrame({"share": [1.2, -1, None]})
    >>> numeric_columns("products", frame, {"share": (0, None)})
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: row 2, share: got -1.0; allowed: a number >= 0
    row 3, share: got an empty cell; allowed: a number >= 0
    >>> numeric_columns("products", frame.iloc[:1], {"share": (0, None)})["share"]
    array([1.2])
    """
    check_not_empty(field, frame)
    check_columns(field, frame, limits)
    optional = set(nullable)
    problems: list[Problem] = []
    result: dict[str, np.ndarray] = {}
    for column, (low, high) in limits.items():
        result[column], found = number_column(frame, column, low=low, high=high, or_empty=column in optional)
        problems += found
    if problems:
        raise CourseInputError(problems)
    return result
