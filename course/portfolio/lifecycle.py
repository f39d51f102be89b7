"""Product life-cycle stage from a sales series (产品生命周期).

The four stages: introduction (导入期), growth (成长期), maturity (成熟期) and
decline (衰退期). The course reads the stage from the *growth rate* of sales,
as Polli & Cook (1969) did, with plain rules a rep can check by hand:

1. Recent growth = mean sales of the last ``window`` periods ÷ mean sales of
   the ``window`` periods before − 1 (with ``window=1``: the last period against
   the one before). A short series uses the longest window it allows.
2. Growth of ``rising`` (default 10%) or more: the product is rising — it is in
   **introduction** while it has sold for at most ``intro_periods`` periods
   (default 2), in **growth** afterwards.
3. A fall of ``falling`` (default −5%) or worse: **decline**.
4. Anything between: **maturity** (a flat series is mature).

Periods before the first sale (zeros) are ignored: the product was not on the
market yet. A series with no sale yet, or only one period of sales, is in
introduction. Empty, NaN or negative sales raise
:class:`~course.errors.CourseInputError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course._checks import check_columns, check_int, check_not_empty, check_number
from course.errors import CourseInputError, Problem

__all__ = [
    "STAGES",
    "LifecycleRules",
    "LifecycleStage",
    "lifecycle_stage",
    "lifecycle_table",
    "stage_by_product",
]


@dataclass(frozen=True)
class LifecycleStage:
    """One stage of the product life cycle."""

    code: str
    """Short code: ``introduction``, ``growth``, ``maturity`` or ``decline``."""
    en: str
    """Name in English."""
    zh: str
    """Name in Chinese."""

    @property
    def label(self) -> str:
        """``"English (中文)"``, e.g. ``"Growth (成长期)"``."""
        return f"{self.en} ({self.zh})"


STAGES: dict[str, LifecycleStage] = {
    s.code: s
    for s in (
        LifecycleStage("introduction", "Introduction", "导入期"),
        LifecycleStage("growth", "Growth", "成长期"),
        LifecycleStage("maturity", "Maturity", "成熟期"),
        LifecycleStage("decline", "Decline", "衰退期"),
    )
}
"""The four stages, in order."""


@dataclass(frozen=True)
class LifecycleRules:
    """The thresholds that turn a sales series into a stage."""

    rising: float = 0.10
    """Growth per period at or above which sales are rising (introduction or growth)."""
    falling: float = -0.05
    """Growth per period at or below which sales are in decline."""
    intro_periods: int = 2
    """A rising product is in introduction while it has sold for at most this many periods."""
    window: int = 1
    """Periods averaged on each side when measuring recent growth (1: last vs the one before)."""

    def __post_init__(self) -> None:
        check_number("falling", self.falling, low=-1.0, high=0.0)
        check_number("rising", self.rising, low=self.falling, low_open=True)
        check_int("intro_periods", self.intro_periods, low=1, high=1000)
        check_int("window", self.window, low=1, high=1000)


def _values(sales: Sequence[float] | pd.Series | np.ndarray, field_name: str) -> np.ndarray:
    raw = list(sales.tolist() if isinstance(sales, (pd.Series, np.ndarray)) else sales)
    if not raw:
        raise CourseInputError.single(field_name, raw, "at least one period of sales")
    problems: list[Problem] = []
    values = np.empty(len(raw))
    for index, value in enumerate(raw):
        try:
            values[index] = check_number(field_name, value, low=0.0)
        except CourseInputError as error:
            problems.append(Problem(f"{field_name}[{index}]", value, error.allowed))
    if problems:
        raise CourseInputError(problems)
    return values


def _growth(values: np.ndarray, window: int) -> float:
    """Recent growth of a series that has sold at least two periods."""
    w = min(window, len(values) // 2)
    before = values[-2 * w : -w].mean()
    recent = values[-w:].mean()
    if before == 0:  # restarted after a gap: treat as rising
        return float("inf") if recent > 0 else 0.0
    return float(recent / before - 1.0)


def _stage(values: np.ndarray, rules: LifecycleRules) -> tuple[str, float]:
    selling = np.flatnonzero(values > 0)
    if selling.size == 0:
        return "introduction", float("nan")
    since_launch = values[selling[0] :]
    if since_launch.size == 1:
        return "introduction", float("nan")
    growth = _growth(since_launch, rules.window)
    if growth >= rules.rising:
        stage = "introduction" if since_launch.size <= rules.intro_periods else "growth"
    elif growth <= rules.falling:
        stage = "decline"
    else:
        stage = "maturity"
    return stage, growth


def lifecycle_stage(
    sales: Sequence[float] | pd.Series | np.ndarray, rules: LifecycleRules | None = None
) -> LifecycleStage:
    """Return the life-cycle stage of a product from its sales, oldest period first.

    Examples
    --------
    The seed's product, net sales 1994-1998 (RMB '000): 8% growth in the last year.

    >>> lifecycle_stage([6031, 20766, 67612, 120424, 130000]).label
    'Maturity (成熟期)'
    >>> lifecycle_stage([6031, 20766, 67612, 120424]).label
    'Growth (成长期)'
    >>> lifecycle_stage([6031, 20766]).label        # second year of sales
    'Introduction (导入期)'
    >>> lifecycle_stage([100, 100, 100]).code        # flat
    'maturity'
    >>> lifecycle_stage([130, 120, 100]).code
    'decline'
    >>> lifecycle_stage([5, -1])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: sales[1]: got -1; allowed: a number >= 0
    """
    values = _values(sales, "sales")
    return STAGES[_stage(values, rules or LifecycleRules())[0]]


def lifecycle_table(
    sales: Sequence[float] | pd.Series | np.ndarray,
    periods: Sequence[object] | None = None,
    rules: LifecycleRules | None = None,
) -> pd.DataFrame:
    """Return the stage a rep would have read at each period, from the sales up to it.

    Parameters
    ----------
    sales
        Sales per period, oldest first (a Series' index is used as the periods).
    periods
        Labels of the periods (years, months); default the Series' index or 0, 1, ….
    rules
        The thresholds; default :class:`LifecycleRules`.

    Returns
    -------
    pandas.DataFrame
        Columns ``period``, ``sales``, ``growth`` (recent growth as a fraction,
        NaN where it cannot be measured), ``stage`` (code) and ``stage_label``.

    Examples
    --------
    >>> table = lifecycle_table([6031, 20766, 67612, 120424, 130000, 180000],
    ...                         periods=[1994, 1995, 1996, 1997, 1998, 1999])
    >>> print(table[["period", "growth", "stage"]].round(3).to_string(index=False))
     period  growth        stage
       1994     NaN introduction
       1995   2.443 introduction
       1996   2.256       growth
       1997   0.781       growth
       1998   0.080     maturity
       1999   0.385       growth
    """
    values = _values(sales, "sales")
    chosen = rules or LifecycleRules()
    if periods is None:
        labels: list[object] = (
            list(sales.index) if isinstance(sales, pd.Series) else list(range(len(values)))
        )
    else:
        labels = list(periods)
        if len(labels) != len(values):
            raise CourseInputError.single(
                "periods", labels, f"one label per period of sales ({len(values)} labels)"
            )
    rows = [_stage(values[: end + 1], chosen) for end in range(len(values))]
    codes = [code for code, _growth in rows]
    return pd.DataFrame(
        {
            "period": labels,
            "sales": values,
            "growth": [g for _code, g in rows],
            "stage": codes,
            "stage_label": [STAGES[c].label for c in codes],
        }
    )


def stage_by_product(
    sales: pd.DataFrame,
    *,
    product: str = "product",
    period: str = "month",
    value: str = "revenue_rmb",
    rules: LifecycleRules | None = None,
) -> pd.DataFrame:
    """Total sales per product and period (e.g. over hospitals), then each product's stage.

    Examples
    --------
    >>> sales = pd.DataFrame({"product": ["X", "X", "X", "Y", "Y", "Y"],
    ...                       "month": ["2025-01", "2025-02", "2025-03"] * 2,
    ...                       "revenue_rmb": [100, 100, 104, 50, 80, 120]})
    >>> stage_by_product(sales)[["product", "periods", "growth", "stage"]]
      product  periods  growth     stage
    0       X        3    0.04  maturity
    1       Y        3    0.50    growth
    """
    check_not_empty("sales", sales)
    check_columns("sales", sales, [product, period, value])
    _values(sales[value], value)
    totals = sales.groupby([product, period], sort=True)[value].sum().reset_index()
    chosen = rules or LifecycleRules()
    rows = []
    for name, group in totals.groupby(product, sort=True):
        code, growth = _stage(group[value].to_numpy(dtype=float), chosen)
        rows.append(
            {
                product: name,
                "periods": len(group),
                "last_sales": float(group[value].iloc[-1]),
                "growth": growth,
                "stage": code,
                "stage_label": STAGES[code].label,
            }
        )
    return pd.DataFrame(rows)
