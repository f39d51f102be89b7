"""Is a quota allocation fair? Attainment should not depend on territory size or growth.

Published practice: after a period, compute each territory's attainment
(actual ÷ quota) and correlate it with the territory's size (potential) and its
growth. If big territories, or fast-growing ones, reach their quota more easily
(or less easily), the allocation rewards the territory rather than the rep.

:func:`fairness_check` reports both Pearson correlations and calls the
allocation fair when neither reaches :data:`FAIRNESS_THRESHOLD` in absolute
value (0.5, a "strong" correlation by the usual rule of thumb; with few
territories correlations are noisy, so treat the verdict as a prompt to look,
not a proof). :func:`backtest_allocation` runs the whole check on a sales
history: quotas for the second half of the months are set from the first half,
then compared with what was actually sold.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.errors import CourseInputError
from course.goals.quota import allocate_quota
from course.i18n import _
from course.inputs import (
    check_choice,
    check_columns,
    check_fraction,
    check_not_empty,
    check_number,
)

__all__ = ["FAIRNESS_THRESHOLD", "FairnessReport", "backtest_allocation", "correlation", "fairness_check"]

FAIRNESS_THRESHOLD = 0.5
"""An allocation is unfair when |correlation| of attainment with size or growth reaches this."""


@dataclass(frozen=True)
class FairnessReport:
    """Whether attainment depends on territory size or growth."""

    table: pd.DataFrame
    """One row per territory with ``attainment``, the size and the growth."""
    r_size: float | None
    """Correlation of attainment with size (None when a column does not vary)."""
    r_growth: float | None
    """Correlation of attainment with growth (None when a column does not vary)."""
    threshold: float
    """|r| from which the allocation counts as unfair."""
    method: str = "pearson"
    """"pearson" or "spearman" (rank) correlation."""

    @property
    def fair(self) -> bool:
        """True when neither correlation reaches the threshold."""
        return all(r is None or abs(r) < self.threshold for r in (self.r_size, self.r_growth))

    def summary(self) -> str:
        """One sentence in the language in force.

        Examples
        --------
        >>> from course.i18n import set_language
        >>> set_language("en")
        >>> t = pd.DataFrame({"quota": [100, 100, 100], "actual": [90, 100, 110],
        ...                   "size": [1, 2, 3], "growth": [0.1, 0.0, 0.1]})
        >>> print(fairness_check(t).summary())
        Unfair: attainment against size r = 1.00, against growth r = 0.00 (limit ±0.50).
        """
        def fmt(r: float | None) -> str:
            return "n/a" if r is None else f"{r:.2f}"

        text = _("attainment against size r = {size}, against growth r = {growth} "
                 "(limit ±{limit}).").format(size=fmt(self.r_size), growth=fmt(self.r_growth),
                                           limit=f"{self.threshold:.2f}")
        return (_("Fair") if self.fair else _("Unfair")) + ": " + text


def correlation(x: pd.Series | np.ndarray, y: pd.Series | np.ndarray) -> float | None:
    """Pearson correlation of ``x`` and ``y``; None when either does not vary.

    Examples
    --------
    >>> correlation([1, 2, 3], [2, 4, 7])
    0.993...
    >>> correlation([1, 2, 3], [5, 5, 5]) is None
    True
    """
    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    a, b = a - a.mean(), b - b.mean()
    denominator = float(np.sqrt((a * a).sum() * (b * b).sum()))
    if denominator == 0 or not np.isfinite(denominator):
        return None
    return float((a * b).sum() / denominator)


def fairness_check(frame: pd.DataFrame, *, quota: str = "quota", actual: str = "actual",
                   size: str = "size", growth: str = "growth",
                   threshold: float = FAIRNESS_THRESHOLD, method: str = "pearson") -> FairnessReport:
    """Correlate attainment (actual ÷ quota) with territory size and growth.

    Parameters
    ----------
    frame
        One row per territory with the quota, what was sold, a size (e.g.
        potential) and a growth (e.g. sales growth over the period).
    threshold
        |r| from which the allocation counts as unfair.
    method
        ``"pearson"`` (default) or ``"spearman"`` (ranks: robust when many small
        accounts have extreme attainments).

    Rows with a quota of zero have no attainment and are left out of the
    correlations.

    Raises
    ------
    CourseInputError
        Fewer than 3 quotas above zero, a negative quota, or non-numbers.

    Examples
    --------
    >>> t = pd.DataFrame({"quota": [100, 200, 300, 400], "actual": [100, 190, 310, 400],
    ...                   "size": [10, 20, 30, 40], "growth": [0.05, 0.0, 0.1, 0.02]})
    >>> r = fairness_check(t)
    >>> r.table["attainment"].round(3).tolist()
    [1.0, 0.95, 1.033, 1.0]
    >>> round(r.r_size, 2), round(r.r_growth, 2), r.fair
    (0.31, 0.9, False)
    """
    threshold = check_number("threshold", threshold, low=0, high=1, low_open=True)
    check_choice("method", method, ("pearson", "spearman"))
    check_not_empty("territories", frame)
    check_columns("territories", frame, [quota, actual, size, growth])
    if len(frame) < 3:
        raise CourseInputError.single("territories", len(frame), "at least 3 territories to correlate")
    out = frame.copy()
    for column in (quota, actual, size, growth):
        values = pd.to_numeric(out[column], errors="coerce")
        if values.isna().any():
            raise CourseInputError.single(column, out[column].tolist(), "a number in every row")
        out[column] = values
    if (out[quota] < 0).any():
        raise CourseInputError.single(quota, out[quota].tolist(), "quotas >= 0")
    out["attainment"] = out[actual] / out[quota].where(out[quota] > 0)
    used = out[out["attainment"].notna()]
    if len(used) < 3:
        raise CourseInputError.single(quota, out[quota].tolist(), "at least 3 quotas above zero")
    rank = method == "spearman"
    def corr(column: str) -> float | None:
        a, b = used["attainment"], used[column]
        return correlation(a.rank(), b.rank()) if rank else correlation(a, b)

    return FairnessReport(out, corr(size), corr(growth), threshold, method)


def backtest_allocation(sales: pd.DataFrame, potential: pd.Series, *, unit: str = "territory",
                        month: str = "month", value: str = "boxes", weight: float = 0.5,
                        threshold: float = FAIRNESS_THRESHOLD, method: str = "pearson") -> FairnessReport:
    """Test an allocation rule on history: set quotas from the first half, compare with the second.

    The months are split in two halves (the first half is the shorter one when
    their number is odd). Each unit's quota for the second half splits what was
    actually sold in it by ``w · first-half share + (1 − w) · potential share``,
    so the average attainment is 100%; attainment is then correlated with the
    potential (size) and with growth (second-half sales per month over
    first-half sales per month, minus 1).

    Examples
    --------
    >>> sales = pd.DataFrame({"territory": list("ABC") * 4,
    ...                       "month": ["2026-01"] * 3 + ["2026-02"] * 3 + ["2026-03"] * 3 + ["2026-04"] * 3,
    ...                       "boxes": [100, 100, 100] * 2 + [150, 100, 50] * 2})
    >>> potential = pd.Series({"A": 100, "B": 100, "C": 100})
    >>> r = backtest_allocation(sales, potential, weight=1.0)
    >>> r.table[["quota", "actual", "attainment", "growth"]]
               quota  actual  attainment  growth
    territory
    A            200     300         1.5     0.5
    B            200     200         1.0     0.0
    C            200     100         0.5    -0.5
    >>> round(r.r_growth, 2), r.fair
    (1.0, False)
    """
    weight = check_fraction("weight", weight)
    check_not_empty("sales", sales)
    check_columns("sales", sales, [unit, month, value])
    months = sorted(sales[month].astype(str).unique())
    if len(months) < 2:
        raise CourseInputError.single("months", months, "a history of at least 2 months")
    first = months[: len(months) // 2]
    boxes = pd.to_numeric(sales[value], errors="coerce")
    if boxes.isna().any():
        raise CourseInputError.single(value, sales[value].tolist(), "a number in every row")
    in_first = sales[month].astype(str).isin(first)
    before = boxes[in_first].groupby(sales.loc[in_first, unit]).sum()
    after = boxes[~in_first].groupby(sales.loc[~in_first, unit]).sum()
    units = sorted(set(before.index) | set(after.index))
    missing = [u for u in units if u not in potential.index]
    if missing:
        raise CourseInputError.single("potential", missing[0], "a potential for every unit with sales")
    frame = pd.DataFrame({
        "history": before.reindex(units, fill_value=0),
        "potential": potential.reindex(units).astype(float),
        "actual": after.reindex(units, fill_value=0),
    })
    frame.index.name = unit
    per_month_before = frame["history"] / len(first)
    per_month_after = frame["actual"] / (len(months) - len(first))
    frame["growth"] = (per_month_after / per_month_before.replace(0, np.nan) - 1).fillna(0.0)
    frame = allocate_quota(int(frame["actual"].sum()), frame, weight=weight)
    return fairness_check(frame, size="potential", threshold=threshold, method=method)
