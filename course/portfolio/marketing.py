"""Marketing as three questions, and the strategic objectives (市场营销与战略目标).

The training material defines marketing by three questions — where are we (situation
analysis), where do we want to go (objectives), how do we get there (strategy) —
and lists five strategic objectives that decide how resources (reps, A&P money)
are allocated: entry, growth/breakthrough, maintain, harvest and exit.
Both are kept here as bilingual data, so lessons, plots and widgets show the
material's own words.
"""

from __future__ import annotations

from dataclasses import dataclass

from course._checks import check_choice

__all__ = [
    "OBJECTIVES",
    "THREE_QUESTIONS",
    "MarketingQuestion",
    "StrategicObjective",
    "strategic_objective",
]


@dataclass(frozen=True)
class MarketingQuestion:
    """One of the three questions that define marketing (什么是市场营销)."""

    en: str
    """The question in English."""
    zh: str
    """The question in the training material's Chinese."""
    step_en: str
    """The planning step that answers it, in English."""
    step_zh: str
    """The planning step in Chinese."""


THREE_QUESTIONS: tuple[MarketingQuestion, ...] = (
    MarketingQuestion("Where are we?", "我们在哪里?", "Situation analysis", "现状分析"),
    MarketingQuestion("Where do we want to go?", "我们要去哪里?", "Objectives", "目标"),
    MarketingQuestion("How can we get there?", "我们如何能到达那里?", "Strategy", "策略"),
)
"""The training material's three questions, in order."""


@dataclass(frozen=True)
class StrategicObjective:
    """A strategic objective: the basis of resource allocation (资源分配的依据)."""

    code: str
    """Short code: ``entry``, ``growth``, ``maintain``, ``harvest`` or ``exit``."""
    en: str
    """Name in English."""
    zh: str
    """Name in the training material's Chinese."""
    focus_en: str
    """What the objective aims at, in English (the training material's gloss)."""
    focus_zh: str
    """What the objective aims at, in the training material's Chinese."""
    resources_en: str
    """How reps and A&P money follow from it, in English."""
    resources_zh: str
    """How reps and A&P money follow from it, in Chinese."""

    @property
    def label(self) -> str:
        """``"English (中文)"``, e.g. ``"Harvest (丰收)"``."""
        return f"{self.en} ({self.zh})"


OBJECTIVES: dict[str, StrategicObjective] = {
    o.code: o
    for o in (
        StrategicObjective(
            "entry", "Entry", "进入", "a new product", "新产品",
            "Launch investment: reps and A&P ahead of sales, to win the first prescribers.",
            "上市投入：人员和推广费用先于销售投入，争取第一批处方医生。",
        ),
        StrategicObjective(
            "growth", "Growth / breakthrough", "增长/突破", "sales and market share",
            "销售及市场份额",
            "Invest: add reps and A&P to gain share while the market grows.",
            "投资：增加代表和推广费用，在市场增长时抢占份额。",
        ),
        StrategicObjective(
            "maintain", "Maintain", "保持", "the current position", "目前状况",
            "Hold: keep coverage of key customers at steady cost; defend the share.",
            "保持：以稳定的费用维持重点客户的覆盖，守住份额。",
        ),
        StrategicObjective(
            "harvest", "Harvest", "丰收", "profit", "利润",
            "Cut spending to the minimum that keeps sales; take the profit.",
            "把费用降到维持销售所需的最低水平，收获利润。",
        ),
        StrategicObjective(
            "exit", "Exit", "放弃", "the dog", "赖皮狗",
            "Withdraw reps and A&P; move them to stars and promising question marks.",
            "撤出代表和推广费用，转投明星产品和有希望的问题产品。",
        ),
    )
}
"""The training material's five strategic objectives, in its order."""


def strategic_objective(code: str) -> StrategicObjective:
    """Return the strategic objective with ``code``.

    Examples
    --------
    >>> strategic_objective("harvest").label
    'Harvest (丰收)'
    >>> strategic_objective("grow")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: objective: got 'grow'; allowed: one of 'entry', 'growth', 'maintain', 'harvest', 'exit'
    """
    check_choice("objective", code, list(OBJECTIVES))
    return OBJECTIVES[code]
