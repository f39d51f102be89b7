"""`course grade` on the course's real graded exercises, in the sandbox.

A copy of the course's nbgrader configuration and exercises is released by
nbgrader in a temporary folder; each exercise gets a submission answered
with the model solution (full autograded marks expected) and a blank one
(no autograded marks). This proves the sandbox lets the exercises import the
course package, read its sample data and plot, and that the checks run.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.sandbox]

ROOT = Path(__file__).resolve().parents[2]
BIN = str(Path(sys.executable).parent)
EXERCISES = sorted(p.parent.name for p in ROOT.glob("exercises/*/*.ipynb")
                   if p.stem == p.parent.name and (ROOT / "solutions" / p.parent.name / p.name).is_file())

RELEASE = """
import sys
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader
config = PyFileConfigLoader("nbgrader_config.py", path=".").load_config()
api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
for name in sys.argv[1:]:
    result = api.generate_assignment(name, force=True)
    if not result["success"]:
        raise SystemExit(result.get("error") or result.get("log"))
"""


# a trainee who makes every check pass: patches course.checks and rebinds the names the setup imported
CHEAT = """import builtins
import course.checks
course.checks.check.__code__ = (lambda *a, **k: None).__code__
course.checks.check_format = lambda *a, **k: None
check = check_format = lambda *a, **k: None
builtins.round = lambda *a, **k: 0
"""


@pytest.fixture(scope="module", autouse=True)
def _bubblewrap() -> None:
    if shutil.which("bwrap") is None:
        if os.environ.get("CI"):
            pytest.fail("bubblewrap (bwrap) is missing on CI; .ci/run installs it")
        pytest.skip("bubblewrap (bwrap) is not installed: apt-get install bubblewrap")


def _answered(released: dict[str, object], solution: dict[str, object]) -> dict[str, object]:
    answers = {c["metadata"]["nbgrader"]["grade_id"]: c["source"]  # type: ignore[index]
               for c in solution["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("solution")}  # type: ignore[attr-defined,union-attr]
    filled = json.loads(json.dumps(released))
    for cell in filled["cells"]:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
    return filled  # type: ignore[no-any-return]


@pytest.mark.skipif(not EXERCISES, reason="no exercise has both a source and a solution notebook yet")
def test_the_real_exercises_grade_in_the_sandbox(tmp_path: Path) -> None:
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    for name in EXERCISES:
        shutil.copytree(ROOT / "exercises" / name, course / "exercises" / name)
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", ""), "COURSE_ID": "test-cohort"}
    env.pop("NBGRADER_EXCHANGE", None)
    subprocess.run([sys.executable, "-c", RELEASE, *EXERCISES], cwd=course, env=env, check=True,
                   capture_output=True, timeout=300)
    for name in EXERCISES:
        released = json.loads((course / "release" / name / f"{name}.ipynb").read_text())
        solution = json.loads((ROOT / "solutions" / name / f"{name}.ipynb").read_text())
        cheat = json.loads(json.dumps(released))
        first = next(c for c in cheat["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("solution")
                     and c["cell_type"] == "code")
        first["source"] = CHEAT + "".join(first["source"])
        for student, notebook in (("model", _answered(released, solution)), ("blank", released), ("cheat", cheat)):
            folder = course / "submitted" / student / name
            folder.mkdir(parents=True)
            (folder / f"{name}.ipynb").write_text(json.dumps(notebook))
    result = subprocess.run([sys.executable, "-m", "course", "grade", "--course", str(course), "-q",
                             "--workers", "2", "--no-feedback"], capture_output=True, text=True, env=env,
                            timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert f"graded {3 * len(EXERCISES)} submission(s)" in result.stdout

    # autograded cells: grade cells that are not also answer (solution) cells
    query = """SELECT s.student_id, a.name, c.name, g.auto_score, gc.max_score,
                      NOT EXISTS (SELECT 1 FROM solution_cells sc JOIN base_cell b ON b.id = sc.id
                                  WHERE b.name = c.name AND b.notebook_id = c.notebook_id)
               FROM grade g JOIN submitted_notebook n ON g.notebook_id = n.id
               JOIN submitted_assignment s ON n.assignment_id = s.id JOIN assignment a ON s.assignment_id = a.id
               JOIN base_cell c ON g.cell_id = c.id JOIN grade_cells gc ON gc.id = c.id"""
    with sqlite3.connect(course / "gradebook.db") as db:
        rows = db.execute(query).fetchall()
        reasons = dict(((s, a), r) for s, a, r in db.execute(
            "SELECT student, assignment, reasons FROM course_grading_log"))
    tests = [(s, a, c, score, top) for s, a, c, score, top, autograded in rows if autograded]
    assert {a for _, a, *_ in tests} == set(EXERCISES)
    for student, assignment, cell, score, top in tests:
        want = top if student == "model" else 0.0  # blank, and cheat whose patches are undone
        assert score == want, f"{student}/{assignment}/{cell}: {score} != {want}; {reasons[(student, assignment)]}"
    for (student, assignment), text in reasons.items():
        codes = {r["code"] for r in json.loads(text)}
        if student == "cheat":
            assert "tampering" in codes, (assignment, text)
        else:
            assert not codes & {"tampering", "fake_equality", "kernel_died", "timeout", "hidden_file"}, (
                student, assignment, text)
