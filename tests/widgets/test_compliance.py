"""The case sorter headless: a verdict chosen shows right or wrong, the reason and the rules."""

from __future__ import annotations

from course.compliance import CASES, sort_cases
from course.i18n import set_language
from course.widgets.compliance import CaseSorter


def test_the_sorter_starts_with_every_case_unsorted() -> None:
    sorter = CaseSorter()
    assert list(sorter.choices) == list(CASES)
    assert sorter.last_result.answered == 0
    assert all(v.value == "" for v in sorter.verdicts.values())
    assert sorter.score.value == f"0 of {len(CASES)} sorted right"


def test_a_right_verdict_shows_the_reason_the_rule_and_the_compliant_way() -> None:
    sorter = CaseSorter()
    sorter.choices["prescription_report"].value = "not allowed"
    shown = sorter.verdicts["prescription_report"].value
    assert "✓ Correct" in shown
    assert "统方" in shown  # the reason, naming the practice
    assert "30 September 2020" in shown  # the rule, dated
    assert "Decline." in shown  # the compliant way
    assert sorter.score.value.startswith("1 of")


def test_a_wrong_verdict_says_what_is_right_and_the_score_follows_the_library() -> None:
    sorter = CaseSorter()
    sorter.choices["speaker_fee"].value = "allowed"
    sorter.choices["department_lunch"].value = "allowed"
    assert "✗ Not quite: the verdict is Ask compliance first." in sorter.verdicts["speaker_fee"].value
    expected = sort_cases({"speaker_fee": "allowed", "department_lunch": "allowed"})
    assert sorter.last_result.right == expected.right == 1
    sorter.choices["speaker_fee"].value = ""
    assert sorter.verdicts["speaker_fee"].value == ""


def test_the_sorter_speaks_chinese() -> None:
    set_language("zh")
    sorter = CaseSorter(["festival_gift"])
    assert sorter.choices["festival_gift"].options[1] == ("可以做", "allowed")
    sorter.choices["festival_gift"].value = "allowed"
    shown = sorter.verdicts["festival_gift"].value
    assert "不对：正确的归类是“不可以做”。" in shown and "合规的做法" in shown
    assert "中秋节" in sorter.children[1].children[0].value
    assert sorter.score.value == "1个情形中归类正确0个"


def test_an_unknown_case_is_named_inside_the_widget() -> None:
    sorter = CaseSorter(["festival_gift", "golf_weekend"])
    assert list(sorter.choices) == ["festival_gift"]
    assert "golf_weekend" in sorter.feedback.value
