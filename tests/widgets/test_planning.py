"""The call planner, headless: set values, check what the library returned and what is shown."""

from __future__ import annotations

import pandas as pd
import pytest

from course.data import load_sample
from course.i18n import set_language
from course.planning import (
    CallAccount,
    CallFrequency,
    CallsPerDay,
    allocate_calls,
    calibrate,
    plan_cycle,
    rep_targets,
)
from course.widgets.planning import CallPlanner, PlanningQuiz, parse_days_off


@pytest.fixture(scope="module")
def targets() -> pd.DataFrame:
    return rep_targets(load_sample("physicians"), load_sample("prescribing"), load_sample("calls"),
                       month="2026-10")


def test_starts_with_the_library_plan_of_the_sample_rep(targets: pd.DataFrame) -> None:
    planner = CallPlanner()
    view = planner.last_result
    expected = plan_cycle(targets, 2026, 11, hospitals=load_sample("hospitals"))
    pd.testing.assert_frame_equal(view.plan.calls, expected.calls)
    assert (view.plan.capacity, view.plan.demand, view.plan.scheduled) == (252, 332, 252)
    assert "21 working days × 12 calls a day = capacity 252 calls" in planner.summary.value
    assert "utilisation 132%" in planner.summary.value
    assert "80 could not be planned" in planner.summary.value
    assert planner.month_table.value.count("<tr>") == 21 + 1
    assert "Could not be planned" in planner.month_table.value
    assert planner.feedback.value == ""


def test_the_day_tab_lists_the_days_calls_grouped_by_hospital_with_three_objectives() -> None:
    planner = CallPlanner()
    planner.day.value = 3
    view = planner.last_result
    planned = view.plan.day(3)
    assert sorted(view.day["physician_id"]) == sorted(planned["physician_id"])
    assert (view.day["n_objectives"] >= 3).all()
    assert planner.day_table.value.count("<tr>") == len(planned) + 1
    for _slot, part in view.day.groupby("slot", sort=False):
        assert (part["hospital_id"] != part["hospital_id"].shift()).sum() == part["hospital_id"].nunique()


def test_calls_a_day_and_frequencies_change_capacity_and_demand(targets: pd.DataFrame) -> None:
    planner = CallPlanner()
    planner.calls_per_day.value = 15
    assert planner.last_result.plan.capacity == 15 * 21
    planner.tiers["A"].value = (4, 4)
    planner.level.value = "low"
    plan = planner.last_result.plan
    expected = plan_cycle(targets, 2026, 11, calls_per_day=CallsPerDay(10, 15, 15),
                          frequencies={"A": CallFrequency(4, 4)}, level="low",
                          hospitals=load_sample("hospitals"))
    assert plan.demand == expected.demand == 49 * 4 + 12 * 2 + 1
    assert plan.unplanned.empty and "utilisation 70%" in planner.summary.value


def test_days_off_shorten_the_month_and_the_day_list() -> None:
    planner = CallPlanner()
    planner.days_off.value = "2, 3"
    assert len(planner.last_result.plan.days) == 19
    assert len(planner.day.options) == 19 and planner.as_of.max == 19
    assert "19 working days" in planner.summary.value


def test_measures_after_a_day_of_the_month_follow_the_plan() -> None:
    planner = CallPlanner()
    planner.as_of.value = 5
    m = planner.last_result.measures
    done = planner.last_result.plan.calls.query("day <= 5")
    assert m.reached == done["physician_id"].nunique() and m.accounts == 62
    assert m.remaining == 332 - len(done)
    assert f"reach {m.reached} of 62 targets" in planner.summary.value


def test_the_us_budget_starts_from_its_own_target() -> None:
    planner = CallPlanner()
    planner.budget.value = "us"
    assert planner.calls_per_day.value == 8
    assert planner.last_result.plan.capacity == 8 * 21 and planner.feedback.value == ""


@pytest.mark.parametrize(
    ("control", "value", "message"),
    [
        ("calls_per_day", 20, "calls per day (target): got 20; allowed: a whole number from 10 to 15"),
        ("days_off", "1, May", "days off: got &#x27;May&#x27;"),
        ("days_off", "31", "holidays: got 31"),
        ("total_calls", 2, "total_calls: got 2; allowed: at least 3"),
    ],
)
def test_a_bad_entry_is_shown_and_kept(control: str, value: object, message: str) -> None:
    planner = CallPlanner()
    before = planner.last_result
    getattr(planner, control).value = value
    assert message in planner.feedback.value
    assert getattr(planner, control).value == value
    assert planner.last_result is before  # the last good plan stays on screen
    assert planner.last_exception is None


def test_a_judgment_out_of_order_is_named() -> None:
    planner = CallPlanner()
    planner.accounts[0]["plus"].value = 40.0
    assert "sales_at_plus_half: got 40.0" in planner.feedback.value
    planner.accounts[0]["plus"].value = 80.0
    assert planner.feedback.value == ""


def test_allocation_matches_the_library_and_the_chart_is_drawn_on_its_tab() -> None:
    planner = CallPlanner()
    view = planner.last_result
    expected = allocate_calls([
        CallAccount("Renmin", calibrate(20, 50, 80, 100, current_calls=4), 1, 6),
        CallAccount("Zhongshan", calibrate(10, 35, 45, 60, current_calls=2), 1, 6),
        CallAccount("District 3", calibrate(5, 10, 16, 30, current_calls=2), 1, 6),
    ], 10)
    assert view.allocation.table["calls"].tolist() == expected.table["calls"].tolist()
    assert view.allocation.total_sales == pytest.approx(expected.total_sales)
    assert "by marginal return" in planner.allocation_table.value
    assert planner.curves.value == b""  # not drawn until its tab is opened
    planner.tabs.selected_index = 3
    assert planner.curves.value[:4] == b"\x89PNG"
    planner.total_calls.value = 12
    assert planner.last_result.allocation.table["calls"].sum() == 12


def test_the_calendar_tab_draws_the_month() -> None:
    planner = CallPlanner()
    planner.tabs.selected_index = 1
    assert planner.calendar.value[:4] == b"\x89PNG"


def test_works_on_the_trainees_own_doctors() -> None:
    own = pd.DataFrame({"physician_id": ["X1", "X2", "X3"], "hospital_id": ["H01", "H01", "H02"],
                        "tier": ["A", "B", "C"], "best_slot": ["morning", "noon", "afternoon"]})
    planner = CallPlanner(own)
    assert planner.last_result.plan.demand == 6 + 3 + 2
    assert planner.feedback.value == ""


def test_chinese_labels() -> None:
    set_language("zh")
    planner = CallPlanner()
    assert planner.calls_per_day.description == "每天拜访次数（目标）"
    assert "拜访能力252次" in planner.summary.value


def test_parse_days_off() -> None:
    assert parse_days_off(" 1，2  3 ") == [1, 2, 3]
    assert parse_days_off("") == []


def test_quiz_marks_answers_and_gives_a_hint() -> None:
    quiz = PlanningQuiz()
    assert [q.answer for q in quiz.questions] == ["10-15", "252", "119%", "4", "Renmin", "benefits"]
    quiz.choices[2].value = "84%"
    assert quiz.last_result["utilisation"] is False
    assert "above 100% the plan cannot be kept" in quiz.verdicts[2].value
    quiz.choices[5].value = "benefits"
    assert quiz.last_result["step"] is True and "1 of 6 right" in quiz.score.value
