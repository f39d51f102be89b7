"""Management by objectives for quotas (销售指标的分配): cascade, phase, close the gap.

The training material lists what a fair quota weighs — customers' economics and potential,
current usage against maximum potential per area, competitors, how hard the
market is, the company's investment, the rep's growth — and asks to "challenge
a higher target" (挑战更高指标): split the quota into months (指标要细分到月),
name the customers responsible for it, and keep the personal target above the
quota (目标要大于指标). Its steps: forecast per product → total → if below the
quota, find where to add → decide how to strengthen promotion.

Published practice, used here:

- national target = budget + stretch (:func:`stretch_target`);
- a territory's (or account's) share = ``w · history share + (1 − w) · potential share``
  (:func:`blend_shares`), cascaded national → territory → account
  (:func:`cascade_quota`);
- months phased by the history's seasonality (:func:`seasonality`,
  :func:`phase_into_months`);
- the fairness check lives in :mod:`course.goals.fairness`.

Every split is rounded with the largest-remainder method
(:func:`largest_remainder`), so the parts always add up exactly to the whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.errors import CourseInputError
from course.inputs import check_columns, check_fraction, check_int, check_not_empty, check_number

__all__ = [
    "GapPlan",
    "QuotaCascade",
    "allocate_quota",
    "blend_shares",
    "cascade_quota",
    "largest_remainder",
    "phase_into_months",
    "phase_quotas",
    "plan_to_quota",
    "seasonality",
    "stretch_target",
]


def stretch_target(budget: float, stretch: float = 0.10) -> int:
    """Return budget + stretch, rounded to a whole unit: the target to cascade.

    The same rule makes a personal target above the quota (目标要大于指标).

    Examples
    --------
    >>> stretch_target(120_000, 0.10)
    132000
    >>> stretch_target(-5)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: budget: got -5; allowed: a number >= 0
    """
    budget = check_number("budget", budget, low=0)
    stretch = check_number("stretch", stretch, low=0, high=1)
    return round(budget * (1 + stretch))


def largest_remainder(total: int, weights: Sequence[float] | np.ndarray | pd.Series) -> np.ndarray:
    """Split ``total`` whole units in proportion to ``weights``; the parts add up to ``total``.

    Each part first gets the whole units of its exact share; the units left over
    go to the largest fractional remainders (ties: first come first served).
    All-zero weights split equally.

    Examples
    --------
    >>> largest_remainder(10, [1, 1, 1])
    array([4, 3, 3])
    >>> largest_remainder(100, [0.456, 0.321, 0.223])
    array([46, 32, 22])
    >>> largest_remainder(5, [1, -1])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: weights: got [1.0, -1.0]; allowed: numbers >= 0
    """
    total = check_int("total", total, low=0)
    w = np.asarray(weights, dtype=float)
    if w.ndim != 1 or len(w) == 0:
        raise CourseInputError.single("weights", list(w.ravel()), "at least one weight")
    if not np.isfinite(w).all() or (w < 0).any():
        raise CourseInputError.single("weights", [float(x) for x in w], "numbers >= 0")
    if w.sum() == 0:
        w = np.ones_like(w)
    exact = total * w / w.sum()
    parts: np.ndarray = np.floor(exact).astype(int)
    left = total - int(parts.sum())
    order = np.argsort(-(exact - parts), kind="stable")
    parts[order[:left]] += 1
    return parts


def blend_shares(frame: pd.DataFrame, *, history: str = "history", potential: str = "potential",
                 weight: float = 0.5) -> pd.DataFrame:
    """Add ``history_share``, ``potential_share`` and ``share`` = w·history + (1 − w)·potential.

    Parameters
    ----------
    frame
        One row per territory or account, with a history (e.g. last year's boxes)
        and a potential column.
    weight
        w, the weight of history (0 = potential only, 1 = history only).

    Examples
    --------
    >>> t = pd.DataFrame({"territory": ["N", "S"], "history": [600, 400], "potential": [500, 500]})
    >>> blend_shares(t, weight=0.6)[["history_share", "potential_share", "share"]]
       history_share  potential_share  share
    0            0.6              0.5   0.56
    1            0.4              0.5   0.44
    """
    weight = check_fraction("weight", weight)
    check_not_empty("territories", frame)
    check_columns("territories", frame, [history, potential])
    out = frame.copy()
    for column, name in ((history, "history_share"), (potential, "potential_share")):
        values = pd.to_numeric(out[column], errors="coerce")
        bad = values.isna() | (values < 0)
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise CourseInputError.single(column, out[column].iloc[row], "numbers >= 0 in every row")
        total = float(values.sum())
        if total == 0 and not (name == "history_share" and weight == 0) \
                and not (name == "potential_share" and weight == 1):
            raise CourseInputError.single(column, 0, "a column whose total is above zero")
        out[name] = values / total if total else 0.0
    out["share"] = weight * out["history_share"] + (1 - weight) * out["potential_share"]
    return out


def allocate_quota(total: int, frame: pd.DataFrame, *, history: str = "history",
                   potential: str = "potential", weight: float = 0.5) -> pd.DataFrame:
    """Split ``total`` over the rows of ``frame`` by blended share; adds ``quota``.

    Examples
    --------
    >>> t = pd.DataFrame({"territory": ["N", "S", "E"], "history": [500, 300, 200],
    ...                   "potential": [400, 400, 200]})
    >>> allocate_quota(1000, t, weight=0.5)[["territory", "share", "quota"]]
      territory  share  quota
    0         N   0.45    450
    1         S   0.35    350
    2         E   0.20    200
    """
    out = blend_shares(frame, history=history, potential=potential, weight=weight)
    out["quota"] = largest_remainder(total, out["share"].to_numpy())
    return out


@dataclass(frozen=True)
class QuotaCascade:
    """A target cascaded to territories and accounts."""

    total: int
    """The target cascaded (national, or the region's)."""
    territories: pd.DataFrame
    """One row per territory: history, potential, shares and quota."""
    accounts: pd.DataFrame
    """One row per account: its territory, shares within the territory, and quota."""


def cascade_quota(total: int, accounts: pd.DataFrame, *, territory: str = "territory",
                  history: str = "history", potential: str = "potential",
                  weight: float = 0.5) -> QuotaCascade:
    """Cascade ``total`` to territories, then to the accounts inside each territory.

    Both levels use the same blend ``w · history share + (1 − w) · potential share``;
    at the account level the shares are within the territory. Every level adds
    up exactly: accounts to their territory's quota, territories to ``total``.

    Examples
    --------
    >>> accounts = pd.DataFrame({
    ...     "territory": ["N", "N", "S"], "account": ["H1", "H2", "H3"],
    ...     "history": [300, 100, 600], "potential": [200, 200, 600]})
    >>> c = cascade_quota(1100, accounts, weight=0.5)
    >>> c.territories[["territory", "share", "quota"]]
      territory  share  quota
    0         N    0.4    440
    1         S    0.6    660
    >>> c.accounts[["account", "share", "quota"]]
      account  share  quota
    0      H1  0.625    275
    1      H2  0.375    165
    2      H3  1.000    660
    """
    total = check_int("total", total, low=0)
    check_not_empty("accounts", accounts)
    check_columns("accounts", accounts, [territory, history, potential])
    sums = accounts.groupby(territory, sort=False)[[history, potential]].sum().reset_index()
    english = f"{territory}_en"
    if english in accounts.columns:  # keep the territories' English names for plots
        names = accounts.drop_duplicates(territory).set_index(territory)[english]
        sums.insert(1, english, sums[territory].map(names))
    territories = allocate_quota(total, sums, history=history, potential=potential, weight=weight)
    quota_of = dict(zip(territories[territory], territories["quota"], strict=True))
    parts = []
    for name, group in accounts.groupby(territory, sort=False):
        group_weight = weight
        # a territory with no history (or no potential) splits by the other measure
        if pd.to_numeric(group[history]).sum() == 0:
            group_weight = 0.0
        elif pd.to_numeric(group[potential]).sum() == 0:
            group_weight = 1.0
        parts.append(allocate_quota(int(quota_of[name]), group, history=history,
                                    potential=potential, weight=group_weight))
    split = pd.concat(parts).loc[accounts.index]
    return QuotaCascade(total, territories, split)


_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _check_months(months: Sequence[str]) -> list[str]:
    months = [str(m) for m in months]
    if not months:
        raise CourseInputError.single("months", months, "at least one month (YYYY-MM)")
    bad = [m for m in months if not _MONTH.match(m)]
    if bad:
        raise CourseInputError.single("months", bad[0], "months written YYYY-MM, e.g. 2026-11")
    return months


def seasonality(sales: pd.DataFrame, *, month: str = "month", value: str = "boxes") -> pd.Series:
    """Return each calendar month's share of sales (the seasonality), from a history.

    Sales are first summed per month (``YYYY-MM``), then averaged per calendar
    month over the years present; the shares of the months present add up to 1.

    Examples
    --------
    >>> s = pd.DataFrame({"month": ["2026-01", "2026-02", "2026-03", "2026-03"],
    ...                   "boxes": [100, 100, 150, 50]})
    >>> seasonality(s)
    month
    1    0.25
    2    0.25
    3    0.50
    Name: season_share, dtype: float64
    """
    check_not_empty("sales", sales)
    check_columns("sales", sales, [month, value])
    _check_months(sales[month].astype(str).unique().tolist())
    totals = pd.to_numeric(sales[value], errors="coerce").groupby(sales[month].astype(str)).sum()
    if totals.sum() <= 0:
        raise CourseInputError.single(value, 0, "sales whose total is above zero")
    calendar_month = totals.index.str[5:7].astype(int)
    by_month = totals.groupby(calendar_month).mean()
    by_month.index.name = "month"
    return (by_month / by_month.sum()).rename("season_share")


def phase_into_months(total: int, months: Sequence[str], pattern: pd.Series | None = None) -> pd.Series:
    """Split ``total`` into ``months`` (``YYYY-MM``) by a seasonality pattern; flat without one.

    A calendar month missing from ``pattern`` gets the average of those present
    (January below gets 0.4: weights 0.3, 0.5, 0.4 of 1.2).

    Examples
    --------
    >>> pattern = pd.Series({11: 0.3, 12: 0.5})
    >>> phase_into_months(1000, ["2026-11", "2026-12", "2027-01"], pattern)
    2026-11    250
    2026-12    417
    2027-01    333
    Name: quota, dtype: int64
    >>> phase_into_months(10, ["2026-11", "2026-12", "2027-01"]).tolist()
    [4, 3, 3]
    """
    months = _check_months(months)
    if pattern is None:
        weights = np.ones(len(months))
    else:
        known = pd.Series(pattern, dtype=float)
        fill = float(known.mean()) if len(known) else 1.0
        weights = np.array([float(known.get(int(m[5:7]), fill)) for m in months])
    return pd.Series(largest_remainder(total, weights), index=months, name="quota")


def phase_quotas(quotas: pd.Series, months: Sequence[str], pattern: pd.Series | None = None) -> pd.DataFrame:
    """Phase each unit's quota into months: one row per unit, one column per month.

    Each row adds up exactly to its unit's quota.

    Examples
    --------
    >>> phase_quotas(pd.Series({"N": 440, "S": 660}), ["2026-11", "2026-12"],
    ...              pd.Series({11: 0.4, 12: 0.6}))
       2026-11  2026-12
    N      176      264
    S      264      396
    """
    months = _check_months(months)
    rows = {unit: phase_into_months(int(q), months, pattern) for unit, q in quotas.items()}
    return pd.DataFrame(rows).T.reindex(columns=months)


@dataclass(frozen=True)
class GapPlan:
    """The training material's steps: forecast per product, total, and where to add to reach the quota."""

    quota: int
    """The quota to reach."""
    forecast_total: float
    """Sum of the forecasts."""
    gap: float
    """Quota minus forecast (0 when the forecast reaches the quota)."""
    shortfall: float
    """What is still missing after using all headroom (strengthen promotion or discuss the quota)."""
    table: pd.DataFrame
    """Per item: forecast, potential, headroom, extra, plan."""

    @property
    def on_track(self) -> bool:
        """True when the forecast already reaches the quota."""
        return self.gap == 0


def plan_to_quota(forecast: pd.DataFrame, quota: int, *, forecast_col: str = "forecast",
                  potential_col: str = "potential") -> GapPlan:
    """Total the forecasts and, if below the quota, add where the headroom is.

    The gap is split over the items in proportion to their headroom
    (potential − forecast, in whole units), never beyond it.

    Examples
    --------
    >>> f = pd.DataFrame({"product": ["CARDIA", "GLYCO", "NEURA"],
    ...                   "forecast": [500, 300, 100], "potential": [600, 500, 100]})
    >>> plan = plan_to_quota(f, 1000)
    >>> plan.forecast_total, plan.gap, plan.shortfall
    (900.0, 100.0, 0.0)
    >>> plan.table[["product", "headroom", "extra", "plan"]]
      product  headroom  extra  plan
    0  CARDIA       100     33   533
    1   GLYCO       200     67   367
    2   NEURA         0      0   100
    """
    quota = check_int("quota", quota, low=0)
    check_not_empty("forecast", forecast)
    check_columns("forecast", forecast, [forecast_col, potential_col])
    out = forecast.copy()
    for column in (forecast_col, potential_col):
        values = pd.to_numeric(out[column], errors="coerce")
        if values.isna().any() or (values < 0).any():
            raise CourseInputError.single(column, out[column].tolist(), "numbers >= 0 in every row")
        out[column] = values
    total = float(out[forecast_col].sum())
    gap = max(quota - total, 0.0)
    room_left = (out[potential_col] - out[forecast_col]).clip(lower=0).to_numpy(dtype=float)
    headroom = pd.Series(np.floor(room_left).astype(int), index=out.index)
    room = int(headroom.sum())
    need = int(np.ceil(gap))
    extra = headroom.to_numpy() if need >= room else largest_remainder(need, headroom.to_numpy())
    out["headroom"] = headroom
    out["extra"] = extra
    out["plan"] = out[forecast_col] + out["extra"]
    shortfall = max(gap - float(out["extra"].sum()), 0.0)
    return GapPlan(quota, total, gap, shortfall, out)
