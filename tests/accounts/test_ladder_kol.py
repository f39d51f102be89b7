"""The adoption ladder (产品接纳度阶梯) and KOLs: the training material's stages, types and steps."""

from __future__ import annotations

import pandas as pd
import pytest

from course.accounts import (
    KOL_PREPARATION,
    KOL_STEPS,
    KOL_TYPES,
    STAGES,
    KolWeights,
    kol_score,
    next_stage,
    score_kols,
    stage,
    step_text,
)
from course.errors import CourseInputError


def test_ladder_has_the_materials_five_stages() -> None:
    assert [(s.number, s.name.en, s.name.zh) for s in STAGES] == [
        (0, "unaware", "不了解"),
        (1, "aware", "了解"),
        (2, "trial", "试用"),
        (3, "usage", "使用"),
        (4, "loyalty / advocacy", "忠诚/提倡"),
    ]
    assert STAGES[0].description.zh == "不了解，没有听说过"
    assert STAGES[1].description.zh == "了解产品和其使用方法，但没有使用"
    assert STAGES[2].description.zh == "在新病人或老病人中尝试使用/转换使用本企业产品"
    assert STAGES[3].description.zh == "常规性地使用本企业产品"
    assert STAGES[4].description.zh.startswith("在这类病人中首选本企业产品")


def test_each_call_moves_one_step_up() -> None:
    assert [next_stage(s) for s in range(5)] == [1, 2, 3, 4, 4]
    assert [step_text(s).en for s in range(4)] == [
        "unaware → aware", "aware → trial", "trial → usage", "usage → loyalty / advocacy",
    ]
    assert step_text(3).zh == "使用 → 忠诚/提倡"


def test_at_least_three_call_objectives_per_stage_in_both_languages() -> None:
    for s in STAGES:
        assert len(s.objectives) >= 3
        assert all(o.en and o.zh for o in s.objectives)
        assert s.goal.zh and s.goal.en


def test_stage_out_of_range() -> None:
    with pytest.raises(CourseInputError, match="adoption_stage: got -1"):
        stage(-1)


def test_kol_types_and_steps_are_the_materials() -> None:
    assert [(t.name.zh, t.strength.zh) for t in KOL_TYPES] == [
        ("学术领袖", "影响力"), ("产品讲者", "说服力"), ("处方权威", "决策权力"),
    ]
    assert [(s.number, s.name.en, s.name.zh) for s in KOL_STEPS] == [
        (1, "position", "定位"), (2, "understand", "了解"), (3, "contact", "接触"),
        (4, "keep regular contact", "定期联系"), (5, "lock in", "锁定"),
    ]
    assert tuple(q.zh for q in KOL_STEPS[4].questions) == ("讲者？", "处方？", "支持者？", "无条件朋友？")
    assert tuple(q.en for q in KOL_STEPS[3].questions) == ("weekly?", "monthly?", "quarterly?")
    assert [s.name.zh for s in KOL_PREPARATION] == ["熟悉", "了解", "技巧", "计划"]


def test_kol_score_hand_checked() -> None:
    assert kol_score(9, 6, 6) == (70.0, "academic_leader")
    assert kol_score(4, 9, 5) == (60.0, "product_speaker")
    # weights 1:1:2 -> (5 + 5 + 2*8) / 4 = 6.5
    assert kol_score(5, 5, 8, KolWeights(1, 1, 2)) == (65.0, "prescribing_authority")
    # a tie goes to the first kind in the training material's order
    assert kol_score(7, 7, 7)[1] == "academic_leader"


def test_score_kols_sorts_and_flags() -> None:
    docs = pd.DataFrame(
        {
            "physician_id": ["D1", "D2", "D3", "D4"],
            "influence": [9, 3, 6, 10],
            "speaking": [6, 9, 2, 10],
            "decision_power": [6, 3, 9, 4],
        }
    )
    out = score_kols(docs)
    assert out["physician_id"].tolist() == ["D4", "D1", "D3", "D2"]
    assert out["kol_score"].tolist() == [80.0, 70.0, 56.7, 50.0]
    assert out["is_kol"].tolist() == [True, True, False, False]
    speakers = score_kols(docs, KolWeights(0, 1, 0), threshold=90)
    assert speakers["physician_id"].tolist()[:2] == ["D4", "D2"]
    assert speakers["is_kol"].sum() == 2


def test_kol_bad_ratings() -> None:
    docs = pd.DataFrame({"influence": [9, 11], "speaking": [1, 1], "decision_power": [1, None]})
    with pytest.raises(CourseInputError) as caught:
        score_kols(docs)
    assert [(p.field, p.row) for p in caught.value.problems] == [
        ("influence", 2), ("decision_power", 2),
    ]
    with pytest.raises(CourseInputError, match="weights"):
        KolWeights(0, 0, 0)
