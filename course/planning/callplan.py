"""Allocating calls across accounts by marginal return (CALLPLAN, Lodish 1971).

Each account has a *response curve*: the sales it would give for a number of
calls a month. Lodish's CALLPLAN asks the rep to judge four points for each
account and fits Little's ADBUDG curve through them::

    sales(x) = b + (a − b) · x^c / (d + x^c),   x = calls ÷ current calls

- ``b`` — sales with **no calls at all** (the judged "zero effort" point);
- ``a`` — sales at **saturation** (as many calls as you like);
- the sales at **−50%** calls (x = 0.5) and at **+50%** calls (x = 1.5) fix ``c``
  (the shape: c > 1 is S-shaped, c ≤ 1 is concave) and ``d``.

Calibration (closed form, the curve passes exactly through the four judgments):
write ``g(x) = (sales(x) − b) / (a − sales(x)) = x^c / d``; then
``c = ln(g(1.5) / g(0.5)) / ln 3`` and ``d = 0.5^c / g(0.5)``. The sales the curve
predicts at the current number of calls, ``b + (a − b) / (d + 1)``, can be compared
with what the account sells today as a check of the judgments.

Allocation: each account starts at its minimum calls; then, one call at a time,
the next call goes to the account whose next call adds most sales per unit of
time (a call to an account with ``travel`` 0.5 takes 1.5 call-slots of the
month), until the calls run out or every account is at its maximum. This greedy
rule is optimal for concave curves; on S-shaped curves it can miss an account that
needs several calls before it responds — one of the model's limits, and why
"models propose, managers edit" (Zoltners & Sinha 2005).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Phrase
from course.inputs import check_int, check_number

__all__ = [
    "DEFAULT_ACCOUNTS",
    "Allocation",
    "CallAccount",
    "ResponseCurve",
    "allocate_calls",
    "calibrate",
    "response_table",
]


DEFAULT_ACCOUNTS: tuple[tuple[str, int, float, float, float, float, int, int], ...] = (
    ("Renmin", 4, 20.0, 50.0, 80.0, 100.0, 1, 6),
    ("Zhongshan", 2, 10.0, 35.0, 45.0, 60.0, 1, 6),
    ("District 3", 2, 5.0, 10.0, 16.0, 30.0, 1, 6),
)
"""The worked example's accounts (the call planner's defaults and lesson 5's quiz): name, current calls, sales at 0 / −50% / +50% / saturation, min, max.

The names are English msgids: the planner and the quiz show them through the catalogs (人民医院 …)."""


@dataclass(frozen=True)
class ResponseCurve:
    """An ADBUDG response curve: sales for a number of calls a month."""

    a: float
    """Sales at saturation (the most calls can bring)."""
    b: float
    """Sales with no calls."""
    c: float
    """Shape: above 1 S-shaped, 1 or below concave."""
    d: float
    """Half-way constant: at x^c = d the curve is half-way from b to a."""
    reference_calls: float = 1.0
    """The current calls a month (x = 1)."""

    def __post_init__(self) -> None:
        check_number("b", self.b, low=0)
        check_number("a", self.a, low=self.b)
        check_number("c", self.c, low=0, low_open=True)
        check_number("d", self.d, low=0, low_open=True)
        check_number("reference_calls", self.reference_calls, low=0, low_open=True)

    def sales(self, calls: float | np.ndarray) -> float | np.ndarray:
        """Sales for ``calls`` calls a month.

        Examples
        --------
        >>> curve = ResponseCurve(a=100, b=20, c=1, d=1, reference_calls=4)
        >>> curve.sales(0), curve.sales(4), curve.sales(12)
        (20.0, 60.0, 80.0)
        """
        x = np.asarray(calls, dtype=float) / self.reference_calls
        power = x ** self.c
        result = self.b + (self.a - self.b) * power / (self.d + power)
        return float(result) if np.ndim(result) == 0 else result


def calibrate(
    sales_at_zero: float,
    sales_at_minus_half: float,
    sales_at_plus_half: float,
    sales_at_saturation: float,
    current_calls: float,
) -> ResponseCurve:
    """Fit the ADBUDG curve through four judged points of one account.

    Parameters
    ----------
    sales_at_zero
        Sales a month if the account got no calls.
    sales_at_minus_half, sales_at_plus_half
        Sales with 50% fewer / 50% more calls than now.
    sales_at_saturation
        Sales with as many calls as you like.
    current_calls
        Calls a month now (the reference, x = 1).

    Examples
    --------
    >>> curve = calibrate(20, 50, 80, 100, current_calls=4)
    >>> round(curve.c, 4), round(curve.d, 4)
    (1.465, 0.6037)
    >>> round(curve.sales(2), 6), round(curve.sales(6), 6), round(curve.sales(4), 2)
    (50.0, 80.0, 69.88)
    >>> calibrate(20, 50, 40, 100, current_calls=4)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: sales_at_plus_half: got 40; allowed: more than sales at −50% (50) and less than sales at saturation (100)
    """
    zero = check_number("sales_at_zero", sales_at_zero, low=0)
    half = check_number("sales_at_minus_half", sales_at_minus_half, low=0)
    plus = check_number("sales_at_plus_half", sales_at_plus_half, low=0)
    top = check_number("sales_at_saturation", sales_at_saturation, low=0)
    calls = check_number("current_calls", current_calls, low=0, low_open=True)
    if not zero < half:
        raise CourseInputError.single(
            "sales_at_minus_half", sales_at_minus_half, Phrase("more than sales at zero calls ({zero:g})", zero=zero)
        )
    if not half < plus < top:
        raise CourseInputError.single(
            "sales_at_plus_half", sales_at_plus_half,
            Phrase("more than sales at −50% ({half:g}) and less than sales at saturation ({top:g})",
                   half=half, top=top),
        )
    g_half = (half - zero) / (top - half)
    g_plus = (plus - zero) / (top - plus)
    c = math.log(g_plus / g_half) / math.log(3.0)
    d = 0.5**c / g_half
    return ResponseCurve(a=top, b=zero, c=c, d=d, reference_calls=calls)


def response_table(curve: ResponseCurve, max_calls: int) -> pd.DataFrame:
    """Sales and the gain of each extra call, for 0 … ``max_calls`` calls.

    Examples
    --------
    >>> response_table(ResponseCurve(a=100, b=20, c=1, d=1, reference_calls=4), 3)
       calls      sales  marginal
    0      0  20.000000       NaN
    1      1  36.000000 16.000000
    2      2  46.666667 10.666667
    3      3  54.285714  7.619048
    """
    top = check_int("max_calls", max_calls, low=0, high=100)
    calls = np.arange(top + 1)
    sales = np.asarray(curve.sales(calls), dtype=float)
    marginal = np.concatenate([[np.nan], np.diff(sales)])
    return pd.DataFrame({"calls": calls, "sales": sales, "marginal": marginal})


@dataclass(frozen=True)
class CallAccount:
    """One account to allocate calls to."""

    name: str
    """The account's name."""
    curve: ResponseCurve
    """Its response curve."""
    min_calls: int = 0
    """Fewest calls a month (e.g. the tier's minimum)."""
    max_calls: int = 31
    """Most calls a month (more can lower prescribing)."""
    travel: float = 0.0
    """Extra time per call spent travelling, in calls (0.5 = half a call's time)."""

    def __post_init__(self) -> None:
        check_int("min_calls", self.min_calls, low=0, high=31)
        check_int("max_calls", self.max_calls, low=self.min_calls, high=31)
        check_number("travel", self.travel, low=0, high=10)


@dataclass(frozen=True)
class Allocation:
    """Calls given to each account, compared with an equal split."""

    table: pd.DataFrame
    """Per account: ``calls``, ``sales``, ``equal_calls``, ``equal_sales``, limits."""
    steps: pd.DataFrame
    """The greedy steps: which account got each call above the minimum, and its gain."""
    total_calls: int
    """The month's call budget (in call-slots of time)."""
    time_used: float
    """Call-slots used by the allocation (calls plus travel)."""
    accounts: tuple[CallAccount, ...] = ()
    """The accounts allocated to, with their curves (in the table's order)."""

    @property
    def total_sales(self) -> float:
        """Sales of the allocation."""
        return float(self.table["sales"].sum())

    @property
    def equal_total_sales(self) -> float:
        """Sales of the equal split."""
        return float(self.table["equal_sales"].sum())

    @property
    def gain(self) -> float:
        """Sales gained over the equal split."""
        return self.total_sales - self.equal_total_sales


def _equal_split(costs: np.ndarray, budget: int) -> np.ndarray:
    """Same calls for every account, then one more each in order while time is left."""
    each = int(budget // costs.sum())
    calls = np.full(len(costs), each, dtype=np.int64)
    left = budget - each * costs.sum()
    for i, cost in enumerate(costs):
        if cost <= left + 1e-9:
            calls[i] += 1
            left -= cost
    return calls


def allocate_calls(accounts: Sequence[CallAccount], total_calls: int) -> Allocation:
    """Allocate ``total_calls`` across ``accounts`` by marginal return per unit of time.

    Examples
    --------
    Three accounts, 10 calls; each gets at least 1 and at most 6.

    >>> accounts = [
    ...     CallAccount("Renmin", calibrate(20, 50, 80, 100, current_calls=4), 1, 6),
    ...     CallAccount("Zhongshan", ResponseCurve(a=60, b=10, c=1, d=1, reference_calls=2), 1, 6),
    ...     CallAccount("District 3", ResponseCurve(a=30, b=5, c=1, d=2, reference_calls=2), 1, 6),
    ... ]
    >>> result = allocate_calls(accounts, 10)
    >>> result.table[["account", "calls", "equal_calls"]].to_dict("list")
    {'account': ['Renmin', 'Zhongshan', 'District 3'], 'calls': [6, 3, 1], 'equal_calls': [4, 3, 3]}
    >>> round(result.total_sales, 1), round(result.equal_total_sales, 1), round(result.gain, 1)
    (130.0, 125.6, 4.4)
    >>> result.steps["account"].tolist()[:3]
    ['Renmin', 'Renmin', 'Zhongshan']
    """
    if not accounts:
        raise CourseInputError.single("accounts", [], Phrase("at least one account"))
    for i, account in enumerate(accounts):
        if not isinstance(account, CallAccount):
            raise CourseInputError.single(f"accounts[{i}]", account, Phrase("a CallAccount(name, curve, ...)"))
    names = [a.name for a in accounts]
    if len(set(names)) != len(names):
        raise CourseInputError.single("accounts", names, Phrase("accounts with different names"))
    budget = check_int("total_calls", total_calls, low=0, high=1000)
    costs = np.array([1.0 + a.travel for a in accounts])
    low = np.array([a.min_calls for a in accounts], dtype=np.int64)
    high = np.array([a.max_calls for a in accounts], dtype=np.int64)
    needed = float((low * costs).sum())
    if needed > budget + 1e-9:
        raise CourseInputError.single(
            "total_calls", total_calls, Phrase("at least {needed:g} to give every account its minimum calls", needed=needed)
        )
    calls = low.copy()
    used = needed
    steps: list[tuple[int, str, float, float]] = []
    while True:
        current = np.array([a.curve.sales(n) for a, n in zip(accounts, calls, strict=True)])
        following = np.array([a.curve.sales(n + 1) for a, n in zip(accounts, calls, strict=True)])
        gain = following - current
        ratio = gain / costs
        open_ = (calls < high) & (used + costs <= budget + 1e-9)
        if not open_.any():
            break
        pick = int(np.argmax(np.where(open_, ratio, -np.inf)))
        calls[pick] += 1
        used += costs[pick]
        steps.append((len(steps) + 1, names[pick], float(gain[pick]), float(ratio[pick])))

    equal = _equal_split(costs, budget)
    sales = [float(a.curve.sales(n)) for a, n in zip(accounts, calls, strict=True)]
    equal_sales = [float(a.curve.sales(n)) for a, n in zip(accounts, equal, strict=True)]
    table = pd.DataFrame({
        "account": names,
        "calls": calls,
        "sales": sales,
        "equal_calls": equal,
        "equal_sales": equal_sales,
        "min_calls": low,
        "max_calls": high,
        "travel": costs - 1.0,
    })
    step_table = pd.DataFrame(steps, columns=["step", "account", "gain", "gain_per_slot"])
    return Allocation(table=table, steps=step_table, total_calls=budget, time_used=float(used),
                      accounts=tuple(accounts))
