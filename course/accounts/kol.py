"""Key opinion leaders (KOL): score, type and the training material's five steps to win one.

The training material names three kinds of KOL by what they bring: the academic leader
(学术领袖, influence 影响力), the product speaker (产品讲者, persuasion 说服力)
and the prescribing authority (处方权威, decision power 决策权力). A doctor's
KOL score is a weighted mean of the three 0-10 ratings times 10 (0-100); the
KOL type is the rating the doctor is strongest in. The training material advises choosing
experts with influence and academic standing, skilled at lecturing, and tied
to formulary listing, reimbursement lists and other key policies.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Phrase, Problem
from course.i18n import Text
from course.inputs import (
    check_int,
    check_number,
    check_table,
    labelled,
    number_column,
    raise_problems,
)

__all__ = [
    "KOL_COLUMNS",
    "KOL_PREPARATION",
    "KOL_STEPS",
    "KOL_TYPES",
    "KolStep",
    "KolType",
    "KolWeights",
    "kol_score",
    "score_kols",
]

KOL_COLUMNS: tuple[str, ...] = ("influence", "speaking", "decision_power")
"""The three 0-10 ratings (columns of the sample's ``physicians`` table)."""


@dataclass(frozen=True)
class KolType:
    """One kind of KOL in the training material."""

    key: str
    """Short code: ``academic_leader``, ``product_speaker``, ``prescribing_authority``."""
    name: Text
    """Its name (the training material's Chinese one)."""
    strength: Text
    """What this KOL brings (the training material's word for it)."""
    column: str
    """The rating that measures it."""


KOL_TYPES: tuple[KolType, ...] = (
    KolType("academic_leader", Text("academic leader", "学术领袖"), Text("influence", "影响力"), "influence"),
    KolType("product_speaker", Text("product speaker", "产品讲者"), Text("persuasion", "说服力"), "speaking"),
    KolType("prescribing_authority", Text("prescribing authority", "处方权威"),
            Text("decision power", "决策权力"),
            "decision_power"),
)
"""The training material's three kinds of KOL, in its order (ties go to the first)."""


@dataclass(frozen=True)
class KolStep:
    """One of the training material's five steps to develop a KOL."""

    number: int
    """1-5."""
    name: Text
    """The step's name (the training material's Chinese one)."""
    questions: tuple[Text, ...]
    """What to decide at this step (the training material's questions)."""


KOL_STEPS: tuple[KolStep, ...] = (
    KolStep(1, Text("position", "定位"),
            (Text("which product?", "哪个产品？"),
             Text("which department?", "科室？"),
             Text("what purpose?", "目的？"))),
    KolStep(2, Text("understand", "了解"),
            (Text("needs?", "需求？"),
             Text("interests?", "爱好？"),
             Text("leanings?", "倾向性？"))),
    KolStep(3, Text("contact", "接触"),
            (Text("the expert?", "本人？"),
             Text("friends?", "朋友？"),
             Text("family?", "家人？"),
             Text("people around?", "相关人员？"))),
    KolStep(4, Text("keep regular contact", "定期联系"),
            (Text("weekly?", "每周？"),
             Text("monthly?", "每月？"),
             Text("quarterly?", "每季？"))),
    KolStep(5, Text("lock in", "锁定"),
            (Text("speaker?", "讲者？"),
             Text("prescriber?", "处方？"),
             Text("supporter?", "支持者？"),
             Text("unconditional friend?", "无条件朋友？"))),
)
"""Position → understand → contact → keep regular contact → lock in, in the material's words.

Contact through friends and family and an "unconditional friend" predate China's 2020 rules for
representatives: lesson 4's compliance block and ``course.compliance`` say how a representative
works with a KOL today (the expert himself, with the hospital's consent; fees only by contract)."""

KOL_PREPARATION: tuple[KolStep, ...] = (
    KolStep(1, Text("know", "熟悉"),
            (Text("my product?", "我的产品？"),
             Text("the competitor's?", "竞争品？"),
             Text("the market?", "市场？"))),
    KolStep(2, Text("understand", "了解"),
            (Text("the expert's needs?", "专家需求？"),
             Text("interests?", "爱好？"),
             Text("leanings?", "倾向性？"))),
    KolStep(3, Text("skills", "技巧"),
            (Text("ask?", "问？"),
             Text("answer?", "答？"),
             Text("discover?", "发现？"),
             Text("reach agreement?", "达成协议？"))),
    KolStep(4, Text("plan", "计划"),
            (Text("weekly?", "每周？"),
             Text("monthly?", "每月？"),
             Text("quarterly?", "每季？"))),
)
"""What the representative prepares before working with a KOL (the training material's second list)."""


@dataclass(frozen=True)
class KolWeights:
    """Weights of the three ratings in the KOL score (any non-negative numbers).

    Default: equal weights — the training material names the three kinds side by side without
    ranking them; tilt them to the purpose of step 1 (a speaker programme
    weights speaking, a listing push weights decision power).
    """

    influence: float = 1.0
    """Weight of academic influence (影响力)."""
    speaking: float = 1.0
    """Weight of speaking and persuasion (说服力)."""
    decision_power: float = 1.0
    """Weight of decision power (决策权力)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            check_number(f"weights.{f.name}", getattr(self, f.name), low=0)
        if sum(float(getattr(self, f.name)) for f in fields(self)) == 0:
            raise CourseInputError.single("weights", 0, Phrase("at least one weight above 0"))

    def normalised(self) -> np.ndarray:
        """The weights divided by their sum, in the order of :data:`KOL_COLUMNS`.

        Examples
        --------
        >>> KolWeights(2, 1, 1).normalised().tolist()
        [0.5, 0.25, 0.25]
        """
        w = np.array(list(asdict(self).values()), dtype=float)
        normalised: np.ndarray = w / w.sum()
        return normalised


def kol_score(
    influence: int, speaking: int, decision_power: int, weights: KolWeights | None = None
) -> tuple[float, str]:
    """Return the KOL score (0-100, one decimal) and the KOL type key of one doctor.

    Examples
    --------
    >>> kol_score(9, 6, 6)
    (70.0, 'academic_leader')
    >>> kol_score(5, 5, 8, KolWeights(1, 1, 2))
    (65.0, 'prescribing_authority')
    >>> kol_score(11, 5, 5)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: influence: got 11; allowed: a whole number from 0 to 10
    """
    ratings = np.array(
        [check_int(name, value, low=0, high=10)
         for name, value in zip(KOL_COLUMNS, (influence, speaking, decision_power), strict=True)],
        dtype=float,
    )
    w = (weights or KolWeights()).normalised()
    score = float(np.round(10 * ratings @ w + 1e-9, 1))
    return score, KOL_TYPES[int(np.argmax(ratings))].key


def score_kols(
    physicians: pd.DataFrame, weights: KolWeights | None = None, threshold: float = 70.0
) -> pd.DataFrame:
    """Add ``kol_score`` (0-100), ``kol_type`` and ``is_kol`` (score >= ``threshold``).

    Sorted from the highest score; ties keep the table's order.

    Examples
    --------
    >>> docs = pd.DataFrame({"physician_id": ["D1", "D2", "D3"],
    ...                      "influence": [9, 3, 6], "speaking": [6, 9, 2],
    ...                      "decision_power": [6, 3, 9]})
    >>> score_kols(docs)[["physician_id", "kol_score", "kol_type", "is_kol"]].values.tolist()
    [['D1', 70.0, 'academic_leader', True], ['D3', 56.7, 'prescribing_authority', False], ['D2', 50.0, 'product_speaker', False]]
    """
    check_table("physicians", physicians, KOL_COLUMNS)
    threshold = check_number("threshold", threshold, low=0, high=100)
    problems: list[Problem] = []
    columns = []
    for name in KOL_COLUMNS:
        values, found = number_column(physicians, name, low=0, high=10, integer=True)
        problems += found
        columns.append(values)
    raise_problems(problems)
    ratings = np.column_stack(columns)
    score = np.round(10 * ratings @ (weights or KolWeights()).normalised() + 1e-9, 1)
    out = physicians.copy()
    out["kol_score"] = score
    out["kol_type"] = labelled(np.argmax(ratings, axis=1), [t.key for t in KOL_TYPES])
    out["is_kol"] = score >= threshold
    return out.sort_values("kol_score", ascending=False, kind="stable")
