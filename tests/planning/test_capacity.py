"""Veeva cycle-plan measures, hand-checked."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from course.errors import CourseInputError
from course.planning import (
    calls_made,
    capacity,
    cycle_measures,
    reach,
    remaining_calls,
    utilisation,
)


def test_remaining_calls_never_go_below_zero() -> None:
    assert remaining_calls(6, 2) == 4
    assert remaining_calls(3, 3) == 0
    assert remaining_calls(2, 5) == 0


def test_capacity_utilisation_and_reach_by_hand() -> None:
    # 12 calls a day × 21 working days = 252; 230 planned -> 91.3%; 45 of 60 reached -> 75%
    assert capacity(12, 21) == 252
    assert utilisation(230, 252) == pytest.approx(0.9127, abs=1e-4)
    assert reach(45, 60) == 0.75


def test_cycle_measures_of_a_small_plan_by_hand() -> None:
    plan = pd.DataFrame({
        "account": ["D1", "D2", "D3", "D4", "D5"],
        "planned": [6, 3, 3, 2, 0],   # D5 is not a target
        "actual": [6, 1, 5, 0, 2],
    })
    m = cycle_measures(plan, daily_interactions=10, working_days=2)
    assert m.accounts == 4 and m.reached == 3 and m.reach == 0.75
    assert m.planned == 14 and m.actual == 12
    assert m.remaining == 0 + 2 + 0 + 2  # max(planned - actual, 0) per account
    assert m.capacity == 20 and m.utilisation == pytest.approx(14 / 20)
    # D3's two extra calls do not make up for D2 and D4: (6 + 1 + 3 + 0) / 14
    assert m.attainment == pytest.approx(10 / 14)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: capacity(-1, 20), "daily_interactions"),
        (lambda: utilisation(10, 0), "capacity"),
        (lambda: reach(5, 0), "assigned_accounts"),
        (lambda: remaining_calls(-1, 0), "planned"),
        (lambda: cycle_measures(pd.DataFrame({"planned": [1], "actual": [-1]}), 10, 20), "actual"),
        (lambda: cycle_measures(pd.DataFrame({"planned": [0], "actual": [1]}), 10, 20), "planned"),
        (lambda: cycle_measures(pd.DataFrame({"planned": [1]}), 10, 20), "plan"),
    ],
)
def test_bad_input_names_the_field(call: object, field: str) -> None:
    with pytest.raises(CourseInputError) as info:
        call()  # type: ignore[operator]
    assert info.value.field == field


def test_calls_made_counts_the_cycle_only() -> None:
    calls = pd.DataFrame({"physician_id": ["D1", "D2", "D1", "D1"],
                          "date": ["2026-02-28", "2026-03-01", "2026-03-31", "2026-04-01"]})
    counts = calls_made(calls, date(2026, 3, 1), date(2026, 3, 31))
    assert counts.to_dict() == {"D1": 1, "D2": 1}
    with pytest.raises(CourseInputError, match="end"):
        calls_made(calls, date(2026, 3, 31), date(2026, 3, 1))
