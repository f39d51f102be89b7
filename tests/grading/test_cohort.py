"""`course grade` on a demo course: hostile submissions, agreement with nbgrader, report.

The course, its release and every submission are made with nbgrader itself
(``tests.grading.democourse``) in a temporary folder; nothing here touches
the real course.
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

from course.grading.report.figures import read_grades
from course.grading.sandbox.cgroups import _own_path, probe
from course.grading.settings import course_directory, load_config
from tests.grading import democourse as demo

pytestmark = [pytest.mark.slow, pytest.mark.sandbox]

BIN = str(Path(sys.executable).parent)
CELL_TIMEOUT = 2


def _cgroups_writable() -> bool:
    """Whether this machine lets the grader count a kernel's processes (root, or delegated cgroups)."""
    found = probe(f"course-grade-probe-{os.getpid()}")
    if found is not None:
        found.close()
    return found is not None


CGROUPS = _cgroups_writable()


def run_grade(root: Path, *args: str, timeout: float = 400) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
    return subprocess.run([sys.executable, "-m", "course", "grade", "--course", str(root), "-q", *args],
                          capture_output=True, text=True, env=env, timeout=timeout)


def cell_scores(root: Path) -> dict[str, dict[str, float | None]]:
    """Automatic score of every grade cell, by student (straight from the gradebook)."""
    query = """SELECT s.student_id, c.name, g.auto_score FROM grade g
               JOIN submitted_notebook n ON g.notebook_id = n.id
               JOIN submitted_assignment s ON n.assignment_id = s.id
               JOIN base_cell c ON g.cell_id = c.id"""
    found: dict[str, dict[str, float | None]] = {}
    with sqlite3.connect(root / "gradebook.db") as db:
        for student, cell, score in db.execute(query):
            found.setdefault(student, {})[cell] = score
    return found


def log_rows(root: Path) -> dict[str, tuple[str, list[dict[str, str]]]]:
    with sqlite3.connect(root / "gradebook.db") as db:
        return {s: (status, json.loads(r)) for s, status, r in
                db.execute("SELECT student, status, reasons FROM course_grading_log")}


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = demo.build_course(tmp_path_factory.mktemp("released") / "course", cell_timeout=CELL_TIMEOUT)
    demo.release(root)
    return root


def _copy(released: Path, target: Path) -> Path:
    shutil.copytree(released, target)
    return target


# ---------------------------------------------------------------------------- hostile cohort

# (test_squares, test_circle, test_answer) expected for each kind; None: not asserted.
# The reasons expected; None: not asserted (an attack may also hang its own kernel).
BLANK = (0, 0, 0)
EXPECTED: dict[str, tuple[tuple[float | None, ...], set[str] | None]] = {
    "correct": ((2, 1, 1), set()),
    "partial": ((0, 1, 1), set()),
    "blank": (BLANK, set()),
    "edited_test": ((2, 1, 0), {"locked_cell_edited"}),
    "deleted_test": ((2, 1, 1), {"cell_restored"}),
    "deleted_cells": ((2, 1, 0), {"cell_deleted", "cell_restored"}),
    "invalid_json": (BLANK, {"unreadable_notebook"}),
    "wrong_filename": (BLANK, {"missing_notebook", "unexpected_file"}),
    "extra_files": ((2, 1, 1), {"unexpected_file", "timestamp"}),
    "read_hidden": ((2, 1, 1), set()),
    "infinite_loop": ((2, 0, 1), {"timeout"}),
    "ignore_interrupt": ((2, 0, 0), {"timeout"}),
    "memory_bomb": ((2, 0, None), {"memory"}),
    "huge_allocation": ((2, 0, 1), {"memory"}),
    "fork_bomb": ((2, 0, None), {"timeout", "process_limit"} if CGROUPS else {"timeout"}),
    "os_exit": ((2, 0, 0), {"kernel_died"}),
    "sys_exit": ((2, 0, 1), {"exit"}),
    "segfault": ((2, 0, 0), {"kernel_died"}),
    "huge_output": ((2, 1, 1), {"output_truncated"}),
    # answers that are objects: the clean kernel receives a stand-in that equals nothing
    "fake_equality": ((2, 1, 0), {"not_plain"}),
    "fake_number": ((2, 0, 1), {"not_plain"}),
    "fake_int": ((2, 1, 0), {"not_plain"}),
    "huge_answer": ((2, 1, 0), {"answers_unreadable"}),
    # patches in the trainee's kernel: the tests run elsewhere, so they change nothing
    "patch_builtins": ((2, 0, 1), set()),
    "patch_checks": ((2, 0, 1), set()),
    "math_pi": ((2, 0, 1), set()),
    "patch_ipython": (BLANK, set()),
    "fake_kernel": (BLANK, set()),
    "send_wrap": (BLANK, None),
    "blanket": (BLANK, None),
    "early_cell": (BLANK, None),
    "impostor_cell": (BLANK, {"unreadable_notebook"}),  # nbgrader itself refuses a read-only cell it does not know
    "forged_reader": (BLANK, None),
    "shadow_package": (BLANK, {"unexpected_file"}),
}
def test_every_kind_of_submission_is_covered() -> None:
    assert set(EXPECTED) == demo.SUBMISSION_KINDS


@pytest.fixture(scope="module")
def hostile(released: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str], int]:
    root = _copy(released, tmp_path_factory.mktemp("hostile") / "course")
    for index, kind in enumerate(sorted(EXPECTED)):
        demo.write_submission(root, kind, kind, index=0 if kind == "partial" else index, late=kind == "blank")
    (root / "submitted" / "stray" / "ps9").mkdir(parents=True)
    (root / "submitted" / "stray" / "ps9" / "x.ipynb").write_text("{}")
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
    process = subprocess.Popen(
        [sys.executable, "-m", "course", "grade", "--course", str(root), "-q", "--workers", "2",
         "--notebook-timeout", "40", "--memory", "400", "--max-processes", "64"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    out, err = process.communicate(timeout=600)
    return root, subprocess.CompletedProcess(process.args, process.returncode, out, err), process.pid


def test_the_batch_finishes_and_says_what_it_did(hostile: tuple[Path, subprocess.CompletedProcess[str], int]) -> None:
    _, result, _ = hostile
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"graded {len(EXPECTED)} submission(s)" in result.stdout
    assert "stray/ps9: unknown assignment" in result.stderr


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_submission_gets_a_score_and_a_reason(
        hostile: tuple[Path, subprocess.CompletedProcess[str], int], kind: str) -> None:
    root, _, _ = hostile
    expected, codes = EXPECTED[kind]
    scores = cell_scores(root)[kind]
    got = (scores["test_squares"], scores["test_circle"], scores["test_answer"])
    for cell, want, have in zip(("test_squares", "test_circle", "test_answer"), expected, got, strict=True):
        if want is not None:
            assert have == want, f"{kind}/{cell}: {have} != {want}; reasons {log_rows(root)[kind]}"
    status, reasons = log_rows(root)[kind]
    assert status == "graded"
    found = {r["code"] for r in reasons}
    if codes is not None:
        assert codes <= found, f"{kind}: reasons {found} lack {codes - found}"
    if codes == set():
        assert not found & {"not_plain", "answers_unreadable", "kernel_died", "timeout"}, reasons
    # every submission, even one whose kernel died, has its autograded notebook and feedback
    assert (root / "autograded" / kind / "ps1" / "problems.ipynb").is_file()
    assert (root / "feedback" / kind / "ps1" / "problems.html").is_file()


def test_nothing_private_was_reachable(hostile: tuple[Path, subprocess.CompletedProcess[str], int]) -> None:
    root, _, _ = hostile
    # the snooping answer only scores when every read, listing, write and connection failed
    assert cell_scores(root)["read_hidden"]["test_answer"] == 1
    assert not (root / "pwned.txt").exists()
    graded = root / "autograded" / "extra_files" / "ps1"
    assert (graded / "grading_helpers.py").read_text() == (root / "exercises" / "ps1" / "grading_helpers.py").read_text()
    assert not (graded / "link-to-gradebook").exists()
    # the kernel's folder holds no notebook: hidden tests are not on its disk
    assert sorted(p.name for p in graded.iterdir()) == ["data", "grading_helpers.py", "notes.txt", "problems.ipynb",
                                                        "timestamp.txt"]


def test_huge_output_is_cut_down(hostile: tuple[Path, subprocess.CompletedProcess[str], int]) -> None:
    root, _, _ = hostile
    assert (root / "autograded" / "huge_output" / "ps1" / "problems.ipynb").stat().st_size < 3_000_000


def test_no_process_cgroup_or_temporary_folder_is_left(hostile: tuple[Path, subprocess.CompletedProcess[str], int]) -> None:
    _, _, pid = hostile
    marker = f"course-grade-{pid}"
    assert not demo.processes_with(marker)
    for controller in ("pids", "memory"):
        own = _own_path(controller)
        if own is not None:
            assert not (Path("/sys/fs/cgroup") / controller / own.lstrip("/") / marker).exists()
    assert not any(p.name == marker for p in Path("/tmp").iterdir())


def test_the_report_shows_scores_failures_lateness_and_problems(
        hostile: tuple[Path, subprocess.CompletedProcess[str], int]) -> None:
    root, _, _ = hostile
    rows = (root / "reports" / "grades.csv").read_text().splitlines()
    assert len(rows) == 1 + len(EXPECTED)
    html = (root / "reports" / "grading-report.html").read_text()
    assert "Score distribution per assignment" in html and "<svg" in html
    # test_circle is the question the cohort failed most
    first = html.index("<tbody>", html.index("Pass rate per question"))
    assert html.index("test_circle", first) < html.index("test_squares", first)
    late = html[html.index("Late submissions"):html.index("Submissions not graded")]
    assert "blank" in late and "5 h" in late
    problems = html[html.index("Submissions not graded"):]
    for text in ("stray", "unknown assignment", "segfault", "segmentation fault", "fork_bomb",
                 "not a plain value", "could not be read"):
        assert text in problems, text


# ---------------------------------------------------------------------------- agreement with nbgrader

MIXED = ["correct", "partial", "partial", "partial", "blank", "deleted_test", "edited_test"]


def test_scores_are_identical_to_nbgrader_autograde(released: Path, tmp_path: Path) -> None:
    ours = _copy(released, tmp_path / "ours")
    for index, kind in enumerate(MIXED):
        demo.write_submission(ours, f"t{index:02d}", kind, index=index, late=index % 4 == 0)
    theirs = _copy(ours, tmp_path / "theirs")
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
    subprocess.run([sys.executable, "-m", "nbgrader", "autograde", demo.ASSIGNMENT, "--log-level=ERROR"],
                   cwd=theirs, env=env, check=True, capture_output=True, timeout=600)
    result = run_grade(ours, "--workers", "2", "--no-feedback", "--no-report")
    assert result.returncode == 0, result.stderr[-3000:]

    def everything(root: Path) -> tuple[list[object], list[object], dict[str, object]]:
        submissions, cells = read_grades(course_directory(load_config(root)))
        with sqlite3.connect(root / "gradebook.db") as db:
            comments = dict(db.execute(
                "SELECT s.student_id || '/' || c.name, m.auto_comment FROM comment m "
                "JOIN submitted_notebook n ON m.notebook_id = n.id JOIN submitted_assignment s "
                "ON n.assignment_id = s.id JOIN base_cell c ON m.cell_id = c.id").fetchall())
            manual = db.execute("SELECT count(*) FROM grade WHERE needs_manual_grade").fetchone()[0]
        comments["manual"] = manual
        return ([(s.student, s.score, s.max_score, s.seconds_late, s.needs_manual_grade) for s in submissions],
                sorted((c.student, c.cell, c.score) for c in cells), comments)

    mine, nbgraders = everything(ours), everything(theirs)
    assert mine == nbgraders
    assert {s for s, *_ in mine[0]} == {f"t{i:02d}" for i in range(len(MIXED))}
    assert sorted({score for *_, score in mine[1]}) == [0.0, 1.0, 2.0]  # the cohort is mixed


def test_without_the_sandbox_it_warns_and_private_files_are_exposed(released: Path, tmp_path: Path) -> None:
    root = _copy(released, tmp_path / "open")
    demo.write_submission(root, "snoop", "read_hidden")
    result = run_grade(root, "--no-sandbox", "--workers", "1", "--no-feedback", "--no-report")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING: grading without the sandbox" in result.stderr
    assert "UNSANDBOXED" in result.stdout
    # what the sandbox prevents: the same answer reads the gradebook and writes into the course
    assert cell_scores(root)["snoop"]["test_answer"] == 0
    assert (root / "pwned.txt").exists()


# ---------------------------------------------------------------------------- the formgrader's button

JUDGED_CONFIG = """
from course.grading.execute.judge import autograde_preprocessors
c.Autograde.autograde_preprocessors = autograde_preprocessors()
"""
BUTTON_COHORT = ("blank", "correct", "send_wrap", "blanket", "math_pi", "early_cell", "fake_equality")


def _autograde(root: Path, *, strict: bool = True) -> dict[str, dict[str, float | None]]:
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", demo.ASSIGNMENT, "--log-level=ERROR"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0 or not strict, done.stderr[-3000:]
    return cell_scores(root)


def test_the_autograde_button_judges_in_a_clean_kernel_too(released: Path, tmp_path: Path) -> None:
    plain = _copy(released, tmp_path / "plain")
    for kind in BUTTON_COHORT:
        demo.write_submission(plain, kind, kind)
    judged = _copy(plain, tmp_path / "judged")
    with (judged / "nbgrader_config.py").open("a") as config:
        config.write(JUDGED_CONFIG)

    # without the course's configuration, the attacks win points from wrong answers
    before = _autograde(plain, strict=False)  # a hung kernel is an error for plain nbgrader
    total = {kind: sum(s or 0 for s in scores.values()) for kind, scores in before.items()}
    assert total["blank"] == 0 and total["correct"] == 4
    for kind in ("send_wrap", "blanket", "early_cell", "math_pi", "fake_equality"):
        assert total[kind] > 0, (kind, before[kind])

    # with it, plain `nbgrader autograde` (what the formgrader's Autograde button runs) gives them nothing
    after = _autograde(judged)
    for kind in BUTTON_COHORT:
        want = EXPECTED[kind][0]
        got = tuple(after[kind][c] for c in ("test_squares", "test_circle", "test_answer"))
        assert got == want, (kind, got, want)
    graded = json.loads((judged / "autograded" / "correct" / "ps1" / "problems.ipynb").read_text())
    assert [c.get("outputs") for c in graded["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") ==
            "test_circle"] == [[]]  # the test ran (in the clean kernel) and passed silently
