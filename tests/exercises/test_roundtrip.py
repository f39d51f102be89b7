"""The whole nbgrader round trip, on a temporary copy of the course, for every exercise.

For each assignment under exercises/ (plus a small pipeline fixture built here with
course.dev.nbgrader_cells, which documents the pipeline) four trainees submit:

- ``blank``: the released notebook untouched                  -> 0 on every autograded cell
- ``solution``: every answer cell filled with the model answer -> full autograded marks
- ``partial``: the solution with answer cell q1 left blank, and every test cell edited
  to ``pass`` -> nbgrader puts the original tests back, so the score is exactly what the
  unedited partial submission earns: full minus q1_test's points (had the edit survived,
  every cell would pass and the score would be full)
- ``faker``: the solution, then each answer replaced by an object whose ``==`` is always True
  and which is a ``str`` subclass                             -> 0 on every autograded cell

nbgrader runs through its command line, once per step for all assignments and trainees:
generate_assignment, autograde, generate_feedback (for the partial trainee), export.
Autograding is serial, about 1.5-2.5 s of CPU per submission; four trainees per
assignment keep seven assignments under four minutes on two cores. The Chinese edition's
assignments (exercises/*_zh/, the same cells and hidden tests) double the count; for them the
not-answered message and the feedback must be Chinese, and the released stubs too.
"""

from __future__ import annotations

import ast
import csv
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape as html_escape
from pathlib import Path

import nbformat
import pytest
from nbformat import NotebookNode

from course.dev import nbgrader_cells as nc
from course.i18n import catalog

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = "ex0_pipeline"
STUDENTS = ("blank", "solution", "partial", "faker")
FEEDBACK_FOR = "partial"
COURSE_ID = "roundtrip-test"
# course.checks' message for an answer still holding `...` (its msgid in checks.po)
NOT_ANSWERED = "✗ {name}: not answered yet: replace each ... with your answer"


def exercise_ids(root: Path = ROOT) -> list[str]:
    """The assignments of the course: exercises/<id>/<id>.ipynb."""
    folder = root / "exercises"
    return sorted(p.name for p in folder.iterdir() if (p / f"{p.name}.ipynb").is_file())


ASSIGNMENTS = [FIXTURE, *exercise_ids()]

# ------------------------------------------------------------------ the pipeline fixture


def build_fixture(exercises: Path) -> Path:
    """Write the small pipeline exercise built with the authors' cell builders."""
    return nc.write(nc.example_exercise(), exercises / FIXTURE / f"{FIXTURE}.ipynb")


# ------------------------------------------------------------------ driving nbgrader


def nbgrader(course: Path, *args: str) -> str:
    """Run ``python -m nbgrader ARGS`` in ``course`` with the environment's bin on PATH."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["COURSE_ID"] = COURSE_ID
    env.pop("NBGRADER_EXCHANGE", None)
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    print(f"nbgrader {' '.join(args)}: {time.perf_counter() - began:.1f} s")
    return done.stdout + done.stderr


def role(cell: NotebookNode) -> str:
    """'answer', 'test', 'written', or '' for other cells."""
    meta = cell.metadata.get("nbgrader", {})
    if meta.get("solution") and meta.get("grade"):
        return "written"
    if meta.get("solution"):
        return "answer"
    if meta.get("grade"):
        return "test"
    return ""


def grade_id(cell: NotebookNode) -> str:
    return str(cell.metadata.get("nbgrader", {}).get("grade_id", ""))


FAKE = '''

class _LooksRight(str):
    """Claims to equal anything."""
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    __hash__ = str.__hash__
    def __getitem__(self, key): return self
    def __sub__(self, other): return 0.0
    __rsub__ = __sub__
    def __abs__(self): return 0.0
for _name in {names!r}:
    globals()[_name] = _LooksRight("")
'''


def assigned_names(source: str) -> list[str]:
    """Names an answer cell assigns at top level."""
    names: list[str] = []
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id not in names]
    return names


def submission(released: NotebookNode, source: NotebookNode, student: str) -> NotebookNode:
    """The notebook ``student`` hands in."""
    nb = nbformat.from_dict(released)
    model = {grade_id(c): c.source for c in source.cells if role(c) in ("answer", "written")}
    answers = [grade_id(c) for c in nb.cells if role(c) == "answer"]
    first = "q1" if "q1" in answers else answers[0]
    for cell in nb.cells:
        kind, gid = role(cell), grade_id(cell)
        if student == "blank":
            continue
        if kind in ("answer", "written") and not (student == "partial" and gid == first):
            cell.source = model[gid]
        if student == "faker" and kind == "answer":
            cell.source += FAKE.format(names=assigned_names(model[gid]))
        if student == "partial" and kind == "test":
            cell.source = "pass"
    return nb


# ------------------------------------------------------------------ one run for every assignment


@dataclass
class Graded:
    """What one run of the pipeline left behind."""

    course: Path
    """The temporary course folder."""
    scores: dict[tuple[str, str], dict[str, tuple[float, float]]]
    """(assignment, student) -> autograded test cell -> (score, max)."""
    export: list[dict[str, str]]
    """The rows of nbgrader's grades.csv."""
    seconds: float
    """Wall time of the whole run."""
    cpu_seconds: float
    """CPU time of every nbgrader process and kernel of the run."""


def autograded_scores(course: Path) -> dict[tuple[str, str], dict[str, tuple[float, float]]]:
    from nbgrader.api import Gradebook

    scores: dict[tuple[str, str], dict[str, tuple[float, float]]] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", COURSE_ID) as gb:
        for assignment in ASSIGNMENTS:
            for student in STUDENTS:
                cells: dict[str, tuple[float, float]] = {}
                for notebook in gb.find_submission(assignment, student).notebooks:
                    for grade in notebook.grades:
                        if grade.cell.cell_type == "code":
                            cells[grade.name] = (
                                float(grade.auto_score or 0),
                                float(grade.max_score),
                            )
                scores[assignment, student] = cells
    return scores


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes (nbgrader and its kernels)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graded]:
    start, cpu_start = time.perf_counter(), children_cpu()
    course = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "exercises", course / "exercises")
    build_fixture(course / "exercises")
    nbgrader(course, "generate_assignment", "*")
    for assignment in ASSIGNMENTS:
        for path in sorted((course / "release" / assignment).glob("*.ipynb")):
            released = nbformat.read(path, as_version=4)
            source = nbformat.read(course / "exercises" / assignment / path.name, as_version=4)
            for student in STUDENTS:
                target = course / "submitted" / student / assignment / path.name
                target.parent.mkdir(parents=True, exist_ok=True)
                nbformat.write(submission(released, source, student), target)
    nbgrader(course, "autograde", "*")
    nbgrader(course, "generate_feedback", "*", f"--student={FEEDBACK_FOR}")
    nbgrader(course, "export")
    with (course / "grades.csv").open(newline="") as handle:
        export = list(csv.DictReader(handle))
    seconds, cpu = time.perf_counter() - start, children_cpu() - cpu_start
    yield Graded(course, autograded_scores(course), export, seconds, cpu)


# ------------------------------------------------------------------ the checks


def notebooks(course: Path, folder: str, assignment: str) -> list[Path]:
    found = sorted((course / folder / assignment).glob("*.ipynb"))
    assert found, f"no notebook in {folder}/{assignment}"
    return found


def delimited(source: str, begin: str, end: str) -> list[str]:
    """The lines between ``### BEGIN x`` and ``### END x`` markers."""
    lines, inside = [], False
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside:
            lines.append(line.strip())
    return lines


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_released_notebook_has_no_solution_and_no_hidden_test(
    graded: Graded, assignment: str
) -> None:
    for path in notebooks(graded.course, "release", assignment):
        released = nbformat.read(path, as_version=4)
        source = nbformat.read(graded.course / "exercises" / assignment / path.name, as_version=4)
        text = "\n".join(c.source for c in released.cells)
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
        released_lines = {line.strip() for line in text.splitlines()}
        outside = {
            line.strip()
            for c in source.cells
            for line in re.sub(
                r"### BEGIN (SOLUTION|HIDDEN TESTS).*?### END \1", "", c.source, flags=re.S
            ).splitlines()
        }
        secret = [
            line
            for c in source.cells
            for line in delimited(c.source, "BEGIN SOLUTION", "END SOLUTION")
            + delimited(c.source, "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
            if line and not line.startswith("#") and line not in outside
        ]
        secret += [
            line.strip()
            for c in source.cells
            if role(c) == "written" and "BEGIN SOLUTION" not in c.source
            for line in c.source.splitlines()
            if line.strip()
        ]
        assert secret, "the source should have solution or hidden-test lines to hide"
        leaked = [line for line in secret if line in released_lines]
        assert not leaked, f"{path.name} shows solution/hidden-test lines: {leaked}"
        written = [c for c in released.cells if role(c) == "written"]
        assert written, "every exercise has at least one manually graded free-text answer"
        # where the model answers were, the stubs speak the assignment's language
        stub = "请在此处写下你的答案" if chinese(assignment) else "YOUR ANSWER HERE"
        assert all(c.source.startswith(stub) for c in written), [c.source for c in written]
        if chinese(assignment):
            answers = "\n".join(c.source for c in released.cells if role(c) == "answer")
            assert "replace each" not in answers and "你的答案" in answers, answers[:300]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_blank_scores_zero_and_solution_full_marks(graded: Graded, assignment: str) -> None:
    blank, solution = graded.scores[assignment, "blank"], graded.scores[assignment, "solution"]
    assert blank, "the exercise has autograded test cells"
    assert {cell: score for cell, (score, _max) in blank.items()} == dict.fromkeys(blank, 0.0)
    assert {cell: score for cell, (score, _max) in solution.items()} == {
        cell: maximum for cell, (_score, maximum) in solution.items()
    }


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_partial_submission_with_edited_tests_loses_exactly_the_first_questions_points(
    graded: Graded, assignment: str
) -> None:
    partial = graded.scores[assignment, "partial"]
    full = sum(maximum for _score, maximum in partial.values())
    first_test = "q1_test" if "q1_test" in partial else min(partial)
    assert partial[first_test][0] == 0
    assert sum(score for score, _max in partial.values()) == full - partial[first_test][1]
    for path in notebooks(graded.course, "autograded/partial", assignment):
        cells = nbformat.read(path, as_version=4).cells
        assert all(c.source != "pass" for c in cells if role(c) == "test"), "tests restored"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_answers_that_fake_equality_do_not_score(graded: Graded, assignment: str) -> None:
    faker = graded.scores[assignment, "faker"]
    assert {cell: score for cell, (score, _max) in faker.items()} == dict.fromkeys(faker, 0.0)


def chinese(assignment: str) -> bool:
    """A Chinese edition's assignment (exercises/exN_x_zh/)."""
    return assignment.endswith("_zh")


def not_answered(assignment: str) -> str:
    """What a test cell says of an answer still holding ``...``, after the question's name,
    in the assignment's language (the Chinese from the catalog the trainee's messages use)."""
    message = NOT_ANSWERED if not chinese(assignment) else catalog("zh")[NOT_ANSWERED]
    return message.split("{name}", 1)[1]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_blank_answers_get_the_friendly_not_answered_message(
    graded: Graded, assignment: str
) -> None:
    for path in notebooks(graded.course, "autograded/blank", assignment):
        for cell in nbformat.read(path, as_version=4).cells:
            if role(cell) != "test":
                continue
            errors = [o for o in cell.outputs if o.output_type == "error"]
            assert len(errors) == 1 and errors[0].ename == "CheckFailed", grade_id(cell)
            assert errors[0].traceback == [errors[0].evalue], "a message, not a traceback"
            # the Chinese edition (exN_x_zh) sets the language to Chinese in its setup cell
            assert not_answered(assignment) in errors[0].evalue, errors[0].evalue


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_feedback_is_html_with_the_score(graded: Graded, assignment: str) -> None:
    score = sum(s for s, _m in graded.scores[assignment, FEEDBACK_FOR].values())
    pages = sorted((graded.course / "feedback" / FEEDBACK_FOR / assignment).glob("*.html"))
    assert pages, f"no feedback for {FEEDBACK_FOR}"
    html = pages[0].read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert f"Score: {score:.1f} / " in html
    # the partial trainee left the first answer blank: the feedback says so in their language
    assert html_escape(not_answered(assignment), quote=False) in html
    if chinese(assignment):
        assert "not answered yet" not in html, "a Chinese assignment's feedback is in Chinese"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_export_lists_every_students_score(graded: Graded, assignment: str) -> None:
    rows = {row["student_id"]: row for row in graded.export if row["assignment"] == assignment}
    assert set(rows) == set(STUDENTS)
    for student, row in rows.items():
        autograded = sum(s for s, _m in graded.scores[assignment, student].values())
        assert float(row["score"]) == pytest.approx(autograded)
    assert float(rows["solution"]["score"]) > 0


def test_the_round_trip_stays_fast(graded: Graded) -> None:
    print(
        f"round trip for {len(ASSIGNMENTS)} assignments x {len(STUDENTS)} trainees: "
        f"{graded.seconds:.1f} s wall, {graded.cpu_seconds:.1f} s CPU"
    )
    # nbgrader is serial: on an idle machine the wall time is about the CPU time
    assert graded.cpu_seconds < 240, "the round trip no longer fits in four minutes"


def test_the_fixture_follows_the_conventions(tmp_path: Path) -> None:
    nb = nbformat.read(build_fixture(tmp_path), as_version=4)
    assert [grade_id(c) for c in nb.cells if role(c)] == ["q1", "q1_test", "q2", "q2_test", "w1"]
    q1 = next(c for c in nb.cells if grade_id(c) == "q1")
    assert assigned_names(q1.source) == ["q1_answer"]
