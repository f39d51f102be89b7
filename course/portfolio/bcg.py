"""The BCG growth-share matrix (波士顿矩阵) and the objective each quadrant suggests.

A product is placed by two numbers:

- **market growth**: the yearly growth of its market, as a fraction (0.12 = 12%);
- **relative market share**: our share divided by the largest competitor's
  (1.0 = as big as the leader, 2.0 = twice the leader, 0.5 = half).

Cut-offs (the classic chart's, and the training material's): growth **10%** and relative share
**1.0**. The boundary rule: a value *equal to* the cut-off counts as high —
growth >= 10% is a high-growth market, relative share >= 1.0 is a high share
(a product tied with the leader is a leader). Both cut-offs are parameters.

========================  ============  ==============  ==================
quadrant                  growth        relative share  suggested objective
========================  ============  ==============  ==================
star 明星                 high          high            growth / breakthrough
question mark 问题小孩/野猫 high          low             growth, else exit
cash cow 现金牛           low           high            maintain, then harvest
dog 瘦狗 (material: 赖皮狗)   low           low             exit, or harvest
========================  ============  ==============  ==================

The training material's advice on the question mark (问题小孩-野猫的投资决策): it needs heavy
investment and may fail, so invest only if the company has the money and can
find a differentiating advantage to win the main competitor's customers.
A new product's objective is *entry* (进入) whatever its quadrant.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.i18n import Text
from course.inputs import check_choice, check_int, check_number, check_number_columns
from course.portfolio.marketing import OBJECTIVES

__all__ = [
    "GROWTH_CUTOFF",
    "GROWTH_RANGE",
    "QUADRANTS",
    "SHARE_CUTOFF",
    "Quadrant",
    "bcg_quadrant",
    "classify_portfolio",
    "quadrant_info",
]

GROWTH_CUTOFF = 0.10
"""Market growth at or above which a market counts as high growth (10%)."""
SHARE_CUTOFF = 1.0
"""Relative share at or above which a product counts as a leader (1.0)."""
GROWTH_RANGE = (-1.0, 5.0)
"""Allowed market growth as a fraction: a market can at most vanish (-100%) or grow 500%.

The upper bound catches a percentage typed as a number (12 instead of 0.12)."""


@dataclass(frozen=True)
class Quadrant:
    """One cell of the BCG matrix."""

    code: str
    """Short code: ``star``, ``question_mark``, ``cash_cow`` or ``dog``."""
    name: Text
    """Its name, with the usual Chinese name, e.g. "Dog" (瘦狗)."""
    material_name: str
    """The training material's own Chinese name where it differs (野猫, 赖皮狗), else ``name.zh``."""
    high_growth: bool
    """Whether the market grows at or above the growth cut-off."""
    high_share: bool
    """Whether the relative share is at or above the share cut-off."""
    objective: str
    """Code of the suggested strategic objective (see :data:`~course.portfolio.OBJECTIVES`)."""
    alternative: str
    """Code of the objective to consider instead when the first does not fit."""
    advice: Text
    """Resource-allocation advice."""

    @property
    def names(self) -> Text:
        """The name with both Chinese names when the material uses another, e.g. ``"瘦狗 / 赖皮狗"``.

        Examples
        --------
        >>> QUADRANTS["dog"].names.zh, QUADRANTS["star"].names.zh
        ('瘦狗 / 赖皮狗', '明星')
        """
        zh = self.name.zh if self.material_name == self.name.zh else f"{self.name.zh} / {self.material_name}"
        return Text(self.name.en, zh)

    @property
    def label(self) -> str:
        """How a lesson names it, with both Chinese names (:attr:`~course.i18n.Text.term`).

        ``"Dog (瘦狗 / 赖皮狗)"`` in English, ``"瘦狗 / 赖皮狗"`` in Chinese.
        """
        return self.names.term


QUADRANTS: dict[str, Quadrant] = {
    q.code: q
    for q in (
        Quadrant(
            "star", Text("Star", "明星"), "明星", True, True, "growth", "maintain",
            Text("Invest to keep the lead while the market grows: reps and A&P grow with sales.",
                 "投资保持领先：市场增长时，代表和推广费用随销售增长。"),
        ),
        Quadrant(
            "question_mark", Text("Question mark", "问题小孩"), "野猫", True, False, "growth", "exit",
            Text("Invest heavily only with the money and a clear advantage to win the leader's "
                 "customers; otherwise exit.",
                 "只有在资金充足、并能找到区别优势抢占主要竞争对手客户时才大力投资；否则放弃。"),
        ),
        Quadrant(
            "cash_cow", Text("Cash cow", "现金牛"), "现金牛", False, True, "maintain", "harvest",
            Text("Defend key customers at low cost; its cash funds stars and question marks.",
                 "以低成本守住重点客户；它产生的现金支持明星和问题小孩。"),
        ),
        Quadrant(
            "dog", Text("Dog", "瘦狗"), "赖皮狗", False, False, "exit", "harvest",
            Text("Withdraw reps and A&P, or harvest what it still earns at minimum cost.",
                 "撤出代表和推广费用，或以最低费用收获剩余利润。"),
        ),
    )
}
"""The four quadrants: star, question mark, cash cow, dog."""


def quadrant_info(code: str) -> Quadrant:
    """Return the quadrant with ``code``.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en"); quadrant_info("dog").label
    'Dog (瘦狗 / 赖皮狗)'
    >>> quadrant_info("question_mark").label
    'Question mark (问题小孩 / 野猫)'
    """
    check_choice("quadrant", code, list(QUADRANTS))
    return QUADRANTS[code]


def _cutoffs(growth_cutoff: float, share_cutoff: float) -> tuple[float, float]:
    growth = check_number("growth_cutoff", growth_cutoff, low=GROWTH_RANGE[0], high=GROWTH_RANGE[1])
    share = check_number("share_cutoff", share_cutoff, low=0.0, low_open=True)
    return growth, share


def _codes(high_growth: np.ndarray, high_share: np.ndarray) -> np.ndarray:
    return np.select(
        [high_growth & high_share, high_growth, high_share],
        ["star", "question_mark", "cash_cow"],
        default="dog",
    )


def bcg_quadrant(
    market_growth: float,
    relative_share: float,
    *,
    growth_cutoff: float = GROWTH_CUTOFF,
    share_cutoff: float = SHARE_CUTOFF,
) -> Quadrant:
    """Place one product on the BCG matrix.

    Parameters
    ----------
    market_growth
        Yearly growth of the product's market as a fraction (0.12 for 12%).
    relative_share
        Our market share divided by the largest competitor's (>= 0).
    growth_cutoff, share_cutoff
        The cut-offs; a value equal to a cut-off counts as high.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en"); bcg_quadrant(0.15, 1.8).label
    'Star (明星)'
    >>> bcg_quadrant(0.10, 1.0).code        # exactly on both cut-offs: high, high
    'star'
    >>> bcg_quadrant(0.0999, 0.99).code
    'dog'
    >>> bcg_quadrant(12, 0.5)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: market_growth: got 12; allowed: a number from -1 to 5
    """
    growth = check_number("market_growth", market_growth, low=GROWTH_RANGE[0], high=GROWTH_RANGE[1])
    share = check_number("relative_share", relative_share, low=0.0)
    g_cut, s_cut = _cutoffs(growth_cutoff, share_cutoff)
    code = _codes(np.array([growth >= g_cut]), np.array([share >= s_cut]))[0]
    return QUADRANTS[str(code)]


def classify_portfolio(
    products: pd.DataFrame,
    *,
    growth_cutoff: float = GROWTH_CUTOFF,
    share_cutoff: float = SHARE_CUTOFF,
    as_of_year: int | None = None,
    entry_years: int = 2,
) -> pd.DataFrame:
    """Place every product on the BCG matrix and suggest its strategic objective.

    Parameters
    ----------
    products
        A table with columns ``market_growth`` (fraction) and ``relative_share``;
        other columns (``product``, ``sales_mrmb`` …) are kept.
    growth_cutoff, share_cutoff
        The cut-offs (defaults 10% and 1.0); a value equal to a cut-off counts as high.
    as_of_year, entry_years
        When ``as_of_year`` is given and the table has ``launch_year``, a product
        launched fewer than ``entry_years`` years before it (or not launched yet)
        is a new product: its objective becomes *entry* (进入).

    Returns
    -------
    pandas.DataFrame
        A new table: the input's columns plus ``high_growth``, ``high_share``,
        ``quadrant`` (code), ``quadrant_en``, ``quadrant_zh`` (both Chinese names
        where the training material has two), ``quadrant_label`` (as a lesson names it in the
        language in force: "Dog (瘦狗 / 赖皮狗)" in English, "瘦狗 / 赖皮狗" in Chinese),
        ``objective`` and ``alternative`` (objective codes) and ``objective_label``
        ("Growth / breakthrough (增长/突破)" in English, "增长/突破" in Chinese).

    Examples
    --------
    >>> table = pd.DataFrame({"product": ["A", "B", "C", "D"],
    ...                       "market_growth": [0.18, 0.25, 0.04, 0.02],
    ...                       "relative_share": [1.6, 0.3, 2.2, 0.4]})
    >>> classify_portfolio(table)[["product", "quadrant", "quadrant_zh", "objective"]]
      product       quadrant quadrant_zh objective
    0       A           star          明星    growth
    1       B  question_mark   问题小孩 / 野猫    growth
    2       C       cash_cow         现金牛  maintain
    3       D            dog     瘦狗 / 赖皮狗      exit
    """
    g_cut, s_cut = _cutoffs(growth_cutoff, share_cutoff)
    values = check_number_columns(
        "products",
        products,
        {"market_growth": GROWTH_RANGE, "relative_share": (0.0, None)},
    )
    high_growth = values["market_growth"] >= g_cut
    high_share = values["relative_share"] >= s_cut
    codes = pd.Series(_codes(high_growth, high_share), index=products.index, dtype=object)

    def per_quadrant(attribute: str) -> pd.Series:
        return codes.map({c: getattr(q, attribute) for c, q in QUADRANTS.items()})

    def names_in(lang: str) -> pd.Series:
        return codes.map({c: getattr(q.names, lang) for c, q in QUADRANTS.items()})

    objective = per_quadrant("objective")
    if as_of_year is not None and "launch_year" in products.columns:
        year = check_int("as_of_year", as_of_year, low=1900, high=2100)
        years = check_int("entry_years", entry_years, low=1, high=50)
        launch = check_number_columns("products", products, {"launch_year": (1900, 2100)})["launch_year"]
        objective = objective.where(~(year - launch < years), "entry")
    out = products.copy()
    out["high_growth"] = high_growth
    out["high_share"] = high_share
    out["quadrant"] = codes
    out["quadrant_en"] = names_in("en")
    out["quadrant_zh"] = names_in("zh")
    out["quadrant_label"] = per_quadrant("label")
    out["objective"] = objective
    out["alternative"] = per_quadrant("alternative")
    out["objective_label"] = objective.map({c: o.label for c, o in OBJECTIVES.items()})
    return out
