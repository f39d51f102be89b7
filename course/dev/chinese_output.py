"""A pytest plugin: when nbval runs a notebook of the Chinese edition, a cell fails if what it
prints shows an English sentence (see :mod:`course.dev.english`).

nbval already executes every lesson and solution once in ``make test``; this plugin reads the
outputs of that run (``IPyNbCell.test_outputs``), so the Chinese edition's printed lines are
checked without a second execution, including cells whose outputs are not stored. pyproject's
``addopts`` loads it with ``-p course.dev.chinese_output``.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

import pytest

from course.dev.editions import is_chinese
from course.dev.english import english_sentences, output_text, shows_english

__all__ = ["EnglishInChineseOutput", "pytest_runtest_call"]


class EnglishInChineseOutput(AssertionError):
    """A cell of the Chinese edition printed an English sentence."""


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    """After nbval runs a cell of a Chinese notebook, look for English in what it printed."""
    result = yield
    outputs = getattr(item, "test_outputs", None)
    path = Path(str(item.path))
    cell = getattr(item, "cell", None)
    cell_id = str(cell.get("id")) if cell is not None else ""
    if outputs and is_chinese(path) and not shows_english(path.name, cell_id):
        found = english_sentences(output_text(outputs))
        if found:
            where = f"cell {cell_id}" if cell_id else item.name
            shown = "; ".join(repr(s) for s in found[:5])
            raise EnglishInChineseOutput(
                f"{where} of a Chinese notebook prints English: {shown} (print it with "
                "course.tr and translate it in the notebook's catalog, or fix the library's)")
    return result
