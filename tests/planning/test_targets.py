"""A rep's target list: one row per doctor with his best tier, from the sample territory."""

from __future__ import annotations

import pandas as pd
import pytest

from course.data import load_sample
from course.errors import CourseInputError
from course.planning import best_tier_per_doctor, plan_cycle, rep_targets


def test_best_tier_keeps_a_before_b_then_the_higher_potential() -> None:
    scored = pd.DataFrame({"physician_id": ["D1", "D1", "D1", "D2"], "product": ["X", "Y", "Z", "X"],
                           "tier": ["B", "A", "A", "D"], "potential": [300.0, 20.0, 50.0, 9.0]})
    best = best_tier_per_doctor(scored)
    assert best[["physician_id", "product", "tier"]].values.tolist() == [["D1", "Z", "A"], ["D2", "X", "D"]]


def test_the_sample_reps_targets_are_the_doctors_called_that_month() -> None:
    calls = load_sample("calls")
    targets = rep_targets(load_sample("physicians"), load_sample("prescribing"), calls,
                          month="2026-10", hospitals=load_sample("hospitals"))
    october = set(calls.loc[calls["date"].astype(str).str.startswith("2026-10"), "physician_id"])
    assert set(targets["physician_id"]) == october
    assert targets["physician_id"].is_unique
    assert {"tier", "adoption_stage", "best_day", "best_slot", "x_km", "y_km"} <= set(targets.columns)
    plan = plan_cycle(targets, 2026, 11, hospitals=load_sample("hospitals"))
    assert plan.scheduled == min(plan.demand, plan.capacity)


def test_a_month_outside_the_history_is_refused() -> None:
    with pytest.raises(CourseInputError) as info:
        rep_targets(load_sample("physicians"), load_sample("prescribing"), load_sample("calls"),
                    month="2027-01")
    assert info.value.field == "month" and "2026-05" in info.value.allowed
