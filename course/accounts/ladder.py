"""The adoption ladder (产品接纳阶梯): five stages from unaware to advocacy.

The training material's "customer's acceptance of a product" (客户对于产品接纳过程) climbs
0 unaware → 1 aware → 2 trial → 3 usage → 4 loyalty / advocacy. Every call sets
SMART objectives that move the customer *one* step up the ladder (使客户沿着
"产品接纳度阶梯"向上移动); this module holds the stages, the step to the next and
typical call objectives for each stage, in English and Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass

from course._checks import check_int
from course.i18n import get_language

__all__ = ["STAGES", "TOP_STAGE", "Stage", "next_stage", "stage", "step_text"]


@dataclass(frozen=True)
class Stage:
    """One step of the adoption ladder."""

    number: int
    """0 (unaware) to 4 (loyalty / advocacy)."""
    en: str
    """Short English name."""
    zh: str
    """The training material's Chinese name."""
    description_en: str
    """What a customer at this stage does, in English."""
    description_zh: str
    """The training material's description in Chinese."""
    goal_en: str
    """What the next calls should achieve (the step up), in English."""
    goal_zh: str
    """The same in Chinese."""
    objectives_en: tuple[str, ...]
    """Typical call objectives at this stage, in English."""
    objectives_zh: tuple[str, ...]
    """The same in Chinese."""

    def name(self, lang: str | None = None) -> str:
        """The stage's name in ``lang`` (default: the course language).

        Examples
        --------
        >>> STAGES[2].name("zh"), STAGES[2].name("en")
        ('试用', 'trial')
        """
        return self.zh if (lang or get_language()) == "zh" else self.en

    def describe(self, lang: str | None = None) -> str:
        """The stage's description in ``lang``.

        Examples
        --------
        >>> STAGES[0].describe("en")
        'has never heard of the product'
        """
        return self.description_zh if (lang or get_language()) == "zh" else self.description_en

    def goal(self, lang: str | None = None) -> str:
        """The step up from this stage, in ``lang``.

        Examples
        --------
        >>> STAGES[1].goal("en")
        'get a first trial on suitable patients'
        """
        return self.goal_zh if (lang or get_language()) == "zh" else self.goal_en

    def objectives(self, lang: str | None = None) -> tuple[str, ...]:
        """Typical call objectives at this stage, in ``lang``.

        Examples
        --------
        >>> len(STAGES[3].objectives("zh")) >= 3
        True
        """
        return self.objectives_zh if (lang or get_language()) == "zh" else self.objectives_en


STAGES: tuple[Stage, ...] = (
    Stage(
        0, "unaware", "不了解",
        "has never heard of the product",
        "不了解，没有听说过",
        "make the product known: what it treats and how it is used",
        "让客户了解产品：适应症和使用方法",
        (
            "Introduce the product's indication and key benefit in two minutes",
            "Leave the product leaflet and agree a date for a follow-up call",
            "Find out which patients the doctor treats for this indication",
        ),
        (
            "用两分钟介绍产品的适应症和主要利益",
            "留下产品资料，约定下次拜访时间",
            "了解医生治疗这一适应症的病人情况",
        ),
    ),
    Stage(
        1, "aware", "了解",
        "knows the product and how to use it, but has not used it",
        "了解产品和其使用方法，但没有使用",
        "get a first trial on suitable patients",
        "让客户在合适的病人中试用",
        (
            "Agree the type of patient on whom to try the product first",
            "Answer the doctor's main objection with clinical evidence",
            "Get a commitment to try it on 2-3 new patients before the next call",
        ),
        (
            "与医生确定首先试用的病人类型",
            "用临床证据处理医生的主要异议",
            "取得承诺：下次拜访前在2-3名新病人中试用",
        ),
    ),
    Stage(
        2, "trial", "试用",
        "tries it on new or existing patients, switches some of them",
        "在新病人或老病人中尝试使用/转换使用本企业产品",
        "turn the trial into routine use",
        "把试用变为常规使用",
        (
            "Review the trial patients' results with the doctor",
            "Help with a practical difficulty (stock, dosing, patient questions)",
            "Get a commitment to use it routinely for one patient type",
        ),
        (
            "与医生一起回顾试用病人的效果",
            "帮助解决实际困难（缺货、用法用量、病人疑问）",
            "取得承诺：在某类病人中常规使用",
        ),
    ),
    Stage(
        3, "usage", "使用",
        "uses the product routinely",
        "常规性地使用本企业产品",
        "make it the first choice for this kind of patient",
        "让产品成为这类病人的首选",
        (
            "Share new evidence that sets the product apart from the competitor",
            "Agree to make it the first choice for one more patient type",
            "Invite the doctor to a department meeting on the therapy area",
        ),
        (
            "介绍能与竞争产品区分开的新证据",
            "约定在另一类病人中首选本产品",
            "邀请医生参加该治疗领域的科室会",
        ),
    ),
    Stage(
        4, "loyalty / advocacy", "忠诚/提倡",
        "first choice for this kind of patient, recommends it to colleagues",
        "在这类病人中首选本企业产品，并向同事推荐",
        "keep the loyalty and turn it into advocacy (speaker, supporter)",
        "保持忠诚，发展为提倡者（讲者、支持者）",
        (
            "Thank the doctor and share the latest clinical data",
            "Invite the doctor to speak at a meeting or share experience with colleagues",
            "Keep a steady rhythm of calls without over-calling",
        ),
        (
            "感谢医生并分享最新临床资料",
            "邀请医生在会议上讲课或与同事分享经验",
            "保持稳定的拜访节奏，不过度拜访",
        ),
    ),
)
"""The five stages of the adoption ladder, 0 to 4."""

TOP_STAGE = STAGES[-1].number
"""The highest stage (4, loyalty / advocacy)."""


def stage(number: int) -> Stage:
    """Return ladder stage ``number`` (0-4).

    Examples
    --------
    >>> stage(3).zh
    '使用'
    >>> stage(5)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: adoption_stage: got 5; allowed: an integer from 0 to 4
    """
    return STAGES[check_int("adoption_stage", number, low=0, high=TOP_STAGE)]


def next_stage(number: int) -> int:
    """Return the stage a call should aim for: one step up, 4 stays 4.

    Examples
    --------
    >>> next_stage(0), next_stage(3), next_stage(4)
    (1, 4, 4)
    """
    return min(stage(number).number + 1, TOP_STAGE)


def step_text(number: int, lang: str = "en") -> str:
    """Return the step from stage ``number`` to the next, e.g. ``'aware → trial'``.

    Examples
    --------
    >>> step_text(1)
    'aware → trial'
    >>> step_text(4)
    'loyalty / advocacy (keep)'
    >>> step_text(0, "zh")
    '不了解 → 了解'
    """
    here = stage(number)
    if here.number == TOP_STAGE:
        return f"{here.name(lang)} ({'保持' if lang == 'zh' else 'keep'})"
    return f"{here.name(lang)} → {STAGES[here.number + 1].name(lang)}"
