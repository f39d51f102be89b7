"""Lesson 1's quiz: the survey, the wheel of life, wrong attitudes and selling modes.

Each answer is computed by :mod:`course.professional`, never typed in.
"""

from __future__ import annotations

from course.i18n import _
from course.professional import SELLING_MODES, SURVEY, WRONG_ATTITUDES, assess_wheel, success_share
from course.quiz import Question

__all__ = ["questions"]


def questions() -> list[Question]:
    """Lesson 1's quiz questions; the answers come from :mod:`course.professional`.

    Examples
    --------
    >>> [q.answer for q in questions()]
    ['13%', 'yes', 'near_temple', 'hunting']
    """
    shares = sorted({f"{g.share:.0%}" for g in SURVEY} | {f"{success_share():.0%}"}, key=lambda t: float(t[:-1]))
    example = dict(family=8, career=9, mood=6, relationships=7, health=4, money=7, personal_growth=6)
    lopsided = assess_wheel(example).lopsided
    wrong = WRONG_ATTITUDES[:3] + WRONG_ATTITUDES[3:4]
    return [
        Question("survey", _("In the training material's survey, what share of people live comfortably or better?"),
                 tuple((s, s) for s in shares), f"{success_share():.0%}",
                 _("Add the financially independent and the comfortable.")),
        Question("wheel", _("Family 8, career 9, mood 6, relationships 7, health 4, money 7, growth 6: "
                            "is this wheel lopsided?"),
                 ((_("yes"), "yes"), (_("no"), "no")), "yes" if lopsided else "no",
                 _("Compare the strongest and the weakest spoke with the 4-point rule.")),
        Question("near_temple", _("Which habit is 近庙欺神?"),
                 tuple((str(w.note), w.key) for w in wrong), "near_temple",
                 _("The temple is near: think of the people closest to you.")),
        Question("hunting", _("Opening a new department and its doctors is ..."),
                 tuple((m.name.term, m.key) for m in SELLING_MODES), "hunting",
                 _("New customers or existing ones?")),
    ]
