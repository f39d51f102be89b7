"""The grading guard around test cells: what the grader asks each kernel to run.

:func:`setup_expression` sends the source of :mod:`course.grading.kernel_values`
and :mod:`course.grading.kernel_side` to the kernel before the first cell
runs (the grader never uses them itself), and the other
``*_expression`` functions return the one-line expressions the grader
evaluates (as ``user_expressions`` of an empty execute request, which no
input transformer of the trainee's can rewrite) before and after cells.

Inside the kernel the class ``_CourseGrader``

* snapshots, before any trainee code runs, the builtins, IPython's execution
  machinery (transformers, event hooks, exception handlers, methods) and the
  checking modules the test cells import (e.g. ``course.checks``);
* remembers the functions, classes and modules each read-only instructor
  cell binds (``from course.checks import check``);
* before every test cell restores all of that, reports what it restored, and
  rewrites the test cell so every compared value, call argument and assert is
  checked first: an object whose class the notebook defined and which
  redefines comparison or conversion (``__eq__`` always True, a float whose
  ``__sub__`` returns 0, ...) raises ``FakeEqualityError``, so that test fails.

What it cannot stop (a trainee deliberately rewriting the interpreter with
``ctypes``, or threads that patch things while a test runs) is listed in
``docs/grading.md``.

Examples
--------
>>> "_CourseGrader" in setup_expression({"protect": []})
True
>>> before_test_expression()
"[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_CourseGrader'][0].before_test()"
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from course.grading.kernel_values import FIND

__all__ = [
    "KERNEL_SOURCES",
    "after_locked_expression",
    "after_test_expression",
    "before_locked_expression",
    "before_test_expression",
    "setup_expression",
]

KERNEL_SOURCES = ("kernel_values.py", "kernel_side.py")
"""The modules run inside each kernel, in this order, in one namespace."""


def setup_expression(options: dict[str, Any]) -> str:
    """Return the expression that installs the guard in a fresh kernel.

    ``options``: ``protect`` (module names to snapshot), ``copy`` (pairs of
    folders to copy before anything runs).

    Examples
    --------
    >>> setup_expression({"protect": ["course.checks"]}).startswith("(lambda ns: [exec(compile(")
    True
    """
    sources = [Path(__file__).with_name(name).read_text(encoding="utf-8") for name in KERNEL_SOURCES]
    runs = ", ".join(f"exec(compile({source!r}, '<course-grader>', 'exec'), ns)" for source in sources)
    return f"(lambda ns: [{runs}])({{'__name__': '_course_grader'}}) and {FIND}.setup({json.dumps(options)!r})"


def before_locked_expression() -> str:
    """Return the expression evaluated before a read-only instructor cell.

    Examples
    --------
    >>> before_locked_expression().endswith(".before_locked()")
    True
    """
    return f"{FIND}.before_locked()"


def after_locked_expression() -> str:
    """Return the expression evaluated after a read-only instructor cell.

    Examples
    --------
    >>> after_locked_expression().endswith(".after_locked()")
    True
    """
    return f"{FIND}.after_locked()"


def before_test_expression() -> str:
    """Return the expression evaluated before a test cell (JSON list of restorations).

    Examples
    --------
    >>> "subclasses" in before_test_expression()
    True
    """
    return f"{FIND}.before_test()"


def after_test_expression() -> str:
    """Return the expression evaluated after a test cell.

    Examples
    --------
    >>> after_test_expression().endswith(".after_test()")
    True
    """
    return f"{FIND}.after_test()"
