"""Management by objectives (目标管理) in the training material's words: why goals, MBO, quotas, implementation.

Bilingual data for the lesson and the exercises, in the training material's order.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BREAKDOWN",
    "IMPLEMENTATION",
    "MBO_KINDS",
    "MBO_PRINCIPLES",
    "QUOTA_FACTORS",
    "QUOTA_RULES",
    "QUOTA_STEPS",
    "WHY_GOALS",
    "MboKind",
    "Point",
]


@dataclass(frozen=True)
class Point:
    """One point of a slide, in both languages."""

    en: str
    """In English."""
    zh: str
    """The training material's words."""


WHY_GOALS: tuple[Point, ...] = (
    Point("Goals motivate us", "目标使我们产生积极性"),
    Point("Goals set our priorities", "目标使我们安排轻重缓急"),
    Point("Goals release our potential", "目标引导我们发挥潜能"),
    Point("Goals let us take hold of the present", "目标使我们有能力把握现在"),
    Point("Goals make progress measurable", "目标有助于评估进展"),
    Point("Goals let us prepare in advance", "目标使我们未雨绸缪"),
)
"""Why goals matter (目标的意义): success = goals (成功=目标)."""

MBO_PRINCIPLES: tuple[Point, ...] = (
    Point("Clear goals: agreed and made public", "明确的目标:认同,公之于众"),
    Point("Focus on the goals: simple and concentrated", "对目标的专注:简单,集中"),
    Point("Turn goals into concrete measures and clear work orders", "把目标变成具体的措施和明确的工作指令"),
    Point("Follow up the goals and review them at stages", "对目标的跟进与阶段性检查评估"),
)
"""Management by objectives (Peter Drucker's MBO) as the training material states it."""


@dataclass(frozen=True)
class MboKind:
    """One of the two kinds of management by objectives."""

    key: str
    """``"performance"`` or ``"capability"``."""
    en: str
    """Name in English."""
    zh: str
    """The training material's name."""
    focus: Point
    """What it centres on."""
    direction: str
    """How goals are set: ``"top-down"`` or ``"bottom-up"``."""
    features: tuple[Point, ...]
    """The training material's points."""


MBO_KINDS: tuple[MboKind, ...] = (
    MboKind("performance", "Performance-improving", "提高业绩型", Point("results", "注重结果"), "top-down", (
        Point("Centred on improving results", "以提高业绩为中心"),
        Point("Goals set top-down, level by level", "自上而下,逐渐制定目标"),
        Point("Goals linked in a chain", "建立目标之间的连锁"),
    )),
    MboKind("capability", "Capability-improving", "提高能力型", Point("process", "过程管理"), "bottom-up", (
        Point("Centred on the process", "重点是过程"),
        Point("Centred on the individual", "以个人为中心"),
        Point("Goals set bottom-up", "自下而上制定目标"),
        Point("The manager's role: communicate and coach", "上级的作用是沟通,指导"),
    )),
)
"""The two kinds of MBO (目标管理的分类)."""

BREAKDOWN: tuple[Point, ...] = (
    Point("by stage", "分阶段"), Point("by period", "分时期"), Point("by project", "分项目"),
    Point("by product", "分产品"), Point("by customer", "分客户"),
)
"""Breaking a goal down (目标的细分管理)."""

QUOTA_RULES: tuple[Point, ...] = (
    Point("Split the quota into months", "指标要细分到月"),
    Point("Name who is responsible: the target customers", "指标要明确责任者(目标客户)"),
    Point("Help target customers find their downstream customers", "帮助目标客户找到下游客户"),
    Point("Your personal target must exceed the quota", "目标要大于指标"),
)
"""Rules for a quota (对于指标分配)."""

QUOTA_FACTORS: tuple[Point, ...] = (
    Point("Customers' economics and potential", "考虑客户的消费经济、潜力"),
    Point("Each area's current usage against its maximum potential", "考虑各区域现有用量与最大潜力"),
    Point("Competitors' investment and performance", "考虑竞争对手投入及表现"),
    Point("How hard the market is to develop and manage", "考虑市场开发、管理的难易程度"),
    Point("The company's investment", "考虑公司的投入"),
    Point("The rep's growth in ability", "代表的能力成长"),
    Point("Challenge a higher target", "挑战更高指标"),
)
"""What a quota allocation weighs (销售指标的分配)."""

QUOTA_STEPS: tuple[Point, ...] = (
    Point("Enter the sales forecast per product", "将销售预测按产品填入计划"),
    Point("Add up the total forecast", "计算总预计销量"),
    Point("If the forecast is below the quota, find where more can be sold", "如果预计量少于指标,应分析哪处可再提高销量"),
    Point("Decide how to strengthen promotion to reach the quota", "应考虑如何加强促销力度来达成指标"),
)
"""The training material's steps of allocating a quota (分配指标的步骤); see :func:`course.goals.plan_to_quota`."""

IMPLEMENTATION: tuple[Point, ...] = (
    Point("Self-control and self-management", "自我控制与自我管理"),
    Point("Supervision and consultation", "监督与咨询"),
    Point("Feedback and coaching", "反馈与指导"),
    Point("Information management", "信息管理"),
)
"""Implementing goals (目标实施), one of the four links of the MBO system."""
