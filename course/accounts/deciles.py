"""Deciles (十分位): ranking doctors by count or by weighted volume.

Doctors are sorted from the largest volume (boxes, or boxes weighted by price
to add products up) to the smallest and cut into ten groups, decile 10 the top.
There are two ways to cut, and they give **different top-10% lists**:

* **by doctor count** — every decile holds a tenth of the *doctors*: decile 10
  is the top 10% of doctors;
* **by weighted volume** — every decile holds a tenth of the *volume*: decile
  10 is the few biggest prescribers who together write the top 10% of the
  volume.

Doctors with no volume get decile 0 in both (they are not ranked).

Which volume: lesson 4 ranks doctors by their **potential** (``value="potential"``
on a scored table). Per-doctor prescription counts are an analyst's input where
the law allows licensed data, never something a representative collects (统方 is
forbidden in China since 2020; see ``docs/compliance.md``).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Phrase
from course.inputs import check_table, number_column, raise_problems

__all__ = ["DECILE_METHODS", "add_deciles", "compare_top_deciles", "doctor_volume"]

DECILE_METHODS: dict[str, str] = {
    "count": "decile by doctor count (each decile a tenth of the doctors)",
    "volume": "decile by weighted volume (each decile a tenth of the volume)",
}
"""The two ways to cut deciles, with the label shown beside them."""


def doctor_volume(
    prescribing: pd.DataFrame,
    value: str = "current_boxes_month",
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Add up each doctor's volume over products; ``weights`` per product (e.g. price).

    Returns one row per ``physician_id`` with the column ``volume``, in the
    order doctors first appear.

    Examples
    --------
    >>> rx = pd.DataFrame({"physician_id": ["D1", "D1", "D2"], "product": ["X", "Y", "X"],
    ...                    "current_boxes_month": [10.0, 5.0, 8.0]})
    >>> doctor_volume(rx, weights={"X": 1.0, "Y": 4.0}).values.tolist()
    [['D1', 30.0], ['D2', 8.0]]
    """
    check_table("prescribing", prescribing, ["physician_id", value] + (["product"] if weights else []))
    amounts, problems = number_column(prescribing, value, low=0)
    raise_problems(problems)
    if weights is not None:
        products = prescribing["product"].astype(object)
        unknown = sorted(set(products.unique()) - set(weights))
        if unknown:
            raise CourseInputError.single(
                "weights", Phrase("no weight for product {product!r}", product=unknown[0]),
                Phrase("a weight for every product")
            )
        amounts = amounts * products.map(dict(weights)).to_numpy(dtype=float)
    summed = pd.Series(amounts).groupby(
        prescribing["physician_id"].to_numpy(), sort=False
    ).sum()
    return pd.DataFrame({"physician_id": summed.index.to_numpy(), "volume": summed.to_numpy()})


def add_deciles(frame: pd.DataFrame, value: str = "volume") -> pd.DataFrame:
    """Add ``decile_by_count`` and ``decile_by_volume`` (10 = top, 0 = no volume).

    Ties are broken by the order of the rows, so the result is reproducible.

    Examples
    --------
    >>> f = pd.DataFrame({"volume": [100.0, 50, 20, 10, 8, 6, 4, 2, 0, 0]})
    >>> out = add_deciles(f)
    >>> out["decile_by_count"].tolist()
    [10, 9, 8, 7, 5, 4, 3, 2, 0, 0]
    >>> out["decile_by_volume"].tolist()
    [10, 5, 3, 2, 1, 1, 1, 1, 0, 0]
    """
    check_table("frame", frame, [value])
    volume, problems = number_column(frame, value, low=0)
    raise_problems(problems)
    order = np.argsort(-volume, kind="stable")
    ranked = volume[order]
    positive = ranked > 0
    n = int(positive.sum())
    by_count = np.zeros(len(volume), dtype=np.int64)
    by_volume = np.zeros(len(volume), dtype=np.int64)
    if n:
        position = np.arange(n)
        by_count[order[:n]] = 10 - (10 * position) // n
        before = np.concatenate([[0.0], np.cumsum(ranked[:n])[:-1]])
        by_volume[order[:n]] = np.clip(10 - np.floor(10 * before / ranked[:n].sum() + 1e-12), 1, 10)
    out = frame.copy()
    out["decile_by_count"] = by_count
    out["decile_by_volume"] = by_volume
    return out


def compare_top_deciles(frame: pd.DataFrame, key: str = "physician_id") -> dict[str, object]:
    """Compare the decile-10 lists of the two methods (after :func:`add_deciles`).

    Returns the ``key`` values of decile 10 by count and by volume, those in
    both, and those in only one list.

    Examples
    --------
    >>> f = add_deciles(pd.DataFrame({"physician_id": list("abcdefghijklmnopqrst"),
    ...                               "volume": [40.0, 30, 20] + [10.0] * 17}))
    >>> result = compare_top_deciles(f)
    >>> result["by_count"], result["by_volume"], result["only_by_count"]
    (['a', 'b'], ['a'], ['b'])
    """
    check_table("frame", frame, [key, "decile_by_count", "decile_by_volume"])
    by_count = frame.loc[frame["decile_by_count"] == 10, key].tolist()
    by_volume = frame.loc[frame["decile_by_volume"] == 10, key].tolist()
    both = [k for k in by_count if k in set(by_volume)]
    return {
        "by_count": by_count,
        "by_volume": by_volume,
        "both": both,
        "only_by_count": [k for k in by_count if k not in set(both)],
        "only_by_volume": [k for k in by_volume if k not in set(both)],
    }
