"""Begin with the end in mind (以终为始): the five answers become a decision."""

from __future__ import annotations

import pytest

from course.errors import CourseInputError
from course.timemgmt import decide


@pytest.mark.parametrize(
    ("answers", "action"),
    [
        ((True, "serious", False, True, False), "do"),         # must, serious, tied to goal
        ((True, "serious", False, False, True), "do"),         # must, serious, pays back
        ((True, "serious", True, False, False), "delegate"),   # must, serious, not yours to spend on
        ((False, "minor", False, True, True), "schedule"),     # a big rock
        ((True, "minor", False, True, False), "schedule"),     # must, tied, not pressing
        ((True, "none", True, False, False), "delegate"),      # routine chore
        ((False, "serious", False, False, False), "delegate"), # someone has to do it
        ((False, "none", True, False, True), "schedule"),      # wanted and pays back
        ((False, "none", True, False, False), "drop"),         # only wanted
        ((False, "minor", False, False, False), "drop"),
    ],
)
def test_decision_rules(answers: tuple[bool, str, bool, bool, bool], action: str) -> None:
    decision = decide(*answers)
    assert decision.action == action
    assert decision.answers == answers
    assert decision.reason.en and decision.reason.zh


def test_drop_says_learn_to_say_no() -> None:
    decision = decide(False, "none", False, False, False)
    assert "say no" in decision.reason.en and "说“不”" in decision.reason.zh
    assert decision.label.en == "Drop it"


def test_bad_answers_are_named() -> None:
    with pytest.raises(CourseInputError, match="if_not_done: got 'bad'"):
        decide(True, "bad", True, True, True)
    with pytest.raises(CourseInputError, match="tied_to_goal: got 'yes'"):
        decide(True, "none", True, "yes", True)  # type: ignore[arg-type]
