"""Big rocks first: B tasks placed before A, C and D into limited hours with a buffer."""

from __future__ import annotations

import pandas as pd
import pytest

from course.errors import CourseInputError
from course.timemgmt import plan_week


def _tasks() -> pd.DataFrame:
    return pd.DataFrame({
        "task": ["chat", "emails", "stock-out", "call plan", "study data", "big review"],
        "minutes": [60, 120, 90, 60, 150, 600],
        "important": [False, False, True, True, True, True],
        "urgent": [False, True, True, False, False, False],
    })


def test_b_goes_in_first_then_a_c_d() -> None:
    week = plan_week(_tasks(), hours_per_day=5, days=["Mon", "Tue"], buffer=0.2)
    # 300 min a day, 60 buffer -> 240 plannable, 480 in the week
    assert (week.day_minutes, week.buffer_minutes, week.capacity_minutes) == (300, 60, 480)
    placed = week.schedule.set_index("task")
    # within B the biggest rock goes first: study data, then the call plan
    assert placed.loc["study data", ["day", "start"]].tolist() == ["Mon", 0]
    assert placed.loc["call plan", ["day", "start"]].tolist() == ["Mon", 150]
    assert placed.loc["stock-out", ["day", "start"]].tolist() == ["Tue", 0]
    assert placed.loc["emails", ["day", "start"]].tolist() == ["Tue", 90]
    # 'chat' (D) needs 60: Mon has 30 left, Tue 30 -> no room
    assert week.unplaced.set_index("task")["reason"].to_dict() == {
        "big review": "too_long", "chat": "no_room"}
    assert week.planned_minutes == 420
    assert week.load()["free"].tolist() == [30, 30]


def test_no_day_is_overfilled_and_input_untouched() -> None:
    tasks = _tasks()
    before = tasks.copy()
    week = plan_week(tasks, hours_per_day=8, buffer=0.25)
    assert week.days == ("Mon", "Tue", "Wed", "Thu", "Fri")
    assert (week.load()["planned"] <= 360).all()
    assert (week.schedule["end"] <= 360).all()
    pd.testing.assert_frame_equal(tasks, before)
    assert len(week.schedule) + len(week.unplaced) == len(tasks)


def test_buffer_zero_and_bad_parameters() -> None:
    week = plan_week(_tasks(), hours_per_day=10, days=["Mon", "Tue"], buffer=0)
    assert week.capacity_minutes == 1200
    # the biggest rock fills Monday; everything else fits on Tuesday
    assert week.schedule.set_index("task").loc["big review", ["day", "start"]].tolist() == ["Mon", 0]
    assert week.unplaced.empty
    assert week.load()["planned"].tolist() == [600, 480]
    with pytest.raises(CourseInputError, match="buffer"):
        plan_week(_tasks(), buffer=0.95)
    with pytest.raises(CourseInputError, match="hours_per_day"):
        plan_week(_tasks(), hours_per_day=0)
    with pytest.raises(CourseInputError, match="days"):
        plan_week(_tasks(), days=["Mon", "Mon"])
    bad = _tasks()
    bad.loc[2, "minutes"] = 0
    with pytest.raises(CourseInputError, match="row 3, minutes"):
        plan_week(bad)
