"""Hospital grading (医院定级): a composite score and an A / B / C grade.

The training material grades a hospital "by its scale, official level, business volume,
medication level and quantity and the competitive situation" (根据医院规模、等级、
业务量、用药水平和数量、竞争态势等进行综合评估) into three grades, A, B and C.
Each of the five factors is turned into a part score from 0 to 1, the parts are
averaged with :class:`HospitalWeights`, and the result times 100 is the
hospital's score; :class:`GradeCutoffs` turn the score into the grade.

Part scores (each from 0 to 1, so a trainee can work one out by hand):

* **scale** (规模) — the training material's bed bands: under 100 beds 0, 100-499 beds 0.5,
  500 beds and more 1.
* **level** (等级) — the official grade (三级十等) in steps of 0.1:
  三级特等 1.0, 三级甲等 0.9, 三级乙等 0.8 … 一级丙等 0.1.
* **volume** (业务量) — the mean of annual drug purchases ÷ 300 million RMB
  and monthly outpatient visits ÷ 100,000, each capped at 1 (see
  :class:`VolumeScale`).
* **medication** (用药水平) — the 1-5 medication level as (level − 1) ÷ 4.
* **competition** (竞争态势) — the 1-5 competitive pressure reversed,
  (5 − pressure) ÷ 4: no competitor 1, one competitor dominating 0.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import numpy as np
import pandas as pd

from course.data.schema import HOSPITAL_LEVELS
from course.errors import CourseInputError, Phrase, Problem
from course.inputs import (
    check_number,
    check_table,
    choice_column,
    labelled,
    number_column,
    raise_problems,
)

__all__ = [
    "BED_BANDS",
    "GRADES",
    "HOSPITAL_COLUMNS",
    "LEVEL_POINTS",
    "GradeCutoffs",
    "HospitalGrade",
    "HospitalWeights",
    "VolumeScale",
    "bed_band",
    "grade_hospital",
    "grade_hospitals",
]

GRADES: tuple[str, ...] = ("A", "B", "C")
"""Hospital grades, best first (通常分为A、B、C三级)."""

BED_BANDS: tuple[tuple[int, float, str], ...] = (
    (0, 0.0, "under 100 beds"),
    (100, 0.5, "100-499 beds"),
    (500, 1.0, "500 beds and more"),
)
"""The training material's bed bands: (lowest bed count, scale part score, label)."""

LEVEL_POINTS: dict[str, float] = {
    level: round(1.0 - 0.1 * i, 1) for i, level in enumerate(HOSPITAL_LEVELS)
}
"""Level part score of each official grade: 三级特等 1.0, 三级甲等 0.9 … 一级丙等 0.1."""

HOSPITAL_COLUMNS: tuple[str, ...] = (
    "level", "beds", "drug_sales_mrmb", "outpatient_visits_month", "medication_level",
    "competition",
)
"""Columns :func:`grade_hospitals` needs (names of the sample's ``hospitals`` table)."""

PARTS: tuple[str, ...] = ("scale", "level", "volume", "medication", "competition")


@dataclass(frozen=True)
class HospitalWeights:
    """How much each factor counts in the composite score (any non-negative numbers).

    Defaults (they sum to 1): business volume counts most, 0.30, because it is
    the nearest measure of what can be sold there; scale and official level 0.20
    each, because bigger and higher-level hospitals treat more patients and set
    the prescribing habits of the city's smaller ones; medication level and
    competition 0.15 each, because they decide how much of that volume a new
    branded product can win.
    """

    scale: float = 0.20
    """Weight of the bed band (规模)."""
    level: float = 0.20
    """Weight of the official grade (等级)."""
    volume: float = 0.30
    """Weight of drug purchases and outpatient visits (业务量)."""
    medication: float = 0.15
    """Weight of the medication level (用药水平)."""
    competition: float = 0.15
    """Weight of the (reversed) competitive pressure (竞争态势)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            check_number(f"weights.{f.name}", getattr(self, f.name), low=0)
        if self.total == 0:
            raise CourseInputError.single("weights", 0, Phrase("at least one weight above 0"))

    @property
    def total(self) -> float:
        """Sum of the weights.

        Examples
        --------
        >>> HospitalWeights().total
        1.0
        """
        return round(sum(float(getattr(self, f.name)) for f in fields(self)), 12)

    def normalised(self) -> dict[str, float]:
        """The weights divided by their sum (they then add up to 1).

        Examples
        --------
        >>> HospitalWeights(1, 1, 1, 1, 0).normalised()["scale"]
        0.25
        """
        return {name: float(w) / self.total for name, w in asdict(self).items()}


@dataclass(frozen=True)
class GradeCutoffs:
    """Lowest score of grades A and B; below ``b`` a hospital is C.

    Defaults: A from 65 — a hospital must be strong on most factors (a large
    三级甲等 hospital with heavy volume scores 80-95); B from 40 — a typical
    二级甲等 hospital of 300-500 beds lands around 45; small 一级 hospitals
    and community clinics stay under 40.
    """

    a: float = 65.0
    """Lowest score of an A hospital."""
    b: float = 40.0
    """Lowest score of a B hospital."""

    def __post_init__(self) -> None:
        check_number("cutoffs.a", self.a, low=0, high=100)
        check_number("cutoffs.b", self.b, low=0, high=100)
        if self.b > self.a:
            raise CourseInputError.single(
                "cutoffs.b", self.b, Phrase("a number no higher than {limit} ({value})", limit="cutoffs.a", value=self.a)
            )


@dataclass(frozen=True)
class VolumeScale:
    """Business volumes that earn the full volume part score (1.0).

    Defaults: 300 million RMB of drug purchases a year and 100,000 outpatient
    visits a month, about what a large provincial 三级甲等 hospital reaches;
    smaller hospitals earn a proportional share.
    """

    drug_sales_mrmb: float = 300.0
    """Annual drug purchases (million RMB) scoring 1."""
    outpatient_visits_month: float = 100_000.0
    """Monthly outpatient visits scoring 1."""

    def __post_init__(self) -> None:
        check_number("volume.drug_sales_mrmb", self.drug_sales_mrmb, low=0, low_open=True)
        check_number(
            "volume.outpatient_visits_month", self.outpatient_visits_month, low=0, low_open=True
        )


@dataclass(frozen=True)
class HospitalGrade:
    """The grade of one hospital and how it was reached."""

    score: float
    """Composite score 0-100 (one decimal)."""
    grade: str
    """A, B or C."""
    parts: dict[str, float]
    """Part score (0-1) of each factor: scale, level, volume, medication, competition."""


def bed_band(beds: float) -> str:
    """Return the training material's bed band of a hospital.

    Examples
    --------
    >>> bed_band(99), bed_band(100), bed_band(500)
    ('under 100 beds', '100-499 beds', '500 beds and more')
    """
    count = check_number("beds", beds, low=0)
    return next(label for low, _, label in reversed(BED_BANDS) if count >= low)


def grade_hospitals(
    hospitals: pd.DataFrame,
    weights: HospitalWeights | None = None,
    cutoffs: GradeCutoffs | None = None,
    volume: VolumeScale | None = None,
) -> pd.DataFrame:
    """Score and grade every hospital of a table; return a new table.

    Parameters
    ----------
    hospitals
        One hospital a row with the columns of :data:`HOSPITAL_COLUMNS`
        (the sample's ``hospitals`` table has them).
    weights, cutoffs, volume
        Defaults: :class:`HospitalWeights`, :class:`GradeCutoffs`,
        :class:`VolumeScale`.

    Returns
    -------
    DataFrame
        The input columns plus ``part_scale``, ``part_level``, ``part_volume``,
        ``part_medication``, ``part_competition`` (0-1), ``score`` (0-100, one
        decimal) and ``grade`` (A/B/C, from the rounded score).

    Raises
    ------
    CourseInputError
        Naming every bad cell by row: an unknown level, negative beds, an empty
        cell, a medication level or competition outside 1-5.

    Examples
    --------
    >>> h = pd.DataFrame({
    ...     "level": ["三级甲等", "二级甲等", "一级甲等"],
    ...     "beds": [1500, 400, 80],
    ...     "drug_sales_mrmb": [600.0, 60.0, 5.0],
    ...     "outpatient_visits_month": [200_000, 30_000, 5_000],
    ...     "medication_level": [5, 3, 2],
    ...     "competition": [3, 3, 2],
    ... })
    >>> graded = grade_hospitals(h)
    >>> graded[["score", "grade"]].values.tolist()
    [[90.5, 'A'], [44.5, 'B'], [22.0, 'C']]
    >>> grade_hospitals(h.assign(beds=[1500, -5, 80]))
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: row 2, beds: got -5; allowed: a number >= 0
    """
    check_table("hospitals", hospitals, HOSPITAL_COLUMNS)
    parts = _parts(hospitals, volume or VolumeScale(), rows=True)
    score, grade = _combine(parts, weights or HospitalWeights(), cutoffs or GradeCutoffs())
    out = hospitals.copy()
    for name in PARTS:
        out[f"part_{name}"] = parts[name]
    out["score"] = score
    out["grade"] = labelled(grade, GRADES)
    return out


def grade_hospital(
    level: str,
    beds: float,
    drug_sales_mrmb: float,
    outpatient_visits_month: float,
    medication_level: int,
    competition: int,
    *,
    weights: HospitalWeights | None = None,
    cutoffs: GradeCutoffs | None = None,
    volume: VolumeScale | None = None,
) -> HospitalGrade:
    """Score and grade one hospital (the same rule as :func:`grade_hospitals`).

    Examples
    --------
    >>> g = grade_hospital("二级甲等", 400, 60, 30_000, 3, 3)
    >>> g.score, g.grade
    (44.5, 'B')
    >>> g.parts
    {'scale': 0.5, 'level': 0.6, 'volume': 0.25, 'medication': 0.5, 'competition': 0.5}
    >>> grade_hospital("三级", 400, 60, 30_000, 3, 3)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: level: got '三级'; allowed: one of '三级特等', '三级甲等', '三级乙等', '三级丙等', '二级甲等', '二级乙等', '二级丙等', '一级甲等', '一级乙等', '一级丙等'
    """
    row = pd.DataFrame(
        {
            "level": pd.Series([level], dtype=object),
            "beds": pd.Series([beds], dtype=object),
            "drug_sales_mrmb": pd.Series([drug_sales_mrmb], dtype=object),
            "outpatient_visits_month": pd.Series([outpatient_visits_month], dtype=object),
            "medication_level": pd.Series([medication_level], dtype=object),
            "competition": pd.Series([competition], dtype=object),
        }
    )
    parts = _parts(row, volume or VolumeScale(), rows=False)
    score, grade = _combine(parts, weights or HospitalWeights(), cutoffs or GradeCutoffs())
    return HospitalGrade(
        score=float(score[0]),
        grade=GRADES[int(grade[0])],
        parts={name: round(float(parts[name][0]), 4) for name in PARTS},
    )


def _parts(frame: pd.DataFrame, volume: VolumeScale, *, rows: bool) -> dict[str, np.ndarray]:
    problems: list[Problem] = []
    level_code, found = choice_column(frame, "level", HOSPITAL_LEVELS, rows=rows)
    problems += found
    beds, found = number_column(frame, "beds", low=0, rows=rows)
    problems += found
    sales, found = number_column(frame, "drug_sales_mrmb", low=0, rows=rows)
    problems += found
    visits, found = number_column(frame, "outpatient_visits_month", low=0, rows=rows)
    problems += found
    medication, found = number_column(
        frame, "medication_level", low=1, high=5, integer=True, rows=rows
    )
    problems += found
    competition, found = number_column(frame, "competition", low=1, high=5, integer=True, rows=rows)
    problems += found
    raise_problems(problems)

    band_lows = np.array([low for low, _, _ in BED_BANDS], dtype=float)
    band_points = np.array([points for _, points, _ in BED_BANDS])
    level_points = np.array([LEVEL_POINTS[name] for name in HOSPITAL_LEVELS])
    return {
        "scale": band_points[np.searchsorted(band_lows, beds, side="right") - 1],
        "level": level_points[level_code],
        "volume": (
            np.minimum(sales / volume.drug_sales_mrmb, 1.0)
            + np.minimum(visits / volume.outpatient_visits_month, 1.0)
        ) / 2,
        "medication": (medication - 1) / 4,
        "competition": (5 - competition) / 4,
    }


def _combine(
    parts: dict[str, np.ndarray], weights: HospitalWeights, cutoffs: GradeCutoffs
) -> tuple[np.ndarray, np.ndarray]:
    share = weights.normalised()
    raw = sum(share[name] * parts[name] for name in PARTS)
    # round half away from zero on a tidy 1e-9 grid, so 44.5 stays 44.5
    score = np.round(100 * np.asarray(raw) + 1e-9, 1)
    grade = np.where(score >= cutoffs.a, 0, np.where(score >= cutoffs.b, 1, 2))
    return score, grade.astype(np.int8)
