"""The grading pipeline's parts: discovery, launcher, sandbox, writer, report, command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from course.grading.discover.submissions import fingerprint, plan_jobs, submission_files
from course.grading.records import Job, NotebookOutcome, Outcome, Reason
from course.grading.report.figures import (
    CellRow,
    SubmissionRow,
    question_rates,
    score_summaries,
    summarise,
)
from course.grading.report.html import render
from course.grading.sandbox import launch
from course.grading.sandbox.launch import parse

LAUNCHER = Path(launch.__file__)


# ---------------------------------------------------------------------------- discovery

def _submit(root: Path, student: str, assignment: str, text: str = "{}") -> Path:
    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nb.ipynb").write_text(text)
    return folder


def test_jobs_are_the_known_assignments_of_the_chosen_students(tmp_path: Path) -> None:
    _submit(tmp_path, "ann", "ps1")
    _submit(tmp_path, "bob", "ps1")
    _submit(tmp_path, "bob", "ps9")
    (tmp_path / "submitted" / "ann" / "ps1" / "timestamp.txt").write_text(" 2030-01-01 10:00:00 UTC\n")
    jobs, skipped = plan_jobs(tmp_path / "submitted", ["ps1"])
    assert [(j.student, j.assignment) for j in jobs] == [("ann", "ps1"), ("bob", "ps1")]
    assert jobs[0].timestamp == "2030-01-01 10:00:00 UTC" and jobs[1].timestamp is None
    assert [(s.student, s.assignment) for s in skipped] == [("bob", "ps9")]
    only, _ = plan_jobs(tmp_path / "submitted", ["ps1"], students=["bob"])
    assert [j.student for j in only] == ["bob"]


def test_a_resubmission_changes_the_fingerprint_a_touch_does_not(tmp_path: Path) -> None:
    folder = _submit(tmp_path, "ann", "ps1", '{"a": 1}')
    before = fingerprint(folder)
    os.utime(folder / "nb.ipynb", (0, 0))
    assert fingerprint(folder) == before
    (folder / "nb.ipynb").write_text('{"a": 2}')
    assert fingerprint(folder) != before


def test_symbolic_links_in_a_submission_are_never_followed(tmp_path: Path) -> None:
    folder = _submit(tmp_path, "ann", "ps1")
    (folder / "secret").symlink_to("/etc/hostname")
    os.mkfifo(folder / "pipe")  # reading it would block the grader
    assert [p.name for p in submission_files(folder)] == ["nb.ipynb"]
    assert len(fingerprint(folder)) == 64


# ---------------------------------------------------------------------------- launcher

def test_launcher_sets_limits_then_becomes_the_command() -> None:
    assert parse(["--rlimit", "NPROC=7", "--", "a", "--b"]) == ({"NPROC": 7}, [], ["a", "--b"])
    code = "import resource; print(resource.getrlimit(resource.RLIMIT_AS)[0], resource.getrlimit(resource.RLIMIT_CORE))"
    out = subprocess.run([sys.executable, "-I", "-S", str(LAUNCHER), "--rlimit", f"AS={3 << 30}", "--rlimit", "CORE=0",
                          "--", sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[0] == str(3 << 30) and "(0, 0)" in out


# ---------------------------------------------------------------------------- sandbox

@pytest.mark.sandbox
@pytest.mark.sandbox
def test_the_sandbox_shows_only_the_interpreter_and_its_packages(tmp_path: Path) -> None:
    from course.grading.sandbox.bwrap import Limits, plan

    course = tmp_path / "course"
    for name in ("exercises", "submitted/bob/ps1", "pkg"):
        (course / name).mkdir(parents=True)
    (course / "gradebook.db").write_text("secret")
    (course / "pkg" / "__init__.py").write_text("VALUE = 7\n")
    sandbox = plan(sys.executable, [course, tmp_path / "run"], extra_readonly=[course], etc_dir=tmp_path / "etc")
    (tmp_path / "c").mkdir()
    (tmp_path / "in").mkdir()
    probe = (
        "import os, socket, sys\n"
        f"sys.path.insert(0, {str(course)!r})\n"
        "import pkg\n"
        f"print(sorted(os.listdir({str(course)!r})), pkg.VALUE)\n"
        f"print(os.path.exists({str(course / 'gradebook.db')!r}), os.path.exists({str(tmp_path / 'etc')!r}))\n"
        "try:\n    socket.create_connection(('93.184.216.34', 80), timeout=2)\n    print('online')\n"
        "except OSError as e:\n    print('offline')\n"
        "for path in ('/grading/work/x', '/tmp/x', os.path.expanduser('~/x'), sys.prefix + '/x'):\n"
        "    try:\n        open(path, 'w').write('x'); print('w', path)\n    except OSError:\n        print('ro', path)\n"
        "print(os.getcwd(), 'JUPYTERHUB_API_TOKEN' in os.environ)\n"
    )
    argv = sandbox.argv(connection_dir=str(tmp_path / "c"), input_dir=str(tmp_path / "in"), limits=Limits())
    env = {**os.environ, "JUPYTERHUB_API_TOKEN": "secret"}
    result = subprocess.run([*argv, sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr
    assert lines[0] == "['pkg'] 7"  # the course folder shows only the package on sys.path
    assert lines[1] == "False False"
    assert lines[2] == "offline"
    assert lines[3:6] == ["w /grading/work/x", "w /tmp/x", "w /grading/home/x"]
    assert lines[6].startswith("ro ")
    assert lines[7] == "/grading/work False"


# ---------------------------------------------------------------------------- gradebook writer

@pytest.mark.slow
def test_the_writer_applies_a_batch_entirely_or_not_at_all(tmp_path: Path) -> None:
    from nbgrader.api import Gradebook

    from course.grading.record.gradebook import GradebookWriter

    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with Gradebook(url) as gb:
        gb.add_assignment("ps1")
        gb.add_notebook("nb", "ps1")
        gb.add_grade_cell("q1", "nb", "ps1", max_score=2, cell_type="code")
        gb.add_solution_cell("a1", "nb", "ps1")
    good = Outcome(Job("ann", "ps1", "/x", "f1", "2030-01-01 10:00:00 UTC"),
                   [NotebookOutcome("nb", "graded", {"q1": 2.0}, {"a1": None})], [Reason("timeout", "t", "nb", "q1")])
    bad = Outcome(Job("bob", "ps1", "/y", "f2", None), [NotebookOutcome("nb", "graded", {"nope": 1.0})])
    with GradebookWriter(url, "default_course") as writer:
        # one submission the gradebook refuses fails alone; the rest of the batch is recorded
        writer.apply([good, bad])
        assert bad.failure is not None and "nope" in bad.failure and good.failure is None
        assert writer.log()[("ps1", "bob")]["status"] == "failed"
        with Gradebook(url) as gb:
            assert [s.student.id for s in gb.assignment_submissions("ps1")] == ["ann"]
        writer.apply([good])
        writer.apply([good])  # applying twice keeps one grade per cell
        writer.apply([Outcome(Job("cy", "ps1", "/z", "f3", None), failure="the disk is full")])
        assert writer.graded_fingerprints() == {("ps1", "ann"): "f1"}  # a failure is tried again next run
        assert writer.log()[("ps1", "cy")]["status"] == "failed"
        assert "the disk is full" in writer.log()[("ps1", "cy")]["reasons"]
    with Gradebook(url) as gb:
        grades = gb.find_submission_notebook("nb", "ps1", "ann").grades
        assert [(g.name, g.auto_score, g.needs_manual_grade) for g in grades] == [("q1", 2.0, False)]


# ---------------------------------------------------------------------------- report

def _rows() -> tuple[list[SubmissionRow], list[CellRow]]:
    subs = [SubmissionRow("ps1", "ann", "", "", 0.0, 6.0, 6.0, False, "graded"),
            SubmissionRow("ps1", "<b>bob</b>", "2030-03-02", "2030-03-01", 90000.0, 1.5, 6.0, True, "graded",
                          (("kernel_died", "nb", "q2", "exit code 139 segmentation fault"),)),
            SubmissionRow("ps1", "cy", "", "", 0.0, 0.0, 0.0, False, "failed", (("not_graded", "", "", "disk full"),))]
    cells = [CellRow("ps1", "nb", q, s, score, 1.0, q != "w1")
             for s, scores in (("ann", (1, 1, 1)), ("<b>bob</b>", (1, 0, 0.5)))
             for q, score in zip(("q1", "q2", "w1"), scores, strict=True)]
    return subs, cells


def test_pass_rates_put_the_hardest_question_first_and_skip_manual_ones() -> None:
    _, cells = _rows()
    assert [(q.cell, q.submissions, q.passed, q.pass_rate) for q in question_rates(cells)] == [
        ("q2", 2, 1, 0.5), ("q1", 2, 2, 1.0)]


def test_score_distribution_counts_graded_submissions_only() -> None:
    subs, _ = _rows()
    (summary,) = score_summaries(subs)
    assert (summary.count, summary.mean, summary.median) == (2, 62.5, 62.5)
    assert summary.histogram == (0, 0, 1, 0, 0, 0, 0, 0, 0, 1)  # 25 % and 100 %


def test_the_html_report_escapes_trainee_text_and_lists_problems() -> None:
    subs, cells = _rows()
    data = summarise(subs, cells, [("zed", "ps9", "unknown assignment")])
    assert [s.student for s in data.late] == ["<b>bob</b>"]
    assert [p.title for p in data.problems][:1] == ["the submission could not be graded"]
    html = render(data, course_name="demo")
    assert "<b>bob</b>" not in html and "&lt;b&gt;bob&lt;/b&gt;" in html
    for text in ("1 d 1 h", "segmentation fault", "disk full", "unknown assignment", "50 %"):
        assert text in html


# ---------------------------------------------------------------------------- command line

@pytest.mark.slow
def test_without_bubblewrap_it_refuses_unless_told_otherwise(tmp_path: Path) -> None:
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{Path(sys.executable).parent}"}
    result = subprocess.run([sys.executable, "-m", "course", "grade", "--course", str(tmp_path)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert "sandbox is not available" in result.stderr and "--no-sandbox" in result.stderr
