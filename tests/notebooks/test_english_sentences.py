"""No English sentence in what the Chinese edition shows: the prose and comments of its lessons,
exercises and solutions, their stored outputs, and (through nbval) every line a cell prints.

Printed output is checked where nbval already runs the Chinese lessons and solutions
(course.dev.chinese_output, loaded by pyproject's addopts), so no notebook runs twice.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course.dev import editions
from course.dev.english import comments, english_sentences, output_text, prose, shows_english

ROOT = Path(__file__).resolve().parents[2]
CHINESE = (sorted((ROOT / "notebooks" / "zh").glob("*.ipynb"))
           + sorted((ROOT / "exercises").glob("*_zh/*_zh.ipynb"))
           + sorted((ROOT / "solutions").glob("*_zh/*_zh.ipynb")))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def english_in(nb: nbformat.NotebookNode, name: str = "") -> list[str]:
    """Every English sentence a reader meets in a stored notebook, with its cell id."""
    found = []
    for cell in nb.cells:
        parts = [prose(cell.source)] if cell.cell_type == "markdown" else []
        if cell.cell_type == "code":
            parts.append(comments(cell.source))
            if not shows_english(name, str(cell.get("id"))):
                parts.append(output_text(cell.get("outputs", [])))
        found += [f"cell {cell.get('id')}: {s!r}" for part in parts for s in english_sentences(part)]
    return found


@pytest.mark.parametrize("path", CHINESE, ids=_name)
def test_the_chinese_edition_reads_in_chinese(path: Path) -> None:
    found = english_in(nbformat.read(path, as_version=4), path.name)
    assert not found, "English in a Chinese notebook:\n" + "\n".join(found[:30])


def test_an_untranslated_twin_is_caught_in_prose_comments_and_outputs() -> None:
    english = nbformat.read(ROOT / "notebooks" / "03_goals.ipynb", as_version=4)
    found = english_in(editions.skeleton(english, lesson=True))
    assert "cell af6394ef: 'Goals, SMART and management by objectives'" in found  # the title
    assert any(f.startswith("cell 710d0de1:") and "the lesson is set just after" in f
               for f in found)  # a comment
    english.cells = [c for c in english.cells if c.cell_type == "code"]
    stored = english_in(english)  # the English edition's stored outputs and comments
    assert any("Goals motivate us" in f for f in stored), stored[:5]


def test_names_codes_units_code_and_citations_are_allowed() -> None:
    text = ("运行 `plan_day(calls, date=\"2026-11-02\")`，CARDIA 每月 1,172 盒（H01-CAR，5 mg），"
            "列 `patients_month`；目标管理（Management by Objectives, Drucker 1954）；"
            "SMART 原则（Specific, Measurable, Achievable, Relevant, Time-bound）；"
            "见[第2课](02_time.ipynb)。")
    assert english_sentences(prose(text)) == []
    assert english_sentences("按 Shift+Enter 运行") == []
    assert english_sentences("Press Shift+Enter to run the cell") == ["Press to run the cell"]


NOTEBOOK = """{{"cells": [
 {{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {{}}, "outputs": [],
  "source": "print('每月拜访 4 次，CARDIA 1,172 盒')"}},
 {{"cell_type": "code", "execution_count": null, "id": "b", "metadata": {{}}, "outputs": [],
  "source": "print({line!r})"}}],
 "metadata": {{"kernelspec": {{"display_name": "Python 3", "language": "python", "name": "python3"}}}},
 "nbformat": 4, "nbformat_minor": 5}}"""


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["notebooks/zh", "notebooks"])
def test_nbval_fails_a_chinese_cell_that_prints_english(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "99_check.ipynb"
    path.parent.mkdir(parents=True)
    path.write_text(NOTEBOOK.format(line="Run the next cell to see the plan."), encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p",
         "course.dev.chinese_output", "--nbval-lax", "--nbval-current-env", str(path)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    if folder == "notebooks":  # the English edition may print English
        assert done.returncode == 0, done.stdout
        return
    assert done.returncode == 1, done.stdout
    assert "1 failed, 1 passed" in done.stdout, done.stdout
    assert "cell b of a Chinese notebook prints English: 'Run the next cell to see the plan'" in (
        done.stdout), done.stdout
