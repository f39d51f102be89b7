"""Big rocks first: A (do it now), then the big rocks B, then C and D, into limited hours with a buffer."""

from __future__ import annotations

import numpy as np
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


def test_a_goes_in_first_then_the_big_rocks_then_c_and_d() -> None:
    week = plan_week(_tasks(), hours_per_day=5, days=["Mon", "Tue"], buffer=0.2)
    # 300 min a day, 60 buffer -> 240 plannable, 480 in the week
    assert (week.day_minutes, week.buffer_minutes, week.capacity_minutes) == (300, 60, 480)
    placed = week.schedule.set_index("task")
    assert placed.loc["stock-out", ["day", "start"]].tolist() == ["Mon", 0]
    # within B the biggest rock that fits goes first: study data, then the call plan
    assert placed.loc["study data", ["day", "start"]].tolist() == ["Mon", 90]
    assert placed.loc["call plan", ["day", "start"]].tolist() == ["Tue", 0]
    assert placed.loc["emails", ["day", "start"]].tolist() == ["Tue", 60]
    assert placed.loc["chat", ["day", "start"]].tolist() == ["Tue", 180]
    assert week.unplaced.set_index("task")["reason"].to_dict() == {"big review": "too_long"}
    assert week.planned_minutes == 480
    assert week.load()["free"].tolist() == [0, 0]


def _a_before_b(week_schedule: pd.DataFrame, days: tuple[str, ...]) -> bool:
    when = week_schedule.assign(day_no=week_schedule["day"].map(days.index))
    a = when[when["quadrant"] == "A"]
    b = when[when["quadrant"] == "B"]
    if a.empty or b.empty:
        return True
    last_a = max(zip(a["day_no"], a["end"], strict=True))
    first_b = min(zip(b["day_no"], b["start"], strict=True))
    return bool(first_b >= last_a)


def test_every_a_task_is_placed_before_any_b_task_of_the_same_week() -> None:
    rng = np.random.default_rng(7)
    for _ in range(200):
        n = int(rng.integers(2, 16))
        tasks = pd.DataFrame({
            "task": [f"t{i}" for i in range(n)],
            "minutes": rng.integers(15, 300, n),
            "important": rng.random(n) < 0.7,
            "urgent": rng.random(n) < 0.5,
        })
        week = plan_week(tasks, hours_per_day=float(rng.choice([4, 6, 8])), buffer=0.2)
        assert _a_before_b(week.schedule, week.days), week.schedule


def test_the_lessons_urgent_tasks_land_on_monday_morning() -> None:
    tasks = pd.DataFrame([
        ("Call round: First Affiliated Hospital", 240, True, False),
        ("Call round: Central Hospital", 240, True, False),
        ("Prepare the cardiology department meeting", 180, True, False),
        ("Tender documents due this week", 180, True, True),
        ("Delivery complaint at a key account", 60, True, True),
        ("Answer group chats", 180, False, True),
    ], columns=["task", "minutes", "important", "urgent"])
    week = plan_week(tasks, hours_per_day=8, buffer=0.2)
    placed = week.schedule.set_index("task")
    assert placed.loc["Tender documents due this week", ["day", "start"]].tolist() == ["Mon", 0]
    assert placed.loc["Delivery complaint at a key account", ["day", "start"]].tolist() == ["Mon", 180]
    assert _a_before_b(week.schedule, week.days)


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
    # the stock-out (A) opens Monday, so the biggest rock no longer fits there: it fills Tuesday
    placed = week.schedule.set_index("task")
    assert placed.loc["stock-out", ["day", "start"]].tolist() == ["Mon", 0]
    assert placed.loc["big review", ["day", "start"]].tolist() == ["Tue", 0]
    assert week.unplaced.empty
    assert week.load()["planned"].tolist() == [480, 600]
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
