"""Lessons and exercises are stored clean: no stray outputs, no widget state."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from course.dev.notebooks import is_checked

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(
    p for folder in ("notebooks", "exercises", "solutions") for p in (ROOT / folder).rglob("*.ipynb")
    if ".ipynb_checkpoints" not in p.parts
)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_stored_clean(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert "widgets" not in nb.metadata, "widget state must not be committed"
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and not is_checked(cell):
            assert not cell.outputs, f"cell {index} keeps outputs; run `make notebooks`"
        if cell.cell_type == "code" and is_checked(cell):
            assert cell.outputs, f"cell {index} is marked NBVAL_CHECK_OUTPUT but has no stored output"
