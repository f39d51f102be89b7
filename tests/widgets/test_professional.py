"""The wheel-of-life widget headless: sliders in, assessment and radar out."""

from __future__ import annotations

import pytest

from course.errors import CourseInputError
from course.i18n import set_language
from course.professional import SPOKES, assess_wheel
from course.widgets.professional import WheelOfLife

PNG = b"\x89PNG"



def test_seven_sliders_start_in_the_middle() -> None:
    wheel = WheelOfLife()
    assert list(wheel.sliders) == [s.key for s in SPOKES]
    assert [s.description for s in wheel.sliders.values()][:2] == ["Family", "Career"]
    assert all(s.min == 0 and s.max == 10 and s.value == 5 for s in wheel.sliders.values())
    assert wheel.last_result == assess_wheel({s.key: 5 for s in SPOKES})
    assert wheel.chart.value[:4] == PNG and "Balanced" in wheel.summary.value


def test_moving_sliders_updates_the_assessment_and_the_chart() -> None:
    wheel = WheelOfLife()
    first_png = wheel.chart.value
    wheel.sliders["health"].value = 2
    wheel.sliders["career"].value = 9
    result = wheel.last_result
    assert result.weakest == ("health",) and result.gap == 7 and result.lopsided
    assert result.mean == pytest.approx((5 * 5 + 2 + 9) / 7)
    assert "Health (2)" in wheel.summary.value and "Lopsided" in wheel.summary.value
    assert "Start with Health" in wheel.summary.value
    assert wheel.chart.value != first_png


def test_starting_scores_by_any_name_and_bad_ones() -> None:
    wheel = WheelOfLife({"健康": 3, "Money": 8})
    assert wheel.sliders["health"].value == 3 and wheel.sliders["money"].value == 8
    with pytest.raises(CourseInputError):
        WheelOfLife({"health": 12})


def test_sliders_cannot_leave_the_scale() -> None:
    wheel = WheelOfLife()
    wheel.sliders["mood"].value = 14  # a slider clamps to its range
    assert wheel.sliders["mood"].value == 10 and wheel.feedback.value == ""


def test_chinese_labels() -> None:
    set_language("zh")
    wheel = WheelOfLife()
    assert wheel.sliders["relationships"].description == "人际关系"
    wheel.sliders["money"].value = 1
    assert "金钱" in wheel.summary.value and "不平衡" in wheel.summary.value


def test_quiz_marks_against_the_library() -> None:
    from course.widgets.professional import ProfessionalQuiz

    quiz = ProfessionalQuiz()
    assert [q.answer for q in quiz.questions] == ["13%", "yes", "near_temple", "hunting"]
    quiz.choices[1].value = "no"
    assert quiz.last_result["wheel"] is False and "4-point" in quiz.verdicts[1].value
    quiz.choices[3].value = "hunting"
    assert quiz.score.value == "1 of 4 right"
    set_language("zh")
    assert "近庙欺神" in ProfessionalQuiz().questions[2].prompt
