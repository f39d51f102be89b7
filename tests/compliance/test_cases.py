"""The compliance cases and rules: every case answered and explained in both languages, marked right."""

from __future__ import annotations

import re

import pytest

from course.compliance import (
    CASES,
    NMPA_PROHIBITED,
    RULES,
    VERDICTS,
    parse_verdict,
    rule,
    sort_cases,
)
from course.errors import CourseInputError
from course.i18n import set_language

HAN = re.compile(r"[\u4e00-\u9fff]")



@pytest.mark.parametrize("key", list(CASES))
def test_every_case_has_a_verdict_and_a_reason_in_both_languages(key: str) -> None:
    case = CASES[key]
    assert case.verdict in VERDICTS
    for text in (case.situation, case.reason, case.instead):
        assert len(text.en) > 20 and text.en[0].isascii(), f"{key}: {text.en!r}"
        assert HAN.search(text.zh), f"{key}: no Chinese in {text.zh!r}"
        assert text.en != text.zh
    assert case.rules and set(case.rules) <= set(RULES), key


@pytest.mark.parametrize("key", list(CASES))
def test_every_reason_names_a_rule_it_cites(key: str) -> None:
    case = CASES[key]
    names = {"nmpa_2020": ("2020 measures", "备案"), "ifpma": ("IFPMA", "IFPMA"),
             "phrma": ("PhRMA", "PhRMA"), "company": ("compan", "公司")}
    en_hits = [k for k in case.rules if names[k][0] in case.reason.en]
    zh_hits = [k for k in case.rules if names[k][1] in case.reason.zh]
    assert en_hits, f"{key}: the English reason names none of {case.rules}"
    assert zh_hits, f"{key}: the Chinese reason names none of {case.rules}"


def test_the_cases_the_issue_names_are_there_with_their_verdicts() -> None:
    expected = {"department_lunch": "allowed", "festival_gift": "not allowed",
                "speaker_fee": "ask compliance", "prescription_report": "not allowed",
                "sales_target": "not allowed", "kol_family": "not allowed"}
    assert {k: CASES[k].verdict for k in expected} == expected
    assert len(CASES) >= 12
    assert {c.verdict for c in CASES.values()} == set(VERDICTS)


def test_not_allowed_cases_under_the_chinese_measures_name_their_prohibition() -> None:
    keys = {p.key for p in NMPA_PROHIBITED}
    for case in CASES.values():
        if case.verdict == "not allowed" and "nmpa_2020" in case.rules:
            assert case.prohibition in keys, case.key
        if case.prohibition is not None:
            assert case.verdict == "not allowed" and "nmpa_2020" in case.rules, case.key
    assert CASES["prescription_report"].prohibition == "prescription_counts"
    assert CASES["sales_target"].prohibition == "sales_tasks"


def test_the_rules_are_named_and_dated() -> None:
    nmpa = rule("nmpa_2020")
    assert nmpa.name.zh == "《医药代表备案管理办法（试行）》"
    assert (nmpa.published.year, nmpa.published.month, nmpa.published.day) == (2020, 9, 30)  # type: ignore[union-attr]
    assert "30 September 2020" in nmpa.citation()
    set_language("zh")
    assert nmpa.citation().startswith("《医药代表备案管理办法（试行）》，国家药品监督管理局，2020年9月30日发布")
    assert "统计医生个人开具的药品处方数量" in [p.text.zh for p in NMPA_PROHIBITED][3]


def test_verdicts_are_read_in_either_language_and_a_wrong_one_is_named() -> None:
    assert parse_verdict("  NOT   allowed ") == "not allowed"
    assert parse_verdict("可以做") == "allowed"
    assert parse_verdict("Ask compliance first") == "ask compliance"
    with pytest.raises(CourseInputError, match="got 'yes'"):
        parse_verdict("yes")
    with pytest.raises(CourseInputError, match="got 1"):
        parse_verdict(1)


def test_sorting_marks_right_wrong_and_unanswered() -> None:
    result = sort_cases({"festival_gift": "不可以做", "department_lunch": "not allowed", "speaker_fee": ""})
    marks = {m.case.key: m.right for m in result.marks}
    assert marks["festival_gift"] is True and marks["department_lunch"] is False
    assert marks["speaker_fee"] is None
    assert (result.right, result.answered, result.total) == (1, 2, len(CASES))


def test_sorting_reports_every_problem_at_once() -> None:
    with pytest.raises(CourseInputError) as caught:
        sort_cases({"gift": "allowed", "walk_in": "perhaps", "festival_gift": "not allowed"})
    assert [p.field for p in caught.value.problems] == ["case", "walk_in"]


def test_a_right_answer_for_every_case_scores_full_marks() -> None:
    result = sort_cases({k: c.verdict for k, c in CASES.items()})
    assert result.right == result.total == len(CASES)


def test_a_chinese_trainee_reads_what_is_allowed_in_chinese() -> None:
    set_language("zh")
    with pytest.raises(CourseInputError) as caught:
        sort_cases({"lunch": "allowed", "walk_in": "perhaps"})
    assert caught.value.problems[0].allowed == "情形的代码之一，例如 'department_lunch'"
    assert caught.value.problems[1].allowed.startswith("“可以做”")
