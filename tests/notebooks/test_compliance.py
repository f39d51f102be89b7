"""Compliance in the lessons and exercises: one look for every block, a block at every required place,
no instruction to count prescriptions, carry a quota or give gifts outside a block."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from course.compliance import CASES, NMPA_PROHIBITED

ROOT = Path(__file__).resolve().parents[2]
HEAD = "> **Compliance today (合规提示)**"
PARTS = ("**What the material teaches (教材):**", "**What the rule says (规定):**",
         "**How a compliant company does the job (合规做法):**")
RULE_NAMES = ("《医药代表备案管理办法（试行）》", "IFPMA Code of Practice", "PhRMA Code")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*/*.ipynb"))


def _markdown(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


def _blocks(text: str) -> list[str]:
    """The compliance blocks in a cell: each runs from its head to the end of the quote."""
    found = []
    for match in re.finditer(re.escape(HEAD), text):
        lines = []
        for line in text[match.start():].splitlines():
            if not line.startswith(">"):
                break
            lines.append(line)
        found.append("\n".join(lines))
    return found


def _outside_blocks(text: str) -> str:
    for block in _blocks(text):
        text = text.replace(block, "")
    return text


def _all_blocks(name: str) -> list[str]:
    return [b for cell in _markdown(ROOT / "notebooks" / name) for b in _blocks(cell)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_compliance_block_has_the_one_look(path: Path) -> None:
    for cell in _markdown(path):
        for block in _blocks(cell):
            positions = [block.find(part) for part in PARTS]
            assert all(p > 0 for p in positions) and positions == sorted(positions), block[:200]
            assert any(name in block for name in RULE_NAMES), block[:200]
            assert "2020" in block or "IFPMA" in block, block[:200]
        # a block starts its cell or follows a blank line, so Markdown renders it as a quote
        for match in re.finditer(re.escape(HEAD), cell):
            assert match.start() == 0 or cell[: match.start()].endswith("\n\n"), path.name


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


@pytest.mark.parametrize("path", NOTEBOOKS + sorted((ROOT / "solutions").glob("*/*.ipynb")), ids=lambda p: p.name)
def test_no_lesson_or_exercise_tells_a_representative_to_break_the_rules(path: Path) -> None:
    cells = nbformat.read(path, as_version=4).cells
    text = "\n".join(_outside_blocks(c.source) if c.cell_type == "markdown" else c.source for c in cells)
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
