"""Choosing the big customers of a territory (如何选择合适的大客户).

The material marks a big customer by three things (:data:`~course.bigcustomers.material.DEFINITION`):
it **buys in large volume** (购买量较大), it has **special needs** (特殊需求) and it
has a **large influence on the field** (对行业影响较大). It gives no cut-offs, so the
course reads the two that a territory's tables can show:

* **large purchases** — the hospitals that, from the largest down, make up the
  first ``purchase_share`` (default half) of the territory's drug purchases (the
  hospital's own purchases, never an individual doctor's prescriptions);
* **influence** — an official level of 三级甲等 or above, or at least ``min_kols``
  doctors who score as key opinion leaders (lesson 4's KOL score).

A big customer has both. Special needs cannot be read from a table: the
representative notes them (``special_needs``) and they are shown beside the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.accounts.kol import score_kols
from course.data.schema import HOSPITAL_LEVELS
from course.errors import CourseInputError
from course.inputs import (
    check_fraction,
    check_int,
    check_table,
    choice_column,
    number_column,
    raise_problems,
)

__all__ = ["INFLUENTIAL_LEVELS", "ChoiceRules", "choose_big_customers"]

INFLUENTIAL_LEVELS: tuple[str, ...] = ("三级特等", "三级甲等")
"""Official levels that count as influence on the field by themselves."""


@dataclass(frozen=True)
class ChoiceRules:
    """The course's cut-offs for the material's marks of a big customer."""

    purchase_share: float = 0.5
    """Hospitals that, from the largest, make up this share of the territory's drug purchases buy in large volume."""
    min_kols: int = 2
    """Doctors scoring as KOLs (score 70 or more) that make a hospital influential whatever its level."""


def choose_big_customers(
    hospitals: pd.DataFrame,
    physicians: pd.DataFrame | None = None,
    rules: ChoiceRules | None = None,
    special_needs: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Mark the hospitals that buy in large volume, have influence, and both (the big customers).

    Parameters
    ----------
    hospitals
        One row per hospital with ``hospital_id``, ``level`` (三级甲等 …) and
        ``drug_sales_mrmb`` (drug purchases a year, million RMB).
    physicians
        Optional: doctors with ``hospital_id`` and the three KOL ratings
        (``influence``, ``speaking``, ``decision_power``); without it influence
        comes from the level alone.
    rules
        The cut-offs (:class:`ChoiceRules`).
    special_needs
        Optional notes per ``hospital_id`` (特殊需求), shown as they are.

    Returns
    -------
    pandas.DataFrame
        The hospitals from the largest buyer down, with ``purchase_share``,
        ``cumulative_share``, ``large_purchases``, ``kols``, ``influential``,
        ``special_needs`` and ``big_customer``.

    Examples
    --------
    >>> h = pd.DataFrame({"hospital_id": ["H1", "H2", "H3", "H4"],
    ...                   "level": ["三级甲等", "三级乙等", "三级甲等", "二级甲等"],
    ...                   "drug_sales_mrmb": [500.0, 300.0, 150.0, 50.0]})
    >>> out = choose_big_customers(h, special_needs={"H2": "cold-chain delivery"})
    >>> out[["hospital_id", "purchase_share", "cumulative_share", "large_purchases",
    ...      "influential", "big_customer"]].values.tolist()
    [['H1', 0.5, 0.5, True, True, True], ['H2', 0.3, 0.8, False, False, False], ['H3', 0.15, 0.95, False, True, False], ['H4', 0.05, 1.0, False, False, False]]
    >>> choose_big_customers(h, rules=ChoiceRules(purchase_share=0.8))["big_customer"].tolist()
    [True, False, False, False]
    >>> bad = h.assign(drug_sales_mrmb=[500.0, -1.0, 150.0, 50.0])
    >>> choose_big_customers(bad)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: row 2, drug_sales_mrmb: got -1.0; allowed: a number >= 0
    """
    rules = rules or ChoiceRules()
    share_cut = check_fraction("purchase_share", rules.purchase_share)
    min_kols = check_int("min_kols", rules.min_kols, low=1)
    check_table("hospitals", hospitals, ["hospital_id", "level", "drug_sales_mrmb"])
    purchases, problems = number_column(hospitals, "drug_sales_mrmb", low=0)
    _codes, level_problems = choice_column(hospitals, "level", HOSPITAL_LEVELS)
    raise_problems(problems + level_problems)
    total = float(purchases.sum())
    if total <= 0:
        raise CourseInputError.single("drug_sales_mrmb", total, "a territory total above 0")

    out = hospitals.assign(purchase_share=purchases / total)
    out = out.sort_values("purchase_share", ascending=False, kind="stable").reset_index(drop=True)
    out["purchase_share"] = out["purchase_share"].round(4)
    cumulative = np.cumsum(purchases[np.argsort(-purchases, kind="stable")]) / total
    out["cumulative_share"] = np.round(cumulative, 4)
    # the hospitals up to the cut-off, the one that crosses it included (as in an ABC analysis)
    before = np.concatenate([[0.0], cumulative[:-1]])
    out["large_purchases"] = before < share_cut - 1e-9

    if physicians is not None:
        check_table("physicians", physicians, ["hospital_id"])
        kols = score_kols(physicians)
        counts = kols[kols["is_kol"]].groupby("hospital_id").size()
        out["kols"] = out["hospital_id"].map(counts).fillna(0).astype(int)
    else:
        out["kols"] = 0
    out["influential"] = out["level"].isin(INFLUENTIAL_LEVELS) | (out["kols"] >= min_kols)
    notes = {str(k): str(v) for k, v in (special_needs or {}).items()}
    out["special_needs"] = [notes.get(str(h), "") for h in out["hospital_id"]]
    out["big_customer"] = out["large_purchases"] & out["influential"]
    return out
