"""Answers as data, and which names are answers: the parts of the clean-kernel judging that need no kernel."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from course.checks import check
from course.grading.execute.answers import MAX_CHARS, AnswerError, Unplain, decode, encode
from course.grading.execute.judge import (
    answer_reads,
    capture_expression,
    inject_expression,
    plan_notebook,
)

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = sorted(ROOT.glob("exercises/*/*.ipynb"))


def _roundtrip(value: object) -> object:
    return decode(encode({"a": value}, ["a"]))["a"]


def test_plain_answers_cross_unchanged_with_their_exact_types() -> None:
    values = [None, True, 0, -7, 2**80, 1.5, float("inf"), "text 中文", ..., [1, (2, 3)], (), {"k": [1.0, ...]},
              {1: "a", (1, 2): None, False: 3.0}, [[[["deep"]]]]]
    for value in values:
        again = _roundtrip(value)
        assert again == value and type(again) is type(value)
    assert repr(_roundtrip({"t": (1, [2])})) == "{'t': (1, [2])}"


def test_objects_never_cross_a_placeholder_named_after_their_type_does() -> None:
    class Anything:
        def __eq__(self, other: object) -> bool:
            return True

    class Num(float):
        def __sub__(self, other: float) -> float:
            return 0.0

    class Text(str):
        pass

    for fake, name in ((Anything(), "Anything"), (Num(1.0), "Num"), (Text("B"), "Text"), ({1, 2}, "set"),
                       (print, "builtin_function_or_method")):
        stand_in = _roundtrip(fake)
        assert isinstance(stand_in, Unplain) and type(stand_in).__name__ == name
        assert stand_in != 42 and stand_in != "B"
    nested = _roundtrip({"q": [1, Anything()]})
    assert isinstance(nested, dict) and isinstance(nested["q"][1], Unplain)
    # the course's check refuses a stand-in with the message the trainee would have seen
    with pytest.raises(AssertionError, match="Anything"):
        check("q1", _roundtrip(Anything()), 42)
    with pytest.raises(AssertionError, match="not answered yet"):
        check("q1", _roundtrip({"a": ...}), {"a": 1})


def test_numpy_scalars_become_the_builtin_values_check_would_compare() -> None:
    numpy = pytest.importorskip("numpy")
    assert _roundtrip([numpy.int64(3), numpy.float64(0.5), numpy.bool_(True)]) == [3, 0.5, True]
    assert type(_roundtrip(numpy.int64(3))) is int


@pytest.mark.parametrize("text", [
    "[1, 2]", '{"a": {"b": 1}}', '{"a": ["set", [1]]}', '{"a": ["d", [[["l", [1]], 2]]]}', '{"not a name": 1}',
    '{"a": ["l", 5]}', '{"a": ["x"]}', "not json", '{"a": ' + "[\"l\", [" * 50 + "1" + "]]" * 50 + "}",
    '{"a": "' + "x" * MAX_CHARS + '"}', '{"a": ' + "9" * 5000 + "}",
])
def test_anything_but_the_tagged_shape_is_refused(text: str) -> None:
    with pytest.raises(AnswerError):
        decode(text)


def test_only_the_names_asked_for_are_kept() -> None:
    forged = '{"close_to": 1, "check": ["x", "function"], "q1_answer": 3}'
    assert decode(forged, names=["q1_answer"]) == {"q1_answer": 3}
    namespace: dict[str, object] = {"q1_answer": 1, "other": 2}
    assert eval(capture_expression(["q1_answer", "gone"]), namespace) == '{"q1_answer": 1}'
    clean: dict[str, object] = {"q1_answer": "stale", "check": len}
    eval(inject_expression('{"q2_answer": ["l", [1]]}', ["q1_answer", "q2_answer"]), clean)
    assert clean["q2_answer"] == [1] and "q1_answer" not in clean and clean["check"] is len


# ---------------------------------------------------------------------------- which names are answers

def _released_plan(path: Path) -> tuple[object, object]:
    """The plan nbgrader's gradebook would give: answer cells as released (solution region removed)."""
    nb = nbformat.read(str(path), as_version=4)
    cells = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("grade_id"):
            continue
        source = re.sub(r"### BEGIN SOLUTION.*?### END SOLUTION", "", cell.source, flags=re.S)
        cells.append((meta["grade_id"], cell.cell_type, bool(meta.get("locked")), bool(meta.get("solution")),
                      bool(meta.get("grade")), source))
    return nb, plan_notebook(cells)


@pytest.mark.parametrize("path", EXERCISES, ids=[p.stem for p in EXERCISES])
def test_each_exercise_test_reads_exactly_its_own_answer(path: Path) -> None:
    nb, plan = _released_plan(path)
    reads = answer_reads(nb, plan)  # type: ignore[arg-type]
    found = {nb.cells[i].metadata["nbgrader"]["grade_id"]: names for i, names in reads.items()}  # type: ignore[attr-defined]
    tests = {c.metadata["nbgrader"]["grade_id"] for c in nb.cells  # type: ignore[attr-defined]
             if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"}
    assert found == {t: [t.removesuffix("_test") + "_answer"] for t in tests}


def test_an_answer_name_rebound_by_a_read_only_cell_is_the_instructors() -> None:
    cells = [("q1", "code", False, True, False, "accounts = ...\nq1_answer = ..."),
             ("table", "code", True, False, False, "accounts = load()"),
             ("q1_test", "code", True, False, True, "check(q1_answer, accounts)"),
             ("w1", "markdown", False, True, True, "YOUR ANSWER HERE")]
    plan = plan_notebook(cells)
    nb = {"cells": [{"cell_type": t, "metadata": {"nbgrader": {"grade_id": g}}} for g, t, *_ in cells]}
    assert answer_reads(nb, plan) == {2: ["q1_answer"]}
    # a trainee who moves the test above the answer cell: the test still reads the name (as nbgrader would)
    moved = {"cells": [nb["cells"][2], nb["cells"][0]]}
    assert answer_reads(moved, plan) == {0: ["accounts", "q1_answer"]}
    assert json.dumps(plan.tests()) == '["q1_test"]'
