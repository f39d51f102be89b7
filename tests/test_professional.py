"""The professional representative: the training material's figures, the wheel of life, attitudes."""

from __future__ import annotations

import math

import pytest

from course import professional as P
from course.errors import CourseInputError
from course.i18n import set_language

ROUND = dict(family=8, career=7, mood=6, relationships=7, health=3, money=5, personal_growth=6)



def test_survey_figures_are_the_materials_and_sum_to_100_percent() -> None:
    shares = {g.key: g.share for g in P.SURVEY}
    assert shares == {"independent": 0.03, "comfortable": 0.10, "getting_by": 0.60, "dependent": 0.27}
    assert math.isclose(sum(shares.values()), 1.0)
    assert math.isclose(P.success_share(), 0.13)
    assert [t.zh for t in P.SUCCESS_TRAITS] == ["积极心态", "目标导向", "自我激励"]


def test_top_performers_20_and_4_percent() -> None:
    assert P.TOP_PERFORMERS == {"very_successful": 0.20, "top_tier": 0.04}


def test_seven_spokes_in_the_materials_words() -> None:
    assert [s.name.zh for s in P.SPOKES] == ["家庭", "职业", "心情", "人际关系", "健康", "金钱", "个人成长"]
    assert len({s.key for s in P.SPOKES}) == 7


def test_assess_wheel_hand_checked() -> None:
    a = P.assess_wheel(ROUND)
    # mean 42/7 = 6; deviations 2,1,0,1,-3,-1,0 -> variance 16/7, sd 1.512
    assert a.mean == 6.0
    assert a.weakest == ("health",) and a.strongest == ("family",)
    assert a.gap == 5.0 and a.lopsided
    assert a.balance == pytest.approx(1 - math.sqrt(16 / 7) / 5)


def test_a_round_wheel_is_balanced_and_ties_are_all_named() -> None:
    a = P.assess_wheel({s.key: 7 for s in P.SPOKES})
    assert a.balance == 1.0 and not a.lopsided and a.gap == 0
    assert len(a.weakest) == 7
    b = P.assess_wheel({**ROUND, "health": 5})  # money and health tie at 5, gap 3
    assert b.weakest == ("health", "money") and not b.lopsided


def test_lopsided_threshold_is_inclusive_and_configurable() -> None:
    four = {**{s.key: 6 for s in P.SPOKES}, "money": 2}
    assert P.assess_wheel(four).lopsided  # gap exactly 4
    assert not P.assess_wheel(four, threshold=5).lopsided


def test_most_lopsided_wheel_has_balance_near_zero() -> None:
    scores = {s.key: (10 if i % 2 == 0 else 0) for i, s in enumerate(P.SPOKES)}
    assert P.assess_wheel(scores).balance < 0.02


def test_chinese_and_english_names_are_accepted() -> None:
    zh = {s.name.zh: v for s, v in zip(P.SPOKES, ROUND.values(), strict=True)}
    en = {s.name.en: v for s, v in zip(P.SPOKES, ROUND.values(), strict=True)}
    assert P.assess_wheel(zh) == P.assess_wheel(ROUND) == P.assess_wheel(en)


def test_bad_scores_are_all_reported() -> None:
    with pytest.raises(CourseInputError) as info:
        P.assess_wheel({**ROUND, "health": 11, "money": float("nan"), "luck": 3})
    fields = [p.field for p in info.value.problems]
    assert set(fields) == {"health", "money", "spoke"}
    with pytest.raises(CourseInputError) as missing:
        P.assess_wheel({"family": 5})
    assert len(missing.value.problems) == 6
    with pytest.raises(CourseInputError):
        P.assess_wheel({**ROUND, "career": "high"})
    with pytest.raises(CourseInputError):
        P.assess_wheel({**ROUND, "career": True})


def test_summary_in_both_languages() -> None:
    a = P.assess_wheel(ROUND)
    assert "Health (3)" in a.summary() and "Lopsided" in a.summary()
    set_language("zh")
    assert "健康" in a.summary() and "不平衡" in a.summary()


def test_attitudes_follow_the_material() -> None:
    assert [a.name.zh for a in P.ATTITUDES][:2] == ["强烈的企图心", "成功的人找方法，失败的人找理由"]
    assert len(P.WRONG_ATTITUDES) == 7
    assert P.WRONG_ATTITUDES[0].name.zh == "近庙欺神"
    assert any("驼鸟" in w.name.zh for w in P.WRONG_ATTITUDES)
    assert [m.name.zh for m in P.SELLING_MODES] == ["狩猎型", "农耕型"]
    assert [q.zh for q in P.BASIC_QUALITIES] == ["个性", "知识", "态度"]
    for item in (*P.ATTITUDES, *P.WRONG_ATTITUDES, *P.TOP_PERFORMER_CONDITIONS, *P.SELLING_MODES):
        assert item.name.en and item.name.zh and item.note.en and item.note.zh


def test_hunting_versus_farming_by_adoption_stage() -> None:
    import pandas as pd

    from course.data import load_sample

    assert [P.hunting_or_farming(s) for s in range(5)] == ["hunting", "hunting", "farming", "farming", "farming"]
    with pytest.raises(CourseInputError):
        P.hunting_or_farming(5)
    calls = pd.DataFrame({"physician_id": ["D1", "D2", "D2", "D3"], "product": ["X"] * 4})
    rx = pd.DataFrame({"physician_id": ["D1", "D2", "D3"], "product": ["X"] * 3, "adoption_stage": [0, 1, 4]})
    split = P.selling_mode_split(calls, rx)
    assert split["calls"].to_dict() == {"hunting": 3, "farming": 1}
    assert split["doctors"].to_dict() == {"hunting": 2, "farming": 1}
    assert split["share"].sum() == pytest.approx(1.0)
    sample = P.selling_mode_split(load_sample("calls"), load_sample("prescribing"))
    assert int(sample["calls"].sum()) == len(load_sample("calls"))


def test_the_wheel_summary_reads_as_chinese_sentences_in_chinese() -> None:
    wheel = P.assess_wheel(dict(family=8, career=7, mood=6, relationships=7, health=3, money=5, personal_growth=6))
    set_language("zh")
    summary = wheel.summary()
    assert "健康" in summary and "。车轮不平衡" in summary  # no space between Chinese sentences
    set_language("en")
    assert "(3). Lopsided: 5 points" in wheel.summary()
