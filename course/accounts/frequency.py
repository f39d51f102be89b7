"""Monthly call frequency per customer tier (拜访频率).

Potential decides *whom* to see, adoption decides *how often*. Published Chinese
practice: A-tier 4-8 calls a month, B 2-4, C 1-2; D (not a target) gets none.
Too many calls can lower prescribing, so the upper bound matters as much as the
lower one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from course.errors import CourseInputError, Phrase, Problem
from course.inputs import check_choice, check_columns, check_int
from course.inputs.phrases import number, one_of

__all__ = [
    "DEFAULT_FREQUENCIES",
    "LEVELS",
    "TIERS",
    "CallFrequency",
    "calls_per_month",
    "check_frequencies",
    "planned_calls",
]

TIERS: tuple[str, ...] = ("A", "B", "C", "D")
"""Customer tiers: A most valuable … C least; D is not a target (no calls)."""


@dataclass(frozen=True)
class CallFrequency:
    """How many calls a month a tier gets."""

    low: int
    """Fewest calls a month."""
    high: int
    """Most calls a month (more can lower prescribing)."""

    def __post_init__(self) -> None:
        check_int("low", self.low, low=0, high=31)
        check_int("high", self.high, low=self.low, high=31)

    @property
    def planned(self) -> int:
        """Calls to plan by default: the middle of the range, rounded up.

        Examples
        --------
        >>> CallFrequency(4, 8).planned, CallFrequency(1, 2).planned
        (6, 2)
        """
        return -(-(self.low + self.high) // 2)


DEFAULT_FREQUENCIES: Mapping[str, CallFrequency] = {
    "A": CallFrequency(4, 8),
    "B": CallFrequency(2, 4),
    "C": CallFrequency(1, 2),
    "D": CallFrequency(0, 0),
}
"""Default monthly frequencies: A 4-8, B 2-4, C 1-2, D none."""


def calls_per_month(tier: str, frequencies: Mapping[str, CallFrequency] | None = None) -> CallFrequency:
    """Return the monthly call range of ``tier``.

    Examples
    --------
    >>> calls_per_month("A")
    CallFrequency(low=4, high=8)
    >>> calls_per_month("E")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: tier: got 'E'; allowed: one of 'A', 'B', 'C', 'D'
    """
    table = DEFAULT_FREQUENCIES if frequencies is None else frequencies
    check_choice("tier", tier, list(table))
    return table[tier]


LEVELS: tuple[str, ...] = ("low", "planned", "high")
"""Which point of a tier's range to plan: its lower bound, middle (default) or upper bound."""


def check_frequencies(frequencies: Mapping[str, CallFrequency] | None) -> Mapping[str, CallFrequency]:
    """Return a complete tier → :class:`CallFrequency` table (the defaults when ``None``).

    Missing tiers keep their default; an unknown tier or a value that is not a
    :class:`CallFrequency` is refused.

    Examples
    --------
    >>> table = check_frequencies({"A": CallFrequency(5, 6)})
    >>> table["A"], table["B"]
    (CallFrequency(low=5, high=6), CallFrequency(low=2, high=4))
    >>> check_frequencies({"Z": CallFrequency(1, 2)})
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: tier: got 'Z'; allowed: one of 'A', 'B', 'C', 'D'
    """
    if frequencies is None:
        return DEFAULT_FREQUENCIES
    table = dict(DEFAULT_FREQUENCIES)
    for tier, frequency in frequencies.items():
        check_choice("tier", tier, TIERS)
        if not isinstance(frequency, CallFrequency):
            raise CourseInputError.single(
                f"frequencies[{tier!r}]", frequency, Phrase("a CallFrequency(low, high), e.g. CallFrequency(4, 8)")
            )
        table[tier] = frequency
    return table


def planned_calls(
    doctors: pd.DataFrame,
    frequencies: Mapping[str, CallFrequency] | None = None,
    level: str = "planned",
) -> pd.DataFrame:
    """Return a copy of ``doctors`` with each doctor's monthly calls from its ``tier``.

    Adds ``calls_low``, ``calls_high`` (the tier's range) and ``planned_calls``
    (the point chosen by ``level``: ``"low"``, ``"planned"`` = middle rounded up,
    or ``"high"``). A ``planned_calls`` column already present is kept: it is the
    manager's edit and wins over the tier default.

    Examples
    --------
    >>> doctors = pd.DataFrame({"physician_id": ["D1", "D2", "D3", "D4"],
    ...                         "tier": ["A", "B", "C", "D"]})
    >>> planned_calls(doctors)[["tier", "calls_low", "calls_high", "planned_calls"]]
      tier  calls_low  calls_high  planned_calls
    0    A          4           8              6
    1    B          2           4              3
    2    C          1           2              2
    3    D          0           0              0
    >>> planned_calls(doctors, level="low")["planned_calls"].tolist()
    [4, 2, 1, 0]
    """
    check_columns("doctors", doctors, ["tier"])
    check_choice("level", level, LEVELS)
    table = check_frequencies(frequencies)
    if not doctors["tier"].isin(TIERS).all():
        raise CourseInputError(
            Problem("tier", value, one_of(TIERS), row=i + 1)
            for i, value in enumerate(doctors["tier"])
            if value not in TIERS
        )
    low = doctors["tier"].map({t: f.low for t, f in table.items()}).astype("int64")
    high = doctors["tier"].map({t: f.high for t, f in table.items()}).astype("int64")
    middle = doctors["tier"].map({t: f.planned for t, f in table.items()}).astype("int64")
    chosen = {"low": low, "planned": middle, "high": high}[level]
    result = doctors.assign(calls_low=low, calls_high=high)
    if "planned_calls" in doctors.columns:
        edited = pd.to_numeric(doctors["planned_calls"], errors="coerce")
        wrong = edited.isna() | (edited < 0) | (edited > 31) | (edited != edited.round())
        if wrong.any():
            raise CourseInputError(
                Problem("planned_calls", value, number(0, 31, whole=True), row=i + 1)
                for i, (value, w) in enumerate(zip(doctors["planned_calls"], wrong, strict=True))
                if w
            )
        return result.assign(planned_calls=edited.astype("int64"))
    return result.assign(planned_calls=chosen)
