"""Deciles, target departments and customer management."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course.accounts import (
    FIELD_LABELS,
    INFORMATION_MODEL,
    SERVICE_TIERS,
    DepartmentWeights,
    add_deciles,
    assess_competition,
    compare_top_deciles,
    department_potential,
    doctor_volume,
    information_gaps,
    rank_departments,
    service_tier,
)
from course.errors import CourseInputError


def test_two_decile_methods_give_different_top_lists() -> None:
    # 100 doctors: ten big prescribers and ninety small ones
    volume = np.array([200.0, 150, 120, 100, 90, 80, 70, 60, 50, 40] + [10.0] * 90)
    frame = pd.DataFrame({"physician_id": [f"D{i:03d}" for i in range(100)], "volume": volume})
    out = add_deciles(frame)
    top = compare_top_deciles(out)
    # by count: the top 10% of doctors
    assert top["by_count"] == [f"D{i:03d}" for i in range(10)]
    # by volume: total 1860, 10% = 186; D000 starts at 0, D001 at 200 (> 186)
    assert top["by_volume"] == ["D000"]
    assert top["only_by_count"] == [f"D{i:03d}" for i in range(1, 10)]
    # every count decile holds ten doctors
    assert out["decile_by_count"].value_counts().tolist() == [10] * 10
    # each volume decile holds about a tenth of the volume
    shares = out.groupby("decile_by_volume")["volume"].sum() / volume.sum()
    assert shares.max() < 0.2


def test_no_volume_is_decile_zero_and_ties_keep_row_order() -> None:
    out = add_deciles(pd.DataFrame({"volume": [0.0, 5, 5, 0]}))
    assert out["decile_by_count"].tolist() == [0, 10, 5, 0]
    assert out["decile_by_volume"].tolist() == [0, 10, 5, 0]


def test_doctor_volume_weights_products() -> None:
    rx = pd.DataFrame(
        {
            "physician_id": ["D2", "D1", "D2"],
            "product": ["X", "X", "Y"],
            "current_boxes_month": [10.0, 30.0, 5.0],
        }
    )
    assert doctor_volume(rx).values.tolist() == [["D2", 15.0], ["D1", 30.0]]
    # weighted by price, D2's dear product makes it the bigger customer
    weighted = doctor_volume(rx, weights={"X": 10.0, "Y": 100.0})
    assert weighted.values.tolist() == [["D2", 600.0], ["D1", 300.0]]
    with pytest.raises(CourseInputError, match="no weight for product 'Y'"):
        doctor_volume(rx, weights={"X": 1.0})


def departments() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "department_id": ["H1-CAR", "H1-GEN", "H2-CAR", "H2-NEU"],
            "specialty": ["cardiology", "general_medicine", "cardiology", "neurology"],
            "doctors": [20, 10, 8, 20],
            "beds": [60, 40, 20, 60],
            "outpatients_month": [3000, 4000, 1000, 3000],
            "discharges_month": [200, 100, 50, 200],
            "indication_share": [0.5, 0.2, 0.5, 0.05],
            "is_specialty_centre": [True, False, False, False],
        }
    )


def test_target_departments_hand_checked() -> None:
    ranked = rank_departments(departments(), "cardiology")
    # H2-CAR: 0.35 + 0.25*(525/1600) + 0 + 0.15*(8/20) + 0.10*(20/60) = 0.5254
    # H1-GEN (general medicine, fit 0.5): 0.5 * (0.35 + 0.25*(820/1600) + 0.15*(10/20)
    #   + 0.10*(40/60)) = 0.3099; H2-NEU does not fit a cardiology product: 0
    assert ranked["department_id"].tolist() == ["H1-CAR", "H2-CAR", "H1-GEN", "H2-NEU"]
    assert ranked["score"].tolist() == [100.0, 52.5, 31.0, 0.0]
    assert ranked["rank"].tolist() == [1, 2, 3, 4]
    assert ranked["indication_patients"].tolist() == [1600.0, 525.0, 820.0, 160.0]
    assert ranked["is_target"].tolist() == [True, True, True, False]


def test_department_ranking_follows_the_product() -> None:
    ranked = rank_departments(departments(), "neurology", related={})
    assert ranked["department_id"].iloc[0] == "H2-NEU"
    # alone in its specialty it is the largest: everything but the centre part
    assert ranked["score"].tolist() == [85.0, 0.0, 0.0, 0.0]
    assert ranked["is_target"].tolist() == [True, False, False, False]
    fit_only = rank_departments(departments(), "cardiology", DepartmentWeights(1, 0, 0, 0, 0))
    assert fit_only["score"].tolist() == [100.0, 100.0, 50.0, 0.0]


def test_department_potential_is_the_published_estimate() -> None:
    # (3000 outpatients + 200 discharges) x 50% x 1.5 boxes
    assert department_potential(departments(), 1.5).tolist()[0] == 2400.0


def test_department_bad_cells() -> None:
    with pytest.raises(CourseInputError) as caught:
        rank_departments(departments().assign(doctors=[20, -1, 8, 20], is_specialty_centre=[True, None, False, False]), "cardiology")
    assert [(p.field, p.row) for p in caught.value.problems] == [
        ("doctors", 2), ("is_specialty_centre", 2),
    ]


def test_service_tiers_are_the_materials() -> None:
    assert list(SERVICE_TIERS) == ["A", "B", "C"]
    assert "个性化服务计划" in service_tier("A").service.zh
    assert "稳定、高效" in service_tier("B").service.zh
    assert "市场开拓" in service_tier("C").service.zh
    with pytest.raises(CourseInputError, match="grade: got 'D'"):
        service_tier("D")


def test_information_model_has_three_layers() -> None:
    assert [layer.key for layer in INFORMATION_MODEL] == ["visible", "business", "extended"]
    assert [layer.name.zh.split("·")[0] for layer in INFORMATION_MODEL] == ["可视", "相关", "延伸"]
    gaps = information_gaps({"name": "王医生", "prescribing_status": 2, "interests": " "})
    assert "name" not in gaps["visible"]
    assert "prescribing_status" not in gaps["business"]
    assert "interests" in gaps["extended"]


def test_competition_analysis() -> None:
    # the training material's case: many competitors, moderate strength, none dominant yet
    material_case = assess_competition(5, 3, False)
    assert material_case.pressure == 3 and "尚未占据绝对优势" in material_case.meaning.zh
    assert assess_competition(0, 5, False).pressure == 1
    assert assess_competition(2, 1, True).pressure == 5
    assert assess_competition(2, 5, False).pressure == 4
    assert assess_competition(2, 1, False).pressure == 2
    with pytest.raises(CourseInputError, match="strength: got 6"):
        assess_competition(2, 6, False)


def test_every_field_of_the_information_model_has_a_label_in_both_languages() -> None:
    fields = [field for layer in INFORMATION_MODEL for field in layer.fields]
    assert set(fields) == set(FIELD_LABELS)
    for field in fields:
        label = FIELD_LABELS[field]
        assert label.en == field.replace("_", " ") and label.zh and label.zh != label.en, field
