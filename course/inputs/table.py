"""Checks of a table and of its columns, naming every bad cell by row.

The domain functions take whole tables (one hospital, physician or task a row).
These helpers check a column at once with numpy and turn each bad cell into a
:class:`~course.errors.Problem` with its 1-based data row (as a spreadsheet
shows it), so a trainee sees *all* problems of their own table in one message;
:func:`raise_problems` raises them together. Each ``*_column`` returns
``(values, problems)``: the converted column as a numpy array and the problems.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"beds": [10, -1], "urgent": ["yes", "maybe"]})
>>> beds, found = number_column(frame, "beds", low=0)
>>> urgent, more = bool_column(frame, "urgent")
>>> raise_problems(found + more)
Traceback (most recent call last):
...
course.errors.CourseInputError: row 2, beds: got -1; allowed: a number >= 0
row 2, urgent: got 'maybe'; allowed: yes or no (true/false, 1/0, 是/否)
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Phrase, Problem
from course.inputs.phrases import (
    A_TABLE,
    AT_LEAST_ONE_ROW,
    EMPTY_CELL,
    EMPTY_TABLE,
    FALSE_WORDS,
    NON_EMPTY_TEXT,
    SEE_ROWS_ABOVE,
    TRUE_WORDS,
    YES_OR_NO,
    allowing_empty,
    as_is,
    columns_received,
    more_bad_cells,
    number,
    one_of,
    table_with_columns,
)

__all__ = [
    "MAX_LISTED",
    "bool_column",
    "check_columns",
    "check_not_empty",
    "check_number_columns",
    "check_table",
    "choice_column",
    "chosen",
    "labelled",
    "number_column",
    "number_columns",
    "plain",
    "raise_problems",
    "shown",
    "text_column",
]

MAX_LISTED = 20
"""At most this many bad cells of one column are listed; a last line counts the rest."""


def check_table(field: str, frame: pd.DataFrame, required: Iterable[str]) -> pd.DataFrame:
    """Return ``frame`` if it is a non-empty DataFrame with the ``required`` columns.

    Examples
    --------
    >>> check_table("hospitals", pd.DataFrame({"beds": [1]}), ["beds"]).shape
    (1, 1)
    >>> check_table("hospitals", [1, 2], ["beds"])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: hospitals: got list; allowed: a table (pandas DataFrame)
    """
    if not isinstance(frame, pd.DataFrame):
        raise CourseInputError.single(field, as_is(type(frame).__name__), A_TABLE)
    check_not_empty(field, frame)
    return check_columns(field, frame, required)


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
        raise CourseInputError.single(field, EMPTY_TABLE, AT_LEAST_ONE_ROW)
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
        raise CourseInputError.single(field, columns_received(frame.columns),
                                      table_with_columns(required, missing))
    return frame


def raise_problems(problems: list[Problem]) -> None:
    """Raise one :class:`CourseInputError` listing ``problems``, if there are any.

    Examples
    --------
    >>> raise_problems([])
    >>> raise_problems([Problem("beds", -1, number(low=0), 3)])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: row 3, beds: got -1; allowed: a number >= 0
    """
    if problems:
        raise CourseInputError(problems)


def number_column(
    frame: pd.DataFrame,
    column: str,
    *,
    low: float | None = None,
    high: float | None = None,
    integer: bool = False,
    or_empty: bool = False,
    rows: bool = True,
) -> tuple[np.ndarray, list[Problem]]:
    """Return ``column`` as a float array and the problems found in it.

    Empty cells (unless ``or_empty``; they become NaN), text, True/False, values
    outside ``[low, high]`` and, with ``integer``, fractions are problems.
    ``rows=False`` leaves row numbers out (a single record, not a table).

    Examples
    --------
    >>> values, problems = number_column(pd.DataFrame({"beds": [10, -1, None]}), "beds", low=0)
    >>> [str(p) for p in problems]
    ['row 2, beds: got -1.0; allowed: a number >= 0', 'row 3, beds: got an empty cell; allowed: a number >= 0']
    """
    allowed = number(low, high, whole=integer)
    raw = frame[column]
    if pd.api.types.is_bool_dtype(raw.dtype):
        values = np.full(len(raw), np.nan)
        flags = np.ones(len(raw), dtype=bool)
    else:
        values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        flags = (raw.map(lambda v: isinstance(v, (bool, np.bool_))).to_numpy(dtype=bool)
                 if raw.dtype == object else np.zeros(len(raw), dtype=bool))
    empty = pd.isna(raw).to_numpy(dtype=bool)
    with np.errstate(invalid="ignore"):
        bad = (~np.isfinite(values) & ~(empty & or_empty)) | flags
        if low is not None:
            bad |= values < low
        if high is not None:
            bad |= values > high
        if integer:
            bad |= np.isfinite(values) & (values != np.round(values))
    if or_empty:
        allowed = allowing_empty(allowed)
    return values, _problems(raw, column, bad, allowed, rows, values)


def number_columns(
    frame: pd.DataFrame,
    limits: Mapping[str, tuple[float | None, float | None]],
    *,
    integer: Collection[str] = (),
    or_empty: Collection[str] = (),
    rows: bool = True,
) -> tuple[dict[str, np.ndarray], list[Problem]]:
    """Check several number columns at once: ``limits`` maps each to its ``(low, high)``.

    Columns named in ``integer`` must hold whole numbers, those in ``or_empty`` may
    have empty cells (NaN). Returns each column as a float array and every problem,
    as :func:`number_column` does one column at a time.

    Examples
    --------
    >>> frame = pd.DataFrame({"status": [1, 7], "share": [0.2, None]})
    >>> values, problems = number_columns(frame, {"status": (-4, 4), "share": (0, 1)},
    ...                                   integer={"status"}, or_empty={"share"})
    >>> values["share"].tolist(), [str(p) for p in problems]
    ([0.2, nan], ['row 2, status: got 7; allowed: a whole number from -4 to 4'])
    """
    values: dict[str, np.ndarray] = {}
    problems: list[Problem] = []
    for column, (low, high) in limits.items():
        values[column], found = number_column(frame, column, low=low, high=high, integer=column in integer,
                                              or_empty=column in or_empty, rows=rows)
        problems += found
    return values, problems


def check_number_columns(
    field: str,
    frame: pd.DataFrame,
    limits: Mapping[str, tuple[float | None, float | None]],
    *,
    integer: Collection[str] = (),
    or_empty: Collection[str] = (),
) -> dict[str, np.ndarray]:
    """Check that ``frame`` is a table with these number columns; raise naming every bad cell.

    Examples
    --------
    >>> frame = pd.DataFrame({"share": [1.2, -1, None]})
    >>> check_number_columns("products", frame, {"share": (0, None)})
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: row 2, share: got -1.0; allowed: a number >= 0
    row 3, share: got an empty cell; allowed: a number >= 0
    >>> check_number_columns("products", frame.iloc[:1], {"share": (0, None)})["share"]
    array([1.2])
    """
    check_table(field, frame, limits)
    values, problems = number_columns(frame, limits, integer=integer, or_empty=or_empty)
    raise_problems(problems)
    return values


def choice_column(
    frame: pd.DataFrame,
    column: str,
    choices: Sequence[str],
    *,
    or_empty: bool = False,
    rows: bool = True,
) -> tuple[np.ndarray, list[Problem]]:
    """Return each cell's position in ``choices`` (-1: empty) and the problems found.

    Surrounding spaces are ignored; an empty cell is a problem unless ``or_empty``.
    :func:`chosen` turns the positions back into text, :func:`labelled` into labels.

    Examples
    --------
    >>> codes, problems = choice_column(pd.DataFrame({"g": ["A", " B", "Z"]}), "g", ["A", "B"])
    >>> codes.tolist(), [str(p) for p in problems]
    ([0, 1, -1], ["row 3, g: got 'Z'; allowed: one of 'A', 'B'"])
    """
    raw = frame[column]
    text = raw.astype("string").str.strip()
    codes = pd.Index(list(choices)).get_indexer(pd.Index(text.astype(object).fillna("")))
    empty = (text.isna() | (text == "")).to_numpy(dtype=bool)
    bad = (codes < 0) & ~(empty & or_empty)
    return codes.astype(np.int64), _problems(raw, column, bad, one_of(choices, or_empty=or_empty), rows)


def chosen(codes: np.ndarray, choices: Sequence[str]) -> pd.Series:
    """The text of each choice position from :func:`choice_column` (``None`` for -1).

    Examples
    --------
    >>> chosen(np.array([1, -1]), ["call", "travel"]).tolist()
    ['travel', None]
    """
    options = np.array([*choices, None], dtype=object)
    return pd.Series(options[np.where(codes < 0, len(choices), codes)], dtype=object)


def bool_column(frame: pd.DataFrame, column: str, *, rows: bool = True) -> tuple[np.ndarray, list[Problem]]:
    """Return ``column`` as booleans and the problems found.

    True/False and the words of :data:`~course.inputs.phrases.TRUE_WORDS` and
    :data:`~course.inputs.phrases.FALSE_WORDS` (yes/no, true/false, 1/0, 是/否, any
    case) are accepted; an empty cell is a problem.

    Examples
    --------
    >>> values, problems = bool_column(pd.DataFrame({"urgent": [True, "no", 1, "1.0"]}), "urgent")
    >>> values.tolist(), problems
    ([True, False, True, True], [])
    """
    raw = frame[column]
    if pd.api.types.is_bool_dtype(raw.dtype) and not raw.isna().any():
        return raw.to_numpy(dtype=bool), []
    text = raw.astype("string").str.strip().str.lower()
    true = text.isin(TRUE_WORDS).fillna(False).to_numpy(dtype=bool)
    false = text.isin(FALSE_WORDS).fillna(False).to_numpy(dtype=bool)
    return true, _problems(raw, column, ~(true | false), YES_OR_NO, rows)


def text_column(frame: pd.DataFrame, column: str, *, rows: bool = True) -> tuple[pd.Series, list[Problem]]:
    """Return ``column`` as text without surrounding spaces; empty cells are problems.

    Examples
    --------
    >>> values, problems = text_column(pd.DataFrame({"activity": [" call Dr Li ", None]}), "activity")
    >>> values.tolist(), [str(p) for p in problems]
    (['call Dr Li', ''], ['row 2, activity: got an empty cell; allowed: a non-empty text'])
    """
    raw = frame[column]
    text = raw.astype("string").str.strip()
    empty = (text.isna() | (text == "")).to_numpy(dtype=bool)
    values = pd.Series(text.fillna("").to_numpy(dtype=object), name=column, dtype=object)
    return values, _problems(raw, column, empty, NON_EMPTY_TEXT, rows)


def labelled(codes: np.ndarray, labels: Sequence[str]) -> pd.Categorical[str]:
    """A categorical column from integer ``codes`` into ``labels`` (fast for a million rows).

    Examples
    --------
    >>> list(labelled(np.array([1, 0, 1]), ["A", "B"]))
    ['B', 'A', 'B']
    """
    categories: pd.Index[str] = pd.Index([str(label) for label in labels])
    return pd.Categorical.from_codes(np.asarray(codes, dtype=np.int64), categories=categories)


def plain(value: object) -> object:
    """A numpy scalar as the plain Python value a trainee typed.

    Examples
    --------
    >>> plain(np.int64(3)), plain("x")
    (3, 'x')
    """
    return value.item() if isinstance(value, np.generic) else value


def shown(raw: object, number_value: float = np.nan) -> object:
    """A cell as an error shows it: text as typed, an empty cell as such, numbers as numbers.

    Examples
    --------
    >>> shown("12 beds"), shown(None), shown(np.int64(3)), shown(2.5, 2.5)
    ('12 beds', an empty cell, 3, 2.5)
    """
    if isinstance(raw, str):
        return raw
    if raw is None or raw is pd.NA or raw is pd.NaT or (isinstance(raw, float) and np.isnan(raw)):
        return EMPTY_CELL
    if isinstance(raw, (bool, np.bool_)):
        return bool(raw)
    if isinstance(raw, (int, np.integer)):
        return int(raw)
    return float(number_value) if np.isfinite(number_value) else plain(raw)


def _problems(
    raw: pd.Series,
    column: str,
    bad: np.ndarray,
    allowed: Phrase,
    rows: bool,
    numbers: np.ndarray | None = None,
) -> list[Problem]:
    """One problem per bad cell (the first :data:`MAX_LISTED`), then one counting the rest."""
    where = np.flatnonzero(bad)
    problems = [
        Problem(column, shown(raw.iloc[i], np.nan if numbers is None else numbers[i]), allowed,
                int(i) + 1 if rows else None)
        for i in where[:MAX_LISTED]
    ]
    if len(where) > MAX_LISTED:
        problems.append(Problem(column, more_bad_cells(len(where) - MAX_LISTED), SEE_ROWS_ABOVE))
    return problems
