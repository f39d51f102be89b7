"""The professional representative (职业素养): survey figures, the wheel of life, attitudes.

The training material opens the course with a survey of how people end up (一项调研), the
"all-round success" wheel of life (人生的车轮) scored 0-10 on seven spokes, the
attitudes of successful sales people and the wrong attitudes professionals fall
into. Everything here is data for the lesson, plus :func:`assess_wheel`, which
turns a trainee's seven scores into a verdict.

How the wheel is judged
-----------------------
A wheel rolls well when it is both *big* (high scores) and *round* (even
scores). :func:`assess_wheel` reports

- the **mean** score (how big the wheel is),
- the **weakest spokes** (every spoke at the lowest score; ties are all named),
- the **gap** between the strongest and the weakest spoke,
- a **balance** from 0 to 1: ``1 - standard deviation / 5``. Five points is the
  largest standard deviation scores between 0 and 10 can have (half at 0, half at
  10), so 1 is a perfectly round wheel and 0 the most lopsided one possible,
- **lopsided** when the gap is at least :data:`LOPSIDED_GAP` (4 points) — a
  spoke four points shorter than another is a flat you can feel on the road. The
  threshold is a course default, not a published norm; pass another one to
  :func:`assess_wheel` if your coach prefers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Phrase, Problem
from course.i18n import Text, _
from course.inputs import check_columns, check_int, check_number

__all__ = [
    "ATTITUDES",
    "BASIC_QUALITIES",
    "HUNTING_MAX_STAGE",
    "LOPSIDED_GAP",
    "SELLING_MODES",
    "SPOKES",
    "SUCCESS_TRAITS",
    "SURVEY",
    "TOP_PERFORMERS",
    "TOP_PERFORMER_CONDITIONS",
    "WRONG_ATTITUDES",
    "Item",
    "Spoke",
    "SurveyGroup",
    "WheelAssessment",
    "assess_wheel",
    "hunting_or_farming",
    "selling_mode_split",
    "spoke_name",
    "success_share",
]


# ---------------------------------------------------------------- the survey
@dataclass(frozen=True)
class SurveyGroup:
    """One group of the training material's survey of how people end up."""

    key: str
    """Short English code."""
    share: float
    """Share of the people surveyed (0.03 for 3%)."""
    name: Text
    """What the group lives like (the training material's wording)."""


SURVEY: tuple[SurveyGroup, ...] = (
    SurveyGroup("independent", 0.03, Text("financially independent and wealthy", "过着独立富裕生活")),
    SurveyGroup("comfortable", 0.10, Text("living comfortably", "过着舒适生活")),
    SurveyGroup("getting_by", 0.60, Text("just getting by", "尚能维持生计")),
    SurveyGroup("dependent", 0.27, Text("living on others' help", "靠别人帮助才能生计")),
)
"""The training material's survey (一项调研): 3% / 10% / 60% / 27%, summing to 100%."""

SUCCESS_TRAITS: tuple[Text, ...] = (
    Text("positive attitude", "积极心态"),
    Text("goal orientation", "目标导向"),
    Text("self-motivation", "自我激励"),
)
"""What the successful 13% share (为什么13%的人能成功)."""


def success_share() -> float:
    """Return the share of the survey that succeeds: independent + comfortable.

    Examples
    --------
    >>> round(success_share(), 2)
    0.13
    """
    return sum(g.share for g in SURVEY if g.key in ("independent", "comfortable"))


TOP_PERFORMERS: Mapping[str, float] = {"very_successful": 0.20, "top_tier": 0.04}
"""Of all sales people about 20% are very successful and 4% top-tier (顶级的销售人员).

The training material says "其中又有4%" (of them, 4%); read with domain.md as 4% of all sales
people, i.e. one in five of the very successful.
"""


# ---------------------------------------------------------------- the wheel of life
@dataclass(frozen=True)
class Spoke:
    """One spoke of the wheel of life."""

    key: str
    """English code used as the score's key."""
    name: Text
    """The spoke's name (the training material's)."""


SPOKES: tuple[Spoke, ...] = (
    Spoke("family", Text("Family", "家庭")),
    Spoke("career", Text("Career", "职业")),
    Spoke("mood", Text("Mood", "心情")),
    Spoke("relationships", Text("Relationships", "人际关系")),
    Spoke("health", Text("Health", "健康")),
    Spoke("money", Text("Money", "金钱")),
    Spoke("personal_growth", Text("Personal growth", "个人成长")),
)
"""The seven spokes of the wheel of life (人生的车轮), each scored 0-10."""

LOPSIDED_GAP = 4.0
"""A wheel is lopsided when its strongest and weakest spokes are this many points apart."""

_BY_NAME: dict[str, str] = {
    **{s.key: s.key for s in SPOKES},
    **{s.name.zh: s.key for s in SPOKES},
    **{s.name.en.lower(): s.key for s in SPOKES},
}


@dataclass(frozen=True)
class WheelAssessment:
    """What a wheel-of-life self-assessment shows."""

    scores: Mapping[str, float]
    """Score 0-10 per spoke key, in :data:`SPOKES` order."""
    mean: float
    """Average score: how big the wheel is."""
    weakest: tuple[str, ...]
    """Keys of every spoke at the lowest score."""
    strongest: tuple[str, ...]
    """Keys of every spoke at the highest score."""
    gap: float
    """Highest minus lowest score."""
    balance: float
    """1 - standard deviation / 5: 1 is perfectly round, 0 as lopsided as possible."""
    lopsided: bool
    """True when ``gap`` reaches ``threshold``."""
    threshold: float
    """The gap that makes a wheel lopsided."""

    def summary(self) -> str:
        """One or two sentences for the trainee, in the language in force.

        Examples
        --------
        >>> from course.i18n import set_language
        >>> set_language("en")
        >>> a = assess_wheel(dict(family=8, career=7, mood=6, relationships=7,
        ...                       health=3, money=5, personal_growth=6))
        >>> print(a.summary())
        Average 6.0 of 10; weakest: Health (3). Lopsided: 5 points between your strongest and weakest spoke.
        """
        names = _(", ").join(spoke_name(k) for k in self.weakest)
        low = _fmt(self.scores[self.weakest[0]])
        average = _("Average {mean} of 10; weakest: {names} ({low}).").format(
            mean=f"{self.mean:.1f}", names=names, low=low)
        if self.lopsided:
            verdict = _("Lopsided: {gap} points between your strongest and weakest spoke.")
        else:
            verdict = _("Balanced: your spokes are within {gap} points of each other.")
        # the two sentences: a space between them in English, none in Chinese
        return _("{average} {verdict}").format(average=average, verdict=verdict.format(gap=_fmt(self.gap)))


def spoke_name(key: str) -> str:
    """Return the name of spoke ``key`` in the language in force.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("zh"); spoke_name("health")
    '健康'
    >>> set_language("en"); spoke_name("health")
    'Health'
    """
    return str(next(s.name for s in SPOKES if s.key == key))


def assess_wheel(scores: Mapping[str, float], *, threshold: float = LOPSIDED_GAP) -> WheelAssessment:
    """Assess a wheel of life: mean, weakest spokes, balance and whether it is lopsided.

    Parameters
    ----------
    scores
        A score from 0 to 10 for each of the seven spokes, keyed by the spoke's
        code (``"health"``), English name (``"Health"``) or Chinese name (``"健康"``).
    threshold
        Gap (strongest minus weakest) from which the wheel counts as lopsided.

    Returns
    -------
    WheelAssessment

    Raises
    ------
    CourseInputError
        Listing every missing, unknown or out-of-range spoke at once.

    Examples
    --------
    >>> a = assess_wheel({"family": 8, "career": 7, "mood": 6, "relationships": 7,
    ...                   "health": 3, "money": 5, "personal_growth": 6})
    >>> a.mean, a.weakest, a.gap, a.lopsided
    (6.0, ('health',), 5.0, True)
    >>> round(a.balance, 3)
    0.698
    >>> assess_wheel({"家庭": 11})
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: family: got 11; allowed: a number from 0 to 10
    career: got nothing; allowed: a score from 0 to 10
    ...
    """
    threshold = check_number("threshold", threshold, low=0, high=10)
    problems: list[Problem] = []
    found: dict[str, float] = {}
    for name, value in scores.items():
        key = _BY_NAME.get(str(name).strip().lower(), _BY_NAME.get(str(name).strip()))
        if key is None:
            problems.append(Problem("spoke", name, Phrase("one of {choices}", choices=", ".join(s.key for s in SPOKES))))
            continue
        try:
            found[key] = check_number(key, value, low=0, high=10)
        except CourseInputError as error:
            problems.extend(error.problems)
            found[key] = float("nan")
    for spoke in SPOKES:
        if spoke.key not in found:
            problems.append(Problem(spoke.key, Phrase("nothing"), Phrase("a score from 0 to 10")))
    if problems:
        raise CourseInputError(problems)

    keys = [s.key for s in SPOKES]
    values = np.array([found[k] for k in keys])
    low, high = values.min(), values.max()
    std = float(values.std())  # population standard deviation
    return WheelAssessment(
        scores={k: found[k] for k in keys},
        mean=float(values.mean()),
        weakest=tuple(k for k, v in zip(keys, values, strict=True) if v == low),
        strongest=tuple(k for k, v in zip(keys, values, strict=True) if v == high),
        gap=float(high - low),
        balance=1.0 - std / 5.0,
        lopsided=bool(high - low >= threshold),
        threshold=threshold,
    )


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


# ---------------------------------------------------------------- attitudes
@dataclass(frozen=True)
class Item:
    """One attitude, quality or way of working, in both languages."""

    key: str
    """Short English code."""
    name: Text
    """Its name (the training material's)."""
    note: Text
    """What it means in practice."""


ATTITUDES: tuple[Item, ...] = (
    Item("ambition", Text("Strong ambition", "强烈的企图心"),
         Text("To become a top performer you must want success badly; spend time with successful people and learn from them.",
              "想成为顶尖人物，必须要有强烈的成功欲望；与成功者在一起，向成功者学习。")),
    Item("methods_not_excuses", Text("Find methods, not excuses", "成功的人找方法，失败的人找理由"),
         Text("When a call fails, ask what you will do differently, not whose fault it was.",
              "拜访失败时，想的是下次怎么做，而不是怪谁。")),
    Item("career", Text("Treat the job as a career", "把工作当成事业的心态"),
         Text("Work as if the territory were your own business.", "把负责的区域当成自己的事业来经营。")),
    Item("learning", Text("Keep learning", "学习的心态"),
         Text("\"Investing above the neck pays the highest return\": products, diseases, competitors, skills.",
              "投资脖子以上的投资，是回报率最高的投资：产品、疾病、竞争对手和销售技巧。")),
    Item("gratitude", Text("Gratitude", "感恩的心态"),
         Text("Be grateful even to those who make it hard: critics help you grow, competitors keep you awake.",
              "感激批评你的人，因为他让你得以成长；感激你的竞争对手，因为他让你更加清醒。")),
    Item("service", Text("Enthusiasm and service", "高度的热诚及服务心"),
         Text("Treat customers like your best friends and family; care about them any time.",
              "将客户当最好的朋友和家人，随时随地关心他们。")),
    Item("respect", Text("Never deceive or look down on a customer", "不欺骗客户，别瞧不起客户"),
         Text("No customer is a fool and none is too small to respect.", "不要把客户当傻瓜，别瞧不起任何客户。")),
)
"""Attitudes of successful sales people, in the training material's order (slides 6-13)."""

WRONG_ATTITUDES: tuple[Item, ...] = (
    Item("near_temple", Text("Bullying the gods near the temple", "近庙欺神"),
         Text("Taking the people closest to you (your usual customers, your own colleagues) for granted.",
              "对身边最熟悉的人（老客户、同事）不再尊重。")),
    Item("no_hero_to_valet", Text("No great man in a servant's eyes", "仆人眼中无伟人"),
         Text("Familiarity breeds contempt: failing to see what your manager or colleagues do well.",
              "太熟悉就看不到身边上级和同事的长处。")),
    Item("greener_grass", Text("The neighbour's rice smells better", "别人家的饭都是香的"),
         Text("Always believing other companies, products or territories are better than yours.",
              "总觉得别的公司、别的产品、别的区域更好。")),
    Item("ostrich", Text("Ostrich mentality", "驼鸟心态—逃避心态"),
         Text("Hiding from problems (a lost listing, a complaint) instead of facing them.",
              "遇到问题（丢了进药、客户投诉）就逃避，不去面对。")),
    Item("fifteen_minutes", Text("\"I worked fifteen minutes overtime\"", "我加班了15分钟"),
         Text("Counting small sacrifices and expecting credit for them.", "斤斤计较一点付出，总想着要回报。")),
    Item("lone_hero", Text("Lone-hero mentality", "个人英雄主义"),
         Text("Working alone instead of with your manager, colleagues and the medical team.",
              "单打独斗，不与上级、同事和医学团队合作。")),
    Item("short_sighted", Text("Zodiac ranking: the ox sees big, the rat an inch ahead", "生肖排名—牛眼看大，鼠目寸光"),
         Text("Short-sightedness: chasing this month's boxes and losing the long-term customer.",
              "目光短浅：只看眼前的销量，丢了长期的客户。")),
)
"""Common wrong attitudes of professionals (职业人常犯的错误心态), in the training material's order."""

TOP_PERFORMER_CONDITIONS: tuple[Item, ...] = (
    Item("affinity", Text("Exceptional affinity", "非凡的亲和力"),
         Text("Customers like, accept and trust you easily; it grows with self-confidence and self-image.",
              "容易让客户喜欢、接受、信赖；亲和力和自信心及自我形象有绝对的关系。")),
    Item("ownership", Text("Owning your results", "对结果自我负责"),
         Text("You, not the market or the company, answer for your numbers.", "对自己的业绩负责，不把原因推给市场或公司。")),
)
"""The two of the twelve attitudes and conditions of top sales people (十二项心态与条件) the training material spells out."""

BASIC_QUALITIES: tuple[Text, ...] = (
    Text("personality", "个性"),
    Text("knowledge", "知识"),
    Text("attitude", "态度"),
)
"""Basic qualities of a good medical representative (基本素质)."""

SELLING_MODES: tuple[Item, ...] = (
    Item("hunting", Text("Hunting", "狩猎型"),
         Text("Winning new customers: new hospitals, departments and doctors.", "开发新客户：新医院、新科室、新医生。")),
    Item("farming", Text("Farming", "农耕型"),
         Text("Growing existing customers: deeper use, loyalty and referrals.", "经营老客户：提高用量、忠诚度和转介绍。")),
)
"""Effective ways of selling (有效之行销方式): new customers versus existing ones.

The training material names hunting (狩猎型) for new customers; 农耕型 (farming) is the usual
name of its counterpart for existing customers (老客户).
"""


HUNTING_MAX_STAGE = 1
"""Adoption-ladder stages up to this one (0 unaware, 1 aware) are new customers: hunting."""


def hunting_or_farming(adoption_stage: int) -> str:
    """Return ``"hunting"`` for a customer not yet using the product (ladder stage 0-1), else ``"farming"``.

    Examples
    --------
    >>> [hunting_or_farming(s) for s in range(5)]
    ['hunting', 'hunting', 'farming', 'farming', 'farming']
    """
    stage = check_int("adoption_stage", adoption_stage, low=0, high=4)
    return "hunting" if stage <= HUNTING_MAX_STAGE else "farming"


def selling_mode_split(calls: pd.DataFrame, prescribing: pd.DataFrame) -> pd.DataFrame:
    """How many calls went to hunting (new customers) and to farming (existing ones).

    A call counts by the adoption stage (产品接纳阶梯) of the doctor and product
    it was about: stages 0-1 (not using yet) are hunting, 2-4 farming.

    Returns
    -------
    DataFrame
        Indexed by ``hunting`` / ``farming``: ``calls``, ``share`` and ``doctors``.

    Examples
    --------
    >>> calls = pd.DataFrame({"physician_id": ["D1", "D1", "D2"], "product": ["X", "X", "X"]})
    >>> rx = pd.DataFrame({"physician_id": ["D1", "D2"], "product": ["X", "X"], "adoption_stage": [3, 0]})
    >>> selling_mode_split(calls, rx)
             calls     share  doctors
    mode
    hunting      1  0.333333        1
    farming      2  0.666667        1
    """
    check_columns("calls", calls, ["physician_id", "product"])
    check_columns("prescribing", prescribing, ["physician_id", "product", "adoption_stage"])
    merged = calls[["physician_id", "product"]].merge(
        prescribing[["physician_id", "product", "adoption_stage"]], on=["physician_id", "product"],
        how="inner", validate="many_to_one")
    mode = pd.Series(
        ["hunting" if s <= HUNTING_MAX_STAGE else "farming" for s in merged["adoption_stage"]],
        index=merged.index, name="mode")
    table = pd.DataFrame({
        "calls": mode.value_counts().reindex(["hunting", "farming"], fill_value=0),
        "doctors": merged["physician_id"].groupby(mode).nunique().reindex(["hunting", "farming"], fill_value=0),
    })
    table.index.name = "mode"
    table.insert(1, "share", table["calls"] / max(int(table["calls"].sum()), 1))
    return table
