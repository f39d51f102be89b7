"""The three questions and the five strategic objectives, as the training material lists them."""

from __future__ import annotations

import pytest

from course.errors import CourseInputError
from course.portfolio import OBJECTIVES, THREE_QUESTIONS, strategic_objective


def test_three_questions_in_the_material_order() -> None:
    assert [q.question.en for q in THREE_QUESTIONS] == [
        "Where are we?", "Where do we want to go?", "How can we get there?"]
    assert [q.question.zh for q in THREE_QUESTIONS] == ["我们在哪里？", "我们要去哪里？", "我们如何能到达那里？"]
    assert [q.step.zh for q in THREE_QUESTIONS] == ["现状分析", "目标", "策略"]


def test_five_objectives_with_the_material_glosses() -> None:
    assert list(OBJECTIVES) == ["entry", "growth", "maintain", "harvest", "exit"]
    assert [o.name.zh for o in OBJECTIVES.values()] == ["进入", "增长/突破", "保持", "丰收", "放弃"]
    assert [o.focus.zh for o in OBJECTIVES.values()] == ["新产品", "销售及市场份额", "目前状况", "利润", "赖皮狗"]
    assert strategic_objective("exit").label == "Exit (放弃)"
    with pytest.raises(CourseInputError, match="objective: got 'Harvest'"):
        strategic_objective("Harvest")


def test_quiz_answers_come_from_the_rules() -> None:
    from course.quiz.portfolio import questions

    answers = {q.key: q.answer for q in questions()}
    assert answers == {"on_the_cut_offs": "star", "low_low": "dog",
                       "thirtieth_of_200": "early_adopters", "slow_sales": "maturity",
                       "dog_objective": "exit"}
    for question in questions():
        assert question.answer in [value for _label, value in question.options]
