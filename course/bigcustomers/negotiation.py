"""Preparing a negotiation with a big customer (大客户谈判技巧与策略).

The material announces negotiation skills and strategies but keeps only a
heading; its words on persuading an expert are the nearest it comes
(:data:`MATERIAL_PERSUASION`): persuade from the customer's needs, bring full
information and evidence, show how the product meets the need the customer
expressed — *a decision good for both sides* (这是一个互利的决定). Its
preparation list for expert work (熟悉 / 了解 / 技巧 / 计划,
:data:`course.accounts.kol.KOL_PREPARATION`) is the preparation used here.

The course adds the published method that says the same thing at length:
*principled negotiation* (Fisher & Ury, *Getting to Yes*, 1981,
:data:`PRINCIPLES`), and what a representative may put on the table today
(:data:`OFFERS`, :data:`ASKS`): access, information, education, services and
the formulary process, with the institution's consent — never gifts, money,
prescription counts or sales commitments. Each forbidden item cites its rule
from :mod:`course.compliance.rules`. :func:`prepare_negotiation` checks a
preparation sheet against all of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from course.accounts.kol import KOL_PREPARATION
from course.compliance.rules import NMPA_PROHIBITED, RULES
from course.i18n import Text
from course.inputs import check_choice

__all__ = [
    "ASKS",
    "INTERESTS",
    "MATERIAL_PERSUASION",
    "OFFERS",
    "PREPARATION",
    "PRINCIPLES",
    "Item",
    "NegotiationSheet",
    "prepare_negotiation",
]

MATERIAL_PERSUASION: tuple[Text, ...] = (
    Text("Only persuading from the customer's needs leads to agreement.", "针对客户的需求去说服才能达成共识。"),
    Text("Bring full prescribing information and its evidence, so the customer knows that speaking "
         "well of you has grounds.", "提供详尽的处方资料，理论依据，使客户知道给你说好话是有根据的。"),
    Text("Bring material showing how your product meets the need the customer expressed: a decision "
         "good for both sides.", "提供资料证明你的公司产品能提供哪些具体方式来满足他所表达的需要。这是一个互利的决定。"),
)
"""The material's words on winning an expert's support (取得KOL客户的支持)."""

PRINCIPLES: dict[str, Text] = {
    "people": Text("Separate the people from the problem", "把人和问题分开"),
    "interests": Text("Focus on interests, not positions", "着眼于利益，而不是立场"),
    "options": Text("Invent options for mutual gain", "创造互利的选择"),
    "criteria": Text("Insist on objective criteria (evidence, guidelines, the hospital's rules)",
                     "坚持客观标准（证据、指南、医院的规定）"),
    "walk_away": Text("Know your best alternative to an agreement (BATNA) before you start",
                      "谈判前明确达不成协议时的最佳替代方案（BATNA）"),
}
"""Principled negotiation (Fisher & Ury, 1981): the course's addition to the material."""

PREPARATION: dict[str, int] = {"know": 1, "understand": 2, "skills": 3, "plan": 4}
"""The four preparation steps by key → their number in :data:`~course.accounts.kol.KOL_PREPARATION`
(熟悉, 了解, 技巧, 计划)."""

if len(PREPARATION) != len(KOL_PREPARATION):  # pragma: no cover - a guard on the shared list
    raise RuntimeError("course.bigcustomers.negotiation.PREPARATION is out of step with KOL_PREPARATION")

INTERESTS: dict[str, Text] = {
    "evidence": Text("clinical evidence and guidelines", "临床证据与指南"),
    "patient_education": Text("patient education", "患者教育"),
    "staff_training": Text("training for doctors and nurses", "医护人员培训"),
    "formulary_process": Text("complete documents for the formulary review", "进药评审所需的完整资料"),
    "safety": Text("safety information and adverse-reaction reporting", "安全性信息与不良反应报告"),
    "supply": Text("reliable supply", "稳定供应"),
    "clinic_time": Text("visits that do not disturb clinic work", "不打扰诊疗工作的拜访安排"),
}
"""What a hospital or a department may want from a company (the customer's interests)."""


@dataclass(frozen=True)
class Item:
    """Something a representative could put on the table: an offer or an ask."""

    label: Text
    """What it is."""
    serves: frozenset[str] = frozenset()
    """The :data:`INTERESTS` it serves (offers only)."""
    rule: Text | None = None
    """The rule that forbids it; ``None`` when a representative may offer or ask it."""

    @property
    def allowed(self) -> bool:
        """True when no rule forbids it.

        Examples
        --------
        >>> OFFERS["gift"].allowed, OFFERS["literature"].allowed
        (False, True)
        """
        return self.rule is None


def _nmpa(prohibition: str) -> Text:
    """One of the 2020 measures' prohibitions (:data:`course.compliance.rules.NMPA_PROHIBITED`), cited."""
    text = next(p.text for p in NMPA_PROHIBITED if p.key == prohibition)
    measures = RULES["nmpa_2020"]
    return Text(f"A representative must not {text.en} ({measures.name.zh}, NMPA, {measures.dated.en}).",
                f"医药代表不得{text.zh}（{measures.name.zh}，{measures.issuer.zh}，{measures.dated.zh}）。")


def _ifpma(en: str, zh: str) -> Text:
    """A rule of the IFPMA Code of Practice (:data:`course.compliance.rules.RULES`), cited."""
    code = RULES["ifpma"]
    return Text(f"{en} ({code.name.en}, {code.dated.en}).", f"{zh}（{code.name.zh}，{code.dated.zh}）。")


_NO_GIFTS = _ifpma("No gifts for a healthcare professional's personal benefit", "不得向医疗卫生专业人士赠送个人礼品")
_MODEST_MEALS = _ifpma("Hospitality only modest and secondary to a scientific purpose",
                       "招待须适度，且从属于学术目的")
_NO_INDUCEMENT = _ifpma("No payment or benefit to induce prescribing", "不得以任何给付或利益诱导处方")
_NO_SPONSOR = _nmpa("donations")
_NO_SALES_TASK = _nmpa("sales_tasks")
_NO_COUNTING = _nmpa("prescription_counts")

OFFERS: dict[str, Item] = {
    "literature": Item(Text("papers, guideline summary and the approved product information",
                            "文献、指南摘要和经批准的产品资料"), frozenset({"evidence"})),
    "department_meeting": Item(Text("a department meeting on the evidence, held with the hospital's consent",
                                    "经医院同意举办的科室会，讲解证据"),
                               frozenset({"evidence", "staff_training"})),
    "cme_speaker": Item(Text("an independent expert speaker for a continuing-education session",
                             "为继续教育课程邀请独立专家讲课"), frozenset({"staff_training"})),
    "patient_leaflets": Item(Text("approved patient-education leaflets", "经审批的患者教育材料"),
                             frozenset({"patient_education"})),
    "formulary_dossier": Item(Text("the product's dossier for the listing application (the hospital's committee decides)",
                                   "供进药申请使用的产品资料（由医院药事委员会决定）"),
                              frozenset({"formulary_process"})),
    "safety_contact": Item(Text("a named medical contact for questions and adverse-reaction reports",
                                "指定医学联系人，解答问题并接收不良反应报告"), frozenset({"safety"})),
    "supply_contact": Item(Text("a named contact in the company's supply team or distributor",
                                "公司供应团队或经销商的指定联系人"), frozenset({"supply"})),
    "visit_schedule": Item(Text("fixed visit times agreed with the department, outside clinic hours",
                                "与科室约定固定的拜访时间，避开门诊时段"), frozenset({"clinic_time"})),
    "gift": Item(Text("a gift for the department head", "给科主任送礼"), rule=_NO_GIFTS),
    "banquet": Item(Text("a dinner at an expensive restaurant", "在高档餐厅宴请"), rule=_MODEST_MEALS),
    "per_prescription_fee": Item(Text("a payment for each prescription", "按处方给付费用"), rule=_NO_INDUCEMENT),
    "department_sponsorship": Item(Text("money paid to the department's own fund", "把钱直接付给科室"),
                                   rule=_NO_SPONSOR),
}
"""What a representative could offer; the forbidden ones carry the rule."""

ASKS: dict[str, Item] = {
    "visit_slot": Item(Text("agree a regular visit time", "约定固定的拜访时间")),
    "meeting_date": Item(Text("agree a date for the department meeting", "约定科室会日期")),
    "listing_review": Item(Text("put the listing application to the hospital's committee", "将进药申请提交医院药事委员会")),
    "clinical_feedback": Item(Text("feedback on the product's use in suitable patients, for the medical team",
                                   "反馈产品在合适病人中的使用体会，供医学团队参考")),
    "prescription_promise": Item(Text("a promise of a number of prescriptions a month", "承诺每月处方量"),
                                 rule=_NO_SALES_TASK),
    "prescription_counts": Item(Text("each doctor's prescription figures from the pharmacy", "从药房获取每位医生的处方数据"),
                                rule=_NO_COUNTING),
}
"""What a representative could ask of the customer; the forbidden ones carry the rule."""


@dataclass(frozen=True)
class NegotiationSheet:
    """A checked preparation sheet for one negotiation."""

    customer: str
    """Who the negotiation is with."""
    served: dict[str, tuple[str, ...]]
    """Each interest of the customer → the chosen offers that serve it (empty when none)."""
    off_target: tuple[str, ...]
    """Allowed offers that serve none of the customer's interests."""
    blocked: tuple[str, ...]
    """Chosen offers and asks a rule forbids (keys of :data:`OFFERS` or :data:`ASKS`)."""
    preparation_missing: tuple[str, ...]
    """Preparation steps (:data:`PREPARATION`) not yet done."""
    has_walk_away: bool
    """Whether the best alternative to an agreement is written down."""
    asks: tuple[str, ...]
    """The allowed asks chosen."""

    @property
    def unserved(self) -> tuple[str, ...]:
        """Interests no chosen offer serves.

        Examples
        --------
        >>> prepare_negotiation("H01", ["evidence", "supply"], ["literature"], []).unserved
        ('supply',)
        """
        return tuple(k for k, offers in self.served.items() if not offers)

    @property
    def ready(self) -> bool:
        """True when nothing is forbidden, every interest is served, the four steps are done,
        the walk-away is written down and there is at least one ask.

        Examples
        --------
        >>> prepare_negotiation("H01", ["evidence"], ["literature"], ["meeting_date"],
        ...                     walk_away="keep calling on the department", preparation=PREPARATION).ready
        True
        """
        return (not self.blocked and not self.unserved and not self.preparation_missing
                and self.has_walk_away and bool(self.asks))


def _keys(field: str, values: Iterable[str], allowed: Iterable[str]) -> list[str]:
    listed = list(allowed)
    seen: list[str] = []
    for value in values:
        key = check_choice(field, value, listed)
        if key not in seen:
            seen.append(key)
    return seen


def prepare_negotiation(
    customer: str,
    interests: Iterable[str],
    offers: Iterable[str],
    asks: Iterable[str],
    walk_away: str = "",
    preparation: Iterable[str] = (),
) -> NegotiationSheet:
    """Check a negotiation preparation sheet.

    Parameters
    ----------
    customer
        Who the negotiation is with (e.g. a hospital's code or a department).
    interests
        Keys of :data:`INTERESTS`: what the customer wants.
    offers
        Keys of :data:`OFFERS`: what you bring.
    asks
        Keys of :data:`ASKS`: what you ask for.
    walk_away
        Your best alternative if there is no agreement, in your words.
    preparation
        Keys of :data:`PREPARATION` you have done (熟悉, 了解, 技巧, 计划).

    Examples
    --------
    >>> sheet = prepare_negotiation("H01 cardiology", ["evidence", "formulary_process"],
    ...                             ["department_meeting", "gift", "supply_contact"],
    ...                             ["listing_review", "prescription_counts"], preparation=["know"])
    >>> sheet.served
    {'evidence': ('department_meeting',), 'formulary_process': ()}
    >>> sheet.blocked, sheet.off_target, sheet.asks
    (('gift', 'prescription_counts'), ('supply_contact',), ('listing_review',))
    >>> sheet.preparation_missing, sheet.has_walk_away, sheet.ready
    (('understand', 'skills', 'plan'), False, False)
    >>> prepare_negotiation("H01", ["prices"], [], [])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: interest: got 'prices'; allowed: one of 'evidence', 'patient_education', 'staff_training', 'formulary_process', 'safety', 'supply', 'clinic_time'
    """
    wanted = _keys("interest", interests, INTERESTS)
    offered = _keys("offer", offers, OFFERS)
    asked = _keys("ask", asks, ASKS)
    done = set(_keys("preparation", preparation, PREPARATION))
    allowed_offers = [k for k in offered if OFFERS[k].allowed]
    served = {i: tuple(k for k in allowed_offers if i in OFFERS[k].serves) for i in wanted}
    off_target = tuple(k for k in allowed_offers if not OFFERS[k].serves & set(wanted))
    blocked = tuple([k for k in offered if not OFFERS[k].allowed] + [k for k in asked if not ASKS[k].allowed])
    return NegotiationSheet(
        customer=str(customer).strip(),
        served=served,
        off_target=off_target,
        blocked=blocked,
        preparation_missing=tuple(k for k in PREPARATION if k not in done),
        has_walk_away=bool(str(walk_away or "").strip()),
        asks=tuple(k for k in asked if ASKS[k].allowed),
    )
