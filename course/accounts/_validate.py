"""Whole-column checks for the account tables, naming every bad cell by row.

The domain functions take whole tables (one hospital or physician a row). These
helpers check a column at once with numpy and turn each bad cell into a
:class:`~course.errors.Problem` with its 1-based data row, so a trainee sees
*all* problems of their own CSV in one message.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
import pandas as pd

from course._checks import check_columns, check_not_empty
from course.errors import CourseInputError, Problem

__all__ = ["MAX_LISTED", "choice_column", "labelled", "numeric_column", "raise_problems", "table"]

MAX_LISTED = 20
"""At most this many problems are listed in one error message."""


def table(field: str, frame: pd.DataFrame, required: Sequence[str]) -> pd.DataFrame:
    """Check that ``frame`` is a non-empty DataFrame with the ``required`` columns.

    Examples
    --------
    >>> table("hospitals", pd.DataFrame({"beds": [1]}), ["beds"]).shape
    (1, 1)
    >>> table("hospitals", [1, 2], ["beds"])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: hospitals: got 'list'; allowed: a table (pandas DataFrame)
    """
    if not isinstance(frame, pd.DataFrame):
        raise CourseInputError.single(field, type(frame).__name__, "a table (pandas DataFrame)")
    check_not_empty(field, frame)
    check_columns(field, frame, required)
    return frame


def _rows(mask: np.ndarray) -> np.ndarray:
    return np.flatnonzero(mask)[:MAX_LISTED]


def numeric_column(
    frame: pd.DataFrame,
    column: str,
    *,
    low: float | None = None,
    high: float | None = None,
    integer: bool = False,
    rows: bool = True,
) -> tuple[np.ndarray, list[Problem]]:
    """Return ``column`` as a float array and the problems found in it.

    Empty cells (NaN), text, values outside ``[low, high]`` and, with ``integer``,
    fractions are problems.

    Examples
    --------
    >>> values, problems = numeric_column(pd.DataFrame({"beds": [10, -1, None]}), "beds", low=0)
    >>> [str(p) for p in problems]
    ['row 2, beds: got -1.0; allowed: a number >= 0', 'row 3, beds: got an empty cell; allowed: a number >= 0']
    """
    kind = "an integer" if integer else "a number"
    if low is not None and high is not None:
        allowed = f"{kind} from {_fmt(low)} to {_fmt(high)}"
    elif low is not None:
        allowed = f"{kind} >= {_fmt(low)}"
    elif high is not None:
        allowed = f"{kind} <= {_fmt(high)}"
    else:
        allowed = kind
    raw = frame[column]
    if raw.dtype == bool:
        numbers = pd.Series(np.full(len(raw), np.nan))
    else:
        numbers = pd.to_numeric(raw, errors="coerce")
    values = numbers.to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        bad = ~np.isfinite(values)
        if low is not None:
            bad |= values < low
        if high is not None:
            bad |= values > high
        if integer:
            bad |= np.isfinite(values) & (values != np.round(values))
    problems = [
        Problem(column, _shown(raw.iloc[i], values[i]), allowed, int(i) + 1 if rows else None)
        for i in _rows(bad)
    ]
    if problems:
        problems.extend(_more(int(bad.sum()), column))
    return values, problems


def choice_column(
    frame: pd.DataFrame, column: str, choices: Collection[str], *, rows: bool = True
) -> tuple[np.ndarray, list[Problem]]:
    """Return the position of each value of ``column`` in ``choices`` and the problems.

    Examples
    --------
    >>> codes, problems = choice_column(pd.DataFrame({"g": ["A", "Z"]}), "g", ["A", "B"])
    >>> codes.tolist(), [str(p) for p in problems]
    ([0, -1], ["row 2, g: got 'Z'; allowed: one of 'A', 'B'"])
    """
    listed = list(choices)
    codes = pd.Index(listed).get_indexer(pd.Index(frame[column].astype(object)))
    bad = codes < 0
    allowed = "one of " + ", ".join(repr(c) for c in listed)
    problems = [
        Problem(column, _plain(frame[column].iloc[i]), allowed, int(i) + 1 if rows else None)
        for i in _rows(bad)
    ]
    if problems:
        problems.extend(_more(int(bad.sum()), column))
    return codes, problems


def labelled(codes: np.ndarray, labels: Sequence[str]) -> pd.Categorical[str]:
    """A categorical column from integer ``codes`` into ``labels`` (fast for a million rows).

    Examples
    --------
    >>> list(labelled(np.array([1, 0, 1]), ["A", "B"]))
    ['B', 'A', 'B']
    """
    categories: pd.Index[str] = pd.Index([str(label) for label in labels])
    return pd.Categorical.from_codes(np.asarray(codes, dtype=np.int64), categories=categories)


def raise_problems(problems: list[Problem]) -> None:
    """Raise one :class:`CourseInputError` listing ``problems``, if there are any.

    Examples
    --------
    >>> raise_problems([])
    >>> raise_problems([Problem("beds", -1, "a number >= 0", 3)])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: row 3, beds: got -1; allowed: a number >= 0
    """
    if problems:
        raise CourseInputError(problems)


def _more(count: int, column: str) -> list[Problem]:
    if count <= MAX_LISTED:
        return []
    return [Problem(column, f"{count - MAX_LISTED} more bad cells", "see the rows above")]


def _plain(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    return value


class _Described(str):
    """A description shown as-is in an error message (no quotes)."""

    def __repr__(self) -> str:
        return str(self)


EMPTY = _Described("an empty cell")


def _shown(raw: object, number: float) -> object:
    """Show text as typed, an empty cell as such, numbers as numbers."""
    if isinstance(raw, str):
        return raw
    if raw is None or raw is pd.NA or (isinstance(raw, float) and np.isnan(raw)):
        return EMPTY
    if isinstance(raw, (bool, np.bool_)):
        return bool(raw)
    if isinstance(raw, (int, np.integer)):
        return int(raw)
    return float(number) if np.isfinite(number) else _plain(raw)


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
