"""solutions/ is nbgrader's generate_solution of exercises/, stored without outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat import NotebookNode

from course.dev import nbgrader_cells as nc
from course.dev.solutions import SolutionError, exercise_ids, generate

ROOT = Path(__file__).resolve().parents[2]


def solution_ids(course: Path = ROOT) -> list[str]:
    folder = course / "solutions"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir())


def shape(nb: NotebookNode) -> list[tuple[str, str, dict[str, object]]]:
    """What must agree: each cell's type, source and metadata (not outputs)."""
    return [(c.cell_type, c.source, dict(c.metadata)) for c in nb.cells]


def test_every_exercise_has_a_solution_and_every_solution_an_exercise() -> None:
    assert solution_ids() == exercise_ids(), "run `make solutions`"
    for assignment in exercise_ids():
        assert (ROOT / "solutions" / assignment / f"{assignment}.ipynb").is_file()


def test_stored_solutions_have_no_outputs() -> None:
    for path in sorted((ROOT / "solutions").glob("*/*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert all(
            not c.get("outputs") and c.get("execution_count") is None
            for c in nb.cells
            if c.cell_type == "code"
        ), path


@pytest.mark.slow
def test_solutions_match_a_fresh_generation(tmp_path: Path) -> None:
    fresh = generate(ROOT, target=tmp_path)
    assert sorted(p.parent.name for p in fresh) == exercise_ids()
    for path in fresh:
        stored = ROOT / "solutions" / path.parent.name / path.name
        assert stored.is_file(), f"missing {stored.relative_to(ROOT)}: run `make solutions`"
        new, old = nbformat.read(path, as_version=4), nbformat.read(stored, as_version=4)
        assert shape(old) == shape(new), (
            f"{stored.relative_to(ROOT)} has drifted: run `make solutions`"
        )
        assert old.metadata == new.metadata


@pytest.mark.slow
def test_generate_refuses_a_failing_model_answer_then_writes_clean_solutions(
    tmp_path: Path,
) -> None:
    course = tmp_path / "course"
    (course / "exercises").mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", course)
    nc.write(nc.example_exercise(), course / "exercises" / "ex1_good" / "ex1_good.ipynb")
    nc.write(nc.example_exercise("5"), course / "exercises" / "ex2_wrong" / "ex2_wrong.ipynb")
    stale = course / "solutions" / "ex9_removed"
    stale.mkdir(parents=True)

    with pytest.raises(
        SolutionError, match=r"ex2_wrong/ex2_wrong.ipynb fails: q2_test: CheckFailed"
    ):
        generate(course)
    assert stale.is_dir() and not (course / "solutions" / "ex1_good").exists(), "nothing written"

    shutil.rmtree(course / "exercises" / "ex2_wrong")
    assert generate(course) == [course / "solutions" / "ex1_good" / "ex1_good.ipynb"]
    assert not stale.exists()
    nb = nbformat.read(course / "solutions" / "ex1_good" / "ex1_good.ipynb", as_version=4)
    source = nc.example_exercise()
    assert [c.source for c in nb.cells] == [c.source for c in source.cells]  # model answers kept
    assert "### BEGIN HIDDEN TESTS" in nb.cells[3].source
    assert all(
        c.outputs == [] and c.execution_count is None for c in nb.cells if c.cell_type == "code"
    )
    assert nb.metadata.language_info == {"name": "python"}
    assert nb.metadata.kernelspec.name == "python3"
