"""`course grade` killed with SIGKILL part-way, then started again: nothing lost, nothing twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.grading import democourse as demo

pytestmark = [pytest.mark.slow, pytest.mark.sandbox]

BIN = str(Path(sys.executable).parent)
# the slow ones come last, so the run is still busy when the test kills it, however fast the machine
KINDS = ["correct", "partial", "blank", "correct", "partial", "blank", "correct", "infinite_loop",
         "infinite_loop", "infinite_loop"]
POINTS = {"correct": 4.0, "blank": 0.0, "infinite_loop": 3.0}  # autograded points; partial varies


def _command(root: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "course", "grade", "--course", str(root), "-q", "--workers", "2", *extra]


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}


def _graded(root: Path) -> int:
    try:
        with sqlite3.connect(root / "gradebook.db", timeout=30) as db:
            return int(db.execute("SELECT count(*) FROM course_grading_log WHERE status = 'graded'").fetchone()[0])
    except sqlite3.OperationalError:  # the log table is not created yet
        return 0


def test_a_killed_run_resumes_without_losing_or_repeating_a_grade(tmp_path: Path) -> None:
    root = demo.build_course(tmp_path / "course", cell_timeout=2)
    demo.release(root)
    for index, kind in enumerate(KINDS):
        demo.write_submission(root, f"t{index:02d}", kind, index=index)

    run = subprocess.Popen(_command(root, "--no-feedback", "--no-report"), env=_env(),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while _graded(root) < 3 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    os.kill(run.pid, signal.SIGKILL)
    assert run.wait() == -signal.SIGKILL, "the run ended before it could be killed"
    before = _graded(root)
    assert 3 <= before < len(KINDS)
    # its workers, sandboxes and kernels die with it
    marker = f"course-grade-{run.pid}"
    for _ in range(100):
        if not demo.processes_with(marker):
            break
        time.sleep(0.1)
    assert not demo.processes_with(marker)

    again = subprocess.run(_command(root), env=_env(), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-3000:]
    assert f"graded {len(KINDS) - before} submission(s)" in again.stdout
    assert f"{before} already graded" in again.stdout

    with sqlite3.connect(root / "gradebook.db") as db:
        per_cell = db.execute(
            "SELECT s.student_id, c.name, count(*) FROM grade g JOIN submitted_notebook n ON g.notebook_id = n.id "
            "JOIN submitted_assignment s ON n.assignment_id = s.id JOIN base_cell c ON g.cell_id = c.id "
            "GROUP BY s.student_id, c.name").fetchall()
        totals = dict(db.execute(
            "SELECT s.student_id, sum(g.auto_score) FROM grade g JOIN submitted_notebook n ON g.notebook_id = n.id "
            "JOIN submitted_assignment s ON n.assignment_id = s.id GROUP BY s.student_id").fetchall())
        submissions = db.execute("SELECT count(*) FROM submitted_assignment").fetchone()[0]
        log = db.execute("SELECT count(*), min(status), max(status) FROM course_grading_log").fetchone()
    assert submissions == len(KINDS)
    assert len(per_cell) == 4 * len(KINDS) and {n for *_, n in per_cell} == {1}
    assert log == (len(KINDS), "graded", "graded")
    for index, kind in enumerate(KINDS):
        if kind in POINTS:
            assert totals[f"t{index:02d}"] == POINTS[kind], kind
    assert not list((root / "autograded").glob("*/.*"))  # no half-published folder left
    assert len(list((root / "feedback").glob("*/ps1/problems.html"))) == len(KINDS)

    # a trainee who resubmits is graded again; nobody else is
    demo.write_submission(root, "t02", "correct", index=2)
    third = subprocess.run(_command(root, "--no-feedback", "--no-report"), env=_env(), capture_output=True,
                           text=True, timeout=300)
    assert "graded 1 submission(s)" in third.stdout and f"{len(KINDS) - 1} already graded" in third.stdout
    with sqlite3.connect(root / "gradebook.db") as db:
        score = db.execute(
            "SELECT sum(g.auto_score) FROM grade g JOIN submitted_notebook n ON g.notebook_id = n.id "
            "JOIN submitted_assignment s ON n.assignment_id = s.id WHERE s.student_id = 't02'").fetchone()[0]
    assert score == 4.0
