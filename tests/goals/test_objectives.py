"""Call objectives: at least three per call (the training material), each checked as SMART."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from course.data.io import load_sample
from course.errors import CourseInputError
from course.goals import (
    MIN_OBJECTIVES,
    audit_call_objectives,
    check_call_objectives,
    split_objectives,
)
from course.i18n import set_language

TODAY = date(2026, 3, 2)



def test_the_material_asks_for_at_least_three() -> None:
    assert MIN_OBJECTIVES == 3
    two = check_call_objectives(["让王主任同意试用CARDIA", "确认科室会的时间"], today=TODAY)
    assert not two.enough and not two.ok and not two.failing
    three = check_call_objectives(["让王主任同意试用CARDIA", "确认科室会的时间", "邀请李医生参加学术会"],
                                  today=TODAY)
    assert three.enough and three.ok


def test_each_objective_is_checked_and_the_failing_ones_say_why() -> None:
    report = check_call_objectives(
        "Get Dr Wang to agree to try CARDIA on 3 new patients; 加强关系; "
        "尽可能取得客户详细承诺; Confirm the date of the department meeting", today=TODAY)
    assert [o.ok for o in report.objectives] == [True, False, False, True]
    assert report.failing[0].failed == ("S", "M")
    assert report.failing[1].failed[0] == "S" and "尽可能" in report.failing[1].why()
    frame = report.as_frame()
    assert frame["failed"].tolist() == ["", "SM", "S", ""]
    assert report.summary() == "4 objective(s): enough. 2 not SMART."


def test_call_mode_the_call_is_the_deadline_and_a_commitment_is_measurable() -> None:
    ok = check_call_objectives(["同意试用CARDIA", "确认下次拜访时间", "邀请参加科室会"], today=TODAY)
    for objective in ok.objectives:
        assert objective.report.verdict["T"].passed and objective.report.verdict["M"].passed
    dated = check_call_objectives(["下次拜访前让李医生在5位新病人中试用GLYCO"], today=TODAY)
    assert dated.objectives[0].report.deadline is not None
    assert dated.objectives[0].report.deadline.date is None  # the next call


def test_minimum_is_configurable_and_validated() -> None:
    assert check_call_objectives(["同意试用CARDIA"], today=TODAY, minimum=1).ok
    with pytest.raises(CourseInputError):
        check_call_objectives(["同意试用CARDIA"], today=TODAY, minimum=0)


def test_split_and_bad_input() -> None:
    assert split_objectives("a；b\nc;;") == ["a", "b", "c"]
    with pytest.raises(CourseInputError):
        split_objectives(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(CourseInputError):
        split_objectives(42)  # type: ignore[arg-type]


def test_audit_of_the_sample_call_history() -> None:
    calls = load_sample("calls").head(200)
    audit = audit_call_objectives(calls, today=TODAY)
    assert len(audit) == 200 and list(audit.columns) == ["call_id", "n_objectives", "enough", "n_not_smart", "ok"]
    assert (audit["enough"] == (audit["n_objectives"] >= 3)).all()
    assert audit["ok"].equals(audit["enough"] & (audit["n_not_smart"] == 0))
    with pytest.raises(CourseInputError):
        audit_call_objectives(pd.DataFrame({"call_id": ["C1"]}))


def test_why_an_objective_fails_reads_in_the_language_in_force() -> None:
    set_language("zh")
    try:
        why = check_call_objectives(["加强关系"], today=TODAY).objectives[0].why()
    finally:
        set_language("en")
    assert why.startswith("S：") and " M：" in why and ":" not in why
    assert check_call_objectives(["加强关系"], today=TODAY).objectives[0].why().startswith("S: ")
