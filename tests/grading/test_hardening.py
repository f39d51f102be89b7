"""What a hostile submission puts in front of the grader: links, shadowing modules, bad timestamps,
escape sequences, spreadsheet formulas, live HTML, and the sandbox's own process and writable places."""

from __future__ import annotations

import csv
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from course.grading.discover.collect import SafeExchangeCollect, copy_plain_tree
from course.grading.discover.submissions import (
    fingerprint,
    plan_jobs,
    read_regular,
    shadowing,
    submission_files,
)
from course.grading.record.gradebook import parse_timestamp
from course.grading.records import Job, NotebookOutcome, Outcome
from course.grading.report.feedback import clean_feedback_html
from course.grading.report.files import write_csv
from course.grading.report.textsafe import terminal_text
from course.grading.sandbox.scratch import remove_tree

REPO = Path(__file__).resolve().parents[2]


def _submission(root: Path, student: str = "ann") -> Path:
    folder = root / "submitted" / student / "ps1"
    folder.mkdir(parents=True)
    (folder / "problems.ipynb").write_text("{}")
    return folder


# ---------------------------------------------------------------------------- links and special files

def test_no_link_or_special_file_of_a_submission_is_read(tmp_path: Path) -> None:
    secret = tmp_path / "gradebook.db"
    secret.write_text("SECRET")
    folder = _submission(tmp_path)
    os.link(secret, folder / "hard.txt")
    (folder / "soft.txt").symlink_to(secret)
    (folder / "soft-folder").symlink_to(tmp_path)
    os.mkfifo(folder / "pipe")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "sock"))
    before = fingerprint(folder)
    assert [p.name for p in submission_files(folder)] == ["problems.ipynb"]
    for name in ("hard.txt", "soft.txt", "pipe", "sock"):
        assert read_regular(folder / name) is None, name
    secret.write_text("CHANGED")  # the fingerprint never read the secret through a link
    assert fingerprint(folder) == before


def test_a_hard_linked_notebook_or_timestamp_is_not_read(tmp_path: Path) -> None:
    source = tmp_path / "exercises" / "ps1"
    source.mkdir(parents=True)
    (source / "problems.ipynb").write_text('{"hidden": "assert squares(5)"}')
    folder = tmp_path / "submitted" / "ann" / "ps1"
    folder.mkdir(parents=True)
    os.link(source / "problems.ipynb", folder / "problems.ipynb")
    (tmp_path / "when").write_text("2030-01-01 10:00:00 UTC")
    os.link(tmp_path / "when", folder / "timestamp.txt")
    (jobs, _) = plan_jobs(tmp_path / "submitted", ["ps1"])
    assert jobs[0].timestamp is None
    assert read_regular(folder / "problems.ipynb") is None


def test_a_submission_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    real = _submission(tmp_path, "ann")
    (tmp_path / "submitted" / "bob").mkdir()
    (tmp_path / "submitted" / "bob" / "ps1").symlink_to(real)
    (tmp_path / "submitted" / "cy").symlink_to(tmp_path / "submitted" / "ann")
    jobs, skipped = plan_jobs(tmp_path / "submitted", ["ps1"])
    assert [j.student for j in jobs] == ["ann"]
    assert sorted((s.student, s.assignment) for s in skipped) == [("bob", "ps1"), ("cy", "*")]
    assert all("symbolic link" in s.reason for s in skipped)


def test_collect_copies_plain_files_and_leaves_links_out(tmp_path: Path) -> None:
    secret = tmp_path / "gradebook.db"
    secret.write_text("SECRET")
    inbound = tmp_path / "inbound" / "ann+ps1+2030-01-01 10:00:00 UTC"
    (inbound / "data").mkdir(parents=True)
    (inbound / "problems.ipynb").write_text("{}")
    (inbound / "data" / "a.csv").write_text("x")
    (inbound / "gradebook-copy.db").symlink_to(secret)
    (inbound / "data" / "all").symlink_to(tmp_path)
    os.link(secret, inbound / "hard.db")
    os.mkfifo(inbound / "pipe")
    target = tmp_path / "submitted" / "ann" / "ps1"
    left_out = copy_plain_tree(inbound, target)
    assert sorted(left_out) == ["data/all", "gradebook-copy.db", "hard.db", "pipe"]
    copied = sorted(str(p.relative_to(target)) for p in target.rglob("*"))
    assert copied == ["data", "data/a.csv", "problems.ipynb"]
    assert "SECRET" not in "".join(p.read_text() for p in target.rglob("*") if p.is_file())


def test_the_course_configuration_selects_the_safe_collect() -> None:
    from nbgrader.exchange import ExchangeFactory

    from course.grading.settings import load_config

    factory = ExchangeFactory(config=load_config(REPO))
    assert factory.collect is SafeExchangeCollect
    assert load_config(REPO).HTMLExporter.sanitize_html is True


# ---------------------------------------------------------------------------- shadowing

@pytest.mark.parametrize("entry", ["course/__init__.py", "pandas/__init__.py", "numpy.py", "sitecustomize.py",
                                   "usercustomize.py", "extra.pth", "json.py", "math.cpython-311-x86_64-linux-gnu.so",
                                   "data/deep.pth"])
def test_a_file_or_folder_that_shadows_a_module_refuses_the_submission(tmp_path: Path, entry: str) -> None:
    from course.grading.sandbox.bwrap import installed_modules

    folder = _submission(tmp_path)
    (folder / entry).parent.mkdir(parents=True, exist_ok=True)
    (folder / entry).write_text("")
    jobs, _ = plan_jobs(tmp_path / "submitted", ["ps1"], modules=installed_modules(sys.executable))
    assert jobs[0].refused, entry


def test_ordinary_extra_files_are_not_refused(tmp_path: Path) -> None:
    folder = _submission(tmp_path)
    for name in ("notes.txt", "my_answers.py", "data/sales.csv", "images/chart.png", "course-notes.md"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x")
    assert shadowing(folder, {"pandas", "course", "json", "data", "images"}) == []
    # a file the assignment ships itself (its copy replaces the trainee's) is not held against them
    (folder / "json.py").write_text("")
    assert shadowing(folder, {"json"}) == ["json.py"]
    assert shadowing(folder, {"json"}, own=["json.py"]) == []


# ---------------------------------------------------------------------------- timestamps

@pytest.mark.parametrize("text", ["99999999999999999999999", "9999-12-31 23:59:59 -0100", "garbage",
                                  "0001-01-01 00:00:00 +0100", "2030-13-45 99:99:99", "\x00\x1b[2J"])
def test_a_bad_timestamp_is_a_reason_not_a_crash(text: str) -> None:
    when, reason = parse_timestamp(text)
    assert when is None and reason is not None and "is not a date" in reason


def test_a_bad_timestamp_does_not_stop_the_other_submissions(tmp_path: Path) -> None:
    from nbgrader.api import Gradebook

    from course.grading.record.gradebook import GradebookWriter

    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with Gradebook(url) as gb:
        gb.add_assignment("ps1")
        gb.add_notebook("nb", "ps1")
        gb.add_grade_cell("q1", "nb", "ps1", max_score=1, cell_type="code")
    outcomes = [Outcome(Job(s, "ps1", "/x", s, stamp), [NotebookOutcome("nb", "graded", {"q1": 1.0})])
                for s, stamp in (("ann", "99999999999999999999999"), ("bob", "2030-01-01 10:00:00 UTC"),
                                 ("cy", "9999-12-31 23:59:59 -0100"), ("dee", "garbage"))]
    with GradebookWriter(url, "default_course") as writer:
        writer.apply(outcomes)
        log = writer.log()
    assert all(o.failure is None for o in outcomes)
    assert {k[1]: v["status"] for k, v in log.items()} == {"ann": "graded", "bob": "graded", "cy": "graded",
                                                           "dee": "graded"}
    for student in ("ann", "cy", "dee"):
        assert "timestamp" in log[("ps1", student)]["reasons"]
    with Gradebook(url) as gb:
        assert gb.find_submission("ps1", "bob").timestamp.year == 2030
        assert gb.find_submission("ps1", "ann").score == 1.0


# ---------------------------------------------------------------------------- what the instructor opens

def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    ids = ["=1+2", "+SUM(1,1)", "@SUM(1,1)", "-2+3", "\t=1", "\r=1", "ann"]
    write_csv(tmp_path / "g.csv", [{"student": s, "score": -1.0, "reasons": "=HYPERLINK(\"x\")"} for s in ids])
    with (tmp_path / "g.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["student"] for r in rows] == ["'=1+2", "'+SUM(1,1)", "'@SUM(1,1)", "'-2+3", "'\t=1", "'\r=1", "ann"]
    assert all(r["score"] == "-1.0" and r["reasons"].startswith("'=") for r in rows)


def test_the_terminal_shows_no_escape_sequence() -> None:
    for text in ("\x1b[2J\x1b[Hfake", "\x1b]0;title\x07x", "a\rb", "\x9b31mred", "x\u202eevil", "\x07bell"):
        shown = terminal_text(text)
        assert not any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f or c == "\u202e" for c in shown), repr(shown)


@pytest.mark.parametrize("attack", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href='javascript:alert(1)'>x</a>",
    "<a href=' JaVaScRiPt:alert(1)'>x</a>", "<svg onload=alert(1)></svg>", "<iframe src='javascript:1'></iframe>",
    "<scr<script>x</script>ipt>alert(1)</script>", "<body onload=alert(1)>", "<form action='javascript:1'>",
    "<math><a xlink:href='javascript:1'>x</a></math>", "<meta http-equiv='refresh' content='0;url=javascript:1'>",
    "<object data='javascript:1'></object>", "<div style='background:url(javascript:alert(1))'>x</div>",
    "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>x</a>",
    "<style>body{display:none} p{background:url(javascript:alert(1))}</style>",
    "<a href='java&#x09;script:alert(1)'>x</a>", "<img src='data:text/html,<script>alert(1)</script>'>",
])
def test_feedback_html_keeps_no_active_content(attack: str) -> None:
    page = f"<!DOCTYPE html><html><head><style>p{{}}</style></head><body><p>answer</p>{attack}</body></html>"
    cleaned = clean_feedback_html(page).lower()
    assert "<script" not in cleaned and "javascript:" not in cleaned and "<iframe" not in cleaned
    assert " onload" not in cleaned and " onerror" not in cleaned and "<meta" not in cleaned
    assert "data:text" not in cleaned and "display:none" not in cleaned
    assert "<p>answer</p>" in cleaned and "p{}" in cleaned


# ---------------------------------------------------------------------------- sandbox process and writable places

@pytest.mark.parametrize("who", ["this user", "an ordinary user"])
def test_a_scratch_folder_locked_by_a_kernel_is_removed(who: str) -> None:
    base = Path(tempfile.mkdtemp(prefix="scratch-test-"))
    slot = base / "w1"
    (slot / "k1" / "c" / "deep").mkdir(parents=True)
    (slot / "k1" / "c" / "deep" / "f").write_text("x")
    (slot / "k1" / "c" / "link").symlink_to(base)
    uid = os.getuid()
    if who == "an ordinary user":
        if os.geteuid() != 0:
            pytest.skip("this process is already an ordinary user")
        uid = 65534  # nobody: a mode-000 folder stops it, unlike root
        subprocess.run(["chown", "-R", f"{uid}:{uid}", str(base)], check=True)
    child = os.fork()
    if child == 0:  # pragma: no cover  (the child reports through its exit code)
        code = 1
        try:
            if uid != os.getuid():
                os.setgid(uid)
                os.setuid(uid)
            os.chmod(slot / "k1" / "c" / "deep", 0)
            os.chmod(slot / "k1" / "c", 0)
            remove_tree(slot)
            code = 0 if not slot.exists() and base.exists() else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(child, 0)
    try:
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.sandbox
def test_nothing_of_the_graders_environment_is_visible_and_every_writable_place_is_capped(tmp_path: Path) -> None:
    from course.grading.sandbox.bwrap import Limits, plan

    course = tmp_path / "course"
    course.mkdir()
    box = plan(sys.executable, [course], etc_dir=tmp_path / "etc")
    (tmp_path / "k" / "c").mkdir(parents=True)
    (tmp_path / "in").mkdir()
    probe = (
        "import glob, os, sys\n"
        "blobs = b''\n"
        "for path in glob.glob('/proc/[0-9]*/environ') + glob.glob('/proc/[0-9]*/cmdline'):\n"
        "    try:\n        blobs += open(path, 'rb').read()\n    except OSError:\n        pass\n"
        "print(len(glob.glob('/proc/[0-9]*')))\n"
        "print('leak' if b'hunter2' in blobs or b'GRADER_SECRET' in blobs else 'clean')\n"
        f"print('course' if {str(course)!r}.encode() in blobs else 'no-course-path')\n"
        "for place in ('/', '/dev', '/usr', '/grading', " + repr(str(course)) + "):\n"
        "    try:\n        open(os.path.join(place, 'x'), 'w').write('x'); print('writable', place)\n"
        "    except OSError:\n        print('read-only', place)\n"
        "for place in ('/tmp', '/grading/work', '/grading/home', '/dev/shm'):\n"
        "    try:\n"
        "        with open(os.path.join(place, 'fill'), 'wb') as f:\n"
        "            for _ in range(400):\n                f.write(b'x' * 1024 * 1024)\n"
        "        print('uncapped', place)\n"
        "    except OSError as e:\n        print('capped', place, e.errno)\n"
        "    os.remove(os.path.join(place, 'fill'))\n"
        "print(sys.flags.safe_path, '' in sys.path, os.getcwd() in sys.path)\n"
    )
    argv = box.argv(connection_dir=str(tmp_path / "k" / "c"), input_dir=str(tmp_path / "in"),
                    limits=Limits(max_file_mb=1024))
    env = {**os.environ, "GRADER_SECRET": "hunter2"}
    (tmp_path / "in" / "probe.py").write_text(probe)  # not on a command line the probe reads
    result = subprocess.run([*argv, sys.executable, "/grading/in/probe.py"], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "2"  # bubblewrap (PID 1) and this probe
    lines = lines[1:]
    assert lines[:2] == ["clean", "no-course-path"]
    assert lines[2:7] == ["read-only /", "read-only /dev", "read-only /usr", "read-only /grading",
                          f"read-only {course}"]
    assert all(line.startswith("capped ") and line.endswith(" 28") for line in lines[7:11]), lines[7:11]
    assert lines[11] == "True False False"


@pytest.mark.slow
def test_nbgrader_collect_leaves_links_out_and_survives_bad_times(tmp_path: Path) -> None:
    from tests.grading import democourse as demo

    root = demo.build_course(tmp_path / "course")
    demo.release(root)
    exchange = tmp_path / "exchange"
    with (root / "nbgrader_config.py").open("a") as config:
        config.write(f"c.Exchange.root = {str(exchange)!r}\n"
                     "c.ExchangeFactory.collect = 'course.grading.discover.collect.SafeExchangeCollect'\n")
    inbound = exchange / "demo-course" / "inbound"
    good = inbound / "ann+ps1+2030-02-01 10:00:00.000000 UTC"
    good.mkdir(parents=True)
    (good / "problems.ipynb").write_text("{}")
    (good / "timestamp.txt").write_text("2030-02-01 10:00:00.000000 UTC")
    (good / "gradebook.db").symlink_to(root / "gradebook.db")
    os.link(root / "nbgrader_config.py", good / "config.txt")
    os.mkfifo(good / "pipe")
    for name in ("bob+ps1+99999999999999999999999", "cy+ps1+9999-12-31 23:59:59 -0100"):
        (inbound / name).mkdir()
        (inbound / name / "problems.ipynb").write_text("{}")
    (inbound / "dee+ps1+2030-02-01 10:00:00.000000 UTC").symlink_to(root / "exercises" / "ps1")
    (root / "submitted" / "eve" / "ps1").mkdir(parents=True)  # collected before, with a bad time
    (root / "submitted" / "eve" / "ps1" / "timestamp.txt").write_text("9999-12-31 23:59:59 -0100")
    (inbound / "eve+ps1+2030-02-01 10:00:00.000000 UTC").mkdir()
    (inbound / "eve+ps1+2030-02-01 10:00:00.000000 UTC" / "problems.ipynb").write_text('{"new": 1}')
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    result = subprocess.run([sys.executable, "-m", "nbgrader", "collect", "ps1", "--update"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    collected = root / "submitted"
    assert sorted(p.name for p in (collected / "ann" / "ps1").iterdir()) == ["problems.ipynb", "timestamp.txt"]
    assert (collected / "bob" / "ps1" / "problems.ipynb").is_file() and (collected / "cy" / "ps1").is_dir()
    assert not (collected / "dee" / "ps1").exists()  # a linked submission folder is not followed
    assert (collected / "eve" / "ps1" / "problems.ipynb").read_text() == '{"new": 1}'
    assert "left out" in result.stderr


def test_course_grade_warns_when_the_exchange_is_collected_with_links_followed(tmp_path: Path) -> None:
    from course.cli import _collect_warning

    (tmp_path / "exchange").mkdir()
    config = tmp_path / "nbgrader_config.py"
    config.write_text(f"c = get_config()\nc.Exchange.root = {str(tmp_path / 'exchange')!r}\n")
    warning = _collect_warning(tmp_path)
    assert warning is not None and "SafeExchangeCollect" in warning
    config.write_text(config.read_text() + "c.ExchangeFactory.collect = "
                                           "'course.grading.discover.collect.SafeExchangeCollect'\n")
    assert _collect_warning(tmp_path) is None
