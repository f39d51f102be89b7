"""Lesson 7's quiz: the questions, with answers taken from the library.

Each answer is computed by the function the lesson teaches, so the quiz cannot
drift from the course's rules.
"""

from __future__ import annotations

from course.bigcustomers.etiquette import TELEPHONE, review_call
from course.bigcustomers.health import STATUSES, status_for
from course.bigcustomers.material import DEFINITION
from course.bigcustomers.negotiation import ASKS, OFFERS, prepare_negotiation
from course.i18n import _
from course.quiz import Question

__all__ = ["questions"]


def questions() -> list[Question]:
    """The five questions, in the language in force.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> [(q.key, q.answer) for q in questions()]
    [('not_a_mark', 'cheap'), ('allowed_offer', 'department_meeting'), ('forbidden_ask', 'prescription_counts'), ('health_status', 'watch'), ('phone_first', 'introduce')]
    """
    marks = [(str(d), f"mark{i}") for i, d in enumerate(DEFINITION)]
    offers = ("gift", "department_meeting", "per_prescription_fee", "banquet")
    allowed = next(k for k in offers if prepare_negotiation("H01", [], [k], []).blocked == ())
    asks = ("visit_slot", "meeting_date", "prescription_counts", "listing_review")
    forbidden = next(k for k in asks if not ASKS[k].allowed)
    first = review_call([]).missed[0]
    return [
        Question("not_a_mark", _("Which of these is NOT one of the material's marks of a big customer?"),
                 (*marks[:2], (_("asks for the lowest price"), "cheap"), marks[2]), "cheap",
                 _("Large purchases, special needs, influence on the field.")),
        Question("allowed_offer", _("Which of these may a representative offer a big customer today?"),
                 tuple((str(OFFERS[k].label), k) for k in offers), allowed,
                 _("Information, education and services, with the hospital's consent; never a personal benefit.")),
        Question("forbidden_ask", _("Which of these may a representative NOT ask for?"),
                 tuple((str(ASKS[k].label), k) for k in asks), forbidden,
                 _("Counting a doctor's prescriptions (统方) is forbidden to representatives.")),
        Question("health_status", _("A hospital passes 3 of the 5 relationship checks. What is its status?"),
                 tuple((str(t), k) for k, t in STATUSES.items()), status_for(3),
                 _("4-5 checks: healthy; 3: watch; fewer: at risk.")),
        Question("phone_first", _("In the material's telephone etiquette, what comes first?"),
                 tuple((str(TELEPHONE[k]), k) for k in ("listen", "introduce", "brief", "hang_up_gently")), first,
                 _("The material's first point: who is calling?")),
    ]
