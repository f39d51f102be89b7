"""Prescribing potential (处方潜力): boxes a month, and the high / medium / low classes.

The training material asks for a potential analysis (潜力分析) without a formula; the course
uses the published estimate, patients a month × share with the indication ×
boxes per patient a month. Potential is sorted into high, medium and low by
cut-offs: absolute ones you choose, or quantiles of the territory (by default
the top 30% high and the bottom 30% low, as deciles 8-10 and 1-3).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Phrase
from course.inputs import check_fraction, check_number, check_table

__all__ = [
    "POTENTIAL_CLASSES",
    "PotentialCutoffs",
    "physician_potential",
    "potential_class",
    "potential_cutoffs",
]

POTENTIAL_CLASSES: tuple[str, ...] = ("high", "medium", "low")
"""Potential classes, highest first."""


@dataclass(frozen=True)
class PotentialCutoffs:
    """Lowest potential of the high and the medium class (same unit as the potential)."""

    high: float
    """Potential from which a doctor is high potential."""
    medium: float
    """Potential from which a doctor is medium potential (below: low)."""

    def __post_init__(self) -> None:
        # frozen: store the checked numbers as floats
        object.__setattr__(self, "high", check_number("cutoffs.high", self.high, low=0))
        object.__setattr__(self, "medium", check_number("cutoffs.medium", self.medium, low=0))
        if self.medium > self.high:
            raise CourseInputError.single(
                "cutoffs.medium", self.medium, Phrase("a number no higher than {limit} ({value})", limit="cutoffs.high", value=self.high)
            )


def potential_cutoffs(
    values: Sequence[float] | np.ndarray | pd.Series,
    high_share: float = 0.3,
    low_share: float = 0.3,
) -> PotentialCutoffs:
    """Cut-offs that put the top ``high_share`` of ``values`` in *high* and the bottom ``low_share`` in *low*.

    The defaults follow decile practice: deciles 8-10 are high potential
    (30%), 4-7 medium (40%), 1-3 low (30%).

    Examples
    --------
    >>> potential_cutoffs(range(0, 101, 10))
    PotentialCutoffs(high=70.0, medium=30.0)
    """
    high_share = check_fraction("high_share", high_share)
    low_share = check_fraction("low_share", low_share)
    if high_share + low_share > 1:
        raise CourseInputError.single(
            "low_share", low_share, Phrase("at most {most:g} so that high + low <= 1", most=1 - high_share)
        )
    array = np.asarray(values, dtype=float)
    if array.size == 0 or not np.isfinite(array).all():
        raise CourseInputError.single("potential", Phrase("empty or non-numbers"), Phrase("numbers >= 0"))
    high, medium = np.quantile(array, [1 - high_share, low_share])
    return PotentialCutoffs(high=float(high), medium=float(medium))


def physician_potential(patients_month: float, indication_share: float, boxes_per_patient: float) -> float:
    """Boxes a month a doctor could prescribe: patients × indication share × boxes per patient.

    Examples
    --------
    >>> physician_potential(400, 0.3, 1.0)
    120.0
    >>> physician_potential(400, 30, 1.0)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: indication_share: got 30; allowed: a number from 0 to 1
    """
    patients = check_number("patients_month", patients_month, low=0)
    share = check_fraction("indication_share", indication_share)
    boxes = check_number("boxes_per_patient", boxes_per_patient, low=0)
    return patients * share * boxes


def potential_class(potential: float, cutoffs: PotentialCutoffs) -> str:
    """Return ``'high'``, ``'medium'`` or ``'low'``; no potential (0) is always low.

    Examples
    --------
    >>> c = PotentialCutoffs(high=100, medium=40)
    >>> potential_class(100, c), potential_class(40, c), potential_class(39.9, c)
    ('high', 'medium', 'low')
    >>> potential_class(0, PotentialCutoffs(0, 0))
    'low'
    """
    value = check_number("potential", potential, low=0)
    return POTENTIAL_CLASSES[int(classes_of(np.array([value]), cutoffs.high, cutoffs.medium)[0])]


def classes_of(potential: np.ndarray, high: np.ndarray | float, medium: np.ndarray | float) -> np.ndarray:
    """Class codes, vectorised: 0 high, 1 medium, 2 low; zero potential is low.

    ``high`` and ``medium`` are cut-offs, one for all rows or one per row.

    Examples
    --------
    >>> classes_of(np.array([150.0, 60.0, 10.0, 0.0]), 120.0, 50.0).tolist()
    [0, 1, 2, 2]
    """
    positive = potential > 0
    return np.where(
        positive & (potential >= high), 0, np.where(positive & (potential >= medium), 1, 2)
    ).astype(np.int8)


def cutoff_arrays(
    prescribing: pd.DataFrame,
    potential: np.ndarray,
    cutoffs: PotentialCutoffs | Mapping[str, PotentialCutoffs] | None,
    high_share: float,
    low_share: float,
) -> tuple[np.ndarray | float, np.ndarray | float]:
    """The high and medium cut-off of every row of ``prescribing``.

    ``cutoffs`` is one :class:`PotentialCutoffs` for every row, one per product
    (a mapping), or ``None`` for quantiles of ``potential`` per product (of the
    whole table when it has no ``product`` column).

    Examples
    --------
    >>> rx = pd.DataFrame({"product": ["P", "Q", "P"]})
    >>> high, medium = cutoff_arrays(rx, np.array([1.0, 2.0, 3.0]),
    ...                              {"P": PotentialCutoffs(100, 40), "Q": PotentialCutoffs(10, 4)}, 0.3, 0.3)
    >>> high.tolist(), medium.tolist()
    ([100.0, 10.0, 100.0], [40.0, 4.0, 40.0])
    """
    if isinstance(cutoffs, PotentialCutoffs):
        return cutoffs.high, cutoffs.medium
    if cutoffs is None and "product" not in prescribing.columns:
        found = potential_cutoffs(potential, high_share, low_share)
        return found.high, found.medium
    check_table("prescribing", prescribing, ["product"])
    codes, products = pd.factorize(prescribing["product"].astype(object))
    if cutoffs is None:
        per = {
            p: potential_cutoffs(potential[codes == i], high_share, low_share)
            for i, p in enumerate(products)
        }
    else:
        unknown = [p for p in products if p not in cutoffs]
        if unknown:
            raise CourseInputError.single(
                "cutoffs", Phrase("no cut-offs for product {product!r}", product=unknown[0]),
                Phrase("cut-offs for every product")
            )
        per = {p: cutoffs[p] for p in products}
    high = np.array([per[p].high for p in products])[codes]
    medium = np.array([per[p].medium for p in products])[codes]
    return high, medium
