"""The goal coach: free text in English or Chinese, flags and letters, many phrasings."""

from __future__ import annotations

from datetime import date

import pytest

from course.errors import CourseInputError
from course.goals import coach_goal, find_amounts, find_deadline, find_quantities
from course.i18n import set_language

TODAY = date(2026, 3, 2)  # a Monday



def letters(text: str, **kwargs: object) -> dict[str, str]:
    report = coach_goal(text, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return {v.letter: v.verdict for v in report.verdict.letters}


# ---------------------------------------------------------------- the brief's two examples
def test_vague_goal_fails_m_and_t() -> None:
    report = coach_goal("尽量提高销量", today=TODAY)
    assert report.verdict["M"].verdict == "fail" and report.verdict["T"].verdict == "fail"
    assert report.verdict["S"].verdict == "fail"
    assert {"hedging", "vague_wording", "no_number", "no_deadline"} <= set(report.flags)
    assert report.hedges == ("尽量",) and report.vague_words == ("提高",)


def test_smart_chinese_goal_passes_m_and_t() -> None:
    report = coach_goal("2026年12月31日前将某医院心内科的月处方量从200盒提高到300盒", today=TODAY)
    assert report.verdict["M"].passed and report.verdict["T"].passed
    assert report.verdict.passed and report.flags == ()
    assert report.deadline is not None and report.deadline.date == date(2026, 12, 31)
    assert report.amounts.baseline is not None and report.amounts.baseline.value == 200
    assert report.amounts.target is not None and report.amounts.target.value == 300
    assert report.amounts.target.unit == "盒"
    assert report.verdict.stretch == 0.5 and report.verdict.horizon_days == 304


# ---------------------------------------------------------------- vague wording
@pytest.mark.parametrize("text", [
    "尽量提高销量", "争取多卖一些", "加强与医生的关系", "提升产品知名度", "努力做好市场",
    "Try to sell more", "Improve relationships with doctors", "Sell more CARDIA",
    "Do better with key accounts", "Increase market share as much as possible",
    "Boost prescriptions", "更多地拜访医生",
])
def test_vague_goals_fail_s_and_m(text: str) -> None:
    v = letters(text)
    assert v["S"] == "fail" and v["M"] == "fail" and v["T"] == "fail"


@pytest.mark.parametrize("text", [
    "争取年底前把市一院的处方量从200盒提高到300盒",
    "Try to raise CARDIA at 市一院 from 200 to 300 boxes by 31 Dec 2026",
    "力争本季度内新开发3位医生",
])
def test_hedges_fail_s_even_with_numbers(text: str) -> None:
    v = letters(text)
    assert v["S"] == "fail" and v["M"] != "fail" and v["T"] == "pass"


def test_direction_words_with_numbers_are_not_vague() -> None:
    report = coach_goal("Increase CARDIA at City Hospital from 200 to 300 boxes by 31 Dec 2026", today=TODAY)
    assert "vague_wording" not in report.flags and report.verdict["S"].passed
    assert report.vague_words == ("increase",)  # found, but a number says how far


def test_english_words_match_whole_words_only() -> None:
    report = coach_goal("Entry of CARDIA in every country hospital: 12 hospitals listed by Q4", today=TODAY)
    assert report.hedges == ()  # "try" is not in "Entry" or "country"


# ---------------------------------------------------------------- numbers and baselines
@pytest.mark.parametrize(("text", "baseline", "target"), [
    ("从200盒提高到300盒", 200, 300),
    ("由200盒增至300盒", 200, 300),
    ("月处方量200盒提高到300盒", 200, 300),
    ("from 200 to 300 boxes", 200, 300),
    ("raise CARDIA from 1,200 boxes a month to 1,500", 1200, 1500),
    ("200 → 300 boxes", 200, 300),
    ("销售额从50万元提高到60万元", 500_000, 600_000),
    ("把候诊时间从40分钟缩短到30分钟", 40, 30),
])
def test_baseline_and_target_are_read(text: str, baseline: float, target: float) -> None:
    amounts = find_amounts(text)
    assert amounts.baseline is not None and amounts.baseline.value == baseline
    assert amounts.target is not None and amounts.target.value == target


@pytest.mark.parametrize(("text", "relative"), [
    ("销量提高20%", 0.2), ("处方量增长15%", 0.15), ("grow sales by 12%", 0.12),
    ("20% more prescriptions", 0.2), ("降低10%的退货", 0.1), ("sales up 8 percent", 0.08),
])
def test_relative_changes_are_read(text: str, relative: float) -> None:
    assert find_amounts(text).relative == pytest.approx(relative)


def test_a_target_without_baseline_is_flagged_not_failed() -> None:
    report = coach_goal("本月底前让市一院心内科的处方达到300盒", today=TODAY)
    assert report.verdict["M"].verdict == "check" and "no_baseline" in report.flags
    assert report.amounts.target is not None and report.amounts.target.value == 300
    assert report.verdict["A"].verdict == "check"


def test_relative_change_passes_m_and_feeds_a() -> None:
    report = coach_goal("Q4: grow NEURA sales in H05 by 15%", today=TODAY)
    assert report.verdict["M"].passed and report.verdict["A"].passed and report.verdict.stretch == 0.15
    low = coach_goal("Q4: grow NEURA sales in H05 by 5%", today=TODAY)
    assert low.verdict["A"].verdict == "fail"


def test_numbers_inside_the_deadline_are_not_amounts() -> None:
    report = coach_goal("2026年12月31日前提高销量", today=TODAY)
    assert report.amounts.quantities == () and report.verdict["M"].verdict == "fail"


def test_quantities_with_units_and_chinese_numerals() -> None:
    found = [(q.value, q.unit) for q in find_quantities("新开发三家医院和两位主任, 3 new doctors, 1.5万盒, 20%")]
    assert found == [(3, "家"), (2, "位"), (3, "doctors"), (15000, "盒"), (20, "%")]


# ---------------------------------------------------------------- deadlines
@pytest.mark.parametrize(("text", "expected"), [
    ("2026年12月31日前", date(2026, 12, 31)), ("by 31 Dec 2026", date(2026, 12, 31)),
    ("by December 31, 2026", date(2026, 12, 31)), ("2026-12-31", date(2026, 12, 31)),
    ("by 31/12/2026", date(2026, 12, 31)), ("12月31日前", date(2026, 12, 31)),
    ("6月底前", date(2026, 6, 30)), ("by end of June", date(2026, 6, 30)),
    ("2026年6月底", date(2026, 6, 30)), ("by June 2026", date(2026, 6, 30)),
    ("本月底", date(2026, 3, 31)), ("this month", date(2026, 3, 31)), ("月底前", date(2026, 3, 31)),
    ("下个月", date(2026, 4, 30)), ("next month", date(2026, 4, 30)),
    ("本季度", date(2026, 3, 31)), ("this quarter", date(2026, 3, 31)),
    ("下季度", date(2026, 6, 30)), ("Q4", date(2026, 12, 31)), ("第四季度", date(2026, 12, 31)),
    ("Q1 2027", date(2027, 3, 31)), ("2026年第三季度", date(2026, 9, 30)),
    ("年底前", date(2026, 12, 31)), ("by year end", date(2026, 12, 31)), ("明年底", date(2027, 12, 31)),
    ("上半年", date(2026, 6, 30)), ("H2", date(2026, 12, 31)),
    ("三个月内", date(2026, 6, 2)), ("3个月内", date(2026, 6, 2)), ("within 3 months", date(2026, 6, 2)),
    ("90天内", date(2026, 5, 31)), ("in 90 days", date(2026, 5, 31)), ("两周内", date(2026, 3, 16)),
    ("in two weeks", date(2026, 3, 16)), ("一年内", date(2027, 3, 2)),
    ("本周内", date(2026, 3, 6)), ("by Friday", date(2026, 3, 6)), ("next week", date(2026, 3, 13)),
])
def test_deadlines_in_both_languages(text: str, expected: date) -> None:
    found = find_deadline(f"目标 {text} 完成", TODAY)
    assert found is not None and found.date == expected


def test_a_month_already_past_this_year_means_next_year() -> None:
    found = find_deadline("1月31日前", TODAY)
    assert found is not None and found.date == date(2027, 1, 31)


def test_a_past_deadline_fails_t_with_a_flag() -> None:
    report = coach_goal("在2025年12月31日前将市一院处方从200盒提高到300盒", today=TODAY)
    assert report.verdict["T"].verdict == "fail" and "deadline_passed" in report.flags


def test_a_too_short_or_too_far_deadline_fails_t() -> None:
    late = coach_goal("本周内让市一院心内科处方从200盒提高到210盒", today=date(2026, 3, 4))
    assert late.verdict["T"].verdict == "fail" and late.verdict.horizon_days == 2
    assert letters("明年底前让市一院处方从200盒提高到300盒")["T"] == "fail"  # 669 days


# ---------------------------------------------------------------- the other letters
def test_realistic_uses_the_pace() -> None:
    assert letters("本月底前把市一院处方从200盒提高到400盒")["R"] == "fail"
    assert letters("2026年12月31日前把市一院处方从200盒提高到260盒")["R"] == "pass"


def test_assignable_reads_the_owner_from_the_text_or_argument() -> None:
    text = "2026年底前将市一院处方从200盒提高到300盒"
    assert letters("我要" + text, variant="assignable")["A"] == "pass"
    assert letters("我们" + text, variant="assignable")["A"] == "fail"
    assert letters(text, variant="assignable")["A"] == "fail"
    assert letters(text, variant="assignable", owner="王丽")["A"] == "pass"
    assert "no_owner" in coach_goal(text, today=TODAY, variant="assignable").flags


def test_specific_wants_a_customer_or_product() -> None:
    assert letters("2026年底前把销量从200盒提高到300盒")["S"] == "check"
    assert letters("2026年底前把CARDIA销量从200盒提高到300盒")["S"] == "pass"


def test_messages_are_translated() -> None:
    report = coach_goal("尽量提高销量", today=TODAY)
    set_language("zh")
    messages = report.messages()
    assert messages[0].endswith("尽量") and all(not m.isascii() for m in messages)
    assert "截止" in coach_goal("尽量提高销量", today=TODAY).verdict["T"].reason or \
        "期限" in coach_goal("尽量提高销量", today=TODAY).verdict["T"].reason


def test_empty_text_and_bad_variant_are_input_errors() -> None:
    with pytest.raises(CourseInputError) as info:
        coach_goal("", today=TODAY)
    assert info.value.field == "goal"
    with pytest.raises(CourseInputError):
        coach_goal(None, today=TODAY)  # type: ignore[arg-type]
    with pytest.raises(CourseInputError) as variant:
        coach_goal("x", today=TODAY, variant="smart")
    assert variant.value.field == "variant"
