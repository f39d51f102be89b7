"""A small self-contained nbgrader course with a cohort of submissions.

The grading tests, the grading benchmark and an instructor trying ``course
grade`` for the first time all need the same thing: a course folder in the
standard nbgrader layout, an assignment released by nbgrader itself, and a
cohort whose answers are correct, partly correct, blank or hostile. This
module builds one in any folder, without touching the real course.

The assignment ``ps1`` (notebook ``problems.ipynb``) has three autograded
answers with visible and hidden tests (4 points), one manually graded written
answer (2 points) and a helper module ``grading_helpers.py`` that its test
cells import, as the real exercises import ``course.checks``. Like the real
exercises, every answer is a plain value (``squares``, ``area``, ``answer``).

Examples
--------
>>> sorted(SUBMISSION_KINDS)[:3]
['blank', 'blanket', 'correct']
>>> answers_for("correct", 0)["answer"].strip()
'answer = 42'
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

__all__ = [
    "ASSIGNMENT",
    "DUE",
    "NOTEBOOK",
    "SUBMISSION_KINDS",
    "answers_for",
    "build_course",
    "release",
    "write_submission",
]

ASSIGNMENT = "ps1"
"""The demo assignment's id."""
NOTEBOOK = "problems"
"""The demo assignment's only notebook (without ``.ipynb``)."""
DUE = datetime(2030, 3, 1, 12, 0, tzinfo=UTC)
"""The demo assignment's due date; submissions after it are late."""

CONFIG = '''"""nbgrader configuration of the demo course (built by tests/grading/democourse.py)."""
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "demo-course"
c.CourseDirectory.source_directory = "exercises"
c.CourseDirectory.solution_directory = "solutions"
c.Execute.timeout = {timeout}
c.Execute.interrupt_on_timeout = True
c.Autograde.create_student = True
c.OverwriteCells.add_missing_cells = True
'''

HELPERS = '''"""Checks the demo assignment's test cells use (like course.checks)."""


def close_to(value, expected, tol=1e-6):
    """Whether ``value`` is a plain number within ``tol`` of ``expected``."""
    if type(value) not in (int, float):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return abs(value - expected) <= tol
'''


def _meta(grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float = 0) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def _code(source: str, meta: dict[str, Any]) -> dict[str, Any]:
    return {"cell_type": "code", "execution_count": None, "id": meta["nbgrader"]["grade_id"],
            "metadata": meta, "outputs": [], "source": source}


def _markdown(source: str, meta: dict[str, Any]) -> dict[str, Any]:
    return {"cell_type": "markdown", "id": meta["nbgrader"]["grade_id"], "metadata": meta, "source": source}


def _source_notebook() -> dict[str, Any]:
    cells = [
        _markdown("# Problem set 1\nAnswer each question, then run the tests.",
                  _meta("intro", grade=False, solution=False, locked=True)),
        _code("import math\nfrom grading_helpers import close_to",
              _meta("setup", grade=False, solution=False, locked=True)),
        _code("# the first five square numbers, starting with 1, as a list\nsquares = None\n"
              "### BEGIN SOLUTION\nsquares = [i * i for i in range(1, 6)]\n### END SOLUTION",
              _meta("squares", grade=False, solution=True, locked=False)),
        _code("assert squares[:3] == [1, 4, 9]\nassert len(squares) == 5\n"
              "### BEGIN HIDDEN TESTS\nassert squares == [1, 4, 9, 16, 25]\n### END HIDDEN TESTS",
              _meta("test_squares", grade=True, solution=False, locked=True, points=2)),
        _code("# the area of a circle of radius 3\narea = None\n"
              "### BEGIN SOLUTION\narea = math.pi * 3 ** 2\n### END SOLUTION",
              _meta("circle", grade=False, solution=True, locked=False)),
        _code("assert close_to(area, 9 * math.pi, tol=0.01)\n"
              "### BEGIN HIDDEN TESTS\nassert abs(area - 9 * math.pi) < 1e-9\n### END HIDDEN TESTS",
              _meta("test_circle", grade=True, solution=False, locked=True, points=1)),
        _code("answer = None\n### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION",
              _meta("answer", grade=False, solution=True, locked=False)),
        _code("assert answer == 42", _meta("test_answer", grade=True, solution=False, locked=True, points=1)),
        _markdown("Explain in one sentence why squares grow faster than n.\n\n"
                  "### BEGIN SOLUTION\nBecause n * n adds n each step.\n### END SOLUTION",
                  _meta("explain", grade=True, solution=True, locked=False, points=2)),
    ]
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def build_course(root: Path, *, cell_timeout: int = 30) -> Path:
    """Write the demo course's configuration and source assignment into ``root``.

    Parameters
    ----------
    root : Path
        An empty or missing folder; it becomes the course folder.
    cell_timeout : int
        ``Execute.timeout`` written to the course's ``nbgrader_config.py``.

    Returns
    -------
    Path
        The course folder.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     root = build_course(Path(tmp) / "demo")
    ...     sorted(p.name for p in (root / "exercises" / "ps1").iterdir())
    ['grading_helpers.py', 'problems.ipynb']
    """
    root = Path(root)
    source = root / "exercises" / ASSIGNMENT
    source.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text(CONFIG.format(timeout=int(cell_timeout)))
    (source / f"{NOTEBOOK}.ipynb").write_text(json.dumps(_source_notebook(), indent=1))
    (source / "grading_helpers.py").write_text(HELPERS)
    return root


def release(root: Path) -> Path:
    """Release ``ps1`` with ``nbgrader generate_assignment`` and set its due date.

    Returns the released notebook's path. nbgrader runs in a child process
    (with this environment's ``bin`` folder on ``PATH``), as an instructor
    would run it.

    Examples
    --------
    >>> release(build_course(Path("/tmp/demo")))  # doctest: +SKIP
    PosixPath('/tmp/demo/release/ps1/problems.ipynb')
    """
    import subprocess

    from nbgrader.api import Gradebook

    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", ASSIGNMENT, "--force", "--log-level=ERROR"],
        cwd=root, env=env, check=True, capture_output=True,
    )
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="demo-course") as gb:
        gb.update_or_create_assignment(ASSIGNMENT, duedate=DUE.strftime("%Y-%m-%d %H:%M:%S UTC"))
    return root / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"


_PARTIAL_SQUARES = "squares = [1, 4, 9]"
_CORRECT_CIRCLE = "area = math.pi * 3 * 3"
_CORRECT = {
    "squares": "squares = [k * k for k in range(1, 6)]",
    "circle": _CORRECT_CIRCLE,
    "answer": "answer = 42",
}
# each hostile kind replaces some answers; cells not named keep the correct answer
_HOSTILE: dict[str, dict[str, str]] = {
    "infinite_loop": {"circle": "area = 0\nwhile True:\n    pass"},
    "ignore_interrupt": {"circle": "import time\nwhile True:\n    try:\n        time.sleep(10)\n"
                                   "    except BaseException:\n        pass"},
    "memory_bomb": {"circle": "hog = []\nwhile True:\n    hog.append(bytearray(50 * 1024 * 1024))"},
    "huge_allocation": {"circle": "hog = bytearray(64 * 1024 ** 3)\n" + _CORRECT_CIRCLE},
    "fork_bomb": {"circle": "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass"},
    "os_exit": {"circle": "import os\nos._exit(1)"},
    "sys_exit": {"circle": "import sys\nsys.exit(3)"},
    "segfault": {"circle": "import ctypes\nctypes.string_at(0)"},
    "huge_output": {"squares": _CORRECT["squares"] + "\nfor i in range(40000):\n    print('spam' * 20)"},
    "fake_equality": {"answer": "class Anything:\n    def __eq__(self, other):\n        return True\n"
                                "answer = Anything()"},
    "fake_number": {"circle": "class Num(float):\n    def __sub__(self, other):\n        return 0.0\n"
                              "    __rsub__ = __sub__\n\narea = Num(1.0)"},
    "fake_int": {"answer": "class Int(int):\n    pass\n\nanswer = Int(42)"},
    "patch_builtins": {"circle": "import builtins\nbuiltins.abs = lambda x: 0\n"
                                 "close_to = lambda *a, **k: True\narea = 1.0"},
    "patch_checks": {"circle": "import grading_helpers\n"
                               "grading_helpers.close_to.__code__ = (lambda *a, **k: True).__code__\narea = 1.0"},
    "math_pi": {"circle": "import math\nmath.pi = 0\narea = 0"},
    "fake_kernel": {"squares": "kernel = get_ipython().kernel\nreal = kernel.shell_handlers['execute_request']\n"
                               "def fake(stream, ident, parent):\n"
                               "    if parent['content'].get('user_expressions'):\n"
                               "        return real(stream, ident, parent)\n"
                               "    kernel.session.send(stream, 'execute_reply', {'status': 'ok', 'execution_count': 1,"
                               " 'user_expressions': {}, 'payload': []}, parent, ident=ident)\n"
                               "kernel.shell_handlers['execute_request'] = fake\n"
                               "squares = []"},
    "patch_ipython": {"squares": "get_ipython().input_transformers_post.append(lambda lines: ['pass\\n'])\n"
                                 "squares = []"},
    "huge_answer": {"answer": "answer = 'x' * 3_000_000"},
}
# answers that pass any test whose comparison or helper was fooled: a value that equals everything
_FOOLS = {
    "squares": "class _Yes:\n    def __eq__(self, other):\n        return True\n"
               "    def __getitem__(self, key):\n        return self\n    def __len__(self):\n        return 5\n"
               "squares = _Yes()",
    "circle": "area = 1.0",
    "answer": "answer = squares",
}
# attacks on the grading itself, with wrong answers: none may score more than a blank submission
_ATTACKS: dict[str, str] = {
    # error replies and error outputs of the kernel turned into success
    "send_wrap": ("kernel = get_ipython().kernel\nreal_send = kernel.session.send\n"
                  "def send(stream, msg_or_type, content=None, parent=None, *args, **kwargs):\n"
                  "    if msg_or_type == 'error':\n        return None\n"
                  "    if isinstance(content, dict) and content.get('status') == 'error':\n"
                  "        content = {'status': 'ok', 'execution_count': content.get('execution_count', 1),"
                  " 'user_expressions': {}, 'payload': []}\n"
                  "    return real_send(stream, msg_or_type, content, parent, *args, **kwargs)\n"
                  "kernel.session.send = send\n"),
    # every callable whose name looks like a check, in every module tests use, and the builtins they use
    "blanket": ("import builtins, sys\nimport grading_helpers, math, unittest\n"
                "def _yes(*args, **kwargs):\n    return True\n"
                "for module in [m for n, m in list(sys.modules.items()) if n.split('.')[0] in\n"
                "               ('grading_helpers', 'math', 'unittest', 'numpy', 'pandas')]:\n"
                "    for name, value in list(getattr(module, '__dict__', {}).items()):\n"
                "        if callable(value) and any(w in name.lower() for w in ('check', 'close', 'assert', 'equal')):\n"
                "            try:\n                setattr(module, name, _yes)\n            except (TypeError, AttributeError):\n"
                "                pass\n"
                "builtins.abs = lambda x: 0\n"
                "grading_helpers.close_to.__code__ = _yes.__code__\n"),
    # the reader of answers replaced: claims correct values and extra names
    "forged_reader": ("import course.grading.execute.answers as k\n"
                      "k.encode = lambda ns, names: '{\"close_to\": 1, \"math\": 0, \"squares\": [\"x\", \"list\"]}'\n"),
}
_BLANK: dict[str, str] = {}

SUBMISSION_KINDS = frozenset(
    ["correct", "partial", "blank", "edited_test", "deleted_test", "deleted_cells", "invalid_json",
     "wrong_filename", "extra_files", "read_hidden", "early_cell", "impostor_cell", "shadow_package", *_HOSTILE, *_ATTACKS]
)
"""Every kind of submission :func:`write_submission` can produce."""


def answers_for(kind: str, index: int = 0) -> dict[str, str]:
    """Return the answer-cell sources (by grade id) a submission of ``kind`` gets.

    Blank answers (the released stubs) are absent from the mapping. Partial
    submissions vary with ``index`` so a cohort has several partial patterns.

    Examples
    --------
    >>> sorted(answers_for("partial", 1))
    ['answer', 'circle', 'squares']
    >>> answers_for("blank")
    {}
    """
    if kind in ("blank", "shadow_package"):
        return dict(_BLANK)
    if kind in _ATTACKS or kind in ("early_cell", "impostor_cell"):
        return {**_FOOLS, "squares": _ATTACKS.get(kind, "") + _FOOLS["squares"]}
    answers = dict(_CORRECT)
    if kind == "partial":
        variant = index % 3
        if variant == 0:
            answers["squares"] = _PARTIAL_SQUARES
        elif variant == 1:
            answers["circle"] = "area = 2 * math.pi * 3"
            answers["answer"] = "answer = 41"
        else:
            answers["answer"] = "answer = '42'"
    answers.update(_HOSTILE.get(kind, {}))
    return answers


def _timestamp(late: bool, index: int) -> str:
    when = DUE + (timedelta(hours=5 + index) if late else -timedelta(days=1, minutes=index))
    return when.strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def _snooping(root: Path) -> str:
    """An answer that tries to read, list and write the course's private files and reach the network.

    It sets ``answer = 42`` (full marks) only when every attempt failed.
    """
    files = [root / "gradebook.db", root / "exercises" / ASSIGNMENT / f"{NOTEBOOK}.ipynb",
             root / "nbgrader_config.py"]
    folders = [root, root / "submitted", root / "exercises", root / "autograded"]
    return (
        "import os\nimport socket\nleaks = []\n"
        f"for path in {[str(p) for p in files]!r}:\n"
        "    try:\n        leaks.append(open(path, 'rb').read(16))\n    except OSError:\n        pass\n"
        f"for path in {[str(p) for p in folders]!r}:\n"
        "    try:\n        leaks.append(os.listdir(path))\n    except OSError:\n        pass\n"
        "try:\n    socket.create_connection(('93.184.216.34', 80), timeout=2)\n    leaks.append('network')\n"
        "except OSError:\n    pass\n"
        f"try:\n    open({str(root / 'pwned.txt')!r}, 'w').write('x')\n    leaks.append('write')\n"
        "except OSError:\n    pass\n"
        "answer = 42 if not leaks else -1"
    )


def write_submission(root: Path, student: str, kind: str, *, index: int = 0, late: bool = False) -> Path:
    """Write ``submitted/{student}/ps1/`` as the released notebook answered as ``kind``.

    A ``read_hidden`` submission tries to read the gradebook, the source
    notebook and the configuration, list the course's folders, write into
    the course folder and reach the network; it gets full marks only if all
    of that failed.

    Examples
    --------
    >>> write_submission(Path("/nonexistent"), "x", "nonsense")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: kind: got 'nonsense'; allowed: one of 'blank', 'blanket', 'correct', ...
    """
    from course.inputs import check_choice

    check_choice("kind", kind, sorted(SUBMISSION_KINDS))
    released = json.loads((root / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb").read_text())
    folder = root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "timestamp.txt").write_text(_timestamp(late, index))
    answers = answers_for(kind, index)
    if kind == "read_hidden":
        answers["answer"] = _snooping(Path(root).resolve())
    for cell in released["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
        elif grade_id == "explain" and kind != "blank":
            cell["source"] = "Because each step adds about 2n + 1."
    _TAMPER.get(kind, lambda nb: None)(released)
    if kind == "early_cell":  # a cell of the trainee's before everything, patching what the tests use
        released["cells"].insert(0, {"cell_type": "code", "execution_count": None, "id": "early", "metadata": {},
                                     "outputs": [], "source": _ATTACKS["blanket"] + "math.pi = 0\n"})
    if kind == "impostor_cell":  # a cell of the trainee's dressed as a read-only instructor cell
        released["cells"].insert(0, {"cell_type": "code", "execution_count": None, "id": "impostor",
                                     "metadata": _meta("prelude", grade=False, solution=False, locked=True),
                                     "outputs": [], "source": _ATTACKS["blanket"] + "math.pi = 0\n"})
    if kind == "shadow_package":  # a package beside the notebook shadows the assignment's helper module
        (folder / "grading_helpers").mkdir(exist_ok=True)
        (folder / "grading_helpers" / "__init__.py").write_text(
            "def close_to(*args, **kwargs):\n    return True\n")
    target = folder / f"{NOTEBOOK}.ipynb"
    if kind == "wrong_filename":
        target = folder / f"{NOTEBOOK} (1).ipynb"
    if kind == "invalid_json":
        target.write_text('{"cells": [ this is not json')
        return folder
    target.write_text(json.dumps(released, indent=1))
    if kind == "extra_files":
        (folder / "timestamp.txt").write_text("sometime last week")
        (folder / "notes.txt").write_text("my notes")
        (folder / "grading_helpers.py").write_text("def close_to(*a, **k):\n    return True\n")
        (folder / "data").mkdir(exist_ok=True)
        (folder / "data" / "big.csv").write_text("x\n" * 1000)
        with contextlib.suppress(OSError):
            (folder / "link-to-gradebook").symlink_to(Path(root).resolve() / "gradebook.db")
        (folder / "scratch.ipynb").write_text(json.dumps(released))
    return folder


def _edit_test(nb: dict[str, Any]) -> None:
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "test_answer":
            cell["source"] = "assert True"
    _set_source(nb, "answer", "answer = 0")


def _delete_test(nb: dict[str, Any]) -> None:
    nb["cells"] = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") != "test_squares"]


def _delete_cells(nb: dict[str, Any]) -> None:
    drop = {"answer", "explain"}
    nb["cells"] = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") not in drop]


def _set_source(nb: dict[str, Any], grade_id: str, source: str) -> None:
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == grade_id:
            cell["source"] = source


_TAMPER: dict[str, Callable[[dict[str, Any]], None]] = {
    "edited_test": _edit_test,
    "deleted_test": _delete_test,
    "deleted_cells": _delete_cells,
}


def processes_with(marker: str) -> list[str]:
    """The ids of the running processes whose command line holds ``marker``.

    A grading run names its processes after itself, so an empty list proves that a
    run (or a killed run) left nothing behind.
    """
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if marker in cmdline.read_text():
                found.append(cmdline.parent.name)
        except OSError:
            continue
    return found
