"""Column checks shared by the time-management functions.

Every problem of a table is collected (by row and column, rows 1-based as a
spreadsheet shows them) and raised at once as one
:class:`~course.errors.CourseInputError`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course.errors import Problem

__all__ = ["bool_column", "choice_column", "number_column", "plain", "text_column"]

_TRUE = {"true", "yes", "y", "1", "是", "t"}
_FALSE = {"false", "no", "n", "0", "否", "f"}
_MAX_LISTED = 20


def plain(value: object) -> object:
    """A numpy scalar as the plain Python value a trainee typed."""
    item = getattr(value, "item", None)
    return item() if callable(item) and isinstance(value, np.generic) else value


def _rows(mask: np.ndarray) -> list[int]:
    return [int(i) + 1 for i in np.flatnonzero(mask)][:_MAX_LISTED]


def bool_column(frame: pd.DataFrame, column: str) -> tuple[pd.Series, list[Problem]]:
    """Return ``frame[column]`` as booleans and the problems found.

    True/False, 1/0 and the words yes/no, true/false, 是/否 are accepted.

    Examples
    --------
    >>> values, problems = bool_column(pd.DataFrame({"urgent": [True, "no", 1]}), "urgent")
    >>> values.tolist(), problems
    ([True, False, True], [])
    >>> bool_column(pd.DataFrame({"urgent": ["maybe"]}), "urgent")[1][0].row
    1
    """
    raw = frame[column]
    if pd.api.types.is_bool_dtype(raw) and not raw.isna().any():
        return raw.astype(bool).reset_index(drop=True), []
    text = raw.astype("string").str.strip().str.lower()
    true = text.isin(list(_TRUE)).fillna(False).to_numpy(dtype=bool)
    false = text.isin(list(_FALSE)).fillna(False).to_numpy(dtype=bool)
    bad = ~(true | false)
    values = raw.reset_index(drop=True)
    problems = [
        Problem(column, plain(values.iloc[row - 1]), "True or False (yes/no)", row=row)
        for row in _rows(bad)
    ]
    return pd.Series(true, name=column), problems


def number_column(
    frame: pd.DataFrame, column: str, *, low: float | None, high: float | None,
    integer: bool = False,
) -> tuple[pd.Series, list[Problem]]:
    """Return ``frame[column]`` as floats and the problems found (range, NaN, text).

    Examples
    --------
    >>> values, problems = number_column(pd.DataFrame({"minutes": [30, -5]}), "minutes",
    ...                                  low=1, high=1440, integer=True)
    >>> [str(p) for p in problems]
    ['row 2, minutes: got -5; allowed: an integer from 1 to 1440']
    """
    raw = frame[column].reset_index(drop=True)
    numbers = pd.to_numeric(raw, errors="coerce").astype(float)
    ok = np.isfinite(numbers.to_numpy())
    if integer:
        ok &= np.equal(np.mod(numbers.fillna(0.5).to_numpy(), 1), 0)
    if low is not None:
        ok &= (numbers >= low).to_numpy()
    if high is not None:
        ok &= (numbers <= high).to_numpy()
    kind = "an integer" if integer else "a number"
    if low is not None and high is not None:
        allowed = f"{kind} from {low:g} to {high:g}"
    elif low is not None:
        allowed = f"{kind} >= {low:g}"
    elif high is not None:
        allowed = f"{kind} <= {high:g}"
    else:
        allowed = kind
    problems = [Problem(column, plain(raw.iloc[row - 1]), allowed, row=row) for row in _rows(~ok)]
    return numbers, problems


def choice_column(
    frame: pd.DataFrame, column: str, choices: Sequence[str], *, nullable: bool = False,
) -> tuple[pd.Series, list[Problem]]:
    """Return ``frame[column]`` as text (empty cells as ``None``) and the problems found.

    Examples
    --------
    >>> _, problems = choice_column(pd.DataFrame({"category": ["call", "golf"]}), "category",
    ...                             ["call", "travel"])
    >>> str(problems[0])
    "row 2, category: got 'golf'; allowed: one of 'call', 'travel'"
    """
    raw = frame[column].reset_index(drop=True)
    text = raw.astype("string").str.strip()
    empty = (text.isna() | (text == "")).to_numpy(dtype=bool)
    valid = text.isin(list(choices)).fillna(False).to_numpy(dtype=bool)
    ok = valid | (empty if nullable else np.zeros(len(raw), dtype=bool))
    listed = ", ".join(repr(c) for c in choices)
    allowed = f"one of {listed}" + (" or empty" if nullable else "")
    problems = [Problem(column, plain(raw.iloc[row - 1]), allowed, row=row) for row in _rows(~ok)]
    cells: list[object] = [None if gap else value for gap, value in
                           zip(empty, text.fillna("").tolist(), strict=True)]
    values = pd.Series(cells, name=column, dtype="object")
    return values, problems


def text_column(frame: pd.DataFrame, column: str) -> tuple[pd.Series, list[Problem]]:
    """Return ``frame[column]`` as stripped text; empty cells are problems.

    Examples
    --------
    >>> text_column(pd.DataFrame({"activity": [" call Dr Li ", None]}), "activity")[1][0].row
    2
    """
    raw = frame[column].reset_index(drop=True)
    text = raw.astype("string").str.strip()
    empty = (text.isna() | (text == "")).to_numpy(dtype=bool)
    problems = [Problem(column, plain(raw.iloc[row - 1]), "a non-empty text", row=row)
                for row in _rows(empty)]
    return pd.Series(text.fillna("").to_numpy(dtype=object), name=column, dtype=object), problems
