"""What every course widget does with bad input: a message in the trainee's language, entries kept."""

from __future__ import annotations

import html

from course.errors import CourseInputError, Phrase
from course.i18n import set_language
from course.widgets._base import error_html
from course.widgets.planning import CallPlanner


def test_a_widget_in_chinese_shows_the_chinese_error_and_keeps_what_was_typed() -> None:
    set_language("zh")
    planner = CallPlanner()
    before = planner.last_result
    planner.total_calls.value = 2
    shown = html.unescape(planner.feedback.value)
    assert "⚠ 请修改这一项：拜访总数（total_calls）：收到 2；应为：至少 3，才能满足每个客户的最少拜访次数" in shown
    assert planner.total_calls.value == 2 and planner.last_result is before
    planner.days_off.value = "1, 五月"
    shown = html.unescape(planner.feedback.value)
    assert "休息日（days off）：收到 '五月'；应为：用逗号分隔的当月日号，如 1, 2, 15" in shown
    assert planner.days_off.value == "1, 五月"


def test_the_error_line_is_worded_when_it_is_drawn() -> None:
    error = CourseInputError.single("beds", -1, Phrase("a number >= {low}", low=0))
    set_language("zh")
    assert "床位数（beds）：收到 -1；应为：不小于 0 的数" in error_html(error)
    set_language("en")
    assert "beds: got -1; allowed: a number &gt;= 0" in error_html(error)
