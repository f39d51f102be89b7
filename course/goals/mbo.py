"""Management by objectives (目标管理) in the training material's words: why goals, MBO, quotas, implementation.

Bilingual data (:class:`course.i18n.Text`) for the lesson and the exercises, in the training material's order.
"""

from __future__ import annotations

from dataclasses import dataclass

from course.i18n import Text

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
]


WHY_GOALS: tuple[Text, ...] = (
    Text("Goals motivate us", "目标使我们产生积极性"),
    Text("Goals set our priorities", "目标使我们安排轻重缓急"),
    Text("Goals release our potential", "目标引导我们发挥潜能"),
    Text("Goals let us take hold of the present", "目标使我们有能力把握现在"),
    Text("Goals make progress measurable", "目标有助于评估进展"),
    Text("Goals let us prepare in advance", "目标使我们未雨绸缪"),
)
"""Why goals matter (目标的意义): success = goals (成功=目标)."""

MBO_PRINCIPLES: tuple[Text, ...] = (
    Text("Clear goals: agreed and made public", "明确的目标：认同，公之于众"),
    Text("Focus on the goals: simple and concentrated", "对目标的专注：简单，集中"),
    Text("Turn goals into concrete measures and clear work orders", "把目标变成具体的措施和明确的工作指令"),
    Text("Follow up the goals and review them at stages", "对目标的跟进与阶段性检查评估"),
)
"""Management by objectives (Peter Drucker's MBO) as the training material states it."""


@dataclass(frozen=True)
class MboKind:
    """One of the two kinds of management by objectives."""

    key: str
    """``"performance"`` or ``"capability"``."""
    name: Text
    """Its name (the training material's)."""
    focus: Text
    """What it centres on."""
    direction: str
    """How goals are set: ``"top-down"`` or ``"bottom-up"``."""
    features: tuple[Text, ...]
    """The training material's points."""


MBO_KINDS: tuple[MboKind, ...] = (
    MboKind("performance", Text("Performance-improving", "提高业绩型"), Text("results", "注重结果"), "top-down", (
        Text("Centred on improving results", "以提高业绩为中心"),
        Text("Goals set top-down, level by level", "自上而下，逐渐制定目标"),
        Text("Goals linked in a chain", "建立目标之间的连锁"),
    )),
    MboKind("capability", Text("Capability-improving", "提高能力型"), Text("process", "过程管理"), "bottom-up", (
        Text("Centred on the process", "重点是过程"),
        Text("Centred on the individual", "以个人为中心"),
        Text("Goals set bottom-up", "自下而上制定目标"),
        Text("The manager's role: communicate and coach", "上级的作用是沟通，指导"),
    )),
)
"""The two kinds of MBO (目标管理的分类)."""

BREAKDOWN: tuple[Text, ...] = (
    Text("by stage", "分阶段"), Text("by period", "分时期"), Text("by project", "分项目"),
    Text("by product", "分产品"), Text("by customer", "分客户"),
)
"""Breaking a goal down (目标的细分管理)."""

QUOTA_RULES: tuple[Text, ...] = (
    Text("Split the quota into months", "指标要细分到月"),
    Text("Name who is responsible: the target customers", "指标要明确责任者（目标客户）"),
    Text("Help target customers find their downstream customers", "帮助目标客户找到下游客户"),
    Text("Your personal target must exceed the quota", "目标要大于指标"),
)
"""Rules for a quota (对于指标分配), in the material's words.

Since China's 2020 rules a registered representative carries no sales quota: these rules are the
sales team's (lesson 3's compliance block, ``course.compliance``)."""

QUOTA_FACTORS: tuple[Text, ...] = (
    Text("Customers' economics and potential", "考虑客户的消费经济、潜力"),
    Text("Each area's current usage against its maximum potential", "考虑各区域现有用量与最大潜力"),
    Text("Competitors' investment and performance", "考虑竞争对手投入及表现"),
    Text("How hard the market is to develop and manage", "考虑市场开发、管理的难易程度"),
    Text("The company's investment", "考虑公司的投入"),
    Text("The rep's growth in ability", "代表的能力成长"),
    Text("Challenge a higher target", "挑战更高指标"),
)
"""What a quota allocation weighs (销售指标的分配)."""

QUOTA_STEPS: tuple[Text, ...] = (
    Text("Enter the sales forecast per product", "将销售预测按产品填入计划"),
    Text("Add up the total forecast", "计算总预计销量"),
    Text("If the forecast is below the quota, find where more can be sold", "如果预计量少于指标，应分析哪处可再提高销量"),
    Text("Decide how to strengthen promotion to reach the quota", "应考虑如何加强促销力度来达成指标"),
)
"""The training material's steps of allocating a quota (分配指标的步骤); see :func:`course.goals.plan_to_quota`."""

IMPLEMENTATION: tuple[Text, ...] = (
    Text("Self-control and self-management", "自我控制与自我管理"),
    Text("Supervision and consultation", "监督与咨询"),
    Text("Feedback and coaching", "反馈与指导"),
    Text("Information management", "信息管理"),
)
"""Implementing goals (目标实施), one of the four links of the MBO system."""
