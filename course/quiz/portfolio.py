"""Lesson 6's quiz: five questions whose answers the library gives.

The widget :class:`course.widgets.portfolio.PortfolioQuiz` shows them with
a drop-down each; the right answer is always computed here by
:mod:`course.portfolio`, never typed in.
"""

from __future__ import annotations

from course.i18n import _
from course.portfolio.adopters import ADOPTER_CATEGORIES, adopter_category
from course.portfolio.bcg import QUADRANTS, bcg_quadrant
from course.portfolio.lifecycle import STAGES, lifecycle_stage
from course.portfolio.marketing import OBJECTIVES
from course.quiz import Question

__all__ = ["questions"]


def questions() -> list[Question]:
    """The five questions of lesson 6's quiz, answered by :mod:`course.portfolio`.

    Examples
    --------
    >>> [(q.key, q.answer) for q in questions()]
    [('on_the_cut_offs', 'star'), ('low_low', 'dog'), ('thirtieth_of_200', 'early_adopters'), ('slow_sales', 'maturity'), ('dog_objective', 'exit')]
    """
    quadrants = tuple((str(q.names), q.code) for q in QUADRANTS.values())
    adopters = tuple((str(c.name), c.code) for c in ADOPTER_CATEGORIES)
    stages = tuple((str(s.name), s.code) for s in STAGES.values())
    objectives = tuple((str(o.name), o.code) for o in OBJECTIVES.values())
    return [
        Question(
            "on_the_cut_offs",
            _("A product's market grows 10% a year and its relative share is 1.0. Which quadrant?"),
            quadrants, bcg_quadrant(0.10, 1.0).code,
            _("A value equal to a cut-off counts as high."),
        ),
        Question(
            "low_low", _("Market growth 4%, relative share 0.6. Which quadrant?"),
            quadrants, bcg_quadrant(0.04, 0.6).code,
            _("Both numbers are below their cut-offs."),
        ),
        Question(
            "thirtieth_of_200",
            _("200 doctors prescribe a new drug. Which category is the 30th doctor to start?"),
            adopters, adopter_category(30, 200).code,
            _("30 of 200 is 15%: compare it with the boundaries 2.5%, 16%, 50% and 84%."),
        ),
        Question(
            "slow_sales", _("Yearly sales of 100, 104, 106. Which life-cycle stage?"),
            stages, lifecycle_stage([100, 104, 106]).code,
            _("The last year grew by 1.9%: less than 10%, more than -5%."),
        ),
        Question(
            "dog_objective", _("Which strategic objective does the training material give the dog?"),
            objectives, QUADRANTS["dog"].objective,
            _("Look again at the training material's five strategic objectives."),
        ),
    ]
