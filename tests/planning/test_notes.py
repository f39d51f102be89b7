"""The sample rep's call notes read in Chinese in a Chinese lesson; other notes stay as written."""

from __future__ import annotations

import re

import pytest

from course.data import load_sample
from course.i18n import catalog, set_language
from course.planning.notes import NOTE_WORDINGS, call_note

HAS_CHINESE = re.compile("[\u4e00-\u9fff]")


def test_every_note_of_the_sample_reads_in_chinese_and_unchanged_in_english() -> None:
    notes = load_sample("calls")["next_objective"].dropna().unique()
    assert len(notes) > 20
    set_language("zh")
    english_left = [n for n in notes if not HAS_CHINESE.search(call_note(n))]
    set_language("en")
    assert english_left == []
    assert [n for n in notes if call_note(n) != n.strip()] == []


def test_every_wording_has_its_chinese_with_the_same_values() -> None:
    zh = catalog("zh")
    for wording in NOTE_WORDINGS:
        assert wording in zh, wording
        values = set(re.findall(r"\{(\w+)\}", wording)) - {"name"}  # the Chinese says 医生
        assert set(re.findall(r"\{(\w+)\}", zh[wording])) == values, wording


@pytest.mark.parametrize("note", ["Bring the new leaflet", "带上新的宣传资料", "  Confirm X  "])
def test_a_note_of_another_wording_is_shown_as_written(note: str) -> None:
    set_language("zh")
    try:
        assert call_note(note) == note.strip()
    finally:
        set_language("en")


def test_the_plan_carries_the_note_in_the_language_in_force() -> None:
    from course.planning import plan_day

    calls = load_sample("calls")
    last = calls.sort_values("date").groupby("physician_id").tail(1)
    row = last.loc[last["next_objective"].str.startswith("Review the first", na=False)].iloc[0]
    candidates = load_sample("physicians").loc[lambda t: t["physician_id"] == row["physician_id"]]
    candidates = candidates.assign(tier="A")[["physician_id", "hospital_id", "tier"]]
    set_language("zh")
    try:
        plan = plan_day(candidates, calls=10, last_calls=calls)
    finally:
        set_language("en")
    first = plan.loc[0, "objectives"].split("; ")[0]
    assert first.startswith("跟进：和医生一起回顾最初"), first
