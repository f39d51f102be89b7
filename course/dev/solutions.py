"""Regenerate ``solutions/`` from ``exercises/`` with nbgrader (``make solutions``).

nbgrader's ``generate_solution`` runs on a temporary copy of the course (so the
instructor's gradebook is never touched), executes every model answer, and
this module stores the result without outputs in ``solutions/<id>/``. A model
answer that raises an error stops the run: a solution must pass its own tests.

Run ``python -m course.dev.solutions`` from the repository root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbformat import NotebookNode

__all__ = ["SolutionError", "clean", "exercise_ids", "generate", "run_nbgrader"]

ROOT = Path(__file__).resolve().parents[2]


class SolutionError(RuntimeError):
    """A model answer fails when executed, or nbgrader failed."""


def exercise_ids(course: Path = ROOT) -> list[str]:
    """The assignments of the course: folders ``exercises/<id>/`` holding ``<id>.ipynb``.

    Examples
    --------
    >>> import tempfile
    >>> course = Path(tempfile.mkdtemp())
    >>> (course / "exercises" / "ex1_a").mkdir(parents=True)
    >>> (course / "exercises" / "ex1_a" / "ex1_a.ipynb").write_text("{}")
    2
    >>> (course / "exercises" / "drafts").mkdir()
    >>> exercise_ids(course)
    ['ex1_a']
    """
    folder = course / "exercises"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / f"{p.name}.ipynb").is_file())


def run_nbgrader(course: Path, *args: str) -> str:
    """Run ``python -m nbgrader ARGS`` in ``course`` with this environment's bin first on PATH.

    nbgrader shells out to ``alembic`` when it creates a gradebook, so the
    environment's ``bin`` folder must be on ``PATH``.
    """
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SolutionError(f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


def clean(nb: NotebookNode) -> NotebookNode:
    """Drop outputs, execution counts, timings, widget state and the Python version (in place).

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    >>> nb.cells[0].outputs = [nbformat.v4.new_output("stream", text="1")]
    >>> nb.cells[0].execution_count = 3
    >>> cell = clean(nb).cells[0]
    >>> cell.outputs, cell.execution_count
    ([], None)
    """
    nb.metadata.pop("widgets", None)
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def _errors(nb: NotebookNode) -> list[str]:
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                name = cell.metadata.get("nbgrader", {}).get("grade_id", f"cell {index + 1}")
                found.append(f"{name}: {output.ename}: {output.evalue}")
    return found


def generate(course: Path = ROOT, target: Path | None = None) -> list[Path]:
    """Regenerate the solutions of every exercise of ``course`` into ``target``.

    ``target`` defaults to ``course / "solutions"``; folders there without an
    exercise are removed. Returns the notebooks written.
    """
    target = course / "solutions" if target is None else target
    ids = exercise_ids(course)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="solutions-") as tmp:
        work = Path(tmp)
        shutil.copy(course / "nbgrader_config.py", work)
        shutil.copytree(course / "exercises", work / "exercises")
        if ids:
            run_nbgrader(work, "generate_assignment", "*")
            run_nbgrader(work, "generate_solution", "*")
        checked: list[tuple[str, Path, list[Path]]] = []
        for assignment in ids:
            produced = work / "solutions" / assignment
            notebooks = sorted(produced.glob("*.ipynb"))
            for path in notebooks:
                nb = nbformat.read(path, as_version=4)
                errors = _errors(nb)
                if errors:
                    raise SolutionError(f"{assignment}/{path.name} fails: " + "; ".join(errors))
                nbformat.write(clean(nb), path)
            checked.append((assignment, produced, notebooks))
        for assignment, produced, notebooks in checked:
            destination = target / assignment
            if destination.exists():
                shutil.rmtree(destination)
            shutil.copytree(produced, destination)
            written += [destination / path.name for path in notebooks]
    if target.is_dir():
        for stale in sorted(p for p in target.iterdir() if p.is_dir() and p.name not in ids):
            shutil.rmtree(stale)
    return written


def main() -> int:
    """Regenerate ``solutions/`` of this repository and list what was written."""
    for path in generate():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
