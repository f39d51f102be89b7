"""The planning tables' input rules, on :mod:`course.inputs`: one row per doctor, known days and slots, positions."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from course.data.schema import SLOTS, WEEKDAYS
from course.errors import CourseInputError, Phrase, Problem
from course.inputs import check_columns, check_int, check_not_empty
from course.inputs.phrases import EMPTY_CELL, one_of

__all__ = ["DEFAULT_SLOT_CAPACITY", "check_doctors", "slot_capacities", "with_positions"]

DEFAULT_SLOT_CAPACITY: Mapping[str, int] = {"morning": 6, "noon": 3, "afternoon": 6}
"""Calls that fit in each visit slot of a day (6 + 3 + 6 = the training material's 15)."""


def _check_values(doctors: pd.DataFrame, column: str, allowed: tuple[str, ...]) -> None:
    if column not in doctors.columns:
        return
    values = doctors[column]
    wrong = values.notna() & ~values.isin(allowed)
    if wrong.any():
        raise CourseInputError(
            Problem(column, v, one_of(allowed, or_empty=True), row=i + 1)
            for i, (v, w) in enumerate(zip(values, wrong, strict=True))
            if w
        )


def with_positions(doctors: pd.DataFrame, hospitals: pd.DataFrame | None) -> pd.DataFrame | None:
    """Return doctors with the ``x_km``, ``y_km`` of their hospital, or None when unknown.

    Examples
    --------
    >>> doctors = pd.DataFrame({"physician_id": ["D1"], "hospital_id": ["H1"]})
    >>> hospitals = pd.DataFrame({"hospital_id": ["H1"], "x_km": [1.5], "y_km": [-2.0]})
    >>> with_positions(doctors, hospitals)[["x_km", "y_km"]].values.tolist()
    [[1.5, -2.0]]
    >>> with_positions(doctors, None) is None
    True
    """
    if hospitals is None:
        if {"x_km", "y_km"} <= set(doctors.columns):
            _check_finite(doctors, "doctors")
            return doctors
        return None
    check_columns("hospitals", hospitals, ["hospital_id", "x_km", "y_km"])
    _check_finite(hospitals, "hospitals")
    where = hospitals.drop_duplicates("hospital_id").set_index("hospital_id")[["x_km", "y_km"]]
    unknown = sorted(set(doctors["hospital_id"]) - set(where.index))
    if unknown:
        raise CourseInputError.single(
            "hospital_id", unknown[0] if len(unknown) == 1 else unknown,
            Phrase("a hospital listed in the hospitals table"),
        )
    base = doctors.drop(columns=[c for c in ("x_km", "y_km") if c in doctors.columns])
    return base.join(where, on="hospital_id")


def _check_finite(frame: pd.DataFrame, table: str) -> None:
    problems: list[Problem] = []
    for column in ("x_km", "y_km"):
        finite = np.isfinite(pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float))
        problems += [Problem(f"{table}.{column}", frame[column].iloc[i], Phrase("a position in km (a number)"),
                             row=int(i) + 1) for i in np.flatnonzero(~finite)]
    if problems:
        raise CourseInputError(problems)


def check_doctors(doctors: pd.DataFrame) -> pd.DataFrame:
    """Check a planning table (one row per doctor) and return it unchanged.

    Examples
    --------
    >>> check_doctors(pd.DataFrame({"physician_id": ["D1", "D1"], "hospital_id": ["H1", "H1"],
    ...                             "tier": ["A", "B"]}))
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: row 2, physician_id: got 'D1'; allowed: each doctor once (keep his best tier across products)
    """
    check_not_empty("doctors", doctors)
    check_columns("doctors", doctors, ["physician_id", "hospital_id", "tier"])
    duplicated = doctors["physician_id"].duplicated()
    if duplicated.any():
        raise CourseInputError(
            Problem("physician_id", v, Phrase("each doctor once (keep his best tier across products)"),
                    row=i + 1)
            for i, (v, d) in enumerate(zip(doctors["physician_id"], duplicated, strict=True))
            if d
        )
    missing_hospital = doctors["hospital_id"].isna()
    if missing_hospital.any():
        raise CourseInputError(
            Problem("hospital_id", EMPTY_CELL, Phrase("the doctor's hospital code"), row=i + 1)
            for i, m in enumerate(missing_hospital)
            if m
        )
    _check_values(doctors, "best_day", WEEKDAYS)
    _check_values(doctors, "best_slot", SLOTS)
    return doctors


def slot_capacities(slot_capacity: Mapping[str, int] | None) -> dict[str, int]:
    """Return the calls per visit slot: the defaults, changed where ``slot_capacity`` says.

    Examples
    --------
    >>> slot_capacities({"noon": 2})
    {'morning': 6, 'noon': 2, 'afternoon': 6}
    """
    table = dict(DEFAULT_SLOT_CAPACITY)
    for slot, value in (slot_capacity or {}).items():
        if slot not in SLOTS:
            raise CourseInputError.single("slot_capacity", slot, one_of(SLOTS))
        table[slot] = check_int(f"slot_capacity[{slot!r}]", value, low=0, high=40)
    return table
