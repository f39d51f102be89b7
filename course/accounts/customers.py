"""Customer management (客户管理): service tiers, the information model, competition.

* **Service tiers** — the training material serves A customers with a personalised service
  plan, B customers with stable, efficient supply and C customers with market
  development (:data:`SERVICE_TIERS`).
* **Customer information model** (客户信息模型) — three layers: visible basics
  (可视·基本信息), business facts (相关·业务信息) and extended information
  (延伸·衍伸信息). The training material's examples come from car sales (car, mileage,
  insurance); :data:`INFORMATION_MODEL` gives the doctor's equivalents.
* **Management principles** — dynamic (monthly changes), focused (weekly
  review), fully used, one owner per record (security).
* **Competition analysis** (竞争分析) — number of competitors, their strength,
  whether one dominates, summarised as the 1-5 pressure used in hospital grading.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from course.i18n import Text
from course.inputs import check_choice, check_int

__all__ = [
    "FIELD_LABELS",
    "INFORMATION_MODEL",
    "MANAGEMENT_PRINCIPLES",
    "SERVICE_TIERS",
    "CompetitionView",
    "InfoLayer",
    "ServiceTier",
    "assess_competition",
    "information_gaps",
    "service_tier",
]


@dataclass(frozen=True)
class ServiceTier:
    """How a customer grade is served."""

    grade: str
    """A, B or C."""
    service: Text
    """The service (the training material's wording)."""


SERVICE_TIERS: dict[str, ServiceTier] = {
    "A": ServiceTier("A", Text("personalised service plan: professional, complete solutions",
                               "制定个性化服务计划，提供专业、全面的解决方案")),
    "B": ServiceTier("B", Text("stable, efficient supply and service: keep the good cooperation",
                               "提供稳定、高效的产品和服务，保持良好合作关系")),
    "C": ServiceTier("C", Text("market development: widen coverage and make the brand known",
                               "加强市场开拓，提高产品覆盖率和品牌知名度")),
}
"""The training material's service for A, B and C customers."""


def service_tier(grade: str) -> ServiceTier:
    """Return how customers of ``grade`` (A/B/C, e.g. a hospital's grade) are served.

    Examples
    --------
    >>> service_tier("A").service.zh
    '制定个性化服务计划，提供专业、全面的解决方案'
    """
    return SERVICE_TIERS[check_choice("grade", grade, list(SERVICE_TIERS))]


@dataclass(frozen=True)
class InfoLayer:
    """One layer of the customer information model."""

    key: str
    """``visible``, ``business`` or ``extended``."""
    name: Text
    """The layer's name (the training material's)."""
    fields: tuple[str, ...]
    """What to record for a doctor (field names)."""
    material_examples: str
    """The training material's own examples, in its Chinese (from car sales)."""


INFORMATION_MODEL: tuple[InfoLayer, ...] = (
    InfoLayer("visible", Text("visible basics", "可视·基本信息"),
              ("name", "hospital", "department", "title", "age", "gender", "phone"),
              "年龄，性别，车辆，工作情况，家庭等"),
    InfoLayer("business", Text("business facts", "相关·业务信息"),
              ("products_used", "prescribing_status", "potential", "patients_month",
               "call_history", "best_visit_time"),
              "使用年限，车型，里程，保险等"),
    InfoLayer("extended", Text("extended information", "延伸·衍伸信息"),
              ("family_and_friends", "interests", "career_goals", "academic_activities",
               "personal_preferences"),
              "亲友，宠物，工作单位，个人喜好，职业特点等"),
)
"""The three layers, with the fields a representative keeps for a doctor."""

FIELD_LABELS: dict[str, Text] = {
    "name": Text("name", "姓名"),
    "hospital": Text("hospital", "医院"),
    "department": Text("department", "科室"),
    "title": Text("title", "职称"),
    "age": Text("age", "年龄"),
    "gender": Text("gender", "性别"),
    "phone": Text("phone", "电话"),
    "products_used": Text("products used", "使用的产品"),
    "prescribing_status": Text("prescribing status", "处方现状"),
    "potential": Text("potential", "处方潜力"),
    "patients_month": Text("patients month", "每月病人数"),
    "call_history": Text("call history", "拜访记录"),
    "best_visit_time": Text("best visit time", "最佳拜访时间"),
    "family_and_friends": Text("family and friends", "亲友"),
    "interests": Text("interests", "兴趣爱好"),
    "career_goals": Text("career goals", "职业目标"),
    "academic_activities": Text("academic activities", "学术活动"),
    "personal_preferences": Text("personal preferences", "个人喜好"),
}
"""How a lesson names each field of :data:`INFORMATION_MODEL` (``str(label)`` in the language in force).

Examples
--------
>>> FIELD_LABELS["products_used"].en, FIELD_LABELS["products_used"].zh
('products used', '使用的产品')
"""

MANAGEMENT_PRINCIPLES: tuple[Text, ...] = (
    Text("dynamic: update the records every month", "动态管理：月变更"),
    Text("focused: review key customers every week", "重点管理：周讨论"),
    Text("fully used: records feed every plan and call", "充分使用"),
    Text("one owner per record: keeps the data safe", "专人负责：安全性"),
)
"""The training material's four principles of customer management."""


def information_gaps(record: Mapping[str, object]) -> dict[str, list[str]]:
    """List, layer by layer, the information-model fields a record still lacks.

    A field is missing when absent, ``None`` or an empty string.

    Examples
    --------
    >>> gaps = information_gaps({"name": "王医生", "hospital": "H01", "interests": "golf"})
    >>> gaps["visible"]
    ['department', 'title', 'age', 'gender', 'phone']
    >>> "interests" in gaps["extended"]
    False
    """
    def missing(name: str) -> bool:
        value = record.get(name)
        return value is None or (isinstance(value, str) and not value.strip())

    return {layer.key: [f for f in layer.fields if missing(f)] for layer in INFORMATION_MODEL}


@dataclass(frozen=True)
class CompetitionView:
    """The summary of a competition analysis."""

    pressure: int
    """Competitive pressure 1 (none) to 5 (one competitor dominates), as in hospital grading."""
    meaning: Text
    """What it means for us."""


def assess_competition(competitors: int, strength: int, dominant: bool) -> CompetitionView:
    """Summarise the training material's three questions into a 1-5 competitive pressure.

    ``competitors`` is how many competing products are used, ``strength`` their
    strength from 1 (weak) to 5 (strong), ``dominant`` whether one of them has
    an absolute advantage. No competitor → 1; one dominating → 5; otherwise the
    strength, kept between 2 and 4. The training material's favourable case — many
    competitors of moderate strength, none dominant yet — is pressure 3: a
    fragmented market with room to win share.

    Examples
    --------
    >>> assess_competition(5, 3, False).pressure
    3
    >>> assess_competition(1, 5, True).pressure
    5
    >>> assess_competition(0, 1, False).meaning.en
    'no competitor yet: be first and set the standard of care'
    """
    count = check_int("competitors", competitors, low=0)
    power = check_int("strength", strength, low=1, high=5)
    if not isinstance(dominant, bool):
        check_choice("dominant", dominant, (True, False))
    if count == 0:
        return CompetitionView(1, Text("no competitor yet: be first and set the standard of care",
                                       "尚无竞争对手：抢先进入，建立治疗标准"))
    if dominant:
        return CompetitionView(5, Text("one competitor dominates: win specific patients or departments first",
                                       "竞争对手已占绝对优势：先争取特定病人或科室"))
    pressure = min(max(power, 2), 4)
    if count >= 3 and pressure <= 3:
        return CompetitionView(pressure,
                               Text("many competitors, none dominant: room to win share",
                                    "竞争对手数量多、强度一般、尚未占据绝对优势：有机会争取份额"))
    return CompetitionView(pressure,
                           Text("competition without a leader: differentiate clearly", "竞争对手尚未占据绝对优势：突出差异化优势"))
