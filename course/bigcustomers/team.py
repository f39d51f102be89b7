"""The senior representative (高级医药代表) and the resources behind them.

Big customers are worked by senior representatives with the help of others.
The material's senior-representative deck (高级医药代表培训-客户管理) lists six
requirements, and 如何做一个优秀的医药代表 names the "more important
resources" (更重要的资源): your manager and the neighbouring departments.
Lesson 1 introduces both; lesson 7 uses them for team work on a big customer.
"""

from __future__ import annotations

from collections.abc import Iterable

from course.i18n import Text
from course.inputs import check_choice

__all__ = ["MORE_RESOURCES", "SENIOR_REQUIREMENTS", "requirements_to_build"]

SENIOR_REQUIREMENTS: dict[str, Text] = {
    "product_knowledge": Text("More knowledge of the products", "需具备更多关于产品的知识"),
    "logic": Text("More logical, analytical thinking", "思维需更具有逻辑，分析能力"),
    "standards": Text("Higher standards in everything", "对事物需有更高的要求"),
    "team_work": Text("More willing to work in a team", "更乐于团队协作"),
    "senior_decision_makers": Text("The courage to present to higher-level decision makers",
                                   "有勇气向更高层面的决策人物推广"),
    "business_adviser": Text("Becoming the customer's business adviser", "能成为客户心目中的业务顾问"),
}
"""The six requirements of a senior representative, in the material's order.

Examples
--------
>>> len(SENIOR_REQUIREMENTS), SENIOR_REQUIREMENTS["logic"].zh
(6, '思维需更具有逻辑，分析能力')
"""

MORE_RESOURCES: dict[str, Text] = {
    "manager": Text("your manager", "上级"),
    "neighbouring_departments": Text("neighbouring departments", "友邻部门"),
}
"""The "more important resources" (更重要的资源) the material names.

Examples
--------
>>> [r.zh for r in MORE_RESOURCES.values()]
['上级', '友邻部门']
"""


def requirements_to_build(have: Iterable[str]) -> list[str]:
    """The senior requirements not yet in ``have``, in the material's order.

    Parameters
    ----------
    have
        Keys of :data:`SENIOR_REQUIREMENTS` you already meet.

    Examples
    --------
    >>> requirements_to_build(["product_knowledge", "team_work", "logic"])
    ['standards', 'senior_decision_makers', 'business_adviser']
    >>> requirements_to_build(["charm"])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: requirement: got 'charm'; allowed: one of 'product_knowledge', 'logic', 'standards', 'team_work', 'senior_decision_makers', 'business_adviser'
    """
    done = {check_choice("requirement", key, list(SENIOR_REQUIREMENTS)) for key in have}
    return [key for key in SENIOR_REQUIREMENTS if key not in done]
