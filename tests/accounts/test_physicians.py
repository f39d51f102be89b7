"""Physician dual scoring (复式评分): the training material's status scale, potential, tiers, objectives."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course.accounts import (
    DEFAULT_GRID,
    STATUS_SCALE,
    PotentialCutoffs,
    potential_class,
    potential_cutoffs,
    score_physician,
    score_physicians,
    status_level,
    status_options,
    tier_for,
)
from course.accounts.frequency import CallFrequency
from course.errors import CourseInputError
from course.i18n import set_language


def test_status_scale_is_the_materials_exactly() -> None:
    assert [(s.value, s.name.zh, s.name.en) for s in STATUS_SCALE] == [
        (-4, "反对", "opposed"),
        (-3, "淡漠", "indifferent"),
        (-2, "试用/咨商", "trial/consultation"),
        (-1, "填写进药申请", "listing application filed"),
        (0, "不处方", "no prescribing"),
        (1, "少量处方", "a little"),
        (2, "中等量处方", "medium"),
        (3, "常用", "common"),
        (4, "首选", "first choice"),
    ]
    assert [s.listed for s in STATUS_SCALE] == [False] * 4 + [True] * 5
    assert status_level(2).note.zh == "同一治疗领域多种产品平均使用"
    assert status_level(3).note.zh == "同一治疗领域常用产品之一"


def test_status_options_follow_the_language() -> None:
    set_language("zh")
    try:
        assert status_options()[3] == ("−1 填写进药申请", -1)
    finally:
        set_language("en")
    assert status_options()[3] == ("−1 listing application filed", -1)


@pytest.mark.parametrize("bad", [5, -5, 1.5, "two", None, True])
def test_status_outside_the_scale_is_refused(bad: object) -> None:
    with pytest.raises(CourseInputError) as caught:
        status_level(bad)  # type: ignore[arg-type]
    assert caught.value.field == "status"


def test_potential_cutoffs_split_30_40_30() -> None:
    cut = potential_cutoffs(np.arange(1, 101, dtype=float))
    classes = [potential_class(v, cut) for v in range(1, 101)]
    assert (classes.count("high"), classes.count("medium"), classes.count("low")) == (30, 40, 30)
    assert potential_cutoffs([0, 10, 20, 30], high_share=0.5, low_share=0.5) == PotentialCutoffs(15, 15)


def test_no_potential_is_always_low() -> None:
    assert potential_class(0, PotentialCutoffs(0, 0)) == "low"


def test_grid_potential_decides_whom_status_how_often() -> None:
    assert set(DEFAULT_GRID) == {"high", "medium", "low"}
    assert all(len(row) == 9 for row in DEFAULT_GRID.values())
    # growth zone (trial .. common use): the tier is the potential's level
    for status in (-2, -1, 0, 1, 2, 3):
        assert [tier_for(status, c) for c in ("high", "medium", "low")] == ["A", "B", "C"]
    # first choice needs upkeep, not more calls; opposed low-potential doctors are not targets
    assert [tier_for(4, c) for c in ("high", "medium", "low")] == ["B", "C", "C"]
    assert [tier_for(-4, c) for c in ("high", "medium", "low")] == ["C", "D", "D"]
    assert tier_for(-3, "low") == "D"


def test_single_doctor_hand_checked() -> None:
    # 400 patients a month x 30% with the indication x 1 box = 120 boxes a month
    score = score_physician(1, 400 * 0.3 * 1.0, PotentialCutoffs(high=100, medium=40))
    assert (score.status_label.zh, score.status_label.en) == ("少量处方", "a little")
    assert (score.potential, score.potential_class, score.tier) == (120.0, "high", "A")
    assert score.calls == CallFrequency(4, 8)
    assert (score.stage, score.next_stage, score.next_step) == (2, 3, "trial → usage")
    assert score.next_objective == "turn the trial into routine use"


def test_recorded_stage_wins_over_the_assumed_one() -> None:
    score = score_physician(0, 50, PotentialCutoffs(100, 40), stage=0)
    assert (score.stage, score.next_step, score.tier) == (0, "unaware → aware", "B")
    assert score.calls == CallFrequency(2, 4)


def rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "physician_id": ["D1", "D2", "D3", "D4", "D1"],
            "product": ["P", "P", "P", "P", "Q"],
            "status": [1, 4, -4, 0, -2],
            "indication_share": [0.3, 0.2, 0.1, 0.25, 0.5],
            "boxes_per_patient": [1.0, 2.0, 1.0, 1.0, 0.5],
        }
    )


DOCTORS = pd.DataFrame({"physician_id": ["D1", "D2", "D3", "D4"], "patients_month": [400, 300, 50, 200]})


def test_table_with_physicians_hand_checked() -> None:
    out = score_physicians(rows(), DOCTORS, cutoffs=PotentialCutoffs(high=100, medium=40))
    assert out["patients_month"].tolist() == [400, 300, 50, 200, 400]
    assert out["potential"].tolist() == [120.0, 120.0, 5.0, 50.0, 100.0]
    assert out["potential_class"].tolist() == ["high", "high", "low", "medium", "high"]
    assert out["tier"].tolist() == ["A", "B", "D", "B", "A"]
    assert out["calls_low"].tolist() == [4, 2, 0, 2, 4]
    assert out["calls_high"].tolist() == [8, 4, 0, 4, 8]
    assert out["calls_planned"].tolist() == [6, 3, 0, 3, 6]
    assert out["status_label"].tolist() == [
        "a little", "first choice", "opposed", "no prescribing", "trial/consultation",
    ]
    assert out["stage"].tolist() == [2, 4, 1, 1, 2]
    assert out["next_stage"].tolist() == [3, 4, 2, 2, 3]


def test_default_cutoffs_are_quantiles_per_product() -> None:
    rng = np.random.default_rng(3)
    n = 1000
    frame = pd.DataFrame(
        {
            "product": np.repeat(["cheap", "dear"], n // 2),
            "status": rng.integers(-4, 5, n),
            "patients_month": rng.integers(1, 500, n),
            "indication_share": rng.uniform(0.05, 0.5, n),
            # the dear product's boxes last longer: ten times fewer boxes
            "boxes_per_patient": np.repeat([5.0, 0.5], n // 2),
        }
    )
    out = score_physicians(frame)
    shares = out.groupby("product", observed=True)["potential_class"].value_counts(normalize=True)
    for product in ("cheap", "dear"):
        assert shares[product]["high"] == pytest.approx(0.3, abs=0.01)
        assert shares[product]["low"] == pytest.approx(0.3, abs=0.01)


def test_cutoffs_per_product_mapping() -> None:
    cut = {"P": PotentialCutoffs(100, 40), "Q": PotentialCutoffs(1000, 500)}
    out = score_physicians(rows(), DOCTORS, cutoffs=cut)
    assert out["potential_class"].tolist() == ["high", "high", "low", "medium", "low"]
    with pytest.raises(CourseInputError, match="no cut-offs for product 'Q'"):
        score_physicians(rows(), DOCTORS, cutoffs={"P": PotentialCutoffs(100, 40)})


def test_given_potential_score() -> None:
    frame = pd.DataFrame({"status": [2, 2, 2], "potential_score": [9.0, 5.0, 1.0]})
    out = score_physicians(frame, potential_from="score", cutoffs=PotentialCutoffs(8, 4))
    assert out["tier"].tolist() == ["A", "B", "C"]


def test_recorded_adoption_stage_is_used() -> None:
    out = score_physicians(
        rows().assign(adoption_stage=[0, 4, 1, 2, 3]), DOCTORS, cutoffs=PotentialCutoffs(100, 40)
    )
    assert out["next_step"].tolist() == [
        "unaware → aware", "loyalty / advocacy (keep)", "aware → trial", "trial → usage",
        "usage → loyalty / advocacy",
    ]


def test_vectorised_agrees_with_single_rows() -> None:
    rng = np.random.default_rng(7)
    n = 500
    frame = pd.DataFrame(
        {
            "product": rng.choice(["P", "Q"], n),
            "status": rng.integers(-4, 5, n),
            "patients_month": rng.integers(0, 600, n),
            "indication_share": rng.uniform(0, 0.6, n),
            "boxes_per_patient": rng.uniform(0.2, 3, n),
        }
    )
    cut = potential_cutoffs(rng.uniform(0, 300, 100))
    out = score_physicians(frame, cutoffs=cut)
    for row in out.itertuples():
        one = score_physician(row.status, row.potential, cut)
        assert (one.tier, one.calls.planned, one.next_step) == (row.tier, row.calls_planned, row.next_step)


def test_custom_grid_and_frequencies() -> None:
    everyone_a = {c: ("A",) * 9 for c in ("high", "medium", "low")}
    frequencies = {"A": CallFrequency(1, 1), "B": CallFrequency(1, 1), "C": CallFrequency(1, 1),
                   "D": CallFrequency(0, 0)}
    out = score_physicians(rows(), DOCTORS, cutoffs=PotentialCutoffs(100, 40), grid=everyone_a,
                           frequencies=frequencies)
    assert out["tier"].tolist() == ["A"] * 5 and out["calls_planned"].tolist() == [1] * 5
    with pytest.raises(CourseInputError, match="grid"):
        score_physicians(rows(), DOCTORS, grid={"high": ("A",) * 9})
    with pytest.raises(CourseInputError, match="grid\\['low'\\]: got 'E'"):
        score_physicians(rows(), DOCTORS, grid={**everyone_a, "low": ("E",) * 9})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": [1, 5, -4, 0, -2]}, "row 2, status: got 5; allowed: a whole number from -4 to 4"),
        ({"status": [1, 4, np.nan, 0, -2]}, "row 3, status: got an empty cell"),
        ({"indication_share": [0.3, 1.2, 0.1, 0.25, 0.5]}, "row 2, indication_share: got 1.2; allowed: a number from 0 to 1"),
        ({"boxes_per_patient": [1.0, 2.0, -1.0, 1.0, 0.5]}, "row 3, boxes_per_patient: got -1.0"),
        ({"physician_id": ["D1", "D2", "D9", "D4", "D1"]}, "row 3, physician_id: got 'D9'; allowed: a physician of the physicians table"),
    ],
)
def test_bad_rows_are_named(changes: dict[str, list[object]], message: str) -> None:
    with pytest.raises(CourseInputError) as caught:
        score_physicians(rows().assign(**changes), DOCTORS)
    assert message in str(caught.value)


def test_missing_patients_is_explained() -> None:
    with pytest.raises(CourseInputError, match="patients_month: got missing column"):
        score_physicians(rows())
    with pytest.raises(CourseInputError, match="missing: \\['status'\\]"):
        score_physicians(rows().drop(columns="status"), DOCTORS)


def test_input_is_not_changed() -> None:
    frame = rows()
    kept = frame.copy()
    score_physicians(frame, DOCTORS)
    pd.testing.assert_frame_equal(frame, kept)
