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

from course.i18n import Text
from course.inputs import check_choice

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

    question: Text
    """The question (the training material's Chinese)."""
    step: Text
    """The planning step that answers it."""


THREE_QUESTIONS: tuple[MarketingQuestion, ...] = (
    MarketingQuestion(Text("Where are we?", "我们在哪里？"), Text("Situation analysis", "现状分析")),
    MarketingQuestion(Text("Where do we want to go?", "我们要去哪里？"), Text("Objectives", "目标")),
    MarketingQuestion(Text("How can we get there?", "我们如何能到达那里？"), Text("Strategy", "策略")),
)
"""The training material's three questions, in order."""


@dataclass(frozen=True)
class StrategicObjective:
    """A strategic objective: the basis of resource allocation (资源分配的依据)."""

    code: str
    """Short code: ``entry``, ``growth``, ``maintain``, ``harvest`` or ``exit``."""
    name: Text
    """Its name (the training material's Chinese)."""
    focus: Text
    """What the objective aims at (the training material's gloss)."""
    resources: Text
    """How reps and A&P money follow from it."""

    @property
    def label(self) -> str:
        """How a lesson names it: ``"Harvest (丰收)"`` in English, ``"丰收"`` in Chinese."""
        return self.name.term


OBJECTIVES: dict[str, StrategicObjective] = {
    o.code: o
    for o in (
        StrategicObjective("entry", Text("Entry", "进入"),
                           Text("a new product", "新产品"),
                           Text("Launch investment: reps and A&P ahead of sales, to win the first prescribers.",
                                "上市投入：人员和推广费用先于销售投入，争取第一批处方医生。")),
        StrategicObjective("growth", Text("Growth / breakthrough", "增长/突破"),
                           Text("sales and market share", "销售及市场份额"),
                           Text("Invest: add reps and A&P to gain share while the market grows.",
                                "投资：增加代表和推广费用，在市场增长时抢占份额。")),
        StrategicObjective("maintain", Text("Maintain", "保持"),
                           Text("the current position", "目前状况"),
                           Text("Hold: keep coverage of key customers at steady cost; defend the share.",
                                "保持：以稳定的费用维持重点客户的覆盖，守住份额。")),
        StrategicObjective("harvest", Text("Harvest", "丰收"),
                           Text("profit", "利润"),
                           Text("Cut spending to the minimum that keeps sales; take the profit.",
                                "把费用降到维持销售所需的最低水平，收获利润。")),
        StrategicObjective("exit", Text("Exit", "放弃"),
                           Text("the dog", "赖皮狗"),
                           Text("Withdraw reps and A&P; move them to stars and promising question marks.",
                                "撤出代表和推广费用，转投明星产品和有希望的问题小孩。")),
    )
}
"""The training material's five strategic objectives, in its order."""


def strategic_objective(code: str) -> StrategicObjective:
    """Return the strategic objective with ``code``.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en"); strategic_objective("harvest").label
    'Harvest (丰收)'
    >>> strategic_objective("grow")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: objective: got 'grow'; allowed: one of 'entry', 'growth', 'maintain', 'harvest', 'exit'
    """
    check_choice("objective", code, list(OBJECTIVES))
    return OBJECTIVES[code]
