"""The rules a pharmaceutical representative works under today, named and dated.

The training material predates them. The course names three public rules and
leaves room for the fourth that counts most in practice, the company's own
policy. Each rule is a :class:`Rule`; the Chinese measures' list of what a
representative must not do is :data:`NMPA_PROHIBITED`.

Examples
--------
>>> from course.i18n import set_language
>>> set_language("en")
>>> print(RULES["nmpa_2020"].citation())
《医药代表备案管理办法（试行）》 (Measures for the Filing of Pharmaceutical Representatives, trial), National Medical Products Administration (NMPA), published 30 September 2020, in force from 1 December 2020
>>> [p.key for p in NMPA_PROHIBITED][:3]
['unregistered', 'no_consent', 'sales_tasks']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from course.i18n import Text
from course.inputs import check_choice

__all__ = ["NMPA_PROHIBITED", "RULES", "Prohibition", "Rule", "rule"]


@dataclass(frozen=True)
class Rule:
    """A rule a representative follows today, with who issued it and when."""

    key: str
    """Short name used by the cases, e.g. ``"nmpa_2020"``."""
    name: Text
    """The rule's title."""
    issuer: Text
    """Who issued it."""
    published: date | None
    """When it was published (None for a company's own policy)."""
    dated: Text
    """The date as a reader cites it, e.g. "published 30 September 2020"."""
    summary: Text
    """What it asks of a representative, in a sentence or two."""

    def citation(self) -> str:
        """The rule's name, issuer and date in the language in force.

        Examples
        --------
        >>> from course.i18n import set_language
        >>> set_language("zh")
        >>> print(RULES["ifpma"].citation())
        《国际制药企业协会行为准则》，国际制药企业协会，2019年版
        >>> set_language("en")
        """
        name_en = f"{self.name.zh} ({self.name.en})" if self.key == "nmpa_2020" else self.name.en
        return str(Text(", ".join(part for part in (name_en, self.issuer.en, self.dated.en) if part),
                        "，".join(part for part in (self.name.zh, self.issuer.zh, self.dated.zh) if part)))


@dataclass(frozen=True)
class Prohibition:
    """One thing the Chinese measures say a representative must not do."""

    key: str
    """Short name, e.g. ``"prescription_counts"``."""
    text: Text
    """The prohibition, in the measures' own Chinese words and in English."""


RULES: dict[str, Rule] = {
    "nmpa_2020": Rule(
        "nmpa_2020",
        Text("Measures for the Filing of Pharmaceutical Representatives, trial",
             "《医药代表备案管理办法（试行）》"),
        Text("National Medical Products Administration (NMPA)", "国家药品监督管理局"),
        date(2020, 9, 30),
        Text("published 30 September 2020, in force from 1 December 2020",
             "2020年9月30日发布，2020年12月1日起施行"),
        Text("A 医药代表 passes on, explains and feeds back drug information for the company, "
             "registered, with the medical institution's consent; the measures list what a "
             "representative must not do.",
             "医药代表代表药品上市许可持有人传递、沟通、反馈药品信息，须备案，并经医疗机构同意开展"
             "学术推广；办法列明了医药代表不得从事的行为。"),
    ),
    "ifpma": Rule(
        "ifpma",
        Text("IFPMA Code of Practice", "《国际制药企业协会行为准则》"),
        Text("International Federation of Pharmaceutical Manufacturers & Associations",
             "国际制药企业协会"),
        date(2019, 1, 1),
        Text("2019 edition", "2019年版"),
        Text("No gifts for a healthcare professional's personal benefit, no cash; hospitality "
             "modest and secondary to a scientific purpose; fees only for a real service under a "
             "written contract at fair market value.",
             "不得向医疗卫生专业人士赠送个人礼品或现金；招待须适度，且从属于学术目的；只有真实的服务、"
             "书面合同、公允市场价格，才能支付劳务费。"),
    ),
    "phrma": Rule(
        "phrma",
        Text("PhRMA Code on Interactions with Health Care Professionals",
             "《美国药品研究与制造企业协会与医疗卫生专业人士交往准则》"),
        Text("Pharmaceutical Research and Manufacturers of America (US)",
             "美国药品研究与制造企业协会（PhRMA）"),
        date(2022, 1, 1),
        Text("revised edition in force from 1 January 2022", "2022年1月1日起施行的修订版"),
        Text("In the US: no non-educational items (not even pens), meals only modest, occasional "
             "and with an informational presentation, speaker and consultant fees at fair market "
             "value for a legitimate need.",
             "美国：不得赠送非教育用途的物品（包括笔），餐饮须适度、偶尔并伴随信息介绍，讲者与顾问费须有"
             "真实需要并符合公允市场价格。"),
    ),
    "company": Rule(
        "company",
        Text("Your company's compliance policy", "公司的合规制度"),
        Text("your company's compliance department", "公司合规部门"),
        None,
        Text("", ""),
        Text("Approval before any meeting, meal, fee or sponsorship; the company's limits and "
             "fair-market-value rates; every transfer of value recorded and disclosed.",
             "任何会议、餐饮、劳务费或赞助都要事先审批；遵守公司的限额和公允市场价格标准；每一笔"
             "价值转移都要记录并按规定披露。"),
    ),
}
"""The rules the course names, by key."""

NMPA_PROHIBITED: tuple[Prohibition, ...] = (
    Prohibition("unregistered", Text("promote without being registered (filed)",
                                     "未经备案开展学术推广等活动")),
    Prohibition("no_consent", Text("promote without the medical institution's consent",
                                   "未经医疗机构同意开展学术推广等活动")),
    Prohibition("sales_tasks", Text("undertake drug sales tasks, collect payment or handle invoices",
                                    "承担药品销售任务，实施收款和处理购销票据等销售行为")),
    Prohibition("prescription_counts", Text("take part in counting an individual doctor's prescriptions",
                                            "参与统计医生个人开具的药品处方数量")),
    Prohibition("donations", Text("give donations, funding or sponsorship directly to a department "
                                  "or a person of a medical institution",
                                  "对医疗机构内设部门和个人直接提供捐赠、资助、赞助")),
    Prohibition("misleading", Text("mislead doctors, exaggerate efficacy or hide known adverse reactions",
                                   "误导医生使用药品，夸大或者误导疗效，隐匿药品已知的不良反应信息或者"
                                   "隐瞒医务人员反馈的不良反应信息")),
    Prohibition("interfere", Text("anything else that interferes with the rational clinical use of drugs",
                                  "其他干预或者影响临床合理用药的行为")),
)
"""What the 2020 measures say a representative must not do, in their order."""


def rule(key: str) -> Rule:
    """Return the rule called ``key``.

    Examples
    --------
    >>> rule("phrma").published.year
    2022
    >>> rule("gmp")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: rule: got 'gmp'; allowed: one of 'nmpa_2020', 'ifpma', 'phrma', 'company'
    """
    return RULES[check_choice("rule", key, list(RULES))]
