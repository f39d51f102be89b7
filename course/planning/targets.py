"""A rep's target list for planning: one row per doctor with his tier (目标客户).

The key-accounts lesson scores every physician × product (status × potential →
tier A/B/C/D). Planning needs one row per *doctor*: his best tier across products,
the product of that tier, his adoption stage for it and where and when to see him.
The rep's *assigned accounts* are the doctors he called in a given month (in the
sample territory, about 60 — the training material's 60-80 customers that tiering needs).
"""

from __future__ import annotations

import pandas as pd

from course.accounts import score_physicians
from course.accounts.frequency import TIERS
from course.errors import CourseInputError, Phrase
from course.inputs import check_columns, check_not_empty
from course.inputs.phrases import one_of

__all__ = ["best_tier_per_doctor", "rep_targets"]


def best_tier_per_doctor(scored: pd.DataFrame) -> pd.DataFrame:
    """Keep each doctor's best row: tier A before B …, then the higher potential.

    ``scored`` is a physician × product table with ``tier`` (and ``potential`` when
    known), such as :func:`course.accounts.score_physicians` returns.

    Examples
    --------
    >>> scored = pd.DataFrame({"physician_id": ["D1", "D1", "D2"], "product": ["X", "Y", "X"],
    ...                        "tier": ["B", "A", "C"], "potential": [90.0, 20.0, 50.0]})
    >>> best_tier_per_doctor(scored)[["physician_id", "product", "tier"]].values.tolist()
    [['D1', 'Y', 'A'], ['D2', 'X', 'C']]
    """
    check_columns("scored", scored, ["physician_id", "tier"])
    rank = scored["tier"].map({t: i for i, t in enumerate(TIERS)})
    if rank.isna().any():
        bad = scored.loc[rank.isna(), "tier"].iloc[0]
        raise CourseInputError.single("tier", bad, one_of(TIERS))
    potential = scored["potential"] if "potential" in scored.columns else pd.Series(0.0, index=scored.index)
    ordered = scored.assign(_rank=rank, _potential=-potential.fillna(0.0)).sort_values(
        ["physician_id", "_rank", "_potential"], kind="stable")
    best = ordered.drop_duplicates("physician_id").drop(columns=["_rank", "_potential"])
    return best.reset_index(drop=True)


def rep_targets(
    physicians: pd.DataFrame,
    prescribing: pd.DataFrame,
    calls: pd.DataFrame,
    *,
    month: str,
    hospitals: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The doctors called in ``month`` (YYYY-MM), each with his best tier and its product.

    Tiers come from :func:`course.accounts.score_physicians` over the whole
    ``prescribing`` table (so they match the key-accounts lesson).

    Examples
    --------
    >>> from course.data import load_sample
    >>> targets = rep_targets(load_sample("physicians"), load_sample("prescribing"),
    ...                       load_sample("calls"), month="2026-10")
    >>> len(targets), targets["tier"].value_counts().to_dict()
    (62, {'A': 49, 'B': 12, 'C': 1})
    """
    check_not_empty("physicians", physicians)
    check_columns("calls", calls, ["physician_id", "date"])
    when = pd.to_datetime(calls["date"], errors="coerce")
    chosen = when.dt.strftime("%Y-%m") == month
    if not chosen.any():
        months = sorted(when.dropna().dt.strftime("%Y-%m").unique())
        span = Phrase("{first} … {last}", first=months[0], last=months[-1]) if months else Phrase("none")
        raise CourseInputError.single("month", month, Phrase("a month of the call history ({span})", span=span))
    assigned = set(calls.loc[chosen.to_numpy(), "physician_id"])
    scored = score_physicians(prescribing, physicians)
    best = best_tier_per_doctor(scored.loc[scored["physician_id"].isin(assigned)])
    keep = ["physician_id", "product", "tier", "potential", "stage"]
    table = physicians.loc[physicians["physician_id"].isin(assigned)].merge(
        best[keep], on="physician_id", how="inner")
    table = table.rename(columns={"stage": "adoption_stage"})
    table["tier"] = table["tier"].astype(str)
    if hospitals is not None:
        check_columns("hospitals", hospitals, ["hospital_id", "x_km", "y_km"])
        table = table.merge(hospitals[["hospital_id", "x_km", "y_km"]], on="hospital_id", how="left")
    return table.sort_values("physician_id").reset_index(drop=True)
