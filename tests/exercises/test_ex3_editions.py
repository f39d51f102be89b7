"""Exercise 3 in two editions: task 1's goals are shown as the hidden test judges them, in each
language, and judging them in English or Chinese gives the same answer."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import nbformat
import pytest

from course._language import translate
from course.goals import coach_goal

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = {"en": ROOT / "exercises" / "ex3_goals" / "ex3_goals.ipynb",
            "zh": ROOT / "exercises" / "ex3_goals_zh" / "ex3_goals_zh.ipynb"}
TODAY = date(2026, 3, 2)  # the exercise's today


def _cells(path: Path) -> dict[str, str]:
    return {c.get("id"): c.source for c in nbformat.read(path, as_version=4).cells}


def _judged_goals(lang: str) -> dict[str, str]:
    """The goals task 1's hidden test judges, keyed by letter, as they read in ``lang``."""
    tree = ast.parse(_cells(EDITIONS[lang])["q1_test"])
    assign = next(n for n in ast.walk(tree) if isinstance(n, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == "_goals" for t in n.targets))
    assert isinstance(assign.value, ast.Dict)
    goals = {}
    for key, value in zip(assign.value.keys, assign.value.values, strict=True):
        assert isinstance(key, ast.Constant)
        if isinstance(value, ast.Call):  # tr("..."): the goal in the language of the edition
            assert isinstance(value.func, ast.Name) and value.func.id == "tr"
            value = value.args[0]
        assert isinstance(value, ast.Constant) and isinstance(value.value, str)
        goals[key.value] = translate(value.value, lang)
    return goals


@pytest.mark.parametrize("lang", sorted(EDITIONS))
def test_task_1_shows_each_goal_as_its_hidden_test_judges_it(lang: str) -> None:
    task = _cells(EDITIONS[lang])["task1"]
    goals = _judged_goals(lang)
    assert sorted(goals) == ["a", "b", "c", "d"]
    for key, goal in goals.items():
        assert f"| **{key}** | {goal}" in task, f"{lang}: goal {key} is not shown as judged: {goal}"
    if lang == "zh":
        assert goals["b"] != _judged_goals("en")["b"]  # the Chinese edition reads its goals in Chinese


def test_the_goals_fail_the_same_letters_in_either_language() -> None:
    letters = {lang: {k: "".join(coach_goal(g, today=TODAY).failed) for k, g in _judged_goals(lang).items()}
               for lang in EDITIONS}
    assert letters["en"] == letters["zh"] == {"a": "SMT", "b": "", "c": "R", "d": "A"}
