"""Judge answers where no trainee code ever ran.

A trainee's notebook is code the trainee wrote; whatever runs in its kernel
can be changed by it (the checking functions, IPython, the kernel's replies,
``math.pi``). So grading keeps two kernels apart:

1. **The trainee's kernel** (sandboxed) runs the submitted notebook as
   nbgrader would, only to read the answers: just before each instructor
   cell that reads an answer, the grader asks the kernel for those names'
   values as data (:mod:`course.grading.execute.answers`: tagged JSON of
   builtin values, at most 1 MB, never an object).
2. **A clean kernel** (sandboxed, started fresh for this notebook, with only
   the assignment's own files) runs the instructor's read-only cells -- the
   setup cells and the test cells, with their source from the gradebook --
   and, before each of them, binds the answers read at that point. The
   scores and the outputs of those cells come from this kernel only.

A trainee's code can therefore change only the values of its own answers.

Which names are answers: the names an autograded answer cell binds *in the
released scaffold* (``q1_answer = {...: ...}``), read from the gradebook with
:mod:`ast`. A read-only cell gets such a name when the latest cell before it
(in the notebook's order) that binds the name is an answer cell, or no
read-only cell bound it before. Written (markdown) answers stay for manual
grading; a code cell that is both an answer and graded (nbgrader's manually
graded code answer) is never run in the clean kernel either.

:class:`JudgedExecute` is an nbgrader preprocessor: ``course grade`` uses it
for every notebook, and the course's ``nbgrader_config.py`` puts it in place
of ``Execute`` so that the formgrader's Autograde button judges the same way.

Examples
--------
>>> plan = plan_notebook([("setup", "code", True, False, False, "from checks import check\\nlimit = 3"),
...                       ("q1", "code", False, True, False, "q1_answer = ..."),
...                       ("q1_test", "code", True, False, True, "check(q1_answer, limit)")])
>>> plan.answers, sorted(plan.instructor)
({'q1': ('q1_answer',)}, ['q1_test', 'setup'])
"""

from __future__ import annotations

import ast
import atexit
import copy
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Enum

from course.grading.execute.answers import MAX_CHARS, AnswerError, Unplain, decode, encode
from course.grading.execute.kernel import KernelLaunch, user_task_count
from course.grading.execute.notebook import AskError, GraderFailure, LimitedExecute
from course.grading.records import Reason
from course.grading.sandbox.bwrap import INPUT, WORKDIR, Limits, SandboxUnavailable, plan
from course.grading.settings import sensitive_paths

__all__ = ["JudgedExecute", "KernelPlan", "NotebookPlan", "answer_reads", "autograde_preprocessors", "bound_names",
           "imported_modules", "plan_from_gradebook", "plan_notebook", "read_names"]

_CAPTURE_TIMEOUT = 10  # seconds a trainee's kernel gets to hand over its answers
_ANSWERS_SOURCE = Path(__file__).with_name("answers.py").read_text(encoding="utf-8")


@dataclass(frozen=True)
class NotebookPlan:
    """What the clean kernel runs and which names are answers, for one notebook."""

    instructor: dict[str, tuple[str, str]]
    """Read-only code cells: grade id -> (``setup`` or ``test``, source from the gradebook)."""
    answers: dict[str, tuple[str, ...]]
    """Autograded answer cells: grade id -> the names their released scaffold binds."""

    def tests(self) -> list[str]:
        """The grade ids of the test cells.

        Examples
        --------
        >>> NotebookPlan({"s": ("setup", ""), "t": ("test", "")}, {}).tests()
        ['t']
        """
        return [g for g, (role, _) in self.instructor.items() if role == "test"]


@dataclass(frozen=True)
class KernelPlan:
    """How to start one of the two kernels."""

    launch: KernelLaunch
    """Its folders, limits and sandbox."""
    copies: tuple[tuple[str, str], ...] = ()
    """Folders the kernel copies into its working folder before the first cell."""


def _python(source: str) -> ast.Module | None:
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return ast.parse(TransformerManager().transform_cell(source))
    except (SyntaxError, ValueError, ImportError):
        return None


def bound_names(source: str) -> tuple[str, ...]:
    """Return the names a cell binds (assignments, ``for`` targets, imports, definitions).

    Examples
    --------
    >>> bound_names("october = calls[calls.date > d]\\nq6_answer = ...\\nimport numpy as np")
    ('np', 'october', 'q6_answer')
    """
    tree = _python(source)
    found: set[str] = set()
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            found.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update((a.asname or a.name).split(".")[0] for a in node.names if a.name != "*")
    return tuple(sorted(found))


def read_names(source: str) -> tuple[str, ...]:
    """Return the names a cell reads.

    Examples
    --------
    >>> read_names("check('q1', q1_answer['a'], round(share() * 100))")
    ('check', 'q1_answer', 'round', 'share')
    """
    tree = _python(source)
    found = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} \
        if tree is not None else set()
    return tuple(sorted(found))


def imported_modules(sources: Iterable[str], local: set[str]) -> list[str]:
    """Return the modules ``sources`` import, except those whose top-level name is in ``local``.

    Examples
    --------
    >>> imported_modules(["import pandas as pd\\nfrom course.checks import check", "import helpers"], {"helpers"})
    ['course.checks', 'pandas']
    """
    found: set[str] = set()
    for source in sources:
        tree = _python(source)
        for node in ast.walk(tree) if tree is not None else ():
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
            found.update(n for n in names if n.split(".")[0] not in local)
    return sorted(found)


def plan_notebook(cells: Iterable[tuple[str, str, bool, bool, bool, str]]) -> NotebookPlan:
    """Build the plan from ``(grade id, cell type, locked, solution, grade, source)`` of the released cells.

    Examples
    --------
    >>> plan_notebook([("w1", "markdown", False, True, True, "YOUR ANSWER HERE")])
    NotebookPlan(instructor={}, answers={})
    """
    instructor: dict[str, tuple[str, str]] = {}
    answers: dict[str, tuple[str, ...]] = {}
    for grade_id, cell_type, locked, solution, grade, source in cells:
        if cell_type != "code":
            continue
        if solution:
            answers[grade_id] = bound_names(source)
        elif locked:
            instructor[grade_id] = ("test" if grade else "setup", source)
    return NotebookPlan(instructor, answers)


def plan_from_gradebook(notebook: Any) -> NotebookPlan:
    """Build the plan of a gradebook ``Notebook`` (its source cells hold the released sources).

    Examples
    --------
    >>> with Gradebook(db_url) as gb:  # doctest: +SKIP
    ...     plan = plan_from_gradebook(gb.find_notebook("ex1_professional", "ex1_professional"))
    """
    solutions = {c.name for c in notebook.solution_cells}
    grades = {c.name for c in notebook.grade_cells}
    return plan_notebook((c.name, c.cell_type, bool(c.locked), c.name in solutions, c.name in grades, c.source or "")
                         for c in notebook.source_cells)


def _grade_id(cell: Any) -> str:
    value = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
    return value if isinstance(value, str) else ""


def answer_reads(nb: Any, plan: NotebookPlan) -> dict[int, list[str]]:
    """Return, for each read-only cell of ``nb`` that reads answers, the answer names it reads.

    Examples
    --------
    >>> plan = NotebookPlan({"setup": ("setup", "q1_answer = 0"), "t": ("test", "assert q1_answer == 1")},
    ...                     {"q1": ("q1_answer",)})
    >>> cells = [{"cell_type": "code", "metadata": {"nbgrader": {"grade_id": g}}} for g in ("setup", "q1", "t")]
    >>> answer_reads({"cells": cells}, plan)
    {2: ['q1_answer']}
    >>> answer_reads({"cells": [cells[0], cells[2]]}, plan)  # no answer cell after the setup bound it
    {}
    """
    last = {name: "answer" for names in plan.answers.values() for name in names}
    reads: dict[int, list[str]] = {}
    for index, cell in enumerate(nb["cells"]):
        if cell.get("cell_type") != "code":
            continue
        grade_id = _grade_id(cell)
        if grade_id in plan.answers:
            last.update(dict.fromkeys(plan.answers[grade_id], "answer"))
        elif grade_id in plan.instructor:
            source = plan.instructor[grade_id][1]
            wanted = [name for name in read_names(source) if last.get(name) == "answer"]
            if wanted:
                reads[index] = wanted
            last.update(dict.fromkeys(bound_names(source), "instructor"))
    return reads


def _with_answers_module(call: str) -> str:
    # the module's source travels with the request: importing it would import the whole course
    # package (pandas and all) into the kernel
    return f"(lambda ns: [exec({_ANSWERS_SOURCE!r}, ns), {call}][1])({{'__name__': 'course_answers'}})"


def capture_expression(names: list[str]) -> str:
    """The expression the trainee's kernel evaluates to hand over ``names``.

    Examples
    --------
    >>> q1_answer = {"a": 1}
    >>> eval(capture_expression(["q1_answer"]))
    '{"q1_answer": ["d", [["a", 1]]]}'
    """
    return _with_answers_module(f"ns['encode'](globals(), {names!r})")


def inject_expression(text: str, names: list[str]) -> str:
    """The expression the clean kernel evaluates to bind the answers (and unbind the absent ones).

    Examples
    --------
    >>> ns = {"q2_answer": "old"}
    >>> eval(inject_expression('{"q1_answer": 1}', ["q1_answer", "q2_answer"]), ns)
    'q1_answer'
    >>> ns["q1_answer"], "q2_answer" in ns
    (1, False)
    """
    inject = _with_answers_module(f"ns['inject'](globals(), {text!r})")
    return (f"(lambda ns, names, bound: [[ns.pop(n, None) for n in names if n not in bound.split(',')], bound][1])"
            f"(globals(), {names!r}, {inject})")


def _describe(name: str, value: Any) -> str | None:
    if isinstance(value, Unplain):
        return f"{name}: {type(value).__name__} is not a plain value"
    return None


class _TraineeRun(LimitedExecute):
    """Runs the trainee's notebook and reads the answers before each read-only cell that needs them."""

    def __init__(self, *, reads: dict[int, list[str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.reads = reads
        self.captured: dict[int, str] = {}
        self.reached: set[int] = set()

    async def before_cell(self, index: int, cell: NotebookNode) -> None:
        self.reached.add(index)
        names = self.reads.get(index)
        if not names:
            return
        grade_id = _grade_id(cell)
        try:
            text = await self.ask(capture_expression(names), timeout=_CAPTURE_TIMEOUT, limit=MAX_CHARS)
            values = decode(text, names=names)
        except (AskError, AnswerError) as error:
            self._reason("answers_unreadable", f"the answers {', '.join(names)} could not be read: {error}"[:300],
                         grade_id)
            return
        for name in names:
            problem = _describe(name, values[name]) if name in values else None
            if problem:
                self._reason("not_plain", problem, grade_id)
        self.captured[index] = encode(values, names)


class _JudgeRun(LimitedExecute):
    """Runs only the instructor's cells, each after binding the answers read for it."""

    def __init__(self, *, plan: NotebookPlan, reads: dict[int, list[str]], captured: dict[int, str],
                 reached: set[int], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.plan, self.reads, self.captured, self.reached = plan, reads, captured, reached

    def wanted(self, index: int, cell: NotebookNode) -> bool:
        return _grade_id(cell) in self.plan.instructor and index in self.reached

    async def before_cell(self, index: int, cell: NotebookNode) -> None:
        names = self.reads.get(index)
        if not names:
            return
        try:
            await self.ask(inject_expression(self.captured.get(index, "{}"), names))
        except AskError as error:
            raise GraderFailure(f"the clean kernel did not take the answers: {error}") from error


def _copy_plain_files(source: Path, target: Path, ignore: list[str]) -> None:
    """Copy the regular files of ``source`` except notebooks (no links, no special files)."""
    from nbgrader.utils import find_all_files

    target.mkdir(parents=True, exist_ok=True)
    if not source.is_dir():
        return
    for name in find_all_files(str(source), [*ignore, "*.ipynb"]):
        path = Path(name)
        if not stat.S_ISREG(os.lstat(path).st_mode):
            continue
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


class JudgedExecute(Execute):
    """nbgrader's ``Execute`` step, judged in a clean kernel (see the module's description).

    ``course grade`` creates it with both kernels planned. Created by nbgrader
    (``Autograde.autograde_preprocessors`` in ``nbgrader_config.py``) it plans
    them itself: sandboxed with bubblewrap when it can (``sandbox``), with the
    answer names read from the gradebook.
    """

    sandbox = Enum(["auto", "required", "off"], default_value="auto",
                   help="Run both kernels in the bubblewrap sandbox: 'auto' when bubblewrap works here "
                        "(else a warning), 'required' (refuse without it) or 'off'.").tag(config=True)

    def __init__(self, *, trainee: KernelPlan | None = None, judge: KernelPlan | None = None,
                 plan: NotebookPlan | None = None, notebook: str = "", hidden_words: tuple[str, ...] = (),
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.trainee_plan, self.judge_plan, self.plan = trainee, judge, plan
        self.notebook_name = notebook
        self.hidden_words = hidden_words
        self.reasons: list[Reason] = []

    def preprocess(self, nb: NotebookNode, resources: Any = None, km: Any = None) -> tuple[NotebookNode, Any]:
        """Read the answers in the trainee's kernel, run the instructor's cells in a clean one."""
        if self.trainee_plan is None or self.judge_plan is None or self.plan is None:
            return self._standalone(nb, resources)
        return self._judge(nb, resources, self.trainee_plan, self.judge_plan, self.plan)

    def _judge(self, nb: NotebookNode, resources: Any, trainee: KernelPlan, judge: KernelPlan,
               plan: NotebookPlan) -> tuple[NotebookNode, Any]:
        name = self.notebook_name or str(resources.get("nbgrader", {}).get("notebook", ""))
        reads = answer_reads(nb, plan)
        first = copy.deepcopy(nb)
        common = {"config": self.config, "notebook": name, "hidden_words": self.hidden_words}
        if self.kernel_name:
            common["kernel_name"] = self.kernel_name
        run = _TraineeRun(launch=trainee.launch, copies=[list(c) for c in trainee.copies], reads=reads, **common)
        try:
            run.preprocess(first, copy.deepcopy(resources))
        finally:
            self.reasons += run.reasons
        clean = _JudgeRun(launch=judge.launch, copies=[list(c) for c in judge.copies], plan=plan, reads=reads,
                          captured=run.captured, reached=run.reached, **common)
        for cell in nb.cells:
            if cell.cell_type == "code" and _grade_id(cell) in plan.instructor:
                cell.source = plan.instructor[_grade_id(cell)][1]
        try:
            nb, resources = clean.preprocess(nb, resources)
        finally:
            self.reasons += clean.reasons
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            if _grade_id(cell) not in plan.instructor:
                cell.outputs = first.cells[index].get("outputs", [])
                cell.execution_count = first.cells[index].get("execution_count")
            elif index not in run.reached and cell.source.strip():
                ename, evalue = run.stopped or ("NotRun", "the notebook stopped before this cell")
                cell.outputs = [NotebookNode(output_type="error", ename=ename, evalue=evalue,
                                             traceback=[f"{ename}: {evalue}"])]
        nb.metadata["language_info"] = first.metadata.get("language_info", nb.metadata.get("language_info"))
        return nb, resources

    # ------------------------------------------------------------------ under plain nbgrader
    def _standalone(self, nb: NotebookNode, resources: Any) -> tuple[NotebookNode, Any]:
        from nbgrader.api import Gradebook
        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=self.config)
        info = resources.get("nbgrader", {})
        assignment, notebook = info.get("assignment"), info.get("notebook")
        if not assignment or not notebook or not info.get("db_url"):
            raise GraderFailure("JudgedExecute needs nbgrader's assignment, notebook and gradebook")
        with Gradebook(info["db_url"], course_id=coursedir.course_id) as gb:
            plan = plan_from_gradebook(gb.find_notebook(notebook, assignment))
        cwd = Path(resources.get("metadata", {}).get("path") or ".")
        box = self._sandbox(coursedir)
        base = Path("/tmp") if Path("/tmp").is_dir() else Path(tempfile.gettempdir())
        folder = Path(tempfile.mkdtemp(prefix="course-judge-", dir=base))
        try:
            theirs, ours = folder / "in", folder / "assignment"
            _copy_plain_files(cwd, theirs, list(coursedir.ignore))
            _copy_plain_files(Path(coursedir.format_path(coursedir.source_directory, ".", assignment)), ours,
                              list(coursedir.ignore))
            trainee = self._kernel(folder / "k1", theirs, box)
            judge = self._kernel(folder / "k2", ours, box)
            nb, resources = self._judge(nb, resources, trainee, judge, plan)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        for reason in self.reasons:
            self.log.warning("%s: %s %s", reason.code, reason.cell, reason.detail)
        return nb, resources

    _SANDBOXES: dict[str, Any] = {}  # noqa: RUF012  (one plan per process and course)

    def _sandbox(self, coursedir: Any) -> Any:
        if self.sandbox == "off":
            return None
        key = str(coursedir.root)
        if key not in self._SANDBOXES:
            try:
                etc = Path(tempfile.mkdtemp(prefix="course-judge-etc-"))
                atexit.register(shutil.rmtree, etc, ignore_errors=True)
                self._SANDBOXES[key] = plan(sys.executable, [*sensitive_paths(coursedir, self.config),
                                                             Path.home(), Path(tempfile.gettempdir())], etc_dir=etc)
            except SandboxUnavailable as error:
                if self.sandbox == "required":
                    raise
                self.log.warning("grading WITHOUT the sandbox: %s", error)
                self._SANDBOXES[key] = None
        return self._SANDBOXES[key]

    def _kernel(self, folder: Path, files: Path, box: Any) -> KernelPlan:
        (folder / "c").mkdir(parents=True)
        limits = Limits()
        nproc = None if os.geteuid() == 0 else user_task_count() + limits.max_processes
        launch = KernelLaunch(str(folder), limits, box, (), nproc, str(files))
        copies = ((INPUT, WORKDIR), *((s, t) for s, t in box.cache_copies())) if box is not None else ()
        return KernelPlan(launch, copies)



def autograde_preprocessors() -> list[type]:
    """nbgrader's default ``Autograde.autograde_preprocessors`` with :class:`JudgedExecute` for ``Execute``.

    A course's ``nbgrader_config.py`` sets
    ``c.Autograde.autograde_preprocessors = autograde_preprocessors()`` so that
    ``nbgrader autograde`` and the formgrader's Autograde button judge answers
    in a clean kernel as ``course grade`` does.

    Examples
    --------
    >>> [p.__name__ for p in autograde_preprocessors()][:2]
    ['JudgedExecute', 'IgnorePattern']
    """
    from nbgrader.converters import Autograde

    defaults = Autograde.class_traits()["autograde_preprocessors"].default()
    return [JudgedExecute if p is Execute else p for p in defaults]
