"""Check a table against its schema and report every problem at once.

:func:`validate_table` turns each column into its kind (numbers, yes/no, dates,
months, times, text), checks ranges, choices, empty cells and duplicate keys, and
raises one :class:`~course.errors.CourseInputError` listing every problem with its
row (1-based, as a spreadsheet shows it) and column. :func:`check_references`
checks that the tables point at each other correctly (a physician's hospital exists).

Converted kinds: ``int`` → ``int64`` (``Int64`` when the column may be empty),
``float`` → ``float64``, ``bool`` → ``bool`` (``boolean`` when it may be empty),
``date`` → ``datetime64``, ``month`` → text ``YYYY-MM``, ``time`` → text ``HH:MM``,
``str`` → text with surrounding spaces removed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from course.data.schema import SCHEMAS, Column, Schema
from course.errors import CourseInputError, Phrase, Problem
from course.inputs import check_choice
from course.inputs.phrases import (
    A_DATE,
    A_MONTH,
    A_TABLE,
    A_TIME,
    COLUMN_TWICE,
    EACH_COLUMN_ONCE,
    EMPTY_CELL,
    FALSE_WORDS,
    MISSING_COLUMN,
    NON_EMPTY_TEXT,
    TRUE_WORDS,
    YES_OR_NO,
    a_column_named,
    allowing_empty,
    as_is,
    number,
    one_of,
)

__all__ = ["REFERENCES", "check_references", "validate_table"]

_MONTH = re.compile(r"^(\d{4})-(0?[1-9]|1[0-2])$")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)(?::00)?$")
_KINDS: dict[str, Phrase] = {
    "bool": YES_OR_NO, "date": A_DATE, "month": A_MONTH, "time": A_TIME, "str": NON_EMPTY_TEXT,
}


def _allowed(col: Column) -> Phrase:
    """What a cell of ``col`` may hold, in plain words."""
    if col.choices is not None:
        allowed = one_of(col.choices)
    elif col.kind in ("int", "float"):
        allowed = number(col.low, col.high, whole=col.kind == "int")
    else:
        allowed = _KINDS[col.kind]
    return allowing_empty(allowed) if col.nullable else allowed


def _is_missing(series: pd.Series) -> np.ndarray:
    text = series.astype("string").str.strip()
    return np.asarray(series.isna() | (text == "").fillna(True), dtype=bool)


def _convert(series: pd.Series, col: Column) -> tuple[pd.Series, np.ndarray]:
    """Return the converted column and a mask of the present cells that did not convert."""
    index = series.index
    if col.kind in ("int", "float"):
        if pd.api.types.is_bool_dtype(series):
            values = pd.Series(np.nan, index=index)
        elif pd.api.types.is_numeric_dtype(series):
            values = series.astype(float)
        else:
            text = series.astype("string").str.strip().str.replace(",", "", regex=False)
            values = pd.to_numeric(text, errors="coerce").astype(float)
        bad = ~np.isfinite(values.to_numpy(dtype=float, na_value=np.nan))
        if col.kind == "int":
            whole = values.to_numpy(dtype=float, na_value=np.nan)
            bad |= np.isfinite(whole) & (np.round(whole) != whole)
        return values.where(~bad), bad
    if col.kind == "bool":
        if pd.api.types.is_bool_dtype(series):
            return series.astype("boolean"), np.zeros(len(series), dtype=bool)
        text = series.astype("string").str.strip().str.lower()
        values = pd.Series(pd.NA, index=index, dtype="boolean")
        values[text.isin(TRUE_WORDS).fillna(False).to_numpy(dtype=bool)] = True
        values[text.isin(FALSE_WORDS).fillna(False).to_numpy(dtype=bool)] = False
        return values, np.asarray(values.isna(), dtype=bool)
    if col.kind == "date":
        if pd.api.types.is_datetime64_any_dtype(series):
            dates = pd.to_datetime(series).dt.normalize()
        else:
            # also 2026/5/6 as Excel on Chinese Windows writes it; a time of day is ignored
            text = series.astype("string").str.strip().str.split(" ").str[0].str.replace("/", "-", regex=False)
            dates = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        return dates.astype("datetime64[ns]"), np.asarray(dates.isna(), dtype=bool)
    text = series.astype("string").str.strip()
    if col.kind == "month":
        if pd.api.types.is_datetime64_any_dtype(series):
            text = pd.to_datetime(series).dt.strftime("%Y-%m").astype("string")
        parts = text.str.replace("/", "-", regex=False).str.extract(_MONTH.pattern)
        ok = parts[0].notna().to_numpy(dtype=bool)
        return (parts[0] + "-" + parts[1].str.zfill(2)).where(ok).astype(object), ~ok
    if col.kind == "time":
        parts = text.str.extract(_TIME.pattern)
        ok = parts[0].notna().to_numpy(dtype=bool)
        hhmm = parts[0].str.zfill(2) + ":" + parts[1]
        return hhmm.where(ok).astype(object), ~ok
    return text.astype(object), np.zeros(len(series), dtype=bool)


def _final_dtype(values: pd.Series, col: Column) -> pd.Series:
    if col.kind == "int":
        return values.astype("Int64") if col.nullable else values.astype("int64")
    if col.kind == "float":
        return values.astype("float64")
    if col.kind == "bool":
        return values.astype("boolean") if col.nullable else values.astype(bool)
    if col.kind == "date":
        return values.astype("datetime64[ns]")
    return values.astype("str")


def _column_problems(series: pd.Series, col: Column) -> tuple[pd.Series, list[Problem]]:
    missing = _is_missing(series)
    values, bad = _convert(series, col)
    problems: list[Problem] = []
    allowed = _allowed(col)
    raw = series.to_numpy(dtype=object)
    flag = np.zeros(len(series), dtype=bool)
    if not col.nullable:
        for i in np.flatnonzero(missing):
            problems.append(Problem(col.name, EMPTY_CELL, allowed, row=int(i) + 1))
    present = ~missing
    wrong = present & bad
    flag |= wrong
    if col.kind in ("int", "float"):
        number = values.to_numpy(dtype=float, na_value=np.nan)
        with np.errstate(invalid="ignore"):
            if col.low is not None:
                flag |= present & ~wrong & (number < col.low)
            if col.high is not None:
                flag |= present & ~wrong & (number > col.high)
    if col.choices is not None:
        flag |= present & ~values.isin(col.choices).to_numpy(dtype=bool)
    for i in np.flatnonzero(flag):
        problems.append(Problem(col.name, raw[i], allowed, row=int(i) + 1))
    values = values.where(present & ~flag)
    if problems:
        return values, problems
    return _final_dtype(values, col), problems


def validate_table(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return ``frame`` with every column converted to its kind; report every problem at once.

    Parameters
    ----------
    frame
        The table, e.g. read from a CSV with every cell as text; it is not changed.
    table
        A table name of :data:`~course.data.schema.SCHEMAS` (``"hospitals"``, ...).

    Returns
    -------
    pandas.DataFrame
        A new frame: the schema's columns in schema order, converted, then any extra columns.

    Raises
    ------
    CourseInputError
        Listing every missing column, unconvertible, out-of-range, unknown or empty value
        and duplicate key, each with its 1-based row and column.

    Examples
    --------
    >>> raw = pd.DataFrame({"year": ["1998", "1999"], "net_sales_krmb": ["130000", "180000"],
    ...                     "ap_spend_mrmb": ["27", ""], "field_force": ["220", "300"],
    ...                     "is_target": ["no", "是"]})
    >>> validate_table(raw, "product_history")["is_target"].tolist()
    [False, True]
    >>> raw.loc[1, "field_force"] = "-3"
    >>> validate_table(raw.drop(columns="year"), "product_history")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: year: got missing column; allowed: a column named 'year'
    row 2, field_force: got '-3'; allowed: a whole number >= 0
    """
    if not isinstance(frame, pd.DataFrame):
        raise CourseInputError.single("table", as_is(type(frame).__name__), A_TABLE)
    check_choice("table", table, list(SCHEMAS))
    schema = SCHEMAS[table]
    data = frame.copy()
    data.columns = [str(c).strip().lstrip("\ufeff") for c in data.columns]
    problems: list[Problem] = []
    duplicated = sorted({c for c in data.columns if list(data.columns).count(c) > 1})
    for name in duplicated:
        problems.append(Problem(name, COLUMN_TWICE, EACH_COLUMN_ONCE))
    data = data.loc[:, ~pd.Index(data.columns).duplicated()]
    out: dict[str, pd.Series] = {}
    for col in schema.columns:
        if col.name not in data.columns:
            problems.append(Problem(col.name, MISSING_COLUMN, a_column_named(col.name)))
            continue
        values, found = _column_problems(data[col.name], col)
        out[col.name] = values
        problems.extend(found)
    problems.extend(_key_problems(out, schema))
    if problems:
        problems.sort(key=lambda p: (p.row or 0, schema.names.index(p.field) if p.field in schema.names else -1))
        raise CourseInputError(problems)
    extra = [c for c in data.columns if c not in schema.names]
    result = pd.DataFrame(out, index=data.index)
    for name in extra:
        result[name] = data[name]
    return result


def _key_problems(out: Mapping[str, pd.Series], schema: Schema) -> list[Problem]:
    if not all(k in out for k in schema.key):
        return []
    keys = pd.DataFrame({k: out[k] for k in schema.key}).reset_index(drop=True)
    complete = keys.notna().all(axis=1)
    dup = keys.duplicated(keep="first") & complete
    if not dup.any():
        return []
    first = keys[complete].reset_index().groupby(list(schema.key), sort=False)["index"].first()
    problems = []
    for i in np.flatnonzero(dup.to_numpy()):
        key = tuple(keys.iloc[i])
        shown = key[0] if len(key) == 1 else key
        earlier = int(first.loc[key if len(key) > 1 else key[0]]) + 1
        unique = Phrase("a value no other row has (row {row} has it too)", row=earlier)
        problems.append(Problem(" + ".join(schema.key), _show(shown), unique, row=int(i) + 1))
    return problems


def _show(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, tuple):
        return tuple(_show(v) for v in value)
    return value


REFERENCES: tuple[tuple[str, str, str, str], ...] = (
    # (table, column, referenced table, referenced column)
    ("departments", "hospital_id", "hospitals", "hospital_id"),
    ("physicians", "hospital_id", "hospitals", "hospital_id"),
    ("physicians", "department_id", "departments", "department_id"),
    ("prescribing", "physician_id", "physicians", "physician_id"),
    ("prescribing", "product", "products", "product"),
    ("calls", "physician_id", "physicians", "physician_id"),
    ("calls", "product", "products", "product"),
    ("sales", "hospital_id", "hospitals", "hospital_id"),
    ("sales", "product", "products", "product"),
)
"""Every foreign key between the tables: (table, column, referenced table, its column)."""


def check_references(tables: Mapping[str, pd.DataFrame]) -> None:
    """Check that every reference between the given tables points at an existing row.

    Only pairs of tables that are both given are checked; a physician's department
    must also belong to the physician's hospital.

    Raises
    ------
    CourseInputError
        Listing every dangling reference as ``table.column`` with its 1-based row.

    Examples
    --------
    >>> hospitals = pd.DataFrame({"hospital_id": ["H01"]})
    >>> departments = pd.DataFrame({"department_id": ["H01-CAR", "H02-CAR"],
    ...                             "hospital_id": ["H01", "H02"]})
    >>> check_references({"hospitals": hospitals, "departments": departments})
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: row 2, departments.hospital_id: got 'H02'; allowed: a hospital_id listed in hospitals
    """
    problems: list[Problem] = []
    for table, column, target, key in REFERENCES:
        if table not in tables or target not in tables:
            continue
        source, known = tables[table], tables[target]
        if column not in source.columns or key not in known.columns:
            continue
        values = source[column].to_numpy(dtype=object)
        ok = source[column].isin(set(known[key])).to_numpy(dtype=bool)
        for i in np.flatnonzero(~ok):
            listed_in = Phrase("a {key} listed in {table}", key=key, table=target)
            problems.append(Problem(f"{table}.{column}", values[i], listed_in, row=int(i) + 1))
    if "physicians" in tables and "departments" in tables:
        doc, dep = tables["physicians"], tables["departments"]
        needed = {"hospital_id", "department_id"}
        if needed <= set(doc.columns) and needed <= set(dep.columns):
            owner = doc["department_id"].map(dep.drop_duplicates("department_id").set_index("department_id")["hospital_id"])
            wrong = (owner.notna() & (owner != doc["hospital_id"])).to_numpy(dtype=bool)
            values = doc["department_id"].to_numpy(dtype=object)
            for i in np.flatnonzero(wrong):
                problems.append(Problem("physicians.department_id", values[i],
                                        Phrase("a department of the physician's own hospital"), row=int(i) + 1))
    if problems:
        raise CourseInputError(problems)
