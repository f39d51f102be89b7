"""The Chinese edition (简体中文版) is a twin of the English one: every lesson and exercise has
one, with the same cells and code (course.dev.editions), links into the Chinese edition, and
checked outputs that show the same key numbers (course.dev.keynumbers)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from course.dev import editions
from course.dev.keynumbers import compare, output_text
from course.dev.notebooks import is_checked

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = editions.english_notebooks(ROOT)
PAIRS = editions.pairs(ROOT)
CHINESE = sorted((ROOT / "notebooks" / "zh").glob("*.ipynb")) + sorted(
    (ROOT / "exercises").glob("*_zh/*_zh.ipynb"))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _pair_id(pair: tuple[Path, Path]) -> str:
    return _name(pair[1])


def test_the_course_has_both_kinds_of_notebook() -> None:
    names = [_name(p) for p in ENGLISH]
    assert "notebooks/00_welcome.ipynb" in names
    assert "exercises/ex1_professional/ex1_professional.ipynb" in names
    assert not any(editions.is_chinese(p) for p in ENGLISH)


@pytest.mark.parametrize("english", ENGLISH, ids=_name)
def test_every_lesson_and_exercise_has_a_chinese_twin(english: Path) -> None:
    twin = editions.twin_of(english)
    assert twin.is_file(), (
        f"{_name(twin)} is missing: python -m course.dev.editions new {_name(english)}")


@pytest.mark.parametrize("chinese", CHINESE, ids=_name)
def test_every_chinese_notebook_has_an_english_one(chinese: Path) -> None:
    assert editions.english_of(chinese).is_file(), f"{_name(chinese)} twins no English notebook"


@pytest.mark.parametrize("pair", PAIRS, ids=_pair_id)
def test_the_twins_have_the_same_cells_and_code(pair: tuple[Path, Path]) -> None:
    drifts = editions.check([pair[1]], root=ROOT)
    assert not drifts, "\n".join(str(d) for d in drifts)


def _language_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The cell that sets the language: an exercise's setup cell, else the first code cell."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    setup = [c for c in code if c.metadata.get("nbgrader", {}).get("grade_id") == "setup"]
    return (setup or code)[0]


@pytest.mark.parametrize("pair", PAIRS, ids=_pair_id)
def test_each_edition_sets_its_language_first(pair: tuple[Path, Path]) -> None:
    for path, language in zip(pair, ("en", "zh"), strict=True):
        cell = _language_cell(nbformat.read(path, as_version=4))
        assert re.search(rf'^\s*(course\.)?set_language\("{language}"\)', cell.source, re.M), (
            f"{_name(path)} cell {cell.get('id')}: call set_language(\"{language}\") there")


_LINK = re.compile(r"\]\((?!https?:|#|mailto:)([^)\s]+)\)")


@pytest.mark.parametrize("chinese", CHINESE, ids=_name)
def test_links_of_the_chinese_edition_stay_in_it_and_lead_somewhere(chinese: Path) -> None:
    problems = []
    for cell in nbformat.read(chinese, as_version=4).cells:
        if cell.cell_type != "markdown":
            continue
        for target in _LINK.findall(cell.source):
            path = target.split("#")[0]
            if not path:
                continue
            if re.search(r"exercises/ex\d+_[a-z_]+/", path) and "_zh/" not in path:
                problems.append(f"cell {cell.get('id')}: {target} is an English exercise")
            if re.search(r"(^|/)notebooks/\d\d_", path) or (
                    chinese.parent.name == "zh" and re.match(r"\.\./\d\d_", path)):
                problems.append(f"cell {cell.get('id')}: {target} is an English lesson")
            if not (chinese.parent / path).exists():
                problems.append(f"cell {cell.get('id')}: {target} leads nowhere")
    assert not problems, "\n".join(problems)


def _checked(path: Path) -> dict[str, nbformat.NotebookNode]:
    return {str(c.get("id")): c for c in nbformat.read(path, as_version=4).cells if is_checked(c)}


@pytest.mark.parametrize("pair", [p for p in PAIRS if p[0].parent.name == "notebooks"],
                         ids=_pair_id)
def test_checked_outputs_show_the_same_key_numbers(pair: tuple[Path, Path]) -> None:
    english, chinese = (_checked(p) for p in pair)
    assert english.keys() == chinese.keys(), "the same cells are checked (see the parity test)"
    problems = []
    for cell_id, cell in english.items():
        twin = chinese[cell_id]
        if not twin.outputs:
            problems.append(f"cell {cell_id}: no stored output; run "
                            f"python -m course.dev.notebooks {_name(pair[1])}")
            continue
        differences = compare(output_text(cell.outputs), output_text(twin.outputs))
        if differences:
            problems.append(f"cell {cell_id}: {', '.join(differences)}")
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------ the tools catch a drift

LESSON = ROOT / "notebooks" / "03_goals.ipynb"


def test_a_fresh_skeleton_of_every_notebook_keeps_parity() -> None:
    for path in ENGLISH:
        english = nbformat.read(path, as_version=4)
        twin = editions.skeleton(english, lesson=path.parent.name == "notebooks")
        assert editions.check_pair(english, twin, path) == [], _name(path)
        calls = [c.source for c in twin.cells if 'set_language("zh")' in c.source]
        assert calls, f"{_name(path)}: the skeleton switches the language"


def test_parity_fails_on_changed_code_a_lost_marker_and_moved_cells() -> None:
    english = nbformat.read(LESSON, as_version=4)
    twin = editions.skeleton(english, lesson=True)
    checked = next(c for c in twin.cells if is_checked(c))
    checked.source = checked.source.replace("# NBVAL_CHECK_OUTPUT", "# 检查输出")
    code = [c for c in twin.cells if c.cell_type == "code" and not is_checked(c)]
    code[-1].source += "\nprint('x')  # 中文注释"
    twin.cells[3], twin.cells[4] = twin.cells[4], twin.cells[3]
    found = "\n".join(str(d) for d in editions.check_pair(english, twin, Path("zh.ipynb")))
    assert f"cell {checked.id}: code differs" in found and "-# NBVAL_CHECK_OUTPUT" in found
    assert f"cell {code[-1].id}: code differs" in found and "+print('x')" in found
    assert "cells in another order" in found


def test_a_translated_comment_is_no_drift_but_a_changed_string_is() -> None:
    english = nbformat.read(LESSON, as_version=4)
    twin = editions.skeleton(english, lesson=True)
    cell = next(c for c in twin.cells if 'load_sample("' in c.source)
    cell.source = "# 这一格的说明\n" + cell.source
    assert editions.check_pair(english, twin, Path("zh.ipynb")) == []
    cell.source = cell.source.replace('load_sample("', 'load_sample("中文', 1)
    assert [d.cell for d in editions.check_pair(english, twin, Path("zh.ipynb"))] == [cell.id]


def test_the_command_writes_a_twin_and_reports_drift(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / LESSON.name).write_bytes(LESSON.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert editions.main(["check"]) == 1
    assert "no Chinese twin notebooks/zh/03_goals.ipynb" in capsys.readouterr().out
    assert editions.main(["new", f"notebooks/{LESSON.name}"]) == 0
    assert editions.main(["new", f"notebooks/{LESSON.name}"]) == 1  # never overwrites
    assert editions.main(["check"]) == 0
    twin = tmp_path / "notebooks" / "zh" / LESSON.name
    nb = nbformat.read(twin, as_version=4)
    nb.cells[1].metadata["tags"] = ["raises-exception"]
    nbformat.write(nb, twin)
    capsys.readouterr()
    assert editions.main(["check", "notebooks/zh/03_goals.ipynb"]) == 1
    assert f"cell {nb.cells[1].id}: metadata differs" in capsys.readouterr().out


def test_key_numbers_catch_a_changed_figure_in_a_real_output() -> None:
    cell = next(c for c in _checked(LESSON).values() if "72,858" in output_text(c.outputs))
    english = output_text(cell.outputs)
    assert compare(english, english.replace("72,858", "72858")) == []
    assert compare(english, english.replace("72,858", "72,885")) == ["missing 72858",
                                                                      "extra 72885"]
