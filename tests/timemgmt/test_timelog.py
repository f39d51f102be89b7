"""Drucker's time log analysed, and what an hour is worth — hand-checked numbers."""

from __future__ import annotations

import pandas as pd
import pytest

from course.errors import CourseInputError
from course.i18n import set_language
from course.timemgmt import activity_cost, analyse_timelog, hourly_value, named_log, working_hours


def _log() -> pd.DataFrame:
    return pd.DataFrame({
        "date": ["2026-03-02"] * 4 + ["2026-03-03"] * 3,
        "start": ["08:00", "09:00", "10:30", "11:00", "08:00", "08:40", "10:00"],
        "minutes": [60, 90, 30, 20, 40, 80, 40],
        "activity": ["weekly plan", "calls H01", "waiting Dr Li", "find files",
                     "calls H02", "calls H02", "WeChat chat"],
        "category": ["planning", "call", "waiting", "admin", "call", "call", "social"],
        "important": [True, True, False, False, True, True, False],
        "urgent": [False, True, False, True, True, True, False],
        "waster": [None, None, "unplanned_delays", "searching", None, None, "socialising"],
    })


def test_time_and_share_per_quadrant() -> None:
    summary = analyse_timelog(_log())
    # A = 90 + 40 + 80 = 210, B = 60, C = 20, D = 30 + 40 = 70; total 360
    assert summary.total_minutes == 360
    assert summary.by_quadrant["minutes"].to_dict() == {"A": 210, "B": 60, "C": 20, "D": 70}
    assert summary.share("B") == pytest.approx(60 / 360)
    assert summary.by_quadrant["share"].sum() == pytest.approx(1.0)
    assert summary.days == 2


def test_every_quadrant_is_listed_even_when_empty() -> None:
    one = _log().iloc[[0]]
    assert analyse_timelog(one).by_quadrant["minutes"].to_dict() == {"A": 0, "B": 60, "C": 0, "D": 0}


def test_per_category_activity_and_waster() -> None:
    summary = analyse_timelog(_log(), hourly_value=60)
    assert summary.by_category.index.tolist()[0] == "call"
    assert summary.by_category.loc["call", "minutes"] == 210
    assert summary.by_activity.loc["calls H02", "minutes"] == 120  # two entries added up
    assert summary.by_waster["minutes"].to_dict() == {
        "socialising": 40, "unplanned_delays": 30, "searching": 20}
    assert summary.wasted_minutes == 90
    assert summary.wasted_share == pytest.approx(0.25)
    # at 60 RMB an hour a minute costs 1 RMB
    assert summary.by_waster.loc["unplanned_delays", "cost"] == pytest.approx(30.0)
    assert summary.by_quadrant["cost"].sum() == pytest.approx(360.0)


def test_the_log_is_not_mutated_and_waster_is_optional() -> None:
    log = _log()
    before = log.copy()
    analyse_timelog(log)
    pd.testing.assert_frame_equal(log, before)
    summary = analyse_timelog(log.drop(columns=["waster", "date"]))
    assert summary.wasted_minutes == 0 and summary.days is None
    assert summary.by_waster.empty


def test_every_bad_cell_is_reported_at_once() -> None:
    log = _log().astype({"urgent": object})
    log.loc[1, "minutes"] = -5
    log.loc[2, "category"] = "golf"
    log.loc[4, "urgent"] = "perhaps"
    log.loc[5, "waster"] = "tv"
    with pytest.raises(CourseInputError) as caught:
        analyse_timelog(log)
    where = [(p.row, p.field) for p in caught.value.problems]
    assert where == [(2, "minutes"), (3, "category"), (5, "urgent"), (6, "waster")]


def test_missing_column_and_empty_log() -> None:
    with pytest.raises(CourseInputError, match=r"missing: \['important'\]"):
        analyse_timelog(_log().drop(columns="important"))
    with pytest.raises(CourseInputError, match="at least one row"):
        analyse_timelog(_log().iloc[0:0])
    with pytest.raises(CourseInputError, match="hourly_value"):
        analyse_timelog(_log(), hourly_value=-1)


def test_what_an_hour_is_worth() -> None:
    # 12,000 RMB a month over 22 days of 8 hours = 176 hours
    assert working_hours(22, 8) == 176
    assert hourly_value(12_000, 176) == pytest.approx(68.1818, abs=1e-4)
    # a year: 150,000 RMB over 250 days of 8 hours
    assert hourly_value(150_000, working_hours(250)) == pytest.approx(75.0)
    assert activity_cost(45, 80) == pytest.approx(60.0)
    with pytest.raises(CourseInputError, match="hours: got 0"):
        hourly_value(10_000, 0)
    with pytest.raises(CourseInputError, match="income"):
        hourly_value(float("nan"), 100)
    with pytest.raises(CourseInputError, match="minutes"):
        activity_cost(-10, 60)


def test_a_named_log_shows_names_in_the_language_in_force_and_leaves_the_log_alone() -> None:
    log = _log()
    set_language("zh")
    try:
        named = named_log(log)
        assert named["category"].tolist()[:3] == ["计划", "拜访医生", "等待"]
        assert named["waster"].tolist()[:4] == ["", "", "偶发延误", "找东西"]
    finally:
        set_language("en")
    assert named_log(log)["category"].tolist()[:2] == ["Planning", "Calls on doctors"]
    assert log["category"].tolist()[:2] == ["planning", "call"]  # the original keeps its codes
    assert analyse_timelog(log).total_minutes == 360
    odd = log.assign(category=["planning", "meeting", "gym", "admin", "call", "call", "social"])
    assert named_log(odd)["category"].tolist()[2] == "gym"  # an unknown code is shown as written
