"""Monthly call frequency per customer tier (拜访频率).

Potential decides *whom* to see, adoption decides *how often*. Published Chinese
practice: A-tier 4-8 calls a month, B 2-4, C 1-2; D (not a target) gets none.
Too many calls can lower prescribing, so the upper bound matters as much as the
lower one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from course._checks import check_choice, check_int

__all__ = ["DEFAULT_FREQUENCIES", "TIERS", "CallFrequency", "calls_per_month"]

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
