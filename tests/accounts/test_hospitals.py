"""Hospital grading (医院定级): the training material's factors, hand-checked scores, bad input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course.accounts import (
    BED_BANDS,
    LEVEL_POINTS,
    GradeCutoffs,
    HospitalWeights,
    VolumeScale,
    bed_band,
    grade_hospital,
    grade_hospitals,
)
from course.data.schema import HOSPITAL_LEVELS
from course.errors import CourseInputError


def hospitals(**changes: list[object]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "hospital_id": ["H1", "H2", "H3"],
            "level": ["三级甲等", "二级甲等", "一级甲等"],
            "beds": [1500, 400, 80],
            "drug_sales_mrmb": [600.0, 60.0, 5.0],
            "outpatient_visits_month": [200_000, 30_000, 5_000],
            "medication_level": [5, 3, 2],
            "competition": [3, 3, 2],
        }
    )
    return frame.assign(**changes)


def test_the_material_grades_hospitals_into_a_b_c() -> None:
    graded = grade_hospitals(hospitals())
    assert graded["grade"].tolist() == ["A", "B", "C"]
    assert list(graded["grade"].cat.categories) == ["A", "B", "C"]


def test_hand_checked_scores() -> None:
    # H2: 0.2*0.5 + 0.2*0.6 + 0.3*(60/300 + 30000/100000)/2 + 0.15*(3-1)/4 + 0.15*(5-3)/4
    #   = 0.10 + 0.12 + 0.075 + 0.075 + 0.075 = 0.445
    graded = grade_hospitals(hospitals())
    assert graded["score"].tolist() == [90.5, 44.5, 22.0]
    h2 = graded.iloc[1]
    assert (h2.part_scale, h2.part_level, h2.part_volume) == (0.5, 0.6, 0.25)
    assert (h2.part_medication, h2.part_competition) == (0.5, 0.5)


def test_bed_bands_are_the_materials() -> None:
    assert [low for low, _, _ in BED_BANDS] == [0, 100, 500]
    assert [bed_band(b) for b in (0, 99, 100, 499, 500, 3000)] == [
        "under 100 beds", "under 100 beds", "100-499 beds", "100-499 beds",
        "500 beds and more", "500 beds and more",
    ]
    parts = grade_hospitals(hospitals(beds=[99, 100, 500]))["part_scale"].tolist()
    assert parts == [0.0, 0.5, 1.0]


def test_every_official_level_is_scored_best_first() -> None:
    assert list(LEVEL_POINTS) == list(HOSPITAL_LEVELS)
    assert LEVEL_POINTS["三级特等"] == 1.0 and LEVEL_POINTS["三级甲等"] == 0.9
    assert LEVEL_POINTS["二级甲等"] == 0.6 and LEVEL_POINTS["一级丙等"] == 0.1
    points = list(LEVEL_POINTS.values())
    assert points == sorted(points, reverse=True)


def test_a_higher_level_never_lowers_the_score() -> None:
    frame = pd.concat([hospitals().iloc[[1]]] * len(HOSPITAL_LEVELS), ignore_index=True)
    scores = grade_hospitals(frame.assign(level=list(HOSPITAL_LEVELS)))["score"]
    assert scores.is_monotonic_decreasing and scores.iloc[0] > scores.iloc[-1]


def test_strong_competition_lowers_the_score() -> None:
    graded = grade_hospitals(hospitals(competition=[1, 1, 1]))
    dominated = grade_hospitals(hospitals(competition=[5, 5, 5]))
    assert (graded["score"] - dominated["score"]).round(1).tolist() == [15.0, 15.0, 15.0]


def test_weights_and_cutoffs_change_the_grades() -> None:
    volume_only = HospitalWeights(scale=0, level=0, volume=1, medication=0, competition=0)
    graded = grade_hospitals(hospitals(), weights=volume_only)
    # volume parts: (1 + 1)/2, (0.2 + 0.3)/2, (5/300 + 0.05)/2
    assert graded["score"].tolist() == [100.0, 25.0, 3.3]
    strict = grade_hospitals(hospitals(), cutoffs=GradeCutoffs(a=95, b=25))
    assert strict["grade"].tolist() == ["B", "B", "C"]
    lenient = grade_hospitals(hospitals(), cutoffs=GradeCutoffs(a=40, b=20))
    assert lenient["grade"].tolist() == ["A", "A", "B"]


def test_weights_need_not_sum_to_one() -> None:
    doubled = HospitalWeights(0.4, 0.4, 0.6, 0.3, 0.3)
    assert grade_hospitals(hospitals(), weights=doubled)["score"].tolist() == [90.5, 44.5, 22.0]


def test_grade_follows_the_displayed_score_at_the_cutoff() -> None:
    graded = grade_hospitals(hospitals(), cutoffs=GradeCutoffs(a=90.5, b=44.5))
    assert graded["grade"].tolist() == ["A", "B", "C"]


def test_volume_scale_is_configurable() -> None:
    small_city = VolumeScale(drug_sales_mrmb=60, outpatient_visits_month=30_000)
    assert grade_hospitals(hospitals(), volume=small_city)["part_volume"].iloc[1] == 1.0


def test_single_hospital_agrees_with_the_table() -> None:
    frame = grade_hospitals(hospitals())
    for row in frame.itertuples():
        one = grade_hospital(
            row.level, row.beds, row.drug_sales_mrmb, row.outpatient_visits_month,
            row.medication_level, row.competition,
        )
        assert (one.score, one.grade) == (row.score, row.grade)


def test_input_is_not_changed_and_columns_are_added() -> None:
    original = hospitals()
    kept = original.copy()
    graded = grade_hospitals(original)
    pd.testing.assert_frame_equal(original, kept)
    assert {"score", "grade", "part_volume"} <= set(graded.columns)
    assert list(graded.columns[: len(original.columns)]) == list(original.columns)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"level": ["三级甲等", "三甲", "一级甲等"]}, "row 2, level: got '三甲'; allowed: one of '三级特等'"),
        ({"beds": [1500, 400, -1]}, "row 3, beds: got -1; allowed: a number >= 0"),
        ({"drug_sales_mrmb": [600.0, np.nan, 5.0]}, "row 2, drug_sales_mrmb: got an empty cell"),
        ({"medication_level": [5, 6, 2]}, "row 2, medication_level: got 6; allowed: a whole number from 1 to 5"),
        ({"competition": [3, 2.5, 2]}, "row 2, competition: got 2.5; allowed: a whole number from 1 to 5"),
        ({"beds": [1500, "many", 80]}, "row 2, beds: got 'many'"),
    ],
)
def test_bad_cells_are_named_by_row_and_field(changes: dict[str, list[object]], message: str) -> None:
    with pytest.raises(CourseInputError) as caught:
        grade_hospitals(hospitals(**changes))
    assert message in str(caught.value)


def test_every_bad_cell_is_reported_at_once() -> None:
    with pytest.raises(CourseInputError) as caught:
        grade_hospitals(hospitals(beds=[-1, 400, -2], level=["三级", "二级甲等", "一级甲等"]))
    fields = [(p.field, p.row) for p in caught.value.problems]
    assert fields == [("level", 1), ("beds", 1), ("beds", 3)]


def test_missing_column_and_empty_table_are_named() -> None:
    with pytest.raises(CourseInputError, match="missing: \\['competition'\\]"):
        grade_hospitals(hospitals().drop(columns="competition"))
    with pytest.raises(CourseInputError, match="hospitals: got an empty table"):
        grade_hospitals(hospitals().iloc[:0])


def test_single_hospital_errors_name_the_field() -> None:
    with pytest.raises(CourseInputError) as caught:
        grade_hospital("三级甲等", -10, 60, 30_000, 3, 3)
    assert str(caught.value) == "beds: got -10; allowed: a number >= 0"
    with pytest.raises(CourseInputError, match="drug_sales_mrmb: got an empty cell"):
        grade_hospital("三级甲等", 10, float("nan"), 30_000, 3, 3)


@pytest.mark.parametrize(
    "make",
    [
        lambda: HospitalWeights(scale=-0.1),
        lambda: HospitalWeights(0, 0, 0, 0, 0),
        lambda: GradeCutoffs(a=40, b=60),
        lambda: GradeCutoffs(a=120),
        lambda: VolumeScale(drug_sales_mrmb=0),
    ],
)
def test_bad_settings_raise_course_errors(make: object) -> None:
    with pytest.raises(CourseInputError):
        make()  # type: ignore[operator]
