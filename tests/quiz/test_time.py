"""Sorting practice: the letters follow the training material's rule and answers are marked fairly."""

from __future__ import annotations

import pytest

from course.errors import CourseInputError
from course.quiz.time import PRACTICE_TASKS, mark_sorting, practice_tasks, sorting_score


def test_practice_covers_every_quadrant_with_the_materials_letters() -> None:
    letters = [t.quadrant for t in PRACTICE_TASKS]
    assert letters == ["B", "A", "C", "D", "B", "A"]
    assert all(t.why.en and t.why.zh and t.task.zh for t in PRACTICE_TASKS)


def test_marking() -> None:
    tasks = practice_tasks()
    answers = {
        "Prepare next week's call plan": "b",
        "Scroll through group chats while waiting": "C",  # wrong: D
        "Tender documents for the hospital are due tomorrow morning": " A ",
    }
    marked = mark_sorting(tasks, answers)
    assert marked["correct"].tolist() == [True, False, False, False, False, True]
    assert marked["answer"].tolist()[:4] == ["B", None, None, "C"]
    assert sorting_score(marked) == (2, 6)
    perfect = {t.task.en: t.quadrant for t in PRACTICE_TASKS}
    assert sorting_score(mark_sorting(tasks, perfect)) == (6, 6)


def test_a_transposed_answer_is_wrong() -> None:
    # the transposed table would put "important, not urgent" in C
    marked = mark_sorting(practice_tasks(), {"Prepare next week's call plan": "C"})
    assert not marked.loc[0, "correct"]


def test_bad_letter() -> None:
    with pytest.raises(CourseInputError, match="got 'Z'"):
        mark_sorting(practice_tasks(), {"Prepare next week's call plan": "Z"})
