"""The urgent/important matrix exactly as the training material's table (时间管理表)."""

from __future__ import annotations

import pandas as pd
import pytest

from course.errors import CourseInputError
from course.i18n import set_language
from course.timemgmt import QUADRANTS, classify, describe, matrix_layout, quadrant


@pytest.mark.parametrize(
    ("important", "urgent", "letter"),
    [(True, True, "A"), (True, False, "B"), (False, True, "C"), (False, False, "D")],
)
def test_the_materials_letters(important: bool, urgent: bool, letter: str) -> None:
    assert quadrant(important, urgent) == letter


def test_the_matrix_is_not_transposed() -> None:
    # the common mistake: B = urgent-not-important. The training material: B = important, not urgent.
    assert quadrant(important=True, urgent=False) == "B"
    assert quadrant(important=False, urgent=True) == "C"
    layout = matrix_layout()
    assert layout.index.tolist() == ["important", "not important"]
    assert layout.columns.tolist() == ["urgent", "not urgent"]
    assert layout.loc["important", "not urgent"] == "B"
    assert layout.loc["not important", "urgent"] == "C"


def test_quadrant_records_agree_with_the_rule() -> None:
    for code, record in QUADRANTS.items():
        assert quadrant(record.important, record.urgent) == code
    assert QUADRANTS["A"].name.zh == "重要且紧急"
    assert QUADRANTS["B"].name.zh == "重要不紧急"
    assert "grow B" in QUADRANTS["B"].advice.en


def test_classify_is_vectorised_and_keeps_the_input() -> None:
    tasks = pd.DataFrame(
        {"task": list("wxyz"), "important": [1, "yes", "否", False], "urgent": ["no", True, 1, "0"]},
        index=[10, 11, 12, 13],
    )
    before = tasks.copy()
    result = classify(tasks)
    assert result["quadrant"].tolist() == ["B", "A", "C", "D"]
    assert result.index.tolist() == [10, 11, 12, 13]
    pd.testing.assert_frame_equal(tasks, before)  # input not mutated
    big = pd.DataFrame({"important": [True, False] * 50_000, "urgent": [False, True] * 50_000})
    assert classify(big)["quadrant"].value_counts().to_dict() == {"B": 50_000, "C": 50_000}


def test_classify_reports_every_bad_cell_by_row() -> None:
    tasks = pd.DataFrame({"important": [True, "maybe", None], "urgent": [True, False, "soon"]})
    with pytest.raises(CourseInputError) as caught:
        classify(tasks)
    where = [(p.row, p.field) for p in caught.value.problems]
    assert where == [(2, "important"), (3, "important"), (3, "urgent")]
    assert "yes or no" in str(caught.value)


def test_bad_single_values_are_named() -> None:
    with pytest.raises(CourseInputError, match="urgent: got 1"):
        quadrant(True, 1)  # type: ignore[arg-type]
    with pytest.raises(CourseInputError, match="quadrant: got 'E'"):
        describe("E")


def test_time_per_quadrant_of_a_task_list() -> None:
    from course.timemgmt import time_per_quadrant

    tasks = pd.DataFrame({"minutes": [60, 30, 45, 15], "important": [True, True, False, False],
                          "urgent": [False, True, True, False]})
    table = time_per_quadrant(tasks)
    assert table["minutes"].to_dict() == {"A": 30, "B": 60, "C": 45, "D": 15}
    assert table["share"].to_dict() == pytest.approx({"A": 0.2, "B": 0.4, "C": 0.3, "D": 0.1})
    assert table["tasks"].tolist() == [1, 1, 1, 1]
    empty = time_per_quadrant(tasks.iloc[0:0])
    assert empty["minutes"].sum() == 0 and (empty["share"] == 0).all()
    with pytest.raises(CourseInputError, match="row 2, minutes"):
        time_per_quadrant(tasks.assign(minutes=[1, -1, 1, 1]))


def test_the_matrix_reads_in_chinese_with_the_same_letters() -> None:
    set_language("zh")
    try:
        layout = matrix_layout()
        assert layout.index.tolist() == ["重要", "不重要"]
        assert layout.columns.tolist() == ["紧急", "不紧急"]
        assert layout.loc["重要", "不紧急"] == "B"
        assert layout.loc["不重要", "紧急"] == "C"
    finally:
        set_language("en")
