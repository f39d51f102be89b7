"""Product life-cycle stage from a sales series (产品生命周期).

The four stages: introduction (导入期), growth (成长期), maturity (成熟期) and
decline (衰退期). The course reads the stage from the *growth rate* of sales,
as Polli & Cook (1969) did, with plain rules a rep can check by hand:

1. Recent growth = mean sales of the last ``window`` periods ÷ mean sales of
   the ``window`` periods before − 1 (with ``window=1``: the last period against
   the one before), expressed **per year**: yearly figures are used as they are,
   monthly ones (``periods_per_year=12``) are compounded to a year. A short
   series uses the longest window it allows.
2. Growth of ``rising`` (default 10% a year) or more: the product is rising —
   in **introduction** while it has been on the market at most ``intro_years``
   (default 2 years), in **growth** afterwards.
3. A fall of ``falling`` (default −5% a year) or worse: **decline**.
4. Anything between: **maturity** (a flat series is mature).

The time on the market is counted from the first sale of the series (zeros
before it are ignored: the product was not launched yet), unless it is given
(``age_years``, e.g. from the launch year). A series with no sale yet is in
introduction; with a single period of sales no trend can be seen, so it is in
introduction when new and in maturity when older than ``intro_years``.
Monthly sales are noisy: a window of 3 compares two quarters. Empty, NaN or
negative sales raise :class:`~course.errors.CourseInputError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Phrase, Problem
from course.i18n import Text
from course.inputs import check_columns, check_int, check_not_empty, check_number

__all__ = [
    "STAGES",
    "LifecycleRules",
    "LifecycleStage",
    "lifecycle_stage",
    "lifecycle_table",
    "sales_by_period",
    "stage_by_product",
    "years_on_market",
]


@dataclass(frozen=True)
class LifecycleStage:
    """One stage of the product life cycle."""

    code: str
    """Short code: ``introduction``, ``growth``, ``maturity`` or ``decline``."""
    name: Text
    """Its name, e.g. "Growth" (成长期)."""

    @property
    def label(self) -> str:
        """How a lesson names it: ``"Growth (成长期)"`` in English, ``"成长期"`` in Chinese."""
        return self.name.term


STAGES: dict[str, LifecycleStage] = {
    s.code: s
    for s in (
        LifecycleStage("introduction", Text("Introduction", "导入期")),
        LifecycleStage("growth", Text("Growth", "成长期")),
        LifecycleStage("maturity", Text("Maturity", "成熟期")),
        LifecycleStage("decline", Text("Decline", "衰退期")),
    )
}
"""The four stages, in order."""


@dataclass(frozen=True)
class LifecycleRules:
    """The thresholds that turn a sales series into a stage."""

    rising: float = 0.10
    """Growth a year at or above which sales are rising (introduction or growth)."""
    falling: float = -0.05
    """Growth a year at or below which sales are in decline."""
    intro_years: float = 2.0
    """A rising product is in introduction while it has been on the market at most this long."""
    window: int = 1
    """Periods averaged on each side when measuring recent growth (1: last vs the one before)."""
    periods_per_year: int = 1
    """Periods in a year: 1 for yearly sales, 4 quarterly, 12 monthly."""

    def __post_init__(self) -> None:
        check_number("falling", self.falling, low=-1.0, high=0.0)
        check_number("rising", self.rising, low=self.falling, low_open=True)
        check_number("intro_years", self.intro_years, low=0.0, high=100.0)
        check_int("window", self.window, low=1, high=1000)
        check_int("periods_per_year", self.periods_per_year, low=1, high=366)


def _values(sales: Sequence[float | str] | pd.Series | np.ndarray, field_name: str) -> np.ndarray:
    raw = list(sales.tolist() if isinstance(sales, (pd.Series, np.ndarray)) else sales)
    if not raw:
        raise CourseInputError.single(field_name, raw, Phrase("at least one period of sales"))
    problems: list[Problem] = []
    values = np.empty(len(raw))
    for index, value in enumerate(raw):
        try:
            values[index] = check_number(field_name, value, low=0.0)
        except CourseInputError as error:
            problems.append(Problem(f"{field_name}[{index}]", value, error.problems[0].wording))
    if problems:
        raise CourseInputError(problems)
    return values


def _yearly_growth(values: np.ndarray, rules: LifecycleRules) -> float:
    """Recent growth a year of a series that has sold at least two periods."""
    w = min(rules.window, len(values) // 2)
    before = values[-2 * w : -w].mean()
    recent = values[-w:].mean()
    if before == 0:  # selling again after a gap: rising without a measurable rate
        return float("inf") if recent > 0 else 0.0
    # the two windows' centres are w periods apart
    return float((recent / before) ** (rules.periods_per_year / w) - 1.0)


def _stage(values: np.ndarray, rules: LifecycleRules, age_years: float | None = None) -> tuple[str, float]:
    selling = np.flatnonzero(values > 0)
    if selling.size == 0:
        return "introduction", float("nan")
    since_launch = values[selling[0] :]
    age = since_launch.size / rules.periods_per_year if age_years is None else age_years
    if since_launch.size == 1:
        return ("introduction" if age <= rules.intro_years else "maturity"), float("nan")
    growth = _yearly_growth(since_launch, rules)
    if growth >= rules.rising:
        stage = "introduction" if age <= rules.intro_years else "growth"
    elif growth <= rules.falling:
        stage = "decline"
    else:
        stage = "maturity"
    return stage, growth


def _age(age_years: float | None) -> float | None:
    return None if age_years is None else check_number("age_years", age_years, low=0.0)


def years_on_market(launch_year: int, period: object) -> float:
    """Years from the start of ``launch_year`` to the end of ``period`` (a year or ``YYYY-MM``).

    Examples
    --------
    >>> years_on_market(1994, 1995)
    2.0
    >>> round(years_on_market(2023, "2026-10"), 2)
    3.83
    """
    launch = check_int("launch_year", launch_year, low=1900, high=2100)
    text = str(period).strip()
    try:
        if len(text) == 7 and text[4] == "-":
            end = int(text[:4]) + int(text[5:]) / 12
            valid = 1 <= int(text[5:]) <= 12
        else:
            end = int(text) + 1.0
            valid = True
    except ValueError:
        valid = False
    if not valid:
        raise CourseInputError.single("period", period, Phrase("a year (2026) or a month (2026-10)"))
    return check_number("years on the market", end - launch, low=0.0)


def lifecycle_stage(
    sales: Sequence[float | str] | pd.Series | np.ndarray,
    rules: LifecycleRules | None = None,
    *,
    age_years: float | None = None,
) -> LifecycleStage:
    """Return the life-cycle stage of a product from its sales, oldest period first.

    Parameters
    ----------
    sales
        Sales per period (any unit), oldest first.
    rules
        The thresholds; default :class:`LifecycleRules` (yearly sales).
    age_years
        Years on the market at the end of the last period, when known;
        default counted from the first sale of the series.

    Examples
    --------
    The training material's product, net sales 1994-1998 (RMB '000): 8% growth in the last year.

    >>> from course.i18n import set_language
    >>> set_language("en"); lifecycle_stage([6031, 20766, 67612, 120424, 130000]).label
    'Maturity (成熟期)'
    >>> lifecycle_stage([6031, 20766, 67612, 120424]).label
    'Growth (成长期)'
    >>> lifecycle_stage([6031, 20766]).label        # second year on the market
    'Introduction (导入期)'
    >>> lifecycle_stage([100, 100, 100]).code        # flat
    'maturity'
    >>> lifecycle_stage([130, 120, 100]).code
    'decline'

    Monthly sales: +1% a month is +12.7% a year, so rising.

    >>> lifecycle_stage([100, 101], LifecycleRules(periods_per_year=12), age_years=5).code
    'growth'
    >>> lifecycle_stage([5, -1])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: sales[1]: got -1; allowed: a number >= 0
    """
    values = _values(sales, "sales")
    return STAGES[_stage(values, rules or LifecycleRules(), _age(age_years))[0]]


def lifecycle_table(
    sales: Sequence[float | str] | pd.Series | np.ndarray,
    periods: Sequence[object] | None = None,
    rules: LifecycleRules | None = None,
    *,
    age_years: float | None = None,
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
    age_years
        Years on the market at the end of the *last* period, when known.

    Returns
    -------
    pandas.DataFrame
        Columns ``period``, ``sales``, ``growth`` (recent growth a year as a
        fraction, NaN where it cannot be measured), ``stage`` (code) and ``stage_label``.

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
    age = _age(age_years)
    if periods is None:
        labels: list[object] = (
            list(sales.index) if isinstance(sales, pd.Series) else list(range(len(values)))
        )
    else:
        labels = list(periods)
        if len(labels) != len(values):
            raise CourseInputError.single(
                "periods", labels, Phrase("one label per period of sales ({count} labels)", count=len(values))
            )
    last = len(values) - 1
    rows = [
        _stage(
            values[: end + 1],
            chosen,
            None if age is None else max(0.0, age - (last - end) / chosen.periods_per_year),
        )
        for end in range(len(values))
    ]
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


def sales_by_period(
    sales: pd.DataFrame,
    *,
    product: str = "product",
    period: str = "month",
    value: str = "revenue_rmb",
) -> dict[str, pd.Series]:
    """Total sales per product and period (e.g. over hospitals): one series per product.

    Examples
    --------
    >>> sales = pd.DataFrame({"product": ["X", "X", "X"], "hospital_id": ["H1", "H2", "H1"],
    ...                       "month": ["2025-01", "2025-01", "2025-02"], "revenue_rmb": [60, 40, 90]})
    >>> sales_by_period(sales)["X"].to_dict()
    {'2025-01': 100.0, '2025-02': 90.0}
    """
    check_not_empty("sales", sales)
    check_columns("sales", sales, [product, period, value])
    amounts = _values(sales[value], value)
    frame = pd.DataFrame({"p": sales[product].astype(str).to_numpy(), "t": sales[period].to_numpy(),
                          "v": amounts})
    totals = frame.groupby(["p", "t"], sort=True)["v"].sum()
    return {str(name): group.droplevel(0).rename(value) for name, group in totals.groupby(level=0)}


def stage_by_product(
    sales: pd.DataFrame,
    *,
    product: str = "product",
    period: str = "month",
    value: str = "revenue_rmb",
    rules: LifecycleRules | None = None,
    launch_years: Mapping[str, int] | None = None,
) -> pd.DataFrame:
    """Each product's life-cycle stage from its total sales per period.

    ``launch_years`` (product → launch year) gives the time on the market, so a
    series that starts long after launch is not read as an introduction.

    Examples
    --------
    >>> sales = pd.DataFrame({"product": ["X", "X", "X", "Y", "Y", "Y"],
    ...                       "month": ["2025-01", "2025-02", "2025-03"] * 2,
    ...                       "revenue_rmb": [100, 100, 104, 50, 80, 120]})
    >>> stage_by_product(sales)[["product", "periods", "growth", "stage"]]
      product  periods  growth     stage
    0       X        3    0.04  maturity
    1       Y        3    0.50    growth
    >>> monthly = LifecycleRules(periods_per_year=12)
    >>> stage_by_product(sales, rules=monthly, launch_years={"X": 2010, "Y": 2024})["stage"].tolist()
    ['growth', 'introduction']
    """
    chosen = rules or LifecycleRules()
    series = sales_by_period(sales, product=product, period=period, value=value)
    launches = dict(launch_years or {})
    rows = []
    for name, group in series.items():
        age = years_on_market(launches[name], group.index[-1]) if name in launches else None
        code, growth = _stage(group.to_numpy(dtype=float), chosen, age)
        rows.append(
            {
                product: name,
                "periods": len(group),
                "last_sales": float(group.iloc[-1]),
                "years_on_market": np.nan if age is None else age,
                "growth": growth,
                "stage": code,
                "stage_label": STAGES[code].label,
            }
        )
    return pd.DataFrame(rows)
