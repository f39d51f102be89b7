"""Target departments (目标科室): which departments to work in for a product.

The training material chooses target departments "by the product's indication, the
hospital's speciality, the department's headcount and structure, its beds and
the specialty set-up" (根据药品适应症、医院特色、科室人数结构、床位、专科设置).
Each department gets five part scores from 0 to 1:

* **fit** (适应症, 专科设置) — 1 when the department *is* the product's
  specialty, 0.5 for a related one (by default general medicine, which sees
  every common indication), 0 otherwise;
* **patients** — indication patients a month, (outpatients + discharges) ×
  indication share, relative to the busiest fitting department;
* **centre** (医院特色) — 1 when the hospital is known for this specialty;
* **doctors** (科室人数) and **beds** (床位) — relative to the largest
  fitting department.

The score is 100 × fit × the weighted mean of the parts (with the fit part
counted as 1): a department outside the indication scores 0 whatever its
size, a related one half of what the same department would score as a
specialty department. Departments are ranked by the score. The published potential estimate is
:func:`department_potential`: outpatients × indication share × boxes per
patient, plus discharges × indication share × boxes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Phrase, Problem
from course.inputs import check_number, check_table, number_column, raise_problems
from course.inputs.phrases import TRUE_OR_FALSE

__all__ = [
    "DEPARTMENT_COLUMNS",
    "RELATED_SPECIALTIES",
    "DepartmentWeights",
    "department_potential",
    "rank_departments",
]

DEPARTMENT_COLUMNS: tuple[str, ...] = (
    "specialty", "doctors", "beds", "outpatients_month", "discharges_month",
    "indication_share", "is_specialty_centre",
)
"""Columns :func:`rank_departments` needs (the sample's ``departments`` table)."""

RELATED_SPECIALTIES: dict[str, float] = {"general_medicine": 0.5}
"""Fit of departments that are not the product's specialty but see its patients."""


@dataclass(frozen=True)
class DepartmentWeights:
    """How much each factor counts in a department's score (non-negative numbers).

    Defaults: fit 0.35 — the share every department of the product's specialty
    earns; indication patients 0.25 — they are the potential;
    speciality centre, doctors and beds 0.15, 0.15, 0.10 — a known centre and a
    large team set the habits of others, beds add inpatient use.
    """

    fit: float = 0.35
    """Weight of the indication fit and specialty set-up."""
    patients: float = 0.25
    """Weight of indication patients a month."""
    centre: float = 0.15
    """Weight of the hospital's speciality (医院特色)."""
    doctors: float = 0.15
    """Weight of the headcount (科室人数)."""
    beds: float = 0.10
    """Weight of the beds (床位)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            check_number(f"weights.{f.name}", getattr(self, f.name), low=0)
        if sum(float(getattr(self, f.name)) for f in fields(self)) == 0:
            raise CourseInputError.single("weights", 0, Phrase("at least one weight above 0"))

    def normalised(self) -> dict[str, float]:
        """The weights divided by their sum.

        Examples
        --------
        >>> round(sum(DepartmentWeights().normalised().values()), 9)
        1.0
        """
        total = sum(float(v) for v in asdict(self).values())
        return {k: float(v) / total for k, v in asdict(self).items()}


def rank_departments(
    departments: pd.DataFrame,
    specialty: str,
    weights: DepartmentWeights | None = None,
    related: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Score every department for a product of ``specialty``; best first.

    Returns a new table with ``part_fit``, ``part_patients``, ``part_centre``,
    ``part_doctors``, ``part_beds`` (0-1), ``indication_patients``, ``score``
    (0-100, one decimal), ``rank`` (1 = best) and ``is_target`` (fit above 0).

    Examples
    --------
    >>> d = pd.DataFrame({
    ...     "department_id": ["H1-CAR", "H1-GEN", "H2-CAR", "H2-NEU"],
    ...     "specialty": ["cardiology", "general_medicine", "cardiology", "neurology"],
    ...     "doctors": [20, 10, 8, 20], "beds": [60, 40, 20, 60],
    ...     "outpatients_month": [3000, 4000, 1000, 3000],
    ...     "discharges_month": [200, 100, 50, 200],
    ...     "indication_share": [0.5, 0.2, 0.5, 0.05],
    ...     "is_specialty_centre": [True, False, False, False],
    ... })
    >>> ranked = rank_departments(d, "cardiology")
    >>> ranked[["department_id", "score", "rank", "is_target"]].values.tolist()
    [['H1-CAR', 100.0, 1, True], ['H2-CAR', 52.5, 2, True], ['H1-GEN', 31.0, 3, True], ['H2-NEU', 0.0, 4, False]]
    """
    check_table("departments", departments, DEPARTMENT_COLUMNS)
    fit_of = dict(RELATED_SPECIALTIES if related is None else related)
    for name, value in fit_of.items():
        check_number(f"related[{name!r}]", value, low=0, high=1)
    fit_of[str(specialty)] = 1.0
    problems: list[Problem] = []
    numbers = {}
    for column in ("doctors", "beds", "outpatients_month", "discharges_month"):
        numbers[column], found = number_column(departments, column, low=0)
        problems += found
    share, found = number_column(departments, "indication_share", low=0, high=1)
    problems += found
    centre = departments["is_specialty_centre"]
    if centre.isna().any() or not set(centre.unique()) <= {True, False}:
        bad = int(np.flatnonzero(~centre.isin([True, False]).to_numpy())[0])
        problems.append(Problem("is_specialty_centre", centre.iloc[bad], TRUE_OR_FALSE, bad + 1))
    raise_problems(problems)

    patients = (numbers["outpatients_month"] + numbers["discharges_month"]) * share
    fit = departments["specialty"].astype(object).map(fit_of).fillna(0.0).to_numpy(dtype=float)
    fits = fit > 0
    parts = {
        "fit": fit,
        "patients": _relative(patients, fits),
        "centre": centre.to_numpy(dtype=float) * fits,
        "doctors": _relative(numbers["doctors"], fits),
        "beds": _relative(numbers["beds"], fits),
    }
    share_of = (weights or DepartmentWeights()).normalised()
    inside = share_of["fit"] + sum(share_of[k] * parts[k] for k in parts if k != "fit")
    score = np.round(100 * fit * inside + 1e-9, 1)
    out = departments.copy()
    for name, values in parts.items():
        out[f"part_{name}"] = np.round(values, 4)
    out["indication_patients"] = patients
    out["score"] = score
    out["is_target"] = parts["fit"] > 0
    out = out.sort_values("score", ascending=False, kind="stable")
    out["rank"] = np.arange(1, len(out) + 1)
    return out


def department_potential(departments: pd.DataFrame, boxes_per_patient: float) -> pd.Series:
    """Boxes a month a department could use: (outpatients + discharges) × share × boxes.

    Examples
    --------
    >>> d = pd.DataFrame({"outpatients_month": [3000], "discharges_month": [200],
    ...                   "indication_share": [0.5]})
    >>> department_potential(d, 1.5).tolist()
    [2400.0]
    """
    check_table("departments", departments, ["outpatients_month", "discharges_month", "indication_share"])
    boxes = check_number("boxes_per_patient", boxes_per_patient, low=0)
    problems: list[Problem] = []
    values = {}
    for column in ("outpatients_month", "discharges_month"):
        values[column], found = number_column(departments, column, low=0)
        problems += found
    share, found = number_column(departments, "indication_share", low=0, high=1)
    problems += found
    raise_problems(problems)
    potential = (values["outpatients_month"] + values["discharges_month"]) * share * boxes
    return pd.Series(potential, index=departments.index, name="potential_boxes")


def _relative(values: np.ndarray, among: np.ndarray) -> np.ndarray:
    """``values`` ÷ the largest of the ``among`` rows; 0 outside them."""
    top = float(values[among].max()) if among.any() else 0.0
    relative: np.ndarray = np.where(among, values / top, 0.0) if top > 0 else np.zeros_like(values)
    return relative
