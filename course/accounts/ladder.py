"""The adoption ladder (产品接纳阶梯): five stages from unaware to advocacy.

The training material's "customer's acceptance of a product" (客户对于产品接纳过程) climbs
0 unaware → 1 aware → 2 trial → 3 usage → 4 loyalty / advocacy. Every call sets
SMART objectives that move the customer *one* step up the ladder (使客户沿着
"产品接纳度阶梯"向上移动); this module holds the stages, the step to the next and
typical call objectives for each stage, in English and Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass

from course.i18n import Text
from course.inputs import check_int

__all__ = ["STAGES", "TOP_STAGE", "Stage", "next_stage", "stage", "step_text"]


@dataclass(frozen=True)
class Stage:
    """One step of the adoption ladder."""

    number: int
    """0 (unaware) to 4 (loyalty / advocacy)."""
    name: Text
    """Short name (the training material's Chinese one), e.g. "trial" (试用)."""
    description: Text
    """What a customer at this stage does (the training material's description)."""
    goal: Text
    """What the next calls should achieve (the step up)."""
    objectives: tuple[Text, ...]
    """Typical call objectives at this stage."""


STAGES: tuple[Stage, ...] = (
    Stage(0, Text("unaware", "不了解"),
          Text("has never heard of the product", "不了解，没有听说过"),
          Text("make the product known: what it treats and how it is used", "让客户了解产品：适应症和使用方法"),
          (Text("Introduce the product's indication and key benefit in two minutes",
                "用两分钟介绍产品的适应症和主要利益"),
           Text("Leave the product leaflet and agree a date for a follow-up call",
                "留下产品资料，约定下次拜访时间"),
           Text("Find out which patients the doctor treats for this indication",
                "了解医生治疗这一适应症的病人情况"))),
    Stage(1, Text("aware", "了解"),
          Text("knows the product and how to use it, but has not used it", "了解产品和其使用方法，但没有使用"),
          Text("get a first trial on suitable patients", "让客户在合适的病人中试用"),
          (Text("Agree the type of patient on whom to try the product first",
                "与医生确定首先试用的病人类型"),
           Text("Answer the doctor's main objection with clinical evidence",
                "用临床证据处理医生的主要异议"),
           Text("Get a commitment to try it on 2-3 new patients before the next call",
                "取得承诺：下次拜访前在2-3名新病人中试用"))),
    Stage(2, Text("trial", "试用"),
          Text("tries it on new or existing patients, switches some of them", "在新病人或老病人中尝试使用/转换使用本企业产品"),
          Text("turn the trial into routine use", "把试用变为常规使用"),
          (Text("Review the trial patients' results with the doctor",
                "与医生一起回顾试用病人的效果"),
           Text("Help with a practical difficulty (stock, dosing, patient questions)",
                "帮助解决实际困难（缺货、用法用量、病人疑问）"),
           Text("Get a commitment to use it routinely for one patient type",
                "取得承诺：在某类病人中常规使用"))),
    Stage(3, Text("usage", "使用"),
          Text("uses the product routinely", "常规性地使用本企业产品"),
          Text("make it the first choice for this kind of patient", "让产品成为这类病人的首选"),
          (Text("Share new evidence that sets the product apart from the competitor",
                "介绍能与竞争产品区分开的新证据"),
           Text("Agree to make it the first choice for one more patient type",
                "约定在另一类病人中首选本产品"),
           Text("Invite the doctor to a department meeting on the therapy area",
                "邀请医生参加该治疗领域的科室会"))),
    Stage(4, Text("loyalty / advocacy", "忠诚/提倡"),
          Text("first choice for this kind of patient, recommends it to colleagues", "在这类病人中首选本企业产品，并向同事推荐"),
          Text("keep the loyalty and turn it into advocacy (speaker, supporter)", "保持忠诚，发展为提倡者（讲者、支持者）"),
          (Text("Thank the doctor and share the latest clinical data",
                "感谢医生并分享最新临床资料"),
           Text("Invite the doctor to speak at a meeting or share experience with colleagues",
                "邀请医生在会议上讲课或与同事分享经验"),
           Text("Keep a steady rhythm of calls without over-calling",
                "保持稳定的拜访节奏，不过度拜访"))),
)
"""The five stages of the adoption ladder, 0 to 4."""

TOP_STAGE = STAGES[-1].number
"""The highest stage (4, loyalty / advocacy)."""


def stage(number: int) -> Stage:
    """Return ladder stage ``number`` (0-4).

    Examples
    --------
    >>> stage(3).name.zh
    '使用'
    >>> stage(5)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: adoption_stage: got 5; allowed: a whole number from 0 to 4
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


def step_text(number: int) -> Text:
    """Return the step from stage ``number`` to the next, e.g. ``'aware → trial'``.

    Examples
    --------
    >>> [step.en for step in (step_text(1), step_text(4))]
    ['aware → trial', 'loyalty / advocacy (keep)']
    >>> step_text(0).zh
    '不了解 → 了解'
    """
    here = stage(number).name
    if number == TOP_STAGE:
        return Text(f"{here.en} (keep)", f"{here.zh}（保持）")
    there = STAGES[number + 1].name
    return Text(f"{here.en} → {there.en}", f"{here.zh} → {there.zh}")
