"""Big rocks first (“大石头”理论): fill a limited week with what matters before the rest.

Put the big rocks into the jar first, then the gravel, then the sand: if the
sand goes in first the rocks never fit. Here the week's hours are the jar. What
is burning now (quadrant **A**, important and urgent: "do it now") goes in
first, then the big rocks (**B**, important not urgent) before the gravel and
sand (**C**, **D**). Each task goes into the first day with room for it, and no
B task is scheduled before an A task of the same week; whatever does not fit is
reported, not squeezed in.

The training material's time plan asks three questions, and they are this function's inputs:
estimated duration (估计时间: each task's ``minutes``), the schedule (日程表: the
days and hours) and buffer time (弹性时间: a share of every day kept free for
what you cannot control).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.data.schema import WEEKDAYS
from course.errors import CourseInputError, Phrase
from course.inputs import (
    check_columns,
    check_fraction,
    check_not_empty,
    check_number,
    number_column,
    text_column,
)
from course.timemgmt.matrix import classify

__all__ = ["PLACEMENT_ORDER", "WeekPlan", "plan_week"]

PLACEMENT_ORDER: tuple[str, ...] = ("A", "B", "C", "D")
"""Quadrants in the order their tasks are placed: A (do it now), then the big rocks (B)
before the gravel and sand (C, D)."""


@dataclass(frozen=True)
class WeekPlan:
    """A week filled big rocks first."""

    schedule: pd.DataFrame
    """Placed tasks with ``quadrant``, ``day``, ``start`` and ``end`` (minutes into the day)."""
    unplaced: pd.DataFrame
    """Tasks that did not fit, with ``quadrant`` and ``reason`` (``too_long`` or ``no_room``)."""
    days: tuple[str, ...]
    """The working days, in order."""
    day_minutes: int
    """Working minutes of one day."""
    buffer_minutes: int
    """Minutes of each day kept free for what you cannot control."""

    @property
    def capacity_minutes(self) -> int:
        """Plannable minutes of the week (working time minus buffers).

        Examples
        --------
        >>> plan_week(pd.DataFrame({"task": ["x"], "minutes": [60], "important": [True],
        ...                         "urgent": [False]}), hours_per_day=8, buffer=0.25).capacity_minutes
        1800
        """
        return (self.day_minutes - self.buffer_minutes) * len(self.days)

    @property
    def planned_minutes(self) -> int:
        """Minutes of the placed tasks."""
        return int(self.schedule["minutes"].sum())

    def load(self) -> pd.DataFrame:
        """Planned and free minutes per day (free excludes the buffer).

        Examples
        --------
        >>> tasks = pd.DataFrame({"task": ["plan", "study"], "minutes": [240, 300],
        ...                       "important": [True, True], "urgent": [False, False]})
        >>> plan_week(tasks, hours_per_day=8, days=["Mon", "Tue"], buffer=0.25).load()
             planned  free
        day
        Mon      300    60
        Tue      240   120
        """
        planned = self.schedule.groupby("day")["minutes"].sum().reindex(list(self.days), fill_value=0)
        table = pd.DataFrame({"planned": planned.astype(int)})
        table["free"] = self.day_minutes - self.buffer_minutes - table["planned"]
        table.index.name = "day"
        return table

    def timetable(self, day_start: str = "08:30") -> pd.DataFrame:
        """The schedule with clock times: ``start`` and ``end`` as ``HH:MM`` from ``day_start``.

        Examples
        --------
        >>> tasks = pd.DataFrame({"task": ["plan", "study"], "minutes": [240, 300],
        ...                       "important": [True, True], "urgent": [False, False]})
        >>> week = plan_week(tasks, hours_per_day=8, days=["Mon", "Tue"], buffer=0.25)
        >>> week.timetable("08:30")[["day", "start", "end", "task"]]
           day  start    end   task
        0  Mon  08:30  13:30  study
        1  Tue  08:30  12:30   plan
        >>> week.timetable("8h")
        Traceback (most recent call last):
        ...
        course.errors.CourseInputError: day_start: got '8h'; allowed: a time of day as HH:MM, e.g. 08:30
        """
        text = str(day_start).strip()
        parts = text.split(":")
        if (len(parts) != 2 or not all(p.isdigit() for p in parts)
                or not (0 <= int(parts[0]) < 24 and 0 <= int(parts[1]) < 60)):
            raise CourseInputError.single("day_start", day_start, "a time of day as HH:MM, e.g. 08:30")
        offset = int(parts[0]) * 60 + int(parts[1])

        def clock(minutes: int) -> str:
            total = offset + int(minutes)
            return f"{total // 60 % 24:02d}:{total % 60:02d}"

        table = self.schedule.copy()
        table["start"] = [clock(m) for m in table["start"]]
        table["end"] = [clock(m) for m in table["end"]]
        return table


def plan_week(
    tasks: pd.DataFrame,
    hours_per_day: float = 8.0,
    days: Sequence[str] = WEEKDAYS,
    buffer: float = 0.2,
) -> WeekPlan:
    """Place a week's tasks into limited hours: A first, then the big rocks (B), then C and D.

    Parameters
    ----------
    tasks
        One row per task: ``task`` (name), ``minutes`` (estimated duration),
        ``important`` and ``urgent``. Tasks are not split across days. A B task
        never starts before an A task: it goes on the day of the last A task
        (after it) or later.
    hours_per_day
        Working hours of each day.
    days
        The working days, in order (default Monday to Friday).
    buffer
        Share of each day kept free for what you cannot control (弹性时间), 0-0.9.

    Examples
    --------
    >>> tasks = pd.DataFrame({
    ...     "task": ["answer emails", "stock-out at H01", "call plan", "study trial data", "chat"],
    ...     "minutes": [60, 90, 60, 120, 60],
    ...     "important": [False, True, True, True, False],
    ...     "urgent": [True, True, False, False, False]})
    >>> week = plan_week(tasks, hours_per_day=4, days=["Mon", "Tue"], buffer=0.25)
    >>> week.capacity_minutes      # 2 days x (240 - 60 buffer)
    360
    >>> week.schedule[["task", "quadrant", "day", "start", "end"]]
                   task quadrant  day  start  end
    0  stock-out at H01        A  Mon      0   90
    1         call plan        B  Mon     90  150
    2  study trial data        B  Tue      0  120
    3     answer emails        C  Tue    120  180
    >>> week.unplaced[["task", "quadrant", "reason"]]
       task quadrant   reason
    0  chat        D  no_room
    """
    check_columns("tasks", tasks, ["task", "minutes", "important", "urgent"])
    check_not_empty("tasks", tasks)
    hours = check_number("hours_per_day", hours_per_day, low=0, high=24, low_open=True)
    share = check_fraction("buffer", buffer)
    if share > 0.9:
        raise CourseInputError.single("buffer", buffer, Phrase("a share from 0 to 0.9 of each day"))
    day_names = tuple(str(d) for d in days)
    if not day_names or len(set(day_names)) != len(day_names):
        raise CourseInputError.single("days", list(days), Phrase("at least one day, each named once"))
    minutes, bad_minutes = number_column(tasks, "minutes", low=1, high=24 * 60, integer=True)
    names, bad_names = text_column(tasks, "task")
    if bad_minutes or bad_names:
        raise CourseInputError(sorted(bad_minutes + bad_names, key=lambda p: (p.row or 0, p.field)))
    classified = classify(tasks).reset_index(drop=True)
    classified["task"] = names
    classified["minutes"] = minutes.astype(int)

    day_minutes = round(hours * 60)
    buffer_minutes = round(day_minutes * share)
    room = day_minutes - buffer_minutes
    rank = classified["quadrant"].map({q: i for i, q in enumerate(PLACEMENT_ORDER)})
    # quadrant order first, then the biggest task, then the order given
    order = np.lexsort((np.arange(len(classified)), -classified["minutes"].to_numpy(), rank.to_numpy()))

    free = [room] * len(day_names)
    placed: list[tuple[int, int, int]] = []  # (row, day index, start)
    unplaced: list[tuple[int, str]] = []
    # first fit in priority order: a short sequential loop over a week's tasks
    needs = classified["minutes"].to_numpy(dtype=int)
    quadrants = classified["quadrant"].to_numpy()
    last_a_day = 0  # B tasks may not start on a day before the last A task's day
    for row in order:
        need = int(needs[row])
        first = last_a_day if quadrants[row] == "B" else 0
        day = next((i for i in range(first, len(free)) if free[i] >= need), None)
        if day is None:
            unplaced.append((row, "too_long" if need > room else "no_room"))
            continue
        placed.append((row, day, room - free[day]))
        free[day] -= need
        if quadrants[row] == "A":
            last_a_day = max(last_a_day, day)

    placed.sort(key=lambda item: (item[1], item[2]))
    schedule = classified.iloc[[p[0] for p in placed]].reset_index(drop=True)
    schedule["day"] = [day_names[p[1]] for p in placed]
    schedule["start"] = [p[2] for p in placed]
    schedule["end"] = schedule["start"] + schedule["minutes"]
    left_over = classified.iloc[[u[0] for u in unplaced]].reset_index(drop=True)
    left_over["reason"] = [u[1] for u in unplaced]
    return WeekPlan(schedule, left_over, day_names, day_minutes, buffer_minutes)
