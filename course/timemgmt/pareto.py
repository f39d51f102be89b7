"""The 80/20 rule (二八定律) and ABC analysis of accounts.

A few accounts bring most of the sales, so they deserve most of the time. Sort
the accounts by sales, add up their shares, and read off how many accounts make
80% of the total. ABC analysis names the groups: **A** the accounts that together
reach the first 80% (the account that crosses the line included), **B** the next
ones up to 95%, **C** the rest. Both cut-offs are parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Phrase, Problem
from course.inputs import check_choice, check_columns, check_not_empty, check_number, plain
from course.inputs.phrases import as_is, number

__all__ = ["ParetoResult", "abc_analysis", "pareto_sales", "sales_by_account"]

_EPS = 1e-9


@dataclass(frozen=True)
class ParetoResult:
    """Accounts ranked by value with cumulative shares and ABC classes."""

    table: pd.DataFrame
    """One row per account, largest first: ``value``, ``share``, ``cum_share``,
    ``rank`` (1 = largest), ``account_share`` (rank ÷ accounts) and ``abc``."""
    a: float
    """Cumulative share that closes class A (default 0.8)."""
    b: float
    """Cumulative share that closes class B (default 0.95)."""

    def accounts_for(self, share: float = 0.8) -> int:
        """How many of the largest accounts together reach ``share`` of the total.

        Examples
        --------
        >>> abc_analysis(pd.Series({"H1": 50, "H2": 30, "H3": 15, "H4": 5})).accounts_for(0.8)
        2
        """
        target = check_number("share", share, low=0, high=1, low_open=True)
        reached = self.table["cum_share"].to_numpy() >= target - _EPS
        return int(np.argmax(reached)) + 1

    def account_share_for(self, share: float = 0.8) -> float:
        """Which share of the accounts brings ``share`` of the total.

        Examples
        --------
        >>> abc_analysis(pd.Series({"H1": 50, "H2": 30, "H3": 15, "H4": 5})).account_share_for(0.8)
        0.5
        """
        return self.accounts_for(share) / len(self.table)

    def value_share_of_top(self, account_share: float = 0.2) -> float:
        """Share of the total brought by the top ``account_share`` of accounts (rounded up).

        Examples
        --------
        >>> values = pd.Series(range(1, 11), index=[f"H{i}" for i in range(1, 11)])
        >>> round(abc_analysis(values).value_share_of_top(0.2), 4)     # (10 + 9) / 55
        0.3455
        """
        fraction = check_number("account_share", account_share, low=0, high=1, low_open=True)
        n = int(np.ceil(fraction * len(self.table) - _EPS))
        return float(self.table["cum_share"].iloc[max(n, 1) - 1])

    def counts(self) -> pd.Series:
        """Number of accounts per class A, B, C.

        Examples
        --------
        >>> abc_analysis(pd.Series({"H1": 50, "H2": 30, "H3": 15, "H4": 5})).counts().tolist()
        [2, 1, 1]
        """
        return self.table["abc"].value_counts().reindex(["A", "B", "C"], fill_value=0)


def abc_analysis(values: pd.Series, a: float = 0.8, b: float = 0.95) -> ParetoResult:
    """Rank accounts by value and class them A/B/C at the cumulative shares ``a`` and ``b``.

    Parameters
    ----------
    values
        One non-negative number per account, indexed by account (e.g. sales per hospital).
    a, b
        Cumulative shares that close classes A and B (0 < a <= b <= 1).

    Examples
    --------
    >>> sales = pd.Series({"H1": 500, "H2": 300, "H3": 100, "H4": 60, "H5": 40})
    >>> abc_analysis(sales).table
        value  share  cum_share  rank  account_share abc
    H1    500   0.50       0.50     1            0.2   A
    H2    300   0.30       0.80     2            0.4   A
    H3    100   0.10       0.90     3            0.6   B
    H4     60   0.06       0.96     4            0.8   B
    H5     40   0.04       1.00     5            1.0   C
    """
    cut_a = check_number("a", a, low=0, high=1, low_open=True)
    cut_b = check_number("b", b, low=cut_a, high=1)
    if not isinstance(values, pd.Series):
        raise CourseInputError.single("values", as_is(type(values).__name__),
                                      Phrase("a pandas Series of numbers indexed by account"))
    if len(values) == 0:
        raise CourseInputError.single("values", Phrase("an empty series"), Phrase("at least one account"))
    numbers = pd.to_numeric(values, errors="coerce").astype(float)
    bad = ~np.isfinite(numbers.to_numpy()) | (numbers.to_numpy() < 0)
    if bad.any():
        raise CourseInputError([
            Problem(f"values[{key!r}]", plain(values.loc[key]), number(low=0))
            for key in values.index[bad][:20]
        ])
    if values.index.duplicated().any():
        dup = values.index[values.index.duplicated()][0]
        raise CourseInputError.single("values", dup, Phrase("each account once (add up its sales first)"))
    total = float(numbers.sum())
    if total <= 0:
        raise CourseInputError.single("values", Phrase("all zero"), Phrase("at least one account with sales > 0"))

    # largest first; ties keep the accounts' alphabetical order so results are reproducible
    ordered = numbers.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    table = pd.DataFrame({"value": values.loc[ordered.index]})
    share = ordered / total
    table["share"] = share
    table["cum_share"] = share.cumsum().clip(upper=1.0)
    table["rank"] = np.arange(1, len(table) + 1)
    table["account_share"] = table["rank"] / len(table)
    before = (table["cum_share"] - table["share"]).to_numpy()
    table["abc"] = np.where(before < cut_a - _EPS, "A", np.where(before < cut_b - _EPS, "B", "C"))
    table.index.name = values.index.name
    return ParetoResult(table, cut_a, cut_b)


def sales_by_account(sales: pd.DataFrame, by: str = "hospital_id", value: str = "revenue_rmb",
                     product: str | None = None) -> pd.Series:
    """Add up a ``sales`` table (one row per month, hospital and product) per account.

    Examples
    --------
    >>> sales = pd.DataFrame({"month": ["2026-01", "2026-02", "2026-01"],
    ...                       "hospital_id": ["H01", "H01", "H02"], "product": ["P", "P", "P"],
    ...                       "boxes": [10, 20, 5], "revenue_rmb": [1000.0, 2000.0, 500.0]})
    >>> sales_by_account(sales).tolist()
    [3000.0, 500.0]
    >>> sales_by_account(sales, value="units")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: value: got 'units'; allowed: one of 'boxes', 'revenue_rmb'
    """
    check_columns("sales", sales, [by])
    numeric = [c for c in ("boxes", "revenue_rmb") if c in sales.columns]
    check_choice("value", value, numeric or ["boxes", "revenue_rmb"])
    check_not_empty("sales", sales)
    rows = sales
    if product is not None:
        check_columns("sales", sales, ["product"])
        check_choice("product", product, sorted(map(str, sales["product"].unique())))
        rows = sales[sales["product"] == product]
    totals = rows.groupby(by, sort=True)[value].sum()
    totals.name = value
    return totals


def pareto_sales(sales: pd.DataFrame, by: str = "hospital_id", value: str = "revenue_rmb",
                 a: float = 0.8, b: float = 0.95, product: str | None = None) -> ParetoResult:
    """ABC analysis of a ``sales`` table per account (hospital by default).

    Examples
    --------
    >>> sales = pd.DataFrame({"hospital_id": ["H1", "H2", "H3", "H1"],
    ...                       "revenue_rmb": [400.0, 150.0, 50.0, 400.0]})
    >>> result = pareto_sales(sales)
    >>> result.table["abc"].to_dict(), result.accounts_for(0.8)
    ({'H1': 'A', 'H2': 'B', 'H3': 'C'}, 1)
    """
    return abc_analysis(sales_by_account(sales, by=by, value=value, product=product), a=a, b=b)


