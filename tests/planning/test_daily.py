"""One day's plan (日计划): who, when, in which order, why."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from course.errors import CourseInputError
from course.i18n import set_language
from course.planning import (
    DAILY_CALL_PLAN,
    MIN_OBJECTIVES,
    STAGE_OBJECTIVES,
    CallsPerDay,
    carried_objectives,
    plan_day,
    select_calls,
)

HOSPITALS = pd.DataFrame({
    "hospital_id": ["H1", "H2", "H3"],
    "name_en": ["First People's Hospital", "Zhongshan Hospital", "District Hospital"],
    "name_zh": ["第一人民医院", "中山医院", "区医院"],
    "x_km": [0.0, 3.0, 4.0], "y_km": [4.0, 0.0, 3.0],
})


def candidates(n: int = 15) -> pd.DataFrame:
    tiers = ["A", "B", "C"] * 5
    slots = ["morning", "morning", "afternoon", "noon", "morning"] * 3
    return pd.DataFrame({
        "physician_id": [f"D{i:02d}" for i in range(n)],
        "hospital_id": [["H1", "H2", "H3"][i % 3] for i in range(n)],
        "tier": tiers[:n],
        "best_day": ["Tue" if i % 4 == 0 else "Thu" for i in range(n)],
        "best_slot": slots[:n],
        "adoption_stage": [i % 5 for i in range(n)],
    })



def test_the_materials_daily_plan_questions() -> None:
    assert len(DAILY_CALL_PLAN) == 6
    assert "10-15" in DAILY_CALL_PLAN[0].zh and "3" in DAILY_CALL_PLAN[4].zh


def test_default_is_twelve_calls_and_more_than_the_budget_is_refused() -> None:
    assert len(plan_day(candidates())) == 12
    with pytest.raises(CourseInputError) as info:
        plan_day(candidates(), calls=16)
    assert info.value.field == "calls" and "10 to 15" in info.value.allowed
    assert len(plan_day(candidates(), calls=6, calls_per_day=CallsPerDay(6, 10, 8))) == 6


def test_selection_takes_a_before_b_before_c_then_the_best_day() -> None:
    chosen, left = select_calls(candidates(), 12, day=date(2026, 3, 3))  # a Tuesday
    assert sorted(chosen["tier"].value_counts().to_dict().items()) == [("A", 5), ("B", 5), ("C", 2)]
    c_chosen = chosen.loc[chosen["tier"] == "C", "physician_id"].tolist()
    # C doctors whose best day is Tuesday (D08 ... ) come before the others
    assert c_chosen == ["D08", "D02"]
    assert len(left) == 3


def test_every_call_has_at_least_three_objectives_and_the_last_note_comes_first() -> None:
    calls = pd.DataFrame({"physician_id": ["D00", "D00", "D01"],
                          "date": ["2026-02-01", "2026-02-20", "2026-02-15"],
                          "next_objective": ["old note", "Ask about the 3 trial patients", ""]})
    plan = plan_day(candidates(), hospitals=HOSPITALS, last_calls=calls)
    assert (plan["n_objectives"] >= MIN_OBJECTIVES).all()
    d00 = plan.set_index("physician_id").loc["D00"]
    assert d00["objectives"].split("; ")[0] == "Follow up: Ask about the 3 trial patients"
    assert d00["last_call"] == "2026-02-20" and d00["n_objectives"] == 4
    d01 = plan.set_index("physician_id").loc["D01"]
    assert d01["objectives"].split("; ")[0] == STAGE_OBJECTIVES[1][0].en  # empty note not carried


def test_objectives_follow_the_language() -> None:
    set_language("zh")
    plan = plan_day(candidates(), hospitals=HOSPITALS)
    first = plan.set_index("physician_id").loc["D00"]
    assert first["objectives"].split("; ")[0] == STAGE_OBJECTIVES[0][0].zh
    assert first["hospital"] == "第一人民医院"


def test_calls_are_grouped_by_hospital_within_each_slot_and_slots_in_order() -> None:
    plan = plan_day(candidates(), hospitals=HOSPITALS)
    slots = plan["slot"].tolist()
    assert slots == sorted(slots, key=["morning", "noon", "afternoon"].index)
    for _slot, part in plan.groupby("slot", sort=False):
        blocks = (part["hospital_id"] != part["hospital_id"].shift()).sum()
        assert blocks == part["hospital_id"].nunique(), "a hospital is visited twice in one slot"


def test_route_is_the_nearest_hospital_next_from_the_city_centre() -> None:
    # from (0, 0): H2 is 3 km, H3 5 km, H1 4 km -> H2; from H2: H3 is 3.16 km, H1 5 km -> H3; then H1
    frame = pd.DataFrame({"physician_id": [f"D{i}" for i in range(6)],
                          "hospital_id": ["H1", "H2", "H3", "H1", "H2", "H3"],
                          "tier": "B", "best_slot": "morning"})
    plan = plan_day(frame, calls=6, calls_per_day=CallsPerDay(1, 15, 12), hospitals=HOSPITALS)
    assert plan["physician_id"].tolist() == ["D1", "D4", "D2", "D5", "D0", "D3"]
    morning = plan.loc[plan["slot"] == "morning"]
    assert morning.drop_duplicates("hospital_id")["hospital_id"].tolist() == ["H2", "H3", "H1"]
    first_stops = morning.drop_duplicates("hospital_id")["travel_km"].tolist()
    assert first_stops == pytest.approx([3.0, 3.16, 4.12], abs=0.01)
    assert (morning.duplicated("hospital_id") <= (morning["travel_km"] == 0)).all()


def test_a_full_slot_moves_the_lowest_priority_doctors_to_the_nearest_slot() -> None:
    frame = pd.DataFrame({"physician_id": [f"D{i}" for i in range(8)], "hospital_id": "H1",
                          "tier": ["A", "A", "A", "B", "B", "B", "C", "C"], "best_slot": "morning"})
    plan = plan_day(frame, calls=8, calls_per_day=CallsPerDay(1, 15, 12))
    moved = plan.loc[~plan["on_best_slot"].astype(bool)]
    assert moved["physician_id"].tolist() == ["D6", "D7"] and set(moved["slot"]) == {"noon"}
    assert (plan["slot"] == "morning").sum() == 6


def test_without_positions_the_plan_still_groups_by_hospital() -> None:
    plan = plan_day(candidates().drop(columns=["adoption_stage"]))
    assert "travel_km" not in plan.columns
    assert (plan["n_objectives"] == 3).all()  # generic objectives when the stage is unknown


def test_carried_objectives_keep_only_the_latest_call_per_doctor_and_product() -> None:
    calls = pd.DataFrame({"physician_id": ["D1", "D1", "D1"], "product": ["X", "Y", "X"],
                          "date": ["2026-01-05", "2026-01-30", "2026-01-10"],
                          "next_objective": ["x1", "y1", "x2"]})
    assert carried_objectives(calls, product="X")["next_objective"].tolist() == ["x2"]
    assert carried_objectives(calls)["next_objective"].tolist() == ["y1"]
    with pytest.raises(CourseInputError, match="date"):
        carried_objectives(calls.assign(date=["2026-01-05", "soon", "2026-01-10"]))
