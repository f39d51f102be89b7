"""Compliance in the lessons and exercises: one look for every block, a block at every required place,
no instruction to count prescriptions, carry a quota or give gifts outside a block."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from course.compliance import CASES, NMPA_PROHIBITED
from course.dev.editions import english_of, is_chinese

ROOT = Path(__file__).resolve().parents[2]
HEAD = "> **Compliance today (合规提示)**"
PARTS = ("**What the material teaches (教材):**", "**What the rule says (规定):**",
         "**How a compliant company does the job (合规做法):**")
# the Chinese edition's look (docs/authoring.md, "The Chinese edition")
HEAD_ZH = "> **合规提示**"
PARTS_ZH = ("**教材的做法：**", "**现行规定：**", "**合规的做法：**")
RULE_NAMES = ("《医药代表备案管理办法（试行）》", "IFPMA Code of Practice", "PhRMA Code")
CHINESE_LESSONS = sorted((ROOT / "notebooks" / "zh").glob("*.ipynb"))
NOTEBOOKS = (sorted((ROOT / "notebooks").glob("*.ipynb")) + CHINESE_LESSONS
             + sorted((ROOT / "exercises").glob("*/*.ipynb")))


def _markdown(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


def _head(path: Path) -> str:
    return HEAD_ZH if is_chinese(path) else HEAD


def _blocks(text: str, head: str = HEAD) -> list[str]:
    """The compliance blocks in a cell: each runs from its head to the end of the quote."""
    found = []
    for match in re.finditer(re.escape(head) + r"(?=\s*$)", text, re.M):
        lines = []
        for line in text[match.start():].splitlines():
            if not line.startswith(">"):
                break
            lines.append(line)
        found.append("\n".join(lines))
    return found


def _outside_blocks(text: str, head: str = HEAD) -> str:
    for block in _blocks(text, head):
        text = text.replace(block, "")
    return text


def _all_blocks(name: str, folder: Path = ROOT / "notebooks", head: str = HEAD) -> list[str]:
    return [b for cell in _markdown(folder / name) for b in _blocks(cell, head)]


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_name)
def test_every_compliance_block_has_the_one_look(path: Path) -> None:
    head, parts = (HEAD_ZH, PARTS_ZH) if is_chinese(path) else (HEAD, PARTS)
    for cell in _markdown(path):
        for block in _blocks(cell, head):
            positions = [block.find(part) for part in parts]
            assert all(p > 0 for p in positions) and positions == sorted(positions), block[:200]
            assert all(any(line.startswith(f"> {part}") for line in block.splitlines())
                       for part in parts), f"each part starts a paragraph of the quote: {block[:200]}"
            assert any(name in block for name in RULE_NAMES), block[:200]
            assert "2020" in block or "IFPMA" in block, block[:200]
        # a block starts its cell or follows a blank line, so Markdown renders it as a quote
        for match in re.finditer(re.escape(head), cell):
            assert match.start() == 0 or cell[: match.start()].endswith("\n\n"), path.name
        if is_chinese(path):
            assert HEAD not in cell, f"{path.name}: a Chinese block heads with {HEAD_ZH!r}"


def _block_places(path: Path) -> dict[str, int]:
    """Cell id -> the number of compliance blocks in that cell."""
    head = _head(path)
    places = {str(c.get("id")): len(_blocks(c.source, head))
              for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"}
    return {cell: n for cell, n in places.items() if n}


CHINESE = CHINESE_LESSONS + sorted((ROOT / "exercises").glob("*_zh/*_zh.ipynb"))


@pytest.mark.parametrize("chinese", CHINESE, ids=_name)
def test_the_chinese_edition_has_its_blocks_where_the_english_has_them(chinese: Path) -> None:
    english = english_of(chinese)
    assert _block_places(chinese) == _block_places(english), (
        f"compliance blocks by cell id: English {_block_places(english)}, "
        f"Chinese {_block_places(chinese)}")


def test_a_block_in_another_look_or_another_place_is_caught() -> None:
    english = ROOT / "notebooks" / "04_accounts.ipynb"
    cells = {str(c.get("id")): c.source for c in nbformat.read(english, as_version=4).cells}
    cell_id, source = next((i, s) for i, s in cells.items() if s.startswith(HEAD))
    chinese = (source.replace(HEAD, HEAD_ZH)
               .replace(PARTS[0], PARTS_ZH[0]).replace(PARTS[1], PARTS_ZH[1])
               .replace(PARTS[2], PARTS_ZH[2]))
    assert len(_blocks(chinese, HEAD_ZH)) == 1 and not _blocks(chinese, HEAD)
    block = _blocks(chinese, HEAD_ZH)[0]
    assert [block.find(p) > 0 for p in PARTS_ZH] == [True, True, True]
    assert not _blocks(chinese.replace(HEAD_ZH, "> **合规提醒**"), HEAD_ZH)  # another head
    assert _blocks(source, HEAD_ZH) == [], "the English head is not the Chinese one"
    assert cell_id in _block_places(english)


@pytest.mark.parametrize(("lesson", "must_mention"), [
    ("03_goals.ipynb", ["不得承担药品销售任务"]),
    ("04_accounts.ipynb", ["统方"]),
    ("05_calls.ipynb", ["礼品", "劳务费"]),
])
def test_the_chinese_lessons_carry_the_blocks_at_the_same_rules(lesson: str, must_mention: list[str]) -> None:
    path = ROOT / "notebooks" / "zh" / lesson
    assert path.is_file(), f"the Chinese edition of {lesson} is missing"
    blocks = "\n".join(_all_blocks(lesson, path.parent, HEAD_ZH))
    missing = [m for m in must_mention if m not in blocks]
    assert not missing, f"zh/{lesson}: no compliance block mentions {missing}"


@pytest.mark.parametrize(("lesson", "must_mention"), [
    ("03_goals.ipynb", ["不得承担药品销售任务", "承担药品销售任务"]),
    ("04_accounts.ipynb", ["统方", "\"through friends, family", "unconditional friend", "status"]),
    ("05_calls.ipynb", ["礼品", "劳务费", "激励与奖励"]),
])
def test_the_places_the_material_touches_a_rule_carry_a_block(lesson: str, must_mention: list[str]) -> None:
    blocks = "\n".join(_all_blocks(lesson))
    missing = [m for m in must_mention if m not in blocks]
    assert not missing, f"{lesson}: no compliance block mentions {missing}"


def test_the_lessons_that_need_them_have_blocks() -> None:
    counts = {name: len(_all_blocks(name)) for name in
              ("00_welcome.ipynb", "03_goals.ipynb", "04_accounts.ipynb", "05_calls.ipynb", "06_portfolio.ipynb")}
    assert counts["03_goals.ipynb"] >= 2 and counts["04_accounts.ipynb"] >= 3 and counts["05_calls.ipynb"] >= 2
    assert all(n >= 1 for n in counts.values()), counts


# phrases that instructed a representative to carry a quota, count prescriptions or win doctors
# with favours; they may appear only inside a compliance block, which quotes the material
FORBIDDEN = (
    "gets a quota", "your quota", "your november quota", "your territory's quota",
    "above my quota", "my quota", "through friends, family", "detailed prescribing data",
    "current prescriptions", "for CARDIA's current", "prescriptions, counted",
)


@pytest.mark.parametrize("path", NOTEBOOKS + sorted((ROOT / "solutions").glob("*/*.ipynb")), ids=_name)
def test_no_lesson_or_exercise_tells_a_representative_to_break_the_rules(path: Path) -> None:
    cells = nbformat.read(path, as_version=4).cells
    text = "\n".join(_outside_blocks(c.source, _head(path)) if c.cell_type == "markdown" else c.source
                     for c in cells)
    hits = [phrase for phrase in FORBIDDEN if phrase.casefold() in text.casefold()]
    assert not hits, f"{path.name}: {hits}"


def test_lesson_5_shows_the_case_sorter() -> None:
    sources = [c.source for c in nbformat.read(ROOT / "notebooks" / "05_calls.ipynb", as_version=4).cells]
    assert "CaseSorter()" in sources


def test_exercise_5_quotes_the_cases_and_prohibitions_of_the_library() -> None:
    cells = {c.get("id"): c.source for c in nbformat.read(
        ROOT / "exercises" / "ex5_calls" / "ex5_calls.ipynb", as_version=4).cells}
    for key in ("adverse_event", "department_donation", "branded_pens", "walk_in"):
        assert CASES[key].situation.en in cells["task11"], key
    for key in ("prescription_report", "collect_payment", "overstated_claim"):
        assert CASES[key].situation.en in cells["task12"], key
    for letter, prohibition in zip("abcdefg", NMPA_PROHIBITED, strict=True):
        assert f"| **{letter}** | {prohibition.text.en} ({prohibition.text.zh}) |" in cells["task12"]
