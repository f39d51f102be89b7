"""The training material's product history table, 1994-1999 (产品历史数据分析).

The training material shows one product's net sales (RMB '000), A&P spend (RMB million, for
four of the years) and field force (headcount) from 1994 to the 1999 target
("99T"). Three numbers a rep can derive from it:

- **growth** of net sales on the year before: sales ÷ last year's sales − 1;
- **sales per rep** (RMB '000 per representative): net sales ÷ field force;
- **A&P ratio**: A&P spend ÷ net sales. The units differ, so convert first:
  A&P in RMB million × 1,000 gives RMB thousand, then divide by net sales in
  RMB thousand. 16 (RMB mio) on 6,031 (RMB '000) is 16,000 ÷ 6,031 = 265%.

A year with no A&P figure has no ratio (empty), a year with no sales or no reps
has no ratio or no sales per rep (empty) rather than an infinite one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Phrase, Problem
from course.inputs import check_columns, check_int, check_number, check_number_columns
from course.inputs.phrases import TRUE_OR_FALSE

__all__ = ["HISTORY_COLUMNS", "KRMB_PER_MRMB", "analyse_history", "compound_growth", "year_label"]

HISTORY_COLUMNS = ("year", "net_sales_krmb", "ap_spend_mrmb", "field_force", "is_target")
"""The columns of the product history table (see ``course.data.schema``)."""

KRMB_PER_MRMB = 1000
"""RMB thousand in one RMB million: converts the A&P spend to the unit of net sales."""


def year_label(year: int, is_target: bool) -> str:
    """Label a year as the training material does: two digits, ``T`` for a target.

    Examples
    --------
    >>> year_label(1999, True), year_label(1994, False)
    ('99T', '94')
    """
    return f"{int(year) % 100:02d}{'T' if is_target else ''}"


def _flags(history: pd.DataFrame) -> np.ndarray:
    raw = history["is_target"].tolist()
    # True/False also match 1/0 (equal hashes); text as a CSV may hold it
    allowed = {True: True, False: False, "true": True, "false": False, "True": True,
               "False": False}
    problems = [
        Problem("is_target", v, TRUE_OR_FALSE, row=i + 1)
        for i, v in enumerate(raw)
        if not (isinstance(v, (bool, np.bool_, int, str)) and v in allowed)
    ]
    if problems:
        raise CourseInputError(problems)
    return np.array([allowed[v] for v in raw], dtype=bool)


def analyse_history(history: pd.DataFrame) -> pd.DataFrame:
    """Add growth, sales per rep and A&P ratio to the product history table.

    Parameters
    ----------
    history
        One row per year with the columns of :data:`HISTORY_COLUMNS`
        (``ap_spend_mrmb`` may be empty), e.g. ``load_sample("product_history")``.

    Returns
    -------
    pandas.DataFrame
        A new table sorted by year with the input's columns plus ``label``
        ("94" … "99T"), ``sales_growth`` (fraction; empty for the first year),
        ``reps_added`` (change in field force), ``sales_per_rep_krmb`` and
        ``ap_ratio`` (fraction of net sales).

    Examples
    --------
    >>> table = pd.DataFrame({"year": [1994, 1995], "net_sales_krmb": [6031, 20766],
    ...     "ap_spend_mrmb": [16, None], "field_force": [120, 120], "is_target": [False, False]})
    >>> out = analyse_history(table)
    >>> out[["label", "sales_growth", "sales_per_rep_krmb", "ap_ratio"]].round(3)
      label  sales_growth  sales_per_rep_krmb  ap_ratio
    0    94           NaN              50.258     2.653
    1    95         2.443             173.050       NaN
    """
    check_columns("history", history, HISTORY_COLUMNS)
    values = check_number_columns(
        "history",
        history,
        {
            "year": (1900, 2100),
            "net_sales_krmb": (0, None),
            "ap_spend_mrmb": (0, None),
            "field_force": (0, None),
        },
        or_empty=("ap_spend_mrmb",),
    )
    target = _flags(history)
    years = values["year"]
    if len(np.unique(years)) != len(years):
        repeated = sorted({int(y) for y in years if (years == y).sum() > 1})
        raise CourseInputError.single("year", repeated, Phrase("each year once"))
    order = np.argsort(years, kind="stable")
    out = history.iloc[order].reset_index(drop=True).copy()
    sales = values["net_sales_krmb"][order]
    reps = values["field_force"][order]
    spend = values["ap_spend_mrmb"][order]
    previous = np.concatenate([[np.nan], sales[:-1]])
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where(previous > 0, sales / previous - 1, np.nan)
        per_rep = np.where(reps > 0, sales / reps, np.nan)
        ratio = np.where(sales > 0, spend * KRMB_PER_MRMB / sales, np.nan)
    out["label"] = [year_label(int(y), bool(t)) for y, t in zip(years[order], target[order], strict=True)]
    out["sales_growth"] = growth
    out["reps_added"] = np.concatenate([[np.nan], np.diff(reps)])
    out["sales_per_rep_krmb"] = per_rep
    out["ap_ratio"] = ratio
    return out


def compound_growth(start: float, end: float, years: int) -> float:
    """Average yearly growth that takes ``start`` to ``end`` in ``years`` years (CAGR).

    Examples
    --------
    >>> round(compound_growth(6031, 130000, 4), 3)       # 1994 → 1998
    1.155
    """
    first = check_number("start", start, low=0.0, low_open=True)
    last = check_number("end", end, low=0.0)
    span = check_int("years", years, low=1)
    return float((last / first) ** (1 / span) - 1)
