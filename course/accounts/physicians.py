"""Physician dual scoring (复式评分) and segmentation into call tiers.

For every physician *and product*, two scores:

* **prescribing status** (处方现状), the training material's −4 … +4 scale
  (:mod:`course.accounts.status`);
* **prescribing potential** (处方潜力): boxes a month the physician could
  prescribe, patients a month × share with the indication × boxes per patient
  (the published estimate), or a potential score you already have.

Potential is sorted into high / medium / low, and the status × potential grid
(:data:`DEFAULT_GRID`) gives the call tier A / B / C / D: *potential decides
whom to see, adoption decides how often*. The tier gives the monthly call
frequency (:func:`course.accounts.frequency.calls_per_month`: A 4-8, B 2-4,
C 1-2, D not a target) and the adoption-ladder stage gives the next objective.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from course.accounts.frequency import TIERS, CallFrequency, calls_per_month
from course.accounts.ladder import STAGES, TOP_STAGE, step_text
from course.accounts.potential import (
    POTENTIAL_CLASSES,
    PotentialCutoffs,
    classes_of,
    cutoff_arrays,
    physician_potential,
    potential_class,
    potential_cutoffs,
)
from course.accounts.status import STATUS_SCALE, STATUS_TO_STAGE, status_level
from course.errors import CourseInputError, Phrase, Problem
from course.i18n import Text
from course.inputs import (
    check_choice,
    check_int,
    check_table,
    labelled,
    number_column,
    number_columns,
    raise_problems,
)
from course.inputs.phrases import MISSING_COLUMN

__all__ = [
    "DEFAULT_GRID",
    "POTENTIAL_CLASSES",
    "PhysicianScore",
    "PotentialCutoffs",
    "physician_potential",
    "potential_class",
    "potential_cutoffs",
    "score_physician",
    "score_physicians",
    "tier_for",
]

DEFAULT_GRID: dict[str, tuple[str, ...]] = {
    #          status: −4   −3   −2   −1    0    1    2    3   +4
    "high": ("C", "B", "A", "A", "A", "A", "A", "A", "B"),
    "medium": ("D", "C", "B", "B", "B", "B", "B", "B", "C"),
    "low": ("D", "D", "C", "C", "C", "C", "C", "C", "C"),
}
"""Tier of each potential class (rows) and status −4 … +4 (columns).

Potential sets the level: high-potential doctors are A, medium B, low C.
Status moves a doctor one tier down at the ends of the scale: an opposed or
indifferent doctor (−4, −3) will not move quickly, so fewer calls (an opposed
medium- or low-potential doctor, and an indifferent low-potential one, is not a
target: D); a first-choice doctor (+4) needs upkeep, not more calls — too many
calls can lower prescribing. The most calls go where a doctor can still climb:
trial and listing (−2, −1) up to common use (3).
"""


@dataclass(frozen=True)
class PhysicianScore:
    """The dual score of one physician for one product and what follows from it."""

    status: int
    """Prescribing status −4 … +4."""
    status_label: Text
    """The status label, e.g. "a little" (少量处方)."""
    potential: float
    """Potential (boxes a month, or the given score)."""
    potential_class: str
    """high, medium or low."""
    tier: str
    """A, B, C or D (D: not a target)."""
    calls: CallFrequency
    """Monthly call range of the tier."""
    stage: int
    """Adoption-ladder stage 0-4 (recorded, or assumed from the status)."""
    next_stage: int
    """The stage the next calls aim for."""
    next_step: str
    """The step, e.g. ``'aware → trial'``, in English (as in :func:`score_physicians`)."""
    next_objective: str
    """What the next calls should achieve, in English."""


def tier_for(status: int, potential_cls: str, grid: Mapping[str, Sequence[str]] | None = None) -> str:
    """Return the call tier of a status and a potential class.

    Examples
    --------
    >>> tier_for(1, "high"), tier_for(4, "high"), tier_for(-4, "low")
    ('A', 'B', 'D')
    """
    table_ = _grid(grid)
    level = status_level(status)
    check_choice("potential_class", potential_cls, POTENTIAL_CLASSES)
    return TIERS[int(table_[POTENTIAL_CLASSES.index(potential_cls), level.value + 4])]


def score_physician(
    status: int,
    potential: float,
    cutoffs: PotentialCutoffs,
    *,
    stage: int | None = None,
    grid: Mapping[str, Sequence[str]] | None = None,
    frequencies: Mapping[str, CallFrequency] | None = None,
) -> PhysicianScore:
    """Score one physician for one product (the same rule as :func:`score_physicians`).

    Examples
    --------
    >>> s = score_physician(1, 120, PotentialCutoffs(high=100, medium=40))
    >>> s.status_label.zh, s.potential_class, s.tier, s.calls, s.next_step
    ('少量处方', 'high', 'A', CallFrequency(low=4, high=8), 'trial → usage')
    """
    level = status_level(status)
    cls = potential_class(potential, cutoffs)
    tier = tier_for(level.value, cls, grid)
    now = STATUS_TO_STAGE[level.value] if stage is None else check_int(
        "adoption_stage", stage, low=0, high=TOP_STAGE
    )
    return PhysicianScore(
        status=level.value,
        status_label=level.name,
        potential=float(potential),
        potential_class=cls,
        tier=tier,
        calls=calls_per_month(tier, frequencies),
        stage=now,
        next_stage=min(now + 1, TOP_STAGE),
        next_step=step_text(now).en,
        next_objective=STAGES[now].goal.en,
    )


def score_physicians(
    prescribing: pd.DataFrame,
    physicians: pd.DataFrame | None = None,
    *,
    potential_from: Literal["patients", "score"] = "patients",
    cutoffs: PotentialCutoffs | Mapping[str, PotentialCutoffs] | None = None,
    high_share: float = 0.3,
    low_share: float = 0.3,
    grid: Mapping[str, Sequence[str]] | None = None,
    frequencies: Mapping[str, CallFrequency] | None = None,
) -> pd.DataFrame:
    """Dual-score and segment every physician × product row; return a new table.

    Parameters
    ----------
    prescribing
        One physician × product a row with ``status`` (−4 … +4). With
        ``potential_from="patients"`` it needs ``indication_share`` and
        ``boxes_per_patient``, and ``patients_month`` (here, or looked up in
        ``physicians`` by ``physician_id``); with ``"score"`` a
        ``potential_score`` column. ``adoption_stage`` (0-4) is used when present.
    physicians
        The physicians table, for ``patients_month``.
    cutoffs
        Potential cut-offs: one :class:`PotentialCutoffs`, one per product
        (a mapping), or ``None`` to take quantiles of the table itself, per
        product (:func:`potential_cutoffs` with ``high_share``, ``low_share``).
    grid, frequencies
        The status × potential grid (default :data:`DEFAULT_GRID`) and the
        tier frequencies (default A 4-8, B 2-4, C 1-2, D 0).

    Returns
    -------
    DataFrame
        The input columns plus ``potential``, ``potential_class``, ``tier``,
        ``calls_low``, ``calls_high``, ``calls_planned``, ``status_label``
        (English), ``stage``, ``next_stage``, ``next_step`` and ``next_objective``.

    Examples
    --------
    >>> rx = pd.DataFrame({
    ...     "physician_id": ["D1", "D2", "D3"], "product": ["P", "P", "P"],
    ...     "status": [1, 4, -4], "patients_month": [400, 300, 50],
    ...     "indication_share": [0.3, 0.2, 0.1], "boxes_per_patient": [1.0, 2.0, 1.0],
    ... })
    >>> out = score_physicians(rx, cutoffs=PotentialCutoffs(high=100, medium=40))
    >>> out[["potential", "potential_class", "tier", "calls_planned", "next_step"]].values.tolist()
    [[120.0, 'high', 'A', 6, 'trial → usage'], [120.0, 'high', 'B', 3, 'loyalty / advocacy (keep)'], [5.0, 'low', 'D', 0, 'aware → trial']]
    >>> score_physicians(rx.assign(status=[1, 5, -4]), cutoffs=PotentialCutoffs(100, 40))
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: row 2, status: got 5; allowed: a whole number from -4 to 4
    """
    check_choice("potential_from", potential_from, ("patients", "score"))
    by_patients = potential_from == "patients"
    limits: dict[str, tuple[float | None, float | None]] = {"status": (-4, 4)}
    limits |= {"indication_share": (0, 1), "boxes_per_patient": (0, None)} if by_patients \
        else {"potential_score": (0, None)}
    check_table("prescribing", prescribing, limits)
    if "adoption_stage" in prescribing.columns:
        limits["adoption_stage"] = (0, TOP_STAGE)
    grid_codes = _grid(grid)
    values, problems = number_columns(prescribing, limits, integer={"status", "adoption_stage"})
    status, stage = values["status"], values.get("adoption_stage")
    out = prescribing.copy()
    if by_patients:
        patients, found = _patients(prescribing, physicians)
        problems += found
        potential = patients * values["indication_share"] * values["boxes_per_patient"]
        if "patients_month" not in out.columns:
            whole = bool(np.all(patients == np.round(patients)))
            out["patients_month"] = patients.astype(np.int64) if whole else patients
    else:
        potential = values["potential_score"]
    raise_problems(problems)

    status_idx = status.astype(np.int64) + 4
    high, medium = cutoff_arrays(prescribing, potential, cutoffs, high_share, low_share)
    cls = classes_of(potential, high, medium)
    tier = grid_codes[cls, status_idx]
    freq = [calls_per_month(t, frequencies) for t in TIERS]
    stage_to = np.array([STATUS_TO_STAGE[v.value] for v in STATUS_SCALE], dtype=np.int8)
    now = stage_to[status_idx] if stage is None else stage.astype(np.int8)

    out["potential"] = potential
    out["potential_class"] = labelled(cls, POTENTIAL_CLASSES)
    out["tier"] = labelled(tier, TIERS)
    out["calls_low"] = np.array([f.low for f in freq], dtype=np.int64)[tier]
    out["calls_high"] = np.array([f.high for f in freq], dtype=np.int64)[tier]
    out["calls_planned"] = np.array([f.planned for f in freq], dtype=np.int64)[tier]
    out["status_label"] = labelled(status_idx, [v.name.en for v in STATUS_SCALE])
    out["stage"] = now.astype(np.int64)
    out["next_stage"] = np.minimum(now + 1, TOP_STAGE).astype(np.int64)
    out["next_step"] = labelled(now, [step_text(s.number).en for s in STAGES])
    out["next_objective"] = labelled(now, [s.goal.en for s in STAGES])
    return out


def _grid(grid: Mapping[str, Sequence[str]] | None) -> np.ndarray:
    """The grid as tier codes, shape (3 classes, 9 statuses)."""
    chosen = DEFAULT_GRID if grid is None else grid
    if not isinstance(chosen, Mapping) or set(chosen) != set(POTENTIAL_CLASSES):
        raise CourseInputError.single(
            "grid", chosen, Phrase("a mapping with rows 'high', 'medium', 'low'")
        )
    codes = np.zeros((len(POTENTIAL_CLASSES), 9), dtype=np.int8)
    for row, cls in enumerate(POTENTIAL_CLASSES):
        tiers = list(chosen[cls])
        if len(tiers) != 9:
            raise CourseInputError.single(
                f"grid[{cls!r}]", tiers, Phrase("nine tiers, one per status −4 … +4")
            )
        for col, tier in enumerate(tiers):
            codes[row, col] = TIERS.index(check_choice(f"grid[{cls!r}]", tier, TIERS))
    return codes


def _patients(
    prescribing: pd.DataFrame, physicians: pd.DataFrame | None
) -> tuple[np.ndarray, list[Problem]]:
    if "patients_month" in prescribing.columns:
        return number_column(prescribing, "patients_month", low=0)
    if physicians is None:
        raise CourseInputError.single(
            "patients_month", MISSING_COLUMN,
            Phrase("a patients_month column in prescribing, or the physicians table"),
        )
    check_table("physicians", physicians, ["physician_id", "patients_month"])
    check_table("prescribing", prescribing, ["physician_id"])
    per_doctor, problems = number_column(physicians, "patients_month", low=0)
    raise_problems(problems)
    ids = pd.Index(physicians["physician_id"])
    if ids.has_duplicates:
        raise CourseInputError.single(
            "physicians.physician_id", ids[ids.duplicated()][0], Phrase("each physician once")
        )
    wanted = prescribing["physician_id"]
    if wanted.dtype != ids.dtype:
        ids, wanted = pd.Index(ids.astype(object)), wanted.astype(object)
    where = ids.get_indexer(pd.Index(wanted))
    missing = np.flatnonzero(where < 0)
    found = [
        Problem("physician_id", prescribing["physician_id"].iloc[i], Phrase("a physician of the physicians table"),
                int(i) + 1)
        for i in missing[:20]
    ]
    patients = np.where(where >= 0, per_doctor[np.maximum(where, 0)], np.nan)
    return patients, found
