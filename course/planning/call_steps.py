"""The steps of a call, objectives per adoption stage, relationships and meetings (拜访).

Bilingual data from the training material: each text is a :class:`course.i18n.Text`, whose ``str()``
is the wording in the language in force (:func:`course.set_language`) and whose
``both`` is ``"English (中文)"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from course.accounts.ladder import STAGES
from course.i18n import Text
from course.inputs import check_choice, check_int

__all__ = [
    "CALL_STEPS",
    "GENERIC_OBJECTIVES",
    "LOYALTY",
    "MEETING_CHECKLIST",
    "RELATIONSHIP_PRACTICES",
    "ROOM_LAYOUTS",
    "STAGE_OBJECTIVES",
    "CallStep",
    "MeetingItem",
    "missing_meeting_items",
    "objectives_for_stage",
]


@dataclass(frozen=True)
class CallStep:
    """One step of a sales call."""

    key: str
    """Short code, e.g. ``"opening"``."""
    name: Text
    """The step's name (the training material's Chinese term)."""
    purpose: Text
    """What the step is for."""
    actions: tuple[Text, ...]
    """What the rep does in it."""


CALL_STEPS: tuple[CallStep, ...] = (
    CallStep("preparation", Text("Pre-call preparation", "访前准备"),
             Text("Know why you are going and what you will say.", "明确此次拜访的目的和要传递的信息。"),
             (Text("Set SMART call objectives that move the doctor one step up the adoption ladder",
                   "设定符合SMART标准的拜访目的，使客户沿“产品接纳度阶梯”向上移动"),
              Text("Read the customer record and the notes of the last call", "查阅客户记录，翻阅上次拜访记录"),
              Text("Prepare the opening, the key message (features and benefits) and the likely objections",
                   "准备开场白、关键信息（产品特征和利益）以及预测客户的反对意见"),
              Text("Know the product, the disease and the competitors", "对产品、疾病以及竞争对手信息充分了解"))),
    CallStep("opening", Text("Opening", "顺利开场"),
             Text("Earn the doctor's attention and time.", "赢得医生的注意和时间。"),
             (Text("Greet, name yourself and your company", "问候，介绍自己和公司"),
              Text("State the purpose in one sentence and ask whether now is convenient", "一句话说明来意，询问是否方便"),
              Text("Link to the last call (what was agreed)", "承接上次拜访（上次达成的共识）"))),
    CallStep("probing", Text("Probing and listening", "探询聆听"),
             Text("Find the doctor's needs before presenting anything.", "先了解医生的需求，再介绍产品。"),
             (Text("Ask open questions about patients, results and concerns", "用开放式问题了解病人、疗效和顾虑"),
              Text("Listen without interrupting or judging early", "倾听，不打断，不过早下判断"),
              Text("Confirm the need you heard", "确认听到的需求"))),
    CallStep("benefits", Text("Presenting benefits", "利益展现"),
             Text("Show how the product meets the need just confirmed.", "说明产品如何满足刚确认的需求。"),
             (Text("Turn each feature into a benefit for this doctor's patients", "把产品特征转化为对该医生病人的利益"),
              Text("Use the promotional materials to deliver the key message", "使用推广资料帮助传递产品关键信息"),
              Text("Support it with evidence (studies, guidelines)", "用证据（研究、指南）支持"))),
    CallStep("objections", Text("Handling objections", "处理异议"),
             Text("Turn doubts into information.", "把疑虑变成交流信息的机会。"),
             (Text("Clarify the objection with a question", "用提问澄清异议"),
              Text("Acknowledge it, then answer with evidence", "先认同感受，再用证据回应"),
              Text("Check that the answer satisfied the doctor", "确认医生对回答满意"))),
    CallStep("commitment", Text("Gaining commitment", "取得承诺"),
             Text("Agree a concrete next step that raises prescribing.", "取得具体承诺，以提升处方量。"),
             (Text("Ask for a specific commitment (which patients, how many, by when)",
                   "提出具体的请求（哪类病人、多少、何时）"),
              Text("Return to a commitment not reached last time", "继续以往没有达成的缔结"),
              Text("Help with a practical difficulty to deepen the partnership", "帮助客户处理实际困难，加深合作"))),
    CallStep("follow_up", Text("Summary and follow-up", "总结跟进"),
             Text("Close the call and prepare the next one.", "结束本次拜访并为下一次做准备。"),
             (Text("Summarise what was agreed", "总结达成的共识"),
              Text("Write the call notes and the next objective", "记录拜访内容和下次拜访目的"),
              Text("Follow up promptly on what you promised", "及时跟进所承诺的事情"))),
)
"""The training material's seven call steps, in order: 访前准备 → 开场 → 探询聆听 → 利益展现 → 处理异议 → 取得承诺 → 总结跟进."""

STAGE_OBJECTIVES: dict[int, tuple[Text, ...]] = {
    stage.number: stage.objectives for stage in STAGES
}
"""At least three objectives per adoption stage (0 unaware … 4 advocacy), each moving the doctor
one step up; the same as :data:`course.accounts.ladder.STAGES` (one source for both lessons)."""


GENERIC_OBJECTIVES: tuple[Text, ...] = (
    Text("Find out where the doctor stands with the product (adoption stage)", "了解医生对产品的接纳阶段"),
    Text("Learn the doctor's needs for his patients", "了解医生对其病人的需求"),
    Text("Agree the next step and the date of the next call", "约定下一步行动和下次拜访时间"),
)
"""Objectives for a doctor whose adoption stage is not known yet."""


def objectives_for_stage(stage: int, n: int = 3) -> list[Text]:
    """Return ``n`` call objectives for a doctor at adoption ``stage`` (0-4).

    Examples
    --------
    >>> [o.en for o in objectives_for_stage(1, 2)]
    ['Agree the type of patient on whom to try the product first', "Answer the doctor's main objection with clinical evidence"]
    >>> objectives_for_stage(5)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: stage: got 5; allowed: a whole number from 0 to 4
    """
    stage = check_int("stage", stage, low=0, high=4)
    n = check_int("n", n, low=0, high=len(STAGE_OBJECTIVES[stage]))
    return list(STAGE_OBJECTIVES[stage][:n])


RELATIONSHIP_PRACTICES: tuple[Text, ...] = (
    Text("Know the customer's needs", "了解客户需求"),
    Text("Book visits ahead, outside busy clinic hours", "提前预约，避开门诊繁忙时段"),
    Text("Keep a professional image", "保持专业形象"),
    Text("Bring valuable information, not only products", "提供价值信息，而不仅是销售产品"),
    Text("Build trust: listen, respect decisions, follow up", "建立信任关系：倾听、尊重决策、及时跟进"),
    Text("Work as a team", "与团队合作"),
)
"""The training material's six habits of a good customer relationship."""

LOYALTY: tuple[Text, ...] = (
    Text("Understand needs and exceed expectations", "了解客户需求，提供超出期望的服务"),
    Text("Build a long-term relationship with shared plans", "建立长期关系，共同制定长期发展计划"),
    Text("Incentives and recognition", "激励与奖励"),
)
"""The training material's three levers of customer loyalty."""


@dataclass(frozen=True)
class MeetingItem:
    """One point of the meeting organisation checklist."""

    key: str
    """Short code, e.g. ``"venue_layout"``."""
    group: str
    """``basics``, ``content`` or ``venue``."""
    label: Text
    """What to settle."""


MEETING_CHECKLIST: tuple[MeetingItem, ...] = (
    MeetingItem("purpose", "basics", Text("Purpose", "目的")),
    MeetingItem("time", "basics", Text("Time", "时间")),
    MeetingItem("place", "basics", Text("Place", "地点")),
    MeetingItem("audience", "basics", Text("Audience", "参加者")),
    MeetingItem("format", "basics", Text("Format", "形式")),
    MeetingItem("theme", "content", Text("Theme: fits the positioning, timely, focused", "主题：与定位一致，阶段性，突出重点")),
    MeetingItem("chair_speakers", "content", Text("Chair and speakers", "主席/讲者的选择")),
    MeetingItem("q_and_a", "content", Text("Questions and answers, discussion, summary", "问与答、讨论、总结")),
    MeetingItem("materials", "content", Text("Agenda, welcome letter, materials, gifts, badges", "议程/欢迎信/资料/礼品/胸卡")),
    MeetingItem("honoraria", "content", Text("Honoraria and travel costs: how much, when paid", "劳务费/交通费：何时发")),
    MeetingItem("venue_layout", "venue", Text("Room size and layout", "会场大小及布置")),
    MeetingItem("podium", "venue", Text("Chair's table, lectern, name cards", "主席台、讲台、桌卡")),
    MeetingItem("lighting", "venue", Text("Lighting", "灯光")),
    MeetingItem("screen", "venue", Text("Screen size", "屏幕大小")),
    MeetingItem("projector_check", "venue", Text("Test the slides and projector beforehand", "试片：调节幻灯、投影")),
)
"""The training material's checklist for organising a successful meeting (组织一个成功的会议/活动)."""

ROOM_LAYOUTS: dict[str, Text] = {
    "classroom": Text("Classroom", "课堂式"),
    "theatre": Text("Theatre", "剧院式"),
    "round_table": Text("Round table", "圆桌式"),
    "u_shape": Text("U-shape", "U型"),
}
"""Room layouts the training material names."""


def missing_meeting_items(done: Iterable[str]) -> list[MeetingItem]:
    """Return the checklist items not yet settled, in checklist order.

    Examples
    --------
    >>> keys = [item.key for item in MEETING_CHECKLIST if item.group != "venue"]
    >>> [item.key for item in missing_meeting_items(keys)]
    ['venue_layout', 'podium', 'lighting', 'screen', 'projector_check']
    >>> missing_meeting_items(["catering"])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: done: got 'catering'; allowed: one of 'purpose', 'time', 'place', 'audience', 'format', 'theme', 'chair_speakers', 'q_and_a', 'materials', 'honoraria', 'venue_layout', 'podium', 'lighting', 'screen', 'projector_check'
    """
    keys = [item.key for item in MEETING_CHECKLIST]
    settled = {check_choice("done", key, keys) for key in done}
    return [item for item in MEETING_CHECKLIST if item.key not in settled]
