"""`course grade` on the course's real graded exercises, in the sandbox.

A copy of the course's nbgrader configuration and exercises is released by
nbgrader in a temporary folder; each exercise gets a submission answered
with the model solution (full autograded marks expected) and a blank one
(no autograded marks). This proves the sandbox lets the exercises import the
course package, read its sample data and plot, and that the checks run.

The cohort also holds the attacks a hostile trainee tried on the first
exercise (wrapping the kernel's ``session.send``, patching checks found
through ``object.__subclasses__`` and ``gc``, a cell before everything that
patches ``course.checks``, a ``course/`` package beside the notebook) and a
blanket patch of every check-like callable on every exercise, each on blank
answers: under ``course grade`` and under plain ``nbgrader autograde`` (the
formgrader's button) none scores a point.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from course.i18n import catalog

pytestmark = [pytest.mark.slow, pytest.mark.sandbox]

ROOT = Path(__file__).resolve().parents[2]
BIN = str(Path(sys.executable).parent)
_READY = sorted(p.parent.name for p in ROOT.glob("exercises/*/*.ipynb")
                if p.stem == p.parent.name and (ROOT / "solutions" / p.parent.name / p.name).is_file())
# every English exercise, and one of the Chinese edition (same cells and hidden tests, so one
# shows that `course grade` grades and gives feedback in Chinese; the nbgrader round trip
# covers all of them)
CHINESE = [name for name in _READY if name.endswith("_zh")][:1]
EXERCISES = [name for name in _READY if not name.endswith("_zh")] + CHINESE
# the messages of course.checks (msgids of checks.po) the feedback shows
CORRECT, NOT_ANSWERED = "✓ {name}: correct", "✗ {name}: not answered yet: replace each ... with your answer"

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


# Attacks on the grading, each added to blank answers: none may score more than the blank submission.
# A blanket patch of every callable that looks like a check, across course.*, pandas.testing and
# numpy.testing, plus the names the setup cell bound and a builtin the tests use.
BLANKET = """import builtins, sys
import numpy.testing, pandas.testing
import course.checks
def _yes(*args, **kwargs):
    return None
for _name, _module in list(sys.modules.items()):
    if _name.startswith("course") or _name in ("pandas.testing", "numpy.testing"):
        for _attr, _value in list(vars(_module).items()):
            if callable(_value) and any(w in _attr.lower() for w in ("check", "assert", "equal", "close")):
                try:
                    _value.__code__ = _yes.__code__
                except (AttributeError, TypeError, ValueError):
                    pass
                try:
                    setattr(_module, _attr, _yes)
                except (AttributeError, TypeError):
                    pass
check = check_format = _yes
builtins.round = lambda *a, **k: 0
"""
# the kernel's replies: an error reply becomes "ok", error outputs are never sent
SEND_WRAP = """kernel = get_ipython().kernel
_send = kernel.session.send
def _quiet(stream, msg_or_type, content=None, parent=None, *args, **kwargs):
    if msg_or_type == "error":
        return None
    if isinstance(content, dict) and content.get("status") == "error":
        content = {"status": "ok", "execution_count": content.get("execution_count", 1),
                   "user_expressions": {}, "payload": []}
    return _send(stream, msg_or_type, content, parent, *args, **kwargs)
kernel.session.send = _quiet
"""
# whatever checks anything, found through the object graph (object.__subclasses__, gc)
SUBCLASSES = """import gc, types
def _yes(*args, **kwargs):
    return None
_seen, _todo = set(), [object]
while _todo:
    _cls = _todo.pop()
    for _sub in type.__subclasses__(_cls):
        if _sub not in _seen:
            _seen.add(_sub)
            _todo.append(_sub)
for _cls in _seen:
    if str(getattr(_cls, "__module__", "")).startswith("course"):
        for _attr, _value in list(vars(_cls).items()):
            if callable(_value) and "check" in _attr.lower():
                try:
                    setattr(_cls, _attr, _yes)
                except (AttributeError, TypeError):
                    pass
for _f in gc.get_objects():
    if isinstance(_f, types.FunctionType) and str(_f.__module__).startswith("course") and "check" in _f.__name__:
        try:
            _f.__code__ = _yes.__code__
        except ValueError:
            pass
"""
# a cell of the trainee's before everything (no nbgrader metadata), patching course.checks
EARLY = """import course.checks
course.checks.check.__code__ = (lambda *a, **k: None).__code__
course.checks.check_format.__code__ = (lambda *a, **k: None).__code__
"""
# a course/ package beside the notebook that reaches the installed one but brings its own checks.py
SHADOW_INIT = """import os, sys
_here = os.path.dirname(os.path.abspath(__file__))
_me = sys.modules.pop("course")
_saved = sys.path[:]
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(_here)]
import course as _real
sys.path[:] = _saved
sys.modules["course"] = _me
globals().update({k: v for k, v in vars(_real).items() if not k.startswith("__")})
__path__ = [_here, *_real.__path__]
sys.modules.pop("course.checks", None)
"""
SHADOW_CHECKS = """class CheckFailed(AssertionError):
    pass
def check(*args, **kwargs):
    return None
def check_format(*args, **kwargs):
    return None
"""
ATTACKS = {"blanket": BLANKET, "send_wrap": SEND_WRAP, "subclasses": SUBCLASSES}
ALL_EXERCISES_ATTACK = "blanket"


def _answered(released: dict[str, object], solution: dict[str, object]) -> dict[str, object]:
    answers = {c["metadata"]["nbgrader"]["grade_id"]: c["source"]  # type: ignore[index]
               for c in solution["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("solution")}  # type: ignore[attr-defined,union-attr]
    filled = json.loads(json.dumps(released))
    for cell in filled["cells"]:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
    return filled  # type: ignore[no-any-return]


def _with_attack(released: dict[str, object], code: str) -> dict[str, object]:
    attacked = json.loads(json.dumps(released))
    first = next(c for c in attacked["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("solution")
                 and c["cell_type"] == "code")
    first["source"] = code + "".join(first["source"])
    return attacked  # type: ignore[no-any-return]


def _submit(course: Path, student: str, name: str, notebook: dict[str, object]) -> Path:
    folder = course / "submitted" / student / name
    folder.mkdir(parents=True)
    (folder / f"{name}.ipynb").write_text(json.dumps(notebook))
    return folder


def _cohort(root: Path, env: dict[str, str]) -> Path:
    """A copy of the course with every exercise released and a cohort submitted."""
    course = root / "course"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    for name in EXERCISES:
        shutil.copytree(ROOT / "exercises" / name, course / "exercises" / name)
    subprocess.run([sys.executable, "-c", RELEASE, *EXERCISES], cwd=course, env=env, check=True,
                   capture_output=True, timeout=300)
    for name in EXERCISES:
        released = json.loads((course / "release" / name / f"{name}.ipynb").read_text())
        solution = json.loads((ROOT / "solutions" / name / f"{name}.ipynb").read_text())
        _submit(course, "model", name, _answered(released, solution))
        _submit(course, "blank", name, released)
        _submit(course, ALL_EXERCISES_ATTACK, name, _with_attack(released, ATTACKS[ALL_EXERCISES_ATTACK]))
        if name != EXERCISES[0]:
            continue
        for student, code in ATTACKS.items():
            if student != ALL_EXERCISES_ATTACK:
                _submit(course, student, name, _with_attack(released, code))
        early = json.loads(json.dumps(released))
        early["cells"].insert(0, {"cell_type": "code", "execution_count": None, "id": "early", "metadata": {},
                                  "outputs": [], "source": EARLY})
        _submit(course, "early_cell", name, early)
        folder = _submit(course, "shadow", name, released)
        (folder / "course").mkdir()
        (folder / "course" / "__init__.py").write_text(SHADOW_INIT)
        (folder / "course" / "checks.py").write_text(SHADOW_CHECKS)
    return course


def _environment() -> dict[str, str]:
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", ""), "COURSE_ID": "test-cohort"}
    env.pop("NBGRADER_EXCHANGE", None)
    return env


# autograded cells: grade cells that are not also answer (solution) cells
SCORES = """SELECT s.student_id, a.name, c.name, g.auto_score, gc.max_score,
                  NOT EXISTS (SELECT 1 FROM solution_cells sc JOIN base_cell b ON b.id = sc.id
                              WHERE b.name = c.name AND b.notebook_id = c.notebook_id)
           FROM grade g JOIN submitted_notebook n ON g.notebook_id = n.id
           JOIN submitted_assignment s ON n.assignment_id = s.id JOIN assignment a ON s.assignment_id = a.id
           JOIN base_cell c ON g.cell_id = c.id JOIN grade_cells gc ON gc.id = c.id"""


def _assert_only_the_model_scores(course: Path, students: set[str], why: dict[tuple[str, str], str]) -> None:
    with sqlite3.connect(course / "gradebook.db") as db:
        rows = db.execute(SCORES).fetchall()
    tests = [(s, a, c, score, top) for s, a, c, score, top, autograded in rows if autograded]
    assert {a for _, a, *_ in tests} == set(EXERCISES)
    assert {s for s, *_ in tests} == students
    for student, assignment, cell, score, top in tests:
        want = top if student == "model" else 0.0  # blank, and every attack on blank answers
        assert score == want, f"{student}/{assignment}/{cell}: {score} != {want}; {why.get((student, assignment))}"


@pytest.mark.skipif(not EXERCISES, reason="no exercise has both a source and a solution notebook yet")
def test_the_real_exercises_grade_in_the_sandbox_and_attacks_score_nothing(tmp_path: Path) -> None:
    env = _environment()
    course = _cohort(tmp_path, env)
    students = {"model", "blank", *ATTACKS, "early_cell", "shadow"}
    count = 3 * len(EXERCISES) + len(students) - 3
    result = subprocess.run([sys.executable, "-m", "course", "grade", "--course", str(course), "-q",
                             "--workers", "2"], capture_output=True, text=True, env=env, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    # the shadowing submission (a course/ package of its own) is refused before anything runs
    assert f"graded {count - 1} submission(s)" in result.stdout and "1 refused" in result.stdout
    with sqlite3.connect(course / "gradebook.db") as db:
        reasons = dict(((s, a), r) for s, a, r in db.execute(
            "SELECT student, assignment, reasons FROM course_grading_log"))
    _assert_only_the_model_scores(course, students, reasons)
    for (student, assignment), text in reasons.items():
        codes = {r["code"] for r in json.loads(text)}
        if student in ("model", "blank"):
            assert not codes & {"not_plain", "answers_unreadable", "kernel_died", "timeout", "hidden_file"}, (
                student, assignment, text)
    # the feedback shows the clean kernel's verdicts: the model passes, the attack's blank answers do not
    first = EXERCISES[0]
    model = (course / "feedback" / "model" / first / f"{first}.html").read_text()
    attacked = (course / "feedback" / ALL_EXERCISES_ATTACK / first / f"{first}.html").read_text()
    assert "q1: correct" in model and "not answered yet" in attacked
    # a Chinese assignment's feedback speaks Chinese
    for name in CHINESE:
        zh = catalog("zh")
        model = (course / "feedback" / "model" / name / f"{name}.html").read_text()
        blank = (course / "feedback" / "blank" / name / f"{name}.html").read_text()
        assert zh[CORRECT].format(name="q1") in model and "q1: correct" not in model
        assert zh[NOT_ANSWERED].format(name="q1") in html.unescape(blank)
        assert "not answered yet" not in blank


@pytest.mark.skipif(not EXERCISES, reason="no exercise has both a source and a solution notebook yet")
def test_plain_nbgrader_autograde_judges_the_same_way(tmp_path: Path) -> None:
    """The formgrader's Autograde button runs ``nbgrader autograde`` with the course's configuration."""
    env = _environment()
    course = _cohort(tmp_path, env)
    for student in (*ATTACKS, "early_cell", "shadow"):  # the all-exercise attack and the model are enough here
        if student != ALL_EXERCISES_ATTACK:
            shutil.rmtree(course / "submitted" / student)
    done = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", "*", "--log-level=ERROR"], cwd=course,
                          env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    _assert_only_the_model_scores(course, {"model", "blank", ALL_EXERCISES_ATTACK}, {})
    first = EXERCISES[0]
    graded = json.loads((course / "autograded" / "model" / first / f"{first}.ipynb").read_text())
    outputs = [o for c in graded["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "q1_test"
               for o in c["outputs"]]
    assert any("q1: correct" in "".join(o.get("text", "")) for o in outputs), outputs
