"""The training material's points on goals and management by objectives."""

from __future__ import annotations

from course.goals import (
    BREAKDOWN,
    IMPLEMENTATION,
    MBO_KINDS,
    MBO_PRINCIPLES,
    QUOTA_FACTORS,
    QUOTA_RULES,
    QUOTA_STEPS,
    WHY_GOALS,
)


def test_six_reasons_four_principles_two_kinds() -> None:
    assert len(WHY_GOALS) == 6 and WHY_GOALS[0].zh == "目标使我们产生积极性"
    assert len(MBO_PRINCIPLES) == 4
    kinds = {k.key: k for k in MBO_KINDS}
    assert kinds["performance"].name.zh == "提高业绩型" and kinds["performance"].direction == "top-down"
    assert kinds["capability"].name.zh == "提高能力型" and kinds["capability"].direction == "bottom-up"
    assert any("沟通" in p.zh for p in kinds["capability"].features)


def test_breakdown_quota_rules_steps_and_implementation() -> None:
    assert [p.zh for p in BREAKDOWN] == ["分阶段", "分时期", "分项目", "分产品", "分客户"]
    assert QUOTA_RULES[0].zh == "指标要细分到月" and QUOTA_RULES[-1].zh == "目标要大于指标"
    assert len(QUOTA_FACTORS) == 7 and QUOTA_FACTORS[-1].zh == "挑战更高指标"
    assert len(QUOTA_STEPS) == 4
    assert [p.zh for p in IMPLEMENTATION] == ["自我控制与自我管理", "监督与咨询", "反馈与指导", "信息管理"]
    for point in (*WHY_GOALS, *MBO_PRINCIPLES, *BREAKDOWN, *QUOTA_RULES, *QUOTA_FACTORS, *QUOTA_STEPS,
                  *IMPLEMENTATION):
        assert point.en and point.zh
