"""Checking numeric columns of a trainee's table, reporting every bad cell at once."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from course._checks import _range_text, check_columns, check_not_empty
from course.errors import CourseInputError, Problem

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
    row 3, share: got nan; allowed: a number >= 0
    >>> numeric_columns("products", frame.iloc[:1], {"share": (0, None)})["share"]
    array([1.2])
    """
    check_not_empty(field, frame)
    check_columns(field, frame, limits)
    optional = set(nullable)
    problems: list[Problem] = []
    result: dict[str, np.ndarray] = {}
    for column, (low, high) in limits.items():
        raw = frame[column]
        values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        missing = pd.isna(raw).to_numpy()
        if pd.api.types.is_bool_dtype(raw.dtype):
            is_bool = np.ones(len(raw), dtype=bool)
        elif pd.api.types.is_numeric_dtype(raw.dtype):
            is_bool = np.zeros(len(raw), dtype=bool)
        else:  # mixed cells: True would otherwise pass as 1
            is_bool = raw.map(lambda v: isinstance(v, (bool, np.bool_))).to_numpy(dtype=bool)
        bad = (np.isnan(values) & ~(missing & (column in optional))) | np.isinf(values) | is_bool
        with np.errstate(invalid="ignore"):
            if low is not None:
                bad |= values < low
            if high is not None:
                bad |= values > high
        allowed = _range_text("a number", low, high, False)
        if column in optional:
            allowed += " or empty"
        shown = raw.tolist()  # plain Python values in messages, not numpy scalars
        for position in np.flatnonzero(bad):
            problems.append(Problem(column, shown[position], allowed, row=int(position) + 1))
        result[column] = values
    if problems:
        raise CourseInputError(problems)
    return result
