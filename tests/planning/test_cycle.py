"""Frequencies, working days and the monthly cycle plan (拜访周期计划)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from course.errors import CourseInputError
from course.planning import (
    DEFAULT_FREQUENCIES,
    MATERIAL_CALLS_PER_DAY,
    US_CALLS_PER_DAY,
    CallFrequency,
    CallsPerDay,
    plan_cycle,
    planned_calls,
    working_days,
)


def doctors(rows: list[tuple[str, str, str]], **extra: list[object]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["physician_id", "hospital_id", "tier"])
    return frame.assign(**extra)


# ---------------------------------------------------------------- the training material's numbers
def test_tier_frequencies_are_the_published_chinese_practice() -> None:
    assert {t: (f.low, f.high) for t, f in DEFAULT_FREQUENCIES.items()} == {
        "A": (4, 8), "B": (2, 4), "C": (1, 2), "D": (0, 0)}


def test_calls_a_day_budget_is_the_materials_10_to_15_and_the_us_benchmark_is_6_to_10() -> None:
    assert (MATERIAL_CALLS_PER_DAY.low, MATERIAL_CALLS_PER_DAY.high) == (10, 15)
    assert MATERIAL_CALLS_PER_DAY.low <= MATERIAL_CALLS_PER_DAY.target <= MATERIAL_CALLS_PER_DAY.high
    assert (US_CALLS_PER_DAY.low, US_CALLS_PER_DAY.high) == (6, 10)


def test_a_target_outside_the_range_is_refused() -> None:
    with pytest.raises(CourseInputError, match="target"):
        CallsPerDay(10, 15, 16)


# ---------------------------------------------------------------- frequencies
def test_planned_calls_per_level_and_the_managers_edit_wins() -> None:
    frame = doctors([("D1", "H1", "A"), ("D2", "H1", "B"), ("D3", "H1", "C")])
    assert planned_calls(frame, level="high")["planned_calls"].tolist() == [8, 4, 2]
    assert planned_calls(frame)["planned_calls"].tolist() == [6, 3, 2]
    edited = frame.assign(planned_calls=[5, 0, 1])
    assert planned_calls(edited)["planned_calls"].tolist() == [5, 0, 1]
    assert "calls_low" not in frame.columns  # input untouched


def test_bad_tiers_are_all_named_with_their_rows() -> None:
    frame = doctors([("D1", "H1", "A"), ("D2", "H1", "E"), ("D3", "H1", "a")])
    with pytest.raises(CourseInputError) as info:
        planned_calls(frame)
    assert [(p.row, p.value) for p in info.value.problems] == [(2, "E"), (3, "a")]


def test_custom_frequencies_change_the_plan() -> None:
    frame = doctors([("D1", "H1", "A")])
    plan = plan_cycle(frame, 2026, 3, frequencies={"A": CallFrequency(2, 2)})
    assert plan.scheduled == 2


# ---------------------------------------------------------------- working days
def test_working_days_are_weekdays_minus_holidays() -> None:
    assert len(working_days(2026, 3)) == 22
    assert len(working_days(2026, 2)) == 20
    days = working_days(2026, 1, holidays=[1, 2])
    assert len(days) == 20 and all(d.weekday() < 5 for d in days)
    with pytest.raises(CourseInputError, match="holidays"):
        working_days(2026, 1, holidays=[date(2026, 2, 2)])


# ---------------------------------------------------------------- the cycle plan
def territory(n_hospitals: int = 6, per_hospital: int = 5, seed: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    hospitals = pd.DataFrame({
        "hospital_id": [f"H{i}" for i in range(n_hospitals)],
        "x_km": rng.uniform(-10, 10, n_hospitals), "y_km": rng.uniform(-10, 10, n_hospitals)})
    n = n_hospitals * per_hospital
    frame = pd.DataFrame({
        "physician_id": [f"D{i:03d}" for i in range(n)],
        "hospital_id": np.repeat(hospitals["hospital_id"], per_hospital).to_numpy(),
        "tier": rng.choice(list("ABC"), n, p=[0.2, 0.4, 0.4]),
        "best_day": rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri"], n),
        "best_slot": rng.choice(["morning", "noon", "afternoon"], n),
    })
    return frame, hospitals


def test_every_doctor_gets_his_tiers_calls_when_the_month_has_room() -> None:
    frame, hospitals = territory()
    plan = plan_cycle(frame, 2026, 3, hospitals=hospitals)
    want = frame["tier"].map({"A": 6, "B": 3, "C": 2})
    got = plan.calls.groupby("physician_id").size().reindex(frame["physician_id"]).to_numpy()
    assert (got == want.to_numpy()).all()
    assert plan.demand == plan.scheduled == int(want.sum())
    assert plan.unplanned.empty


def test_no_doctor_twice_a_day_and_no_day_beyond_the_maximum() -> None:
    frame, hospitals = territory(8, 8)
    plan = plan_cycle(frame, 2026, 3, hospitals=hospitals)
    assert not plan.calls.duplicated(["physician_id", "date"]).any()
    assert plan.per_day()["total"].max() <= MATERIAL_CALLS_PER_DAY.high
    assert plan.calls["date"].isin(working_days(2026, 3)).all()


def test_visits_are_spread_over_the_month() -> None:
    frame = doctors([("D1", "H1", "A")])
    plan = plan_cycle(frame, 2026, 3)
    days = sorted(plan.calls["day"])
    assert len(days) == 6
    gaps = np.diff(days)
    assert gaps.min() >= 2 and gaps.max() <= 6  # 22 days / 6 calls ≈ every 3.7 days
    assert days[0] <= 4 and days[-1] >= 19


@pytest.mark.parametrize("shape", [(8, 8), (6, 5), (12, 6), (20, 3)])
def test_every_doctors_calls_are_spread_and_never_on_consecutive_days(shape: tuple[int, int]) -> None:
    frame, hospitals = territory(*shape)
    plan = plan_cycle(frame, 2026, 3, hospitals=hospitals)
    n_days = len(plan.days)
    for (_doctor, tier), days in plan.calls.groupby(["physician_id", "tier"])["day"]:
        ordered = np.sort(days.to_numpy())
        if len(ordered) < 2:
            continue
        gaps = np.append(np.diff(ordered), ordered[0] + n_days - ordered[-1])  # wraps to next month
        assert gaps.min() >= 2
        # even spacing would be n_days / calls; a C doctor rides on his hospital's visit days
        assert gaps.max() <= n_days / len(ordered) + (3 if tier == "A" else 7)


def test_calls_at_one_hospital_fall_on_the_same_days() -> None:
    frame = doctors([(f"D{i}", "H1", "A") for i in range(5)])
    plan = plan_cycle(frame, 2026, 3)
    per_day = plan.calls.groupby("day").size()
    assert len(per_day) == 6 and (per_day == 5).all()  # six hospital days, everyone each time


def test_near_hospitals_share_days_far_ones_do_not() -> None:
    hospitals = pd.DataFrame({"hospital_id": ["W1", "W2", "E1", "E2"],
                              "x_km": [-20.0, -19.0, 20.0, 21.0], "y_km": [0.0, 0.5, 0.0, 0.5]})
    rows = [(f"D{h}{i}", h, "A") for h in hospitals["hospital_id"] for i in range(2)]
    plan = plan_cycle(doctors(rows), 2026, 3, hospitals=hospitals,
                      calls_per_day=CallsPerDay(1, 6, 4))
    sides = plan.calls.assign(side=plan.calls["hospital_id"].str[0]).groupby("day")["side"].nunique()
    assert (sides == 1).all(), "a day mixes the west and the east of the city"


def test_best_day_is_respected_when_the_month_allows() -> None:
    frame = doctors([("D1", "H1", "B"), ("D2", "H1", "B")], best_day=["Tue", "Tue"])
    plan = plan_cycle(frame, 2026, 3)
    assert plan.best_day_share == 1.0
    assert set(plan.calls["weekday"]) == {"Tue"}


def test_when_the_month_is_too_small_a_doctors_minimum_comes_first_and_a_before_c() -> None:
    # 5 working days at 2 calls a day: capacity 10
    holidays = [d.day for d in working_days(2026, 3)[5:]]
    frame = doctors([("DA1", "H1", "A"), ("DA2", "H1", "A"),
                     ("DC1", "H2", "C"), ("DC2", "H2", "C"), ("DC3", "H3", "C"), ("DC4", "H3", "C")])
    plan = plan_cycle(frame, 2026, 3, holidays=holidays, calls_per_day=CallsPerDay(1, 3, 2))
    assert plan.capacity == 10 and plan.demand == 20 and plan.scheduled == 10
    got = plan.doctors.set_index("physician_id")["scheduled"].to_dict()
    assert got["DA1"] == got["DA2"] == 4  # A's minimum of 4 kept
    assert sorted(got[d] for d in ("DC1", "DC2", "DC3", "DC4")) == [0, 0, 1, 1]
    unplanned = plan.unplanned.set_index("physician_id")
    assert unplanned.loc["DA1", "missing"] == 2
    assert unplanned.loc["DA1", "reason"] == "more calls than working days"
    assert set(unplanned.loc[["DC1", "DC2", "DC3", "DC4"], "reason"]) == {"no room left in the month"}


def test_utilisation_is_demand_over_capacity() -> None:
    frame, hospitals = territory()
    plan = plan_cycle(frame, 2026, 3, hospitals=hospitals, calls_per_day=CallsPerDay(6, 10, 8))
    assert plan.capacity == 8 * 22
    assert plan.utilisation == pytest.approx(plan.demand / 176)


def test_the_input_table_is_not_changed() -> None:
    frame, hospitals = territory()
    before = frame.copy()
    plan_cycle(frame, 2026, 3, hospitals=hospitals)
    pd.testing.assert_frame_equal(frame, before)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda f: f.drop(columns=["tier"]), "doctors"),
        (lambda f: f.iloc[:0], "doctors"),
        (lambda f: pd.concat([f, f.iloc[:1]]), "physician_id"),
        (lambda f: f.assign(best_day="Sunday"), "best_day"),
        (lambda f: f.assign(best_slot="evening"), "best_slot"),
    ],
)
def test_bad_doctor_tables_name_the_field(change: object, field: str) -> None:
    frame, _ = territory(1, 3)
    with pytest.raises(CourseInputError) as info:
        plan_cycle(change(frame), 2026, 3)  # type: ignore[operator]
    assert info.value.field == field


def test_a_hospital_missing_from_the_hospitals_table_is_named() -> None:
    frame, hospitals = territory(2, 2)
    with pytest.raises(CourseInputError, match="H1"):
        plan_cycle(frame, 2026, 3, hospitals=hospitals.iloc[:1])


def test_a_month_without_working_days_is_refused() -> None:
    frame, _ = territory(1, 1)
    with pytest.raises(CourseInputError, match="working day"):
        plan_cycle(frame, 2026, 2, holidays=range(1, 29))
