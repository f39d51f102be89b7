"""Lesson 3's quiz: SMART letters, the A's meaning, a quota split, MBO and the goal coach.

Each answer is computed by :mod:`course.goals`, never typed in.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from course.goals import FLAGS, MBO_KINDS, VARIANTS, allocate_quota, coach_goal
from course.goals.smart import LETTER_NAMES
from course.i18n import _
from course.quiz import Question

__all__ = ["QUIZ_TODAY", "questions"]

QUIZ_TODAY = date(2026, 3, 2)
"""The day the quiz's goals are set (so their deadlines stay ahead)."""


def questions() -> list[Question]:
    """Lesson 3's quiz questions; the answers come from :mod:`course.goals`.

    Examples
    --------
    >>> [q.answer for q in questions()]
    ['SMT', 'ambitious', '4100', 'bottom-up', 'no_baseline']
    """
    vague = "".join(coach_goal("尽量提高销量", today=QUIZ_TODAY).failed)
    territories = pd.DataFrame({"territory": ["N", "S", "E"], "history": [500, 300, 200],
                                "potential": [200, 500, 300]})
    quota_n = int(allocate_quota(10_000, territories, weight=0.7)["quota"].iloc[0])
    capability = next(k for k in MBO_KINDS if k.key == "capability")
    flags = coach_goal("本月底前让市一院心内科的CARDIA处方达到300盒", today=QUIZ_TODAY).flags
    letter_sets = ("SMT", "M", "AR", "T")
    return [
        Question("vague", _("Which letters does \"尽量提高销量\" fail?"),
                 tuple((", ".join(x), x) for x in letter_sets), vague,
                 _("Is there a hedge, a number, a deadline?")),
        Question("a", _("In the training material, the A of SMART stands for ..."),
                 tuple((str(LETTER_NAMES[v]), v) for v in VARIANTS),
                 "ambitious", _("The training material wants a challenging goal (有雄心).")),
        Question("quota", _("A national target of 10,000 boxes; territory N has 50% of the history and 20% of "
                            "the potential; the weight of history is 70%. N's quota?"),
                 (("2,000", "2000"), ("3,500", "3500"), ("4,100", "4100"), ("5,000", "5000")), str(quota_n),
                 _("0.7 × 50% + 0.3 × 20% of 10,000.")),
        Question("mbo", _("Capability-improving MBO (提高能力型) sets goals ..."),
                 ((_("top-down"), "top-down"), (_("bottom-up"), "bottom-up")), capability.direction,
                 _("It centres on the individual; the manager coaches.")),
        Question("baseline", _("\"本月底前让市一院心内科的CARDIA处方达到300盒\": what does the coach flag?"),
                 tuple((_(FLAGS[f]), f) for f in ("hedging", "no_number", "no_baseline", "no_deadline")),
                 ",".join(flags), _("Where does the department start from?")),
    ]
