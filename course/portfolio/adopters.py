"""Rogers' adopter categories (创新扩散: 采用者类型).

Rogers (1962) splits the adopters of an innovation by *when* they adopt:
innovators 2.5%, early adopters 13.5%, early majority 34%, late majority 34%,
laggards 16% — the areas of a normal curve cut at one and two standard
deviations from the mean adoption time. For a new drug the adopters are the
physicians who prescribe it, in the order of their first prescription.

The rule used here: of ``n`` adopters, the ``k``-th (k = 1 for the first) has
cumulative share ``k / n``; it belongs to the first category whose cumulative
boundary — 2.5%, 16%, 50%, 84%, 100% — is at or above that share. So of 200
adopters the 5th (2.5%) is still an innovator and the 6th an early adopter.
With fewer than 40 adopters no one is an innovator (the first already has
more than 2.5%). The comparison is done in whole numbers, so boundaries are exact.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Problem
from course.i18n import Text
from course.inputs import check_columns, check_int, check_not_empty
from course.inputs.phrases import A_DATE, allowing_empty

__all__ = [
    "ADOPTER_CATEGORIES",
    "AdopterCategory",
    "adopter_category",
    "adopter_counts",
    "classify_adopters",
]


@dataclass(frozen=True)
class AdopterCategory:
    """One of Rogers' five adopter categories."""

    code: str
    """Short code, e.g. ``early_majority``."""
    name: Text
    """Its name, e.g. "Innovators" (创新者)."""
    share: float
    """Share of all adopters, as a fraction (0.025 for 2.5%)."""
    upto_permille: int
    """Cumulative share at the category's end, in per mille (25, 160, 500, 840, 1000)."""

    @property
    def upto(self) -> float:
        """Cumulative share at the category's end, as a fraction."""
        return self.upto_permille / 1000

    @property
    def label(self) -> str:
        """How a lesson names it: ``"Innovators (创新者)"`` in English, ``"创新者"`` in Chinese."""
        return self.name.term


ADOPTER_CATEGORIES: tuple[AdopterCategory, ...] = (
    AdopterCategory("innovators", Text("Innovators", "创新者"), 0.025, 25),
    AdopterCategory("early_adopters", Text("Early adopters", "早期采用者"), 0.135, 160),
    AdopterCategory("early_majority", Text("Early majority", "早期大众"), 0.34, 500),
    AdopterCategory("late_majority", Text("Late majority", "晚期大众"), 0.34, 840),
    AdopterCategory("laggards", Text("Laggards", "落后者"), 0.16, 1000),
)
"""The five categories in order of adoption: 2.5 / 13.5 / 34 / 34 / 16 %."""

_UPTO = np.array([c.upto_permille for c in ADOPTER_CATEGORIES], dtype=np.int64)


def _category_index(rank: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Index into ADOPTER_CATEGORIES for 1-based ranks among n adopters (exact)."""
    # k / n <= upto / 1000  <=>  1000 k <= upto n
    within = rank[:, None] * 1000 <= _UPTO[None, :] * n[:, None]
    index: np.ndarray = np.argmax(within, axis=1)
    return index


def adopter_category(rank: int, n: int) -> AdopterCategory:
    """Return the category of the ``rank``-th of ``n`` adopters (rank 1 adopted first).

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en"); adopter_category(1, 40).label
    'Innovators (创新者)'
    >>> adopter_category(1, 39).code                 # 1/39 is more than 2.5%
    'early_adopters'
    >>> [adopter_category(k, 100).code for k in (2, 3, 16, 17, 50, 51, 84, 85)]
    ['innovators', 'early_adopters', 'early_adopters', 'early_majority', 'early_majority', 'late_majority', 'late_majority', 'laggards']
    >>> adopter_category(11, 10)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: rank: got 11; allowed: a whole number from 1 to 10
    """
    total = check_int("n", n, low=1)
    k = check_int("rank", rank, low=1, high=total)
    index = _category_index(np.array([k]), np.array([total]))[0]
    return ADOPTER_CATEGORIES[int(index)]


def adopter_counts(n: int) -> pd.DataFrame:
    """How many of ``n`` adopters fall in each category under the course's rule.

    Examples
    --------
    >>> adopter_counts(200)[["category", "share", "adopters", "first_rank", "last_rank"]]
             category  share  adopters  first_rank  last_rank
    0      innovators  0.025         5           1          5
    1  early_adopters  0.135        27           6         32
    2  early_majority  0.340        68          33        100
    3   late_majority  0.340        68         101        168
    4        laggards  0.160        32         169        200
    """
    total = check_int("n", n, low=1)
    ranks = np.arange(1, total + 1)
    index = _category_index(ranks, np.full(total, total))
    counts = np.bincount(index, minlength=len(ADOPTER_CATEGORIES))
    last = np.cumsum(counts)
    return pd.DataFrame(
        {
            "category": [c.code for c in ADOPTER_CATEGORIES],
            "label": [c.label for c in ADOPTER_CATEGORIES],
            "share": [c.share for c in ADOPTER_CATEGORIES],
            "adopters": counts,
            "first_rank": np.where(counts > 0, last - counts + 1, 0),
            "last_rank": np.where(counts > 0, last, 0),
        }
    )


def classify_adopters(physicians: pd.DataFrame, date_column: str = "first_rx_date") -> pd.DataFrame:
    """Give each physician an adopter category from the date of the first prescription.

    Physicians without a date have not adopted yet: their ``adoption_rank`` and
    ``category`` are empty and they do not count in ``n``. Physicians who first
    prescribed on the same date share the earlier rank (same day, same category).

    Parameters
    ----------
    physicians
        One row per physician with ``date_column`` (a date, text ``YYYY-MM-DD`` or empty).
    date_column
        The column with the first-prescription date.

    Returns
    -------
    pandas.DataFrame
        A new table: the input's columns plus ``adoption_rank`` (1 = first),
        ``adopters`` (n), ``cumulative_share`` (rank ÷ n), ``category`` and ``category_label``.

    Examples
    --------
    >>> doctors = pd.DataFrame({"physician_id": ["D1", "D2", "D3", "D4"],
    ...     "first_rx_date": ["2025-03-01", None, "2025-01-15", "2025-03-01"]})
    >>> classify_adopters(doctors)[["physician_id", "adoption_rank", "category"]]
      physician_id  adoption_rank        category
    0           D1              2   late_majority
    1           D2           <NA>            <NA>
    2           D3              1  early_majority
    3           D4              2   late_majority
    """
    check_not_empty("physicians", physicians)
    check_columns("physicians", physicians, [date_column])
    raw = physicians[date_column]
    dates = pd.to_datetime(raw, errors="coerce", format="mixed")
    bad = dates.isna() & raw.notna() & raw.astype(str).str.strip().ne("")
    if bad.any():
        shown = raw.tolist()
        raise CourseInputError(
            Problem(date_column, shown[i], allowing_empty(A_DATE), row=int(i) + 1)
            for i in np.flatnonzero(bad.to_numpy())
        )
    ranks = dates.rank(method="min")
    n = int(dates.notna().sum())
    out = physicians.copy()
    out["adoption_rank"] = ranks.astype("Int64")
    out["adopters"] = n
    out["cumulative_share"] = ranks / n if n else np.nan
    category = pd.Series(pd.NA, index=physicians.index, dtype=object)
    label = pd.Series(pd.NA, index=physicians.index, dtype=object)
    adopted = dates.notna().to_numpy()
    if n:
        index = _category_index(ranks.to_numpy()[adopted].astype(np.int64), np.full(n, n))
        category[adopted] = [ADOPTER_CATEGORIES[i].code for i in index]
        label[adopted] = [ADOPTER_CATEGORIES[i].label for i in index]
    out["category"] = category
    out["category_label"] = label
    return out
