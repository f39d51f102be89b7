"""Lesson 4's quiz: the questions, with answers taken from the library.

Each answer is computed by the same function the lesson teaches, so the quiz
cannot drift from the course's rules.
"""

from __future__ import annotations

from course.accounts.frequency import TIERS
from course.accounts.hospitals import GRADES, grade_hospital
from course.accounts.kol import KOL_TYPES, kol_score
from course.accounts.ladder import STAGES
from course.accounts.physicians import tier_for
from course.accounts.status import status_options
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
    [('status_from_note', '1'), ('tier_first_choice', 'B'), ('next_objective', '2'), ('hospital_grade', 'B'), ('kol_type', 'prescribing_authority')]
    """
    statuses = tuple((label, str(value)) for label, value in status_options())
    hospital = grade_hospital("三级乙等", 680, 181.8, 54_070, 3, 4)
    _score, kol = kol_score(5, 4, 9)
    return [
        Question(
            "status_from_note",
            _("Call note: \"Listed in the hospital last month; I prescribe it now and then.\" "
              "What is the prescribing status?"),
            statuses, "1",
            _("After listing the scale starts at 0 (no prescribing); 'now and then' is a little."),
        ),
        Question(
            "tier_first_choice",
            _("A high-potential doctor already prescribes your product as first choice (+4). "
              "Which tier?"),
            tuple((t, t) for t in TIERS), tier_for(4, "high"),
            _("A first-choice doctor needs upkeep, not more calls: too many calls can lower "
              "prescribing."),
        ),
        Question(
            "next_objective",
            _("A doctor has tried the product on a few new patients. "
              "What should your next calls achieve?"),
            tuple((str(s.goal), str(s.number)) for s in STAGES[:4]), str(STAGES[2].number),
            _("Find the doctor's stage on the adoption ladder, then aim one step up."),
        ),
        Question(
            "hospital_grade",
            _("A 三级乙等 hospital: 680 beds, 181.8 million RMB of drugs a year, "
              "54,070 outpatients a month, medication level 3, competition 4. "
              "Which grade with the default settings?"),
            tuple((g, g) for g in GRADES), hospital.grade,
            _("Work out the five part scores; the composite is {score} — check the A cut-off.")
            .format(score=hospital.score),
        ),
        Question(
            "kol_type",
            _("A chief physician sits on the formulary committee (decision power 9) but rarely "
              "lectures (speaking 4, influence 5). Which kind of KOL?"),
            tuple((str(t.name), t.key) for t in KOL_TYPES), kol,
            _("The KOL type is the rating the doctor is strongest in."),
        ),
    ]
