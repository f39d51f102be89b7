"""`course grade` against a hostile cohort, run as root and as an ordinary user.

Every attack submission is a blank one plus an attack that would win points if
it worked (read the grader's environment, shadow a module, hard-link the
source notebook, fill the disk, ...). Each must score no more than the blank
submission, leak nothing into its feedback, and leave the honest trainees'
grades, feedback and report intact.
"""

from __future__ import annotations

import csv
import json
import os
import pwd
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.grading import democourse as demo

pytestmark = [pytest.mark.slow, pytest.mark.sandbox]

BIN = str(Path(sys.executable).parent)
SECRET = "s3cr3t-" + "grader-token-4711"
ANSI_ID = "\x1b[2J\x1b]0;owned\x07ansi"
CSV_IDS = ("=1+2", "+SUM(1,1)", "@SUM(1,1)")
BAD_TIMESTAMPS = {"ts_overflow": "99999999999999999999999", "ts_far": "9999-12-31 23:59:59 -0100",
                  "ts_garbage": "garbage"}
REFUSED = ("shadow_course", "shadow_math", "shadow_site", ANSI_ID)

_ENV_PROBE = (
    "import glob\nblob = b''\n"
    "for path in glob.glob('/proc/*/environ') + glob.glob('/proc/*/cmdline'):\n"
    "    try:\n        blob += open(path, 'rb').read()\n    except OSError:\n        pass\n"
    "print(blob.decode(errors='replace'))\n"
    f"answer = 42 if {SECRET[:7]!r} + {SECRET[7:]!r} in blob.decode(errors='replace') else None"
)
_DISK_FILL = (
    "import os, sys\n"
    "def fill(folder, total=320):\n"
    "    written = 0\n"
    "    try:\n"
    "        for i in range(total // 32):\n"
    "            with open(os.path.join(folder, f'fill{i}'), 'wb') as f:\n"
    "                for _ in range(32):\n                    f.write(b'x' * 1024 * 1024)\n"
    "                    written += 1\n"
    "    except OSError:\n        pass\n"
    "    return written\n"
    "args = open('/proc/self/cmdline', 'rb').read().split(b'\\0')\n"
    "connection = os.path.dirname(args[args.index(b'-f') + 1].decode())\n"
    "tmp = fill('/tmp')\n"
    "conn = fill(connection)\n"
    "os.makedirs(os.path.join(connection, 'locked', 'inner'))\n"
    "os.chmod(os.path.join(connection, 'locked'), 0)\n"
    "os.makedirs('locked/inner')\nos.chmod('locked', 0)\n"
    "try:\n    open('/big', 'wb').write(b'x')\n    root = 1\nexcept OSError:\n    root = 0\n"
    "answer = 42 if max(tmp, conn) >= 300 or root else None"
)
_PATH_ORDER = (
    "import sys\nopen('wave.py', 'w').write('SHADOW = True\\n')\n"
    "sys.modules.pop('wave', None)\nimport wave\n"
    "answer = 42 if getattr(wave, 'SHADOW', False) else None"
)
_HTML = (
    "from IPython.display import HTML, Javascript, display\n"
    "display(HTML(\"<script>document.title='pwned'</script><img src=x onerror=\\\"alert('pwned')\\\">"
    "<a href=\\\"javascript:alert('pwned')\\\">x</a>\"))\n"
    "display(Javascript(\"alert('pwned')\"))\nanswer = None"
)
_MARKDOWN = ("<script>alert('pwned')</script> <b onmouseover=\"alert('pwned')\">b</b> "
             "[click](javascript:alert('pwned')) <iframe src=\"javascript:alert('pwned')\"></iframe>")


def _set_answers(folder: Path, answers: dict[str, str]) -> None:
    path = folder / f"{demo.NOTEBOOK}.ipynb"
    nb = json.loads(path.read_text())
    for cell in nb["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
    path.write_text(json.dumps(nb))


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)


def build_cohort(root: Path) -> None:
    for student in ("correct", *CSV_IDS):
        demo.write_submission(root, student, "correct")
    demo.write_submission(root, "blank", "blank")
    for student, text in BAD_TIMESTAMPS.items():
        (demo.write_submission(root, student, "correct") / "timestamp.txt").write_text(text)
    course_attack = demo.write_submission(root, "shadow_course", "blank")
    _write(course_attack, "course/__init__.py", "import pkgutil\n__path__ = pkgutil.extend_path(__path__, __name__)\n")
    _write(course_attack, "course/checks.py", "def check(*a, **k):\n    return None\n")
    math_attack = demo.write_submission(root, "shadow_math", "blank")
    _write(math_attack, "math.py", "pi = 0.0\n")
    _set_answers(math_attack, {"circle": "def circle_area(r):\n    return 0.0"})
    site_attack = demo.write_submission(root, "shadow_site", "blank")
    for name in ("sitecustomize.py", "usercustomize.py", "pandas/__init__.py", "numpy.py"):
        _write(site_attack, name, "import builtins\nbuiltins.abs = lambda x: 0\n")
    _write(site_attack, "extra.pth", "import os; os.environ['PWNED'] = '1'\n")
    _write(demo.write_submission(root, ANSI_ID, "blank"), "numpy.py", "")
    linked = demo.write_submission(root, "hardlink", "blank")
    (linked / f"{demo.NOTEBOOK}.ipynb").unlink()
    os.link(root / "exercises" / demo.ASSIGNMENT / f"{demo.NOTEBOOK}.ipynb", linked / f"{demo.NOTEBOOK}.ipynb")
    os.link(root / "gradebook.db", linked / "gradebook-copy.db")
    os.link(root / "nbgrader_config.py", linked / "notes.txt")
    (root / "submitted" / "linker").mkdir()
    (root / "submitted" / "linker" / demo.ASSIGNMENT).symlink_to(root / "submitted" / "correct" / demo.ASSIGNMENT)
    for student, answer in (("env_probe", _ENV_PROBE), ("disk_fill", _DISK_FILL), ("path_order", _PATH_ORDER),
                            ("html_inject", _HTML)):
        _set_answers(demo.write_submission(root, student, "blank"), {"answer": answer})
    _set_answers(root / "submitted" / "html_inject" / demo.ASSIGNMENT, {"explain": _MARKDOWN})
    stray = root / "submitted" / ANSI_ID / "ps9"
    stray.mkdir(parents=True)
    (stray / "x.ipynb").write_text("{}")


ATTACKS = ("shadow_course", "shadow_math", "shadow_site", ANSI_ID, "hardlink", "env_probe", "disk_fill",
           "path_order", "html_inject")


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = demo.build_course(tmp_path_factory.mktemp("attacks") / "course", cell_timeout=10)
    demo.release(root)
    return root


@pytest.fixture(scope="module")
def grader_user() -> Iterator[pwd.struct_passwd | None]:
    """None for root; an ordinary user made for the test (removed afterwards)."""
    if os.geteuid() != 0:
        yield None
        return
    name = f"cgrade{os.getpid() % 100000}"
    subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", name], check=True, capture_output=True)
    # the interpreter may live under root's home (pyenv): let the user traverse to it for the test
    opened = [p for p in Path(sys.executable).resolve().parents
              if p != Path("/") and not stat.S_IMODE(p.stat().st_mode) & stat.S_IXOTH]
    modes = {p: stat.S_IMODE(p.stat().st_mode) for p in opened}
    for path, mode in modes.items():
        os.chmod(path, mode | stat.S_IXOTH)
    try:
        yield pwd.getpwnam(name)
    finally:
        for path, mode in modes.items():
            os.chmod(path, mode)
        subprocess.run(["userdel", "--remove", name], capture_output=True)


@pytest.fixture(scope="module", params=["root", "ordinary user"])
def graded(request: pytest.FixtureRequest, released: Path,
           grader_user: pwd.struct_passwd | None) -> Iterator[tuple[Path, subprocess.CompletedProcess[str]]]:
    as_user = request.param == "ordinary user"
    if as_user and grader_user is None:
        pytest.skip("making an ordinary grader needs root (useradd)")
    if not as_user and os.geteuid() != 0:
        pytest.skip("this run is the one as root")
    base = Path(tempfile.mkdtemp(prefix="course-attacks-"))
    root = base / "course"
    shutil.copytree(released, root)
    build_cohort(root)
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", ""), "GRADER_TOKEN": SECRET}
    command = [sys.executable, "-m", "course", "grade", "--course", str(root), "--workers", "2",
               "--notebook-timeout", "60", "--memory", "1024"]
    kwargs: dict[str, object] = {}
    if as_user:
        assert grader_user is not None
        os.chmod(base, 0o755)
        subprocess.run(["chown", "-R", f"{grader_user.pw_uid}:{grader_user.pw_gid}", str(base)], check=True)
        env.update(HOME=grader_user.pw_dir, USER=grader_user.pw_name, LOGNAME=grader_user.pw_name)
        kwargs = {"user": grader_user.pw_uid, "group": grader_user.pw_gid, "extra_groups": []}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, cwd=base,
                            **kwargs)  # type: ignore[call-overload]
    try:
        yield root, result
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _scores(root: Path) -> dict[str, float]:
    query = """SELECT s.student_id, SUM(COALESCE(g.auto_score, 0)) FROM grade g
               JOIN submitted_notebook n ON g.notebook_id = n.id
               JOIN submitted_assignment s ON n.assignment_id = s.id
               JOIN base_cell c ON g.cell_id = c.id WHERE c.name LIKE 'test_%' GROUP BY s.student_id"""
    with sqlite3.connect(root / "gradebook.db") as db:
        return dict(db.execute(query).fetchall())


def _log(root: Path) -> dict[str, tuple[str, set[str], str]]:
    with sqlite3.connect(root / "gradebook.db") as db:
        rows = db.execute("SELECT student, status, reasons FROM course_grading_log").fetchall()
    return {s: (status, {r["code"] for r in json.loads(reasons)}, reasons) for s, status, reasons in rows}


def _feedback(root: Path, student: str) -> str:
    return (root / "feedback" / student / demo.ASSIGNMENT / f"{demo.NOTEBOOK}.html").read_text()


def test_the_run_finishes_and_the_honest_trainees_are_intact(graded: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, result = graded
    assert result.returncode == 0, result.stderr[-4000:]
    scores, log = _scores(root), _log(root)
    for student in ("correct", *CSV_IDS, *BAD_TIMESTAMPS):
        assert scores[student] == 4, (student, log.get(student))
        assert log[student][0] == "graded"
        feedback = _feedback(root, student)
        assert "test_squares" in feedback and "Because each step adds" in feedback
    for student in BAD_TIMESTAMPS:
        assert "timestamp" in log[student][1]
    with (root / "reports" / "grades.csv").open(newline="") as handle:
        report = {row["student"]: row for row in csv.DictReader(handle)}
    for student in ("correct", *BAD_TIMESTAMPS):
        assert report[student]["status"] == "graded" and float(report[student]["score"]) >= 4
    html = (root / "reports" / "grading-report.html").read_text()
    assert "the submission was refused" in html and "shadow_course" in html


@pytest.mark.parametrize("student", ATTACKS)
def test_no_attack_scores_more_than_a_blank_submission(
        graded: tuple[Path, subprocess.CompletedProcess[str]], student: str) -> None:
    root, _ = graded
    scores = _scores(root)
    assert scores["blank"] == 0
    assert scores.get(student, 0) <= scores["blank"], _log(root).get(student)


def test_shadowing_submissions_are_refused_with_a_reason(graded: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, result = graded
    log = _log(root)
    for student in REFUSED:
        status, codes, reasons = log[student]
        assert status == "refused" and codes == {"refused"}, (student, reasons)
    assert "course/" in log["shadow_course"][2] and "math.py" in log["shadow_math"][2]
    assert all(name in log["shadow_site"][2] for name in ("sitecustomize.py", "extra.pth", "pandas/", "numpy.py"))
    assert "refused: shadow_course/ps1: course/ would replace" in result.stderr
    assert "4 refused" in result.stdout
    # the working folder comes after the installed modules on the kernel's sys.path
    assert log["path_order"][0] == "graded"


def test_links_are_neither_read_nor_followed(graded: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, result = graded
    status, codes, _ = _log(root)["hardlink"]
    assert status == "graded" and "unreadable_notebook" in codes and "unexpected_file" in codes
    feedback = _feedback(root, "hardlink")
    assert "BEGIN HIDDEN TESTS" not in feedback and "squares(5)" not in feedback
    autograded = root / "autograded" / "hardlink" / demo.ASSIGNMENT
    assert not (autograded / "gradebook-copy.db").exists() and not (autograded / "notes.txt").exists()
    assert "linker" not in _log(root)
    assert "not gradable: linker/ps1: a symbolic link" in result.stderr


def test_nothing_of_the_graders_environment_reaches_the_trainee(
        graded: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, _ = graded
    feedback = _feedback(root, "env_probe")
    assert "bwrap" in feedback  # the probe did read the sandbox's processes
    assert SECRET not in feedback and "GRADER_TOKEN" not in feedback
    for folder in (root / "feedback", root / "autograded"):
        for path in folder.rglob("*"):
            if path.is_file():
                assert SECRET not in path.read_text(errors="replace"), path


def test_every_writable_place_is_capped_and_cleaned(graded: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, result = graded
    status, codes, reasons = _log(root)["disk_fill"]
    assert status == "graded" and "disk_limit" in codes, reasons
    assert "scratch folder (connection folder, log) reached" in reasons and "/tmp reached" in reasons, reasons
    assert not list(Path(tempfile.gettempdir()).glob("course-grade-*/w*/k*/c/fill*"))
    assert "FileExistsError" not in result.stderr


class _Active(HTMLParser):
    """Collects what a browser would run: script-like elements, event handlers, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "base", "form") or (
                tag == "meta" and any(name == "http-equiv" for name, _ in attrs)):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or "javascript:" in "".join((value or "").split()).lower():
                self.found.append(f"{tag} {name}={value}")


def test_feedback_has_no_active_content(graded: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, _ = graded
    for student in ("html_inject", "correct"):
        parser = _Active()
        parser.feed(_feedback(root, student))
        assert parser.found == [], student
    assert "pwned" in _feedback(root, "html_inject")  # the output is there, inert


def test_csv_cells_and_terminal_output_are_neutralised(graded: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, result = graded
    for name in ("grades.csv", "cell-grades.csv"):
        with (root / "reports" / name).open(newline="") as handle:
            students = {row["student"] for row in csv.DictReader(handle)}
        assert {"'=1+2", "'+SUM(1,1)", "'@SUM(1,1)"} <= students, name
        assert not any(s.startswith(("=", "+", "@", "-")) for s in students)
    for text in (result.stdout, result.stderr):
        assert "\x1b" not in text and "\x07" not in text
    # the escape sequences are dropped, the rest of the name is shown
    assert "refused: ansi/ps1: numpy.py" in result.stderr and "not gradable: ansi/ps9" in result.stderr
