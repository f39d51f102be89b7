"""SMART for a structured goal: the training material's letters, the A variants, thresholds, bad input."""

from __future__ import annotations

from datetime import date

import pytest

from course.data import readable
from course.errors import CourseInputError
from course.goals import LETTER_NAMES, Goal, SmartThresholds, assess_goal, stretch_of
from course.i18n import set_language

TODAY = date(2026, 3, 1)
GOOD = Goal("monthly CARDIA prescriptions in 心内科 of 市第一人民医院", metric="prescriptions a month",
            baseline=200, target=300, unit="boxes", deadline=date(2026, 12, 31), owner="Wang Li")



def verdicts(goal: Goal, **kwargs: object) -> dict[str, str]:
    return {v.letter: v.verdict for v in assess_goal(goal, today=TODAY, **kwargs).letters}  # type: ignore[arg-type]


def test_letters_follow_the_material_with_ambitious_by_default() -> None:
    v = assess_goal(GOOD, today=TODAY)
    assert [x.letter for x in v.letters] == ["S", "M", "A", "R", "T"]
    assert [x.name.en for x in v.letters] == ["Specific", "Measurable", "Ambitious", "Realistic", "Timed"]
    assert v["A"].name.zh == "有雄心"
    assert v.passed and v.failed == () and v.variant == "ambitious"
    assert v.stretch == 0.5 and v.horizon_days == 305
    assert all(x.suggestion == "" for x in v.letters)


def test_variants_change_only_the_a() -> None:
    assert assess_goal(GOOD, today=TODAY, variant="assignable")["A"].name.en == "Assignable"
    assert assess_goal(GOOD, today=TODAY, variant="achievable")["A"].name.en == "Achievable"
    assert set(LETTER_NAMES) >= {"ambitious", "assignable", "achievable"}
    with pytest.raises(CourseInputError) as info:
        assess_goal(GOOD, today=TODAY, variant="attainable")
    assert info.value.field == "variant"


def test_ambitious_needs_the_minimum_stretch() -> None:
    small = Goal(GOOD.what, GOOD.metric, 200, 210, "boxes", GOOD.deadline, "Wang Li")  # +5%
    v = assess_goal(small, today=TODAY)
    assert v["A"].verdict == "fail" and "5%" in v["A"].reason and v["A"].suggestion
    assert verdicts(small, thresholds=SmartThresholds(min_stretch=0.05))["A"] == "pass"
    backwards = Goal(GOOD.what, GOOD.metric, 200, 180, "boxes", GOOD.deadline, "Wang Li")
    assert verdicts(backwards)["A"] == "fail"


def test_assignable_wants_one_named_owner() -> None:
    for owner, expected in (("Wang Li", "pass"), ("王丽", "pass"), ("大家", "fail"),
                            ("the team", "fail"), ("We", "fail"), ("", "fail")):
        goal = Goal(GOOD.what, GOOD.metric, 200, 300, "boxes", GOOD.deadline, owner)
        assert verdicts(goal, variant="assignable")["A"] == expected, owner


def test_achievable_and_realistic_cap_the_stretch() -> None:
    tripled = Goal(GOOD.what, GOOD.metric, 100, 300, "boxes", GOOD.deadline, "Wang Li")  # +200%
    v = verdicts(tripled, variant="achievable")
    assert v["A"] == "fail" and v["R"] == "fail"
    assert verdicts(tripled)["A"] == "pass"  # ambitious it certainly is


def test_realistic_checks_the_pace_per_month() -> None:
    # +50% by 31 Dec: from 1 March 10 months (5% a month) passes, from 15 Dec (< 1 month) fails
    assert assess_goal(GOOD, today=date(2026, 12, 15))["R"].verdict == "fail"
    # 30% in 2 months = 15% a month: exactly the limit passes
    two_months = Goal(GOOD.what, GOOD.metric, 100, 130, "boxes", date(2026, 5, 1), "Wang Li")
    v = assess_goal(two_months, today=date(2026, 3, 1), thresholds=SmartThresholds(max_stretch_per_month=0.16))
    assert v["R"].verdict == "pass"
    assert assess_goal(two_months, today=date(2026, 3, 1),
                       thresholds=SmartThresholds(max_stretch_per_month=0.10))["R"].verdict == "fail"


def test_a_reduction_goal_counts_the_stretch_downwards() -> None:
    goal = Goal("stock-outs at the 市一院 pharmacy", "stock-outs a month", 8, 6, "times",
                date(2026, 9, 30), "Wang Li", direction="decrease")
    v = assess_goal(goal, today=TODAY)
    assert v.stretch == 0.25 and v["A"].passed and v["R"].passed
    assert stretch_of(8, 6, "decrease") == 0.25 and stretch_of(8, 10, "decrease") == -0.25


def test_measurable_needs_metric_unit_target_and_wants_a_baseline() -> None:
    no_target = Goal(GOOD.what, GOOD.metric, 200, None, "boxes", GOOD.deadline, "Wang Li")
    v = assess_goal(no_target, today=TODAY)
    assert v["M"].verdict == "fail" and "target" in v["M"].reason
    assert v["A"].verdict == "check" and v["R"].verdict == "check"
    no_baseline = Goal(GOOD.what, GOOD.metric, None, 300, "boxes", GOOD.deadline, "Wang Li")
    assert verdicts(no_baseline)["M"] == "check"
    assert verdicts(Goal(GOOD.what, "", 200, 300, "", GOOD.deadline))["M"] == "fail"


def test_from_zero_is_ambitious_but_realism_must_be_checked() -> None:
    new = Goal("CARDIA listed and prescribed at 江北区人民医院", "boxes a month", 0, 50, "boxes",
               date(2026, 9, 30), "Wang Li")
    v = verdicts(new)
    assert v["A"] == "pass" and v["R"] == "check"


def test_specific_rejects_hedges_and_empty_descriptions() -> None:
    assert verdicts(Goal("尽量提高销量", "boxes", 200, 300, "boxes", GOOD.deadline))["S"] == "fail"
    assert verdicts(Goal("try to sell more CARDIA in 市一院", "boxes", 200, 300, "boxes",
                         GOOD.deadline))["S"] == "fail"
    assert verdicts(Goal("sales", "boxes", 200, 300, "boxes", GOOD.deadline))["S"] == "fail"
    assert verdicts(Goal("心内科处方量", "boxes", 200, 300, "boxes", GOOD.deadline))["S"] == "pass"


def test_timed_window() -> None:
    def t(deadline: date | None) -> str:
        return verdicts(Goal(GOOD.what, GOOD.metric, 200, 300, "boxes", deadline, "Wang Li"))["T"]

    assert t(None) == "fail"
    assert t(date(2026, 3, 5)) == "fail"   # 4 days: too close
    assert t(date(2026, 3, 8)) == "pass"   # 7 days: the minimum
    assert t(date(2027, 3, 2)) == "pass"   # 366 days: the maximum
    assert t(date(2027, 3, 3)) == "fail"   # too far: break into stages


def test_a_deadline_in_the_past_is_an_input_error() -> None:
    with pytest.raises(CourseInputError) as info:
        assess_goal(GOOD, today=date(2027, 1, 1))
    assert info.value.field == "deadline" and info.value.value == "2026-12-31"


def test_bad_goal_fields_are_input_errors() -> None:
    with pytest.raises(CourseInputError) as info:
        Goal("x", baseline=-1)
    assert info.value.field == "baseline"
    with pytest.raises(CourseInputError):
        Goal("x", target=float("nan"))
    with pytest.raises(CourseInputError):
        Goal("x", direction="sideways")
    with pytest.raises(CourseInputError):
        Goal("x", deadline="31/12/2026")  # type: ignore[arg-type]
    assert Goal("x", deadline="2026-12-31").deadline == date(2026, 12, 31)  # type: ignore[arg-type]
    with pytest.raises(CourseInputError):
        SmartThresholds(min_stretch=0.5, max_stretch=0.4)
    with pytest.raises(CourseInputError):
        assess_goal("2026年底前300盒", today=TODAY)  # type: ignore[arg-type]


def test_reasons_and_suggestions_are_translated() -> None:
    goal = Goal("尽量提高销量")
    set_language("zh")
    v = assess_goal(goal, today=TODAY)
    assert str(v["S"].name) == "清晰的"
    assert "尽量" in v["S"].reason and all(ch.isascii() is False for ch in v["T"].reason[:2])
    frame = v.as_frame()
    assert list(frame.columns) == ["letter", "name", "verdict", "reason", "suggestion"]
    assert v.summary() == "S ✗  M ✗  A ?  R ?  T ✗"


@pytest.mark.parametrize(("lang", "words"), [("en", ["fail", "fail", "check", "check", "fail"]),
                                              ("zh", ["不通过", "不通过", "待核实", "待核实", "不通过"])])
def test_a_verdict_reads_as_a_word_of_the_language_in_force(lang: str, words: list[str]) -> None:
    set_language(lang)
    try:
        v = assess_goal(Goal("尽量提高销量"), today=TODAY)
        assert [x.word for x in v.letters] == words
        assert [x.verdict for x in v.letters] == ["fail", "fail", "check", "check", "fail"]  # the codes stay
    finally:
        set_language("en")


def test_the_verdict_table_reads_in_chinese_headers_and_words_included() -> None:
    set_language("zh")
    try:
        frame = readable(assess_goal(Goal("尽量提高销量"), today=TODAY).as_frame())
        assert list(frame.columns) == ["字母", "名称", "结论", "原因", "建议"]
        assert frame["结论"].tolist() == ["不通过", "不通过", "待核实", "待核实", "不通过"]
    finally:
        set_language("en")
    assert assess_goal(GOOD, today=TODAY).as_frame()["verdict"].tolist() == ["pass"] * 5
