"""One bilingual text type: course.i18n.Text, and only course/i18n.py decides the language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from course.i18n import Text, choose, set_language

COURSE = Path(__file__).resolve().parents[1] / "course"

LANGUAGE_CODES = {"en", "zh"}

ALLOWED_BRANCHES = {
    # plots draw Chinese only where a CJK font has the glyphs, else English (no tofu boxes):
    # the font fallback is the one language decision outside course/i18n.py
    ("plots/_style.py", "uses_chinese"),
    # the authors' tool that writes a Chinese twin's skeleton turns the English edition's
    # set_language("en") into "zh": it edits notebooks' code, it does not choose what to show
    ("dev/editions.py", "_switch_language"),
}
"""(module, function) pairs allowed to compare the language with 'en' / 'zh'."""


def _is_language_field(name: str) -> bool:
    return name in LANGUAGE_CODES or any(
        name.endswith(f"_{code}") or name.startswith(f"{code}_") for code in LANGUAGE_CODES)


def language_branches(source: str) -> list[tuple[int, str]]:
    """``(line, function)`` of every comparison with the literal ``'en'`` or ``'zh'``."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            if isinstance(child, ast.Compare):
                operands = [child.left, *child.comparators]
                if any(isinstance(o, ast.Constant) and o.value in LANGUAGE_CODES for o in operands):
                    found.append((child.lineno, function))
            visit(child, inner)

    visit(ast.parse(source), "")
    return found


def language_fields(source: str) -> list[tuple[int, str]]:
    """``(line, Class.field)`` of every class attribute named ``en``, ``zh``, ``*_en``, ``*_zh``, ``zh_*``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name) \
                        and _is_language_field(item.target.id):
                    found.append((item.lineno, f"{node.name}.{item.target.id}"))
    return found


def _modules() -> list[Path]:
    return [p for p in sorted(COURSE.rglob("*.py")) if p != COURSE / "i18n.py"]


def test_the_scans_find_what_they_look_for() -> None:
    branchy = (
        "def label(spoke):\n"
        "    return spoke.zh if get_language() == 'zh' else spoke.en\n"
        "def other(lang):\n"
        "    return 'keep' if lang != \"en\" else '保持'\n"
    )
    assert language_branches(branchy) == [(2, "label"), (4, "other")]
    paired = (
        "class Stage:\n"
        "    number: int\n"
        "    en: str\n"
        "    zh: str\n"
        "    goal_en: str\n"
        "    zh_seed: str\n"
        "    name: Text\n"
    )
    assert [f for _line, f in language_fields(paired)] == ["Stage.en", "Stage.zh", "Stage.goal_en", "Stage.zh_seed"]
    assert language_fields("class Entry:\n    name: Text\n    language_code: str\n") == []


def test_only_i18n_decides_the_language() -> None:
    branches = [
        f"{path.relative_to(COURSE)}:{line} in {function or 'module'}"
        for path in _modules()
        for line, function in language_branches(path.read_text(encoding="utf-8"))
        if (path.relative_to(COURSE).as_posix(), function) not in ALLOWED_BRANCHES
    ]
    assert branches == [], (
        "compare the language with 'en'/'zh' only in course/i18n.py: hold the two texts in a "
        "course.i18n.Text (str() gives the language in force) or use course.i18n.choose(en, zh)")


def test_the_allowed_branches_still_exist() -> None:
    for module, function in ALLOWED_BRANCHES:
        source = (COURSE / module).read_text(encoding="utf-8")
        assert function in {f for _line, f in language_branches(source)}, (module, function)


def test_bilingual_data_is_held_in_text_not_in_field_pairs() -> None:
    pairs = [
        f"{path.relative_to(COURSE)}:{line} {field}"
        for path in _modules()
        for line, field in language_fields(path.read_text(encoding="utf-8"))
    ]
    assert pairs == [], "hold bilingual data in one course.i18n.Text field, not en/zh fields"


@pytest.mark.parametrize(("lang", "shown"), [("en", "Health"), ("zh", "健康")])
def test_text_shows_the_language_in_force_and_both_on_demand(lang: str, shown: str) -> None:
    set_language(lang)
    text = Text("Health", "健康")
    assert str(text) == shown
    assert f"{text}" == shown
    assert text.both == "Health (健康)"
    assert choose("name_en", "name_zh") == f"name_{lang}"
