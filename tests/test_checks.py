"""The exercises' self-checks: verdicts, messages, and answers that try to cheat."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from course import set_language
from course.checks import CheckFailed, check, check_format


def failure(*args: Any, **kwargs: Any) -> str:
    with pytest.raises(CheckFailed) as info:
        check(*args, **kwargs)
    return str(info.value)


def format_failure(*args: Any, **kwargs: Any) -> str:
    with pytest.raises(CheckFailed) as info:
        check_format(*args, **kwargs)
    return str(info.value)


# ------------------------------------------------------------------ right answers


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("B", "B"),
        (" b ", "B"),
        ("cash  cow", "Cash Cow"),
        (12, 12),
        (12, 12.0),  # an int where a float is expected
        (12.0, 12),  # pandas often hands back floats
        (0.3333333, 1 / 3),
        (1_000_000.0000001, 1_000_000),
        (True, True),
        (None, None),
        (["A", "B"], ("A", "B")),  # lists and tuples are interchangeable
        ({"plan": "b", "stock-out": "A"}, {"plan": "B", "stock-out": "A"}),
        ({"x": [1, 2.5], "y": {"z": "k"}}, {"x": [1.0, 2.5], "y": {"z": "K"}}),
    ],
)
def test_right_answers_print_one_correct_line(
    answer: Any, expected: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    check("q1", answer, expected)
    assert capsys.readouterr().out == "✓ q1: correct\n"


def test_unordered_lists_accept_any_order(capsys: pytest.CaptureFixture[str]) -> None:
    check("q4", ["Dr Li", "Dr Wang", "Dr Li"], ["dr wang", "Dr Li", "Dr Li"], ordered=False)
    assert capsys.readouterr().out == "✓ q4: correct\n"


def test_numpy_scalars_from_an_honest_pandas_answer_are_accepted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls = pd.DataFrame({"doctor": ["Li", "Wang"], "calls": [4, 8], "share": [0.25, 0.75]})
    answer = {
        "total": calls["calls"].sum(),  # numpy.int64
        "share": calls["share"].max(),  # numpy.float64
        "top": calls.loc[calls["calls"].idxmax(), "doctor"],
        "any": bool(calls["calls"].gt(5).any()),
        "flag": np.bool_(True),
        "label": np.str_("A"),
    }
    assert type(answer["total"]) is np.int64
    check(
        "q3",
        answer,
        {"total": 12, "share": 0.75, "top": "Wang", "any": True, "flag": True, "label": "a"},
    )
    assert capsys.readouterr().out == "✓ q3: correct\n"


def test_expected_values_may_come_from_the_library_as_numpy() -> None:
    check("q1", 3, np.int64(3))
    check("q1", [0.5], [np.float64(0.5)])


# ------------------------------------------------------------------ wrong answers


def test_a_wrong_value_says_not_yet_and_gives_the_hint_but_not_the_answer() -> None:
    message = failure("q5", 12, 14, hint="Count the A and B doctors only.")
    assert message == "✗ q5: not correct yet\nHint: Count the A and B doctors only."
    assert "14" not in message


def test_numbers_outside_the_tolerance_fail() -> None:
    failure("q1", 0.334, 1 / 3)
    check("q1", 0.334, 1 / 3, tolerance=0.001)
    failure("q1", float("nan"), 1.0)


def test_a_dict_answer_names_the_wrong_keys_only() -> None:
    expected = {"plan": "B", "stock-out": "A", "gossip": "D"}
    message = failure("q1", {"plan": "B", "stock-out": "C", "gossip": "A"}, expected)
    assert message.splitlines() == [
        "✗ q1: not correct yet",
        "q1: these need another look: 'stock-out', 'gossip'",
    ]


def test_a_dict_answer_reports_missing_and_extra_keys() -> None:
    message = failure("q1", {"plan": "B", "lunch": "D"}, {"plan": "B", "stock-out": "A"})
    assert message.splitlines() == [
        "✗ q1: the answer does not have the expected form",
        "q1 is missing: 'stock-out'",
        "q1 has entries that are not asked for: 'lunch'",
    ]


def test_long_key_lists_are_shortened() -> None:
    expected = {f"task {i}": "A" for i in range(8)}
    message = failure("q1", {k: "B" for k in expected}, expected)
    assert message.endswith("'task 4' and 3 more")


def test_a_list_answer_names_wrong_positions_and_wrong_lengths() -> None:
    assert failure("q2", ["A", "C", "B"], ["A", "B", "B"]).splitlines()[1] == (
        "q2: items in these positions need another look: 2"
    )
    assert (
        failure("q2", ["A"], ["A", "B"]).splitlines()[1] == "q2 should have 2 items, but it has 1"
    )


def test_an_unordered_list_names_the_entries_that_do_not_belong() -> None:
    message = failure("q4", ["Dr Li", "Dr Zhao"], ["Dr Wang", "Dr Li"], ordered=False)
    assert message.splitlines()[1] == "q4: these entries do not belong: 'Dr Zhao'"
    assert "Wang" not in message


@pytest.mark.parametrize(
    ("answer", "expected", "line"),
    [
        ("12", 12, "q1 should be a whole number, but it is a text in quotes"),
        (12.5, 12, "q1 should be a whole number, but it is a number"),
        (True, 1, "q1 should be a whole number, but it is True or False"),
        (1, True, "q1 should be True or False, but it is a whole number"),
        ("B", ["B"], "q1 should be a list [...], but it is a text in quotes"),
        (["B"], {"a": "B"}, "q1 should be a dict {...}, but it is a list [...]"),
        ({"a": 1}, {"a": "B"}, "q1['a'] should be a text in quotes, but it is a whole number"),
        (None, 0.5, "q1 should be a number, but it is None"),
    ],
)
def test_the_wrong_kind_of_value_is_explained(answer: Any, expected: Any, line: str) -> None:
    message = failure("q1", answer, expected)
    assert message.splitlines() == ["✗ q1: the answer does not have the expected form", line]


@pytest.mark.parametrize(
    "answer",
    [..., [1, ...], {"plan": ..., "stock-out": "A"}, {"x": ({"y": ...},)}],
)
def test_an_ellipsis_anywhere_means_not_answered_yet(answer: Any) -> None:
    expected = "✗ q1: not answered yet: replace each ... with your answer"
    assert failure("q1", answer, "B") == expected
    assert format_failure("q1", answer, like="B") == expected


# ------------------------------------------------------------------ hostile answers


class AlwaysEqual:
    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0


class SneakyStr(str):
    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return hash("B")

    def strip(self, chars: str | None = None) -> str:
        return "B"

    def casefold(self) -> str:
        return "b"


class SneakyFloat(float):
    def __eq__(self, other: object) -> bool:
        return True

    def __sub__(self, other: object) -> float:
        return 0.0

    __hash__ = float.__hash__


class SneakyInt64(np.int64):
    def __eq__(self, other: object) -> bool:  # type: ignore[override]
        return True

    def item(self) -> int:  # type: ignore[override]
        return 14


class SneakyDict(dict[str, str]):
    def __eq__(self, other: object) -> bool:
        return True

    def keys(self) -> Any:
        return {"plan"}.__iter__()

    __hash__ = None  # type: ignore[assignment]


class PretendNumpy:
    """Claims to be from numpy and to be an int64."""

    __module__ = "numpy"

    def item(self) -> int:
        return 14

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0


class Meta(type):
    def __eq__(cls, other: object) -> bool:
        return True

    def __hash__(cls) -> int:
        return hash(str)


class FakeType(metaclass=Meta):
    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0


@pytest.mark.parametrize(
    "answer",
    [
        AlwaysEqual(),
        SneakyStr("A"),
        SneakyFloat(1.0),
        SneakyInt64(3),
        PretendNumpy(),
        FakeType(),
        [AlwaysEqual()],
        ("B", SneakyStr("x")),
        {"plan": AlwaysEqual()},
        SneakyDict(plan="A"),
        {AlwaysEqual(): "B"},
        pd.Series(["B"]),
        np.array([14]),
        np.float32(14.0).view(np.int32),
    ],
    ids=lambda a: type(a).__name__,
)
def test_objects_that_fake_equality_never_score(answer: Any) -> None:
    for expected in ("B", 14, 14.0, ["B"], {"plan": "B"}, True):
        with pytest.raises(CheckFailed) as info:
            check("q1", answer, expected)
        assert info.value.args[0].startswith("✗ q1: ")
    with pytest.raises(CheckFailed):
        check_format("q1", answer, like="B")


def test_a_non_plain_answer_is_named_with_its_type() -> None:
    message = failure("q1", {"plan": AlwaysEqual()}, {"plan": "B"})
    assert message.splitlines() == [
        "✗ q1: the answer does not have the expected form",
        "q1['plan'] is AlwaysEqual, not a plain value: write text in quotes, a number, "
        "True/False, a list or a dict",
    ]


def test_a_self_referencing_list_is_refused_not_a_crash() -> None:
    loop: list[Any] = ["B"]
    loop.append(loop)
    failure("q1", loop, ["B", ["B"]])


def test_numpy_types_that_are_not_plain_values_are_refused() -> None:
    failure("q1", np.datetime64("2024-01-01"), "2024-01-01")
    failure("q1", np.longdouble(1.5), 1.5)


def test_a_bad_expected_value_is_the_authors_bug_not_a_failed_check() -> None:
    with pytest.raises(TypeError, match="expected for 'q1'"):
        check("q1", "B", pd.Series(["B"]))
    with pytest.raises(TypeError, match="like for 'q1'"):
        check_format("q1", "B", like=...)


# ------------------------------------------------------------------ format checks


def test_check_format_accepts_any_values_of_the_right_form(
    capsys: pytest.CaptureFixture[str],
) -> None:
    check_format(
        "q3", {"beds": 850, "grade": "A", "share": 1}, like={"beds": 1, "grade": "C", "share": 0.5}
    )
    check_format("q4", [("Li", 3), ("Wang", 2.0)], like=[("x", 1), ("y", 1)])
    assert capsys.readouterr().out == (
        "✓ q3: the answer has the right form\n✓ q4: the answer has the right form\n"
    )


def test_check_format_lists_every_problem() -> None:
    message = format_failure("q3", {"beds": "850", "extra": 1}, like={"beds": 1, "grade": "C"})
    assert message.splitlines() == [
        "✗ q3: the answer does not have the expected form",
        "q3 is missing: 'grade'",
        "q3 has entries that are not asked for: 'extra'",
        "q3['beds'] should be a whole number, but it is a text in quotes",
    ]


# ------------------------------------------------------------------ display and language


def test_jupyter_shows_the_message_without_a_traceback() -> None:
    with pytest.raises(CheckFailed) as info:
        check("q1", "C", "B", hint="Is it tied to your goals?")
    assert isinstance(info.value, AssertionError)
    assert info.value._render_traceback_() == [
        "✗ q1: not correct yet",
        "Hint: Is it tied to your goals?",
    ]


def test_ipython_renders_only_the_message(capsys: pytest.CaptureFixture[str]) -> None:
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        result = shell.run_cell('from course.checks import check\ncheck("q1", "C", "B")')
    finally:
        InteractiveShell.clear_instance()
    assert isinstance(result.error_in_exec, CheckFailed)
    shown = capsys.readouterr()
    assert "✗ q1: not correct yet" in shown.out + shown.err
    assert "Traceback" not in shown.out + shown.err


def test_messages_are_translated_into_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    set_language("zh")
    check("q1", "b", "B")
    assert capsys.readouterr().out == "✓ q1：正确\n"
    assert failure("q1", ..., "B") == "✗ q1：尚未作答：请把每个 ... 替换为你的答案"
    assert failure("q1", {"a": "C"}, {"a": "B"}, hint="看看目标").splitlines() == [
        "✗ q1：还不正确",
        "q1：这些还需要再检查：'a'",
        "提示：看看目标",
    ]
    assert failure("q1", "12", 12).splitlines()[1] == "q1 应该是整数，但现在是带引号的文字"
