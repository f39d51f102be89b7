"""The training material's lists: ten time wasters, the ladder, the plan checklists."""

from __future__ import annotations

import pytest

from course.data.schema import WASTERS
from course.errors import CourseInputError
from course.timemgmt import (
    CALLS_PER_DAY,
    DAILY_CALL_PLAN,
    DRUCKER_STEPS,
    DRUCKER_STEPS_ORIGINAL,
    EXTRA_WASTERS,
    LADDER,
    MIN_OBJECTIVES_PER_CALL,
    MONTHLY_PLAN,
    PHILOSOPHY,
    PLAN_QUESTIONS,
    QUESTIONS,
    TEN_WASTERS,
    WASTER_INFO,
    waster,
)


def test_the_ten_wasters_in_the_materials_order() -> None:
    assert len(TEN_WASTERS) == 10
    assert [WASTER_INFO[c].name.zh for c in TEN_WASTERS] == [
        "找东西", "时断时续", "事无巨细，不懂授权", "偶发延误", "懒惰", "活于记忆里",
        "患得患失、瞻前顾后、拖拖拉拉", "缺乏理解就匆忙行动", "消极情绪", "事无轻重缓急",
    ]
    assert [WASTER_INFO[c].number for c in TEN_WASTERS] == list(range(1, 11))
    assert (*TEN_WASTERS, *EXTRA_WASTERS) == WASTERS  # in step with the time log's codes


def test_the_materials_own_remedies_are_marked() -> None:
    from_material = {c for c, w in WASTER_INFO.items() if w.remedy_from_material}
    assert from_material == {"searching", "unplanned_delays", "procrastination"}
    assert "分类保管" in waster("searching").remedy.zh
    assert waster("unplanned_delays").remedy.zh == "预先安排工作。"
    assert "周工作计划表" in waster("procrastination").remedy.zh
    assert all(w.remedy.en and w.remedy.zh for w in WASTER_INFO.values())


def test_extra_wasters_and_unknown_code() -> None:
    assert [WASTER_INFO[c].name.zh for c in EXTRA_WASTERS] == [
        "承诺太多", "应酬过多", "缺乏目标", "缺乏完成期限", "权力或责任界定不清", "缺乏所需资源",
    ]
    with pytest.raises(CourseInputError, match="waster: got 'tv'"):
        waster("tv")


def test_drucker_both_versions_are_named() -> None:
    assert [s.zh for s in DRUCKER_STEPS] == ["记录时间", "分析时间", "管理时间"]
    assert [s.en.split()[0] for s in DRUCKER_STEPS_ORIGINAL] == ["Record", "Manage", "Consolidate"]


def test_ladder_questions_and_plans() -> None:
    assert [s.zh for s in LADDER] == ["明确目标", "分清轻重缓急", "制定计划", "立即行动"]
    assert [q.zh for q in QUESTIONS] == [
        "是必须要做的吗？", "不完成会怎样？", "是自己想要的吗？", "和目标直接相关吗？", "回报及收益高吗？",
    ]
    assert len(PLAN_QUESTIONS) == 6
    assert CALLS_PER_DAY == (10, 15)
    assert MIN_OBJECTIVES_PER_CALL == 3
    assert "10-15" in DAILY_CALL_PLAN[0].zh and "最少3项目的" in DAILY_CALL_PLAN[4].zh
    assert "4周为一周期" in MONTHLY_PLAN[0].zh
    assert len(PHILOSOPHY) == 8 and "说“不”" in PHILOSOPHY[5].zh


def test_text_follows_the_language() -> None:
    from course.i18n import set_language

    try:
        set_language("zh")
        assert str(LADDER[0]) == "明确目标"
        set_language("en")
        assert str(LADDER[0]) == "Set clear goals"
    finally:
        set_language("en")


def test_every_log_category_has_a_name() -> None:
    from course.timemgmt import CATEGORIES, CATEGORY_NAMES

    assert set(CATEGORY_NAMES) == set(CATEGORIES)
    assert CATEGORY_NAMES["call"].zh == "拜访医生"


def test_one_list_of_the_six_questions_for_every_plan() -> None:
    from course import planning
    from course.planning import daily

    # the material's work plan and time plan (计划工作和时间): the same six questions for a
    # daily or a weekly plan (你可用同样的6个问题来建立每日计划或每周计划)
    assert [topic.zh.split("（")[0] for topic, _question in PLAN_QUESTIONS] == [
        "结果", "行动", "优先原则", "估计时间", "日程表", "弹性时间"]
    assert planning.PLAN_QUESTIONS is PLAN_QUESTIONS and daily.PLAN_QUESTIONS is PLAN_QUESTIONS
    # the daily call plan is a checklist of its own, one constant for both packages
    assert planning.DAILY_CALL_PLAN is DAILY_CALL_PLAN
    assert "PLAN_QUESTIONS" in (daily.__doc__ or "")
