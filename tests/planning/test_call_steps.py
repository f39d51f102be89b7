"""The training material's call steps, objectives per ladder stage, relationships and meetings."""

from __future__ import annotations

import pytest

from course.errors import CourseInputError
from course.i18n import set_language
from course.planning import (
    CALL_STEPS,
    MEETING_CHECKLIST,
    RELATIONSHIP_PRACTICES,
    ROOM_LAYOUTS,
    STAGE_OBJECTIVES,
    missing_meeting_items,
    objectives_for_stage,
)


def test_the_seven_steps_in_the_materials_order() -> None:
    assert [s.name.zh for s in CALL_STEPS] == [
        "访前准备", "顺利开场", "探询聆听", "利益展现", "处理异议", "取得承诺", "总结跟进"]
    assert all(s.name.en and s.purpose.en and s.purpose.zh and len(s.actions) >= 3 for s in CALL_STEPS)


def test_at_least_three_objectives_at_every_ladder_stage() -> None:
    assert sorted(STAGE_OBJECTIVES) == [0, 1, 2, 3, 4]
    assert all(len(objectives) >= 3 for objectives in STAGE_OBJECTIVES.values())
    assert len(objectives_for_stage(2)) == 3
    with pytest.raises(CourseInputError):
        objectives_for_stage(-1)


def test_bilingual_text_follows_the_language() -> None:
    set_language("zh")
    assert str(CALL_STEPS[2].name) == "探询聆听"
    set_language("en")
    assert str(CALL_STEPS[2].name) == "Probing and listening"
    assert CALL_STEPS[2].name.both == "Probing and listening (探询聆听)"


def test_meeting_checklist_and_room_layouts_from_the_material() -> None:
    basics = [i.label.zh for i in MEETING_CHECKLIST if i.group == "basics"]
    assert basics == ["目的", "时间", "地点", "参加者", "形式"]
    assert set(ROOM_LAYOUTS) == {"classroom", "theatre", "round_table", "u_shape"}
    assert len(missing_meeting_items([])) == len(MEETING_CHECKLIST)
    assert missing_meeting_items([i.key for i in MEETING_CHECKLIST]) == []


def test_six_relationship_practices() -> None:
    assert len(RELATIONSHIP_PRACTICES) == 6
