"""Grade one submission in a worker process: prepare, sanitize, execute, score.

A worker never writes to the gradebook. For each job it

1. prepares a private folder with the submission's files and the
   assignment's own files over them (as ``nbgrader autograde`` does; symbolic
   links and notebooks are left out, so the kernel cannot read hidden tests);
2. sanitizes each notebook with nbgrader's preprocessors (``ClearOutput``,
   ``DeduplicateIds``, ``OverwriteKernelspec``, ``OverwriteCells`` which restores
   edited or deleted read-only and test cells from the gradebook's copy, and
   ``CheckCellMetadata``), reading a snapshot of the gradebook;
3. judges it with :class:`~course.grading.execute.judge.JudgedExecute`: the notebook
   runs in the trainee's sandboxed kernel only to read the answers (as data),
   and the instructor's cells run in a fresh sandboxed kernel, with only the
   assignment's own files, where no trainee code ever ran; then nbgrader's
   output preprocessors;
4. scores the grade cells with nbgrader's ``determine_grade`` (what
   ``SaveAutoGrades`` stores) and publishes ``autograded/{student}/{assignment}``
   atomically;
5. returns an :class:`~course.grading.records.Outcome` for the writer.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course.grading.discover.submissions import copy_regular, read_regular
from course.grading.execute.judge import JudgedExecute, KernelPlan, NotebookPlan
from course.grading.execute.kernel import KernelLaunch, KernelServer
from course.grading.execute.notebook import GraderFailure
from course.grading.records import Job, NotebookOutcome, Outcome, Reason
from course.grading.sandbox import scratch
from course.grading.sandbox.bwrap import INPUT, WORKDIR, Limits, Sandbox
from course.grading.sandbox.cgroups import Cgroups

__all__ = ["AssignmentInfo", "WorkerContext", "grade_one"]

_SKIPPED_PREPROCESSORS = ("SaveAutoGrades", "AssignLatePenalties")
_PREPROCESSORS: dict[str, list[Any]] = {}  # the course's preprocessor classes, per worker process
_SERVER: list[KernelServer | None] = [None]  # this worker's server of clean kernels


@dataclass(frozen=True)
class AssignmentInfo:
    """What a worker needs to know about an assignment (read once from the gradebook)."""

    name: str
    """The assignment id."""
    notebooks: tuple[str, ...]
    """Its notebooks' names."""
    plans: dict[str, NotebookPlan]
    """Per notebook: the instructor's cells and the answer names (from the gradebook)."""
    released: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per notebook: the released source of each cell with a grade id."""
    locked: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per notebook: the grade ids of the read-only cells."""


@dataclass(frozen=True)
class WorkerContext:
    """Everything a worker process needs, sent once when it starts."""

    config: Any
    """The course's traitlets configuration."""
    db_url: str
    """URL of the gradebook snapshot (read-only use)."""
    run_dir: str
    """The run's private temporary folder."""
    limits: Limits
    """Resource limits of each kernel."""
    sandbox: Sandbox | None
    """The sandbox, or None when grading unsandboxed."""
    cgroups: Cgroups | None
    """The run's cgroups, if this machine allows them."""
    nproc: int | None
    """``RLIMIT_NPROC`` when no cgroup limits processes."""
    assignments: dict[str, AssignmentInfo]
    """The assignments, by id."""
    hidden_words: tuple[str, ...] = ()
    """Paths whose appearance in a file error means the code looked for hidden files."""
    preload: tuple[str, ...] = ()
    """Modules the instructor's cells import: the clean-kernel server imports them once."""
    fork_kernels: bool = True
    """Clean kernels are forked by a per-worker :class:`~course.grading.execute.kernel.KernelServer`."""


def _server(ctx: WorkerContext) -> KernelServer | None:
    """This worker's clean-kernel server (started on first use, again if it died)."""
    if not ctx.fork_kernels:
        return None
    current = _SERVER[0]
    if current is None or not current.alive():
        if current is not None:
            current.close()
        _SERVER[0] = KernelServer(Path(ctx.run_dir) / f"z{os.getpid()}", ctx.limits, ctx.sandbox, list(ctx.preload))
    return _SERVER[0]


def _copy_files(source: Path, target: Path, ignore: list[str], exclude: set[str] = frozenset(),  # type: ignore[assignment]
                max_bytes: int | None = None, untrusted: bool = False) -> list[str]:
    """Copy regular non-notebook files (no symbolic links, none over ``max_bytes``); return their paths.

    ``untrusted`` (a submission): only plain files, read without following
    links, no hard link (see :func:`course.grading.discover.submissions.open_regular`).
    """
    from nbgrader.utils import find_all_files

    copied = []
    for name in find_all_files(str(source), [*ignore, "*.ipynb"]):
        path = Path(name)
        relative = str(path.relative_to(source))
        if untrusted:
            if relative not in exclude and copy_regular(path, target / relative, max_bytes):
                copied.append(relative)
            continue
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or relative in exclude:
            continue
        if max_bytes is not None and info.st_size > max_bytes:
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if destination.exists():
            destination.unlink()
        shutil.copyfile(path, destination)
        copied.append(relative)
    return copied


class _Grader:
    """Grades one job; one instance per job."""

    def __init__(self, ctx: WorkerContext, job: Job, slot: Path) -> None:
        from nbgrader.coursedir import CourseDirectory

        self.ctx, self.job, self.slot = ctx, job, slot
        self.info = ctx.assignments[job.assignment]
        self.coursedir = CourseDirectory(config=ctx.config)
        self.reasons: list[Reason] = []
        self.counter = 0
        self.cgroups: list[str] = []
        self.served: list[Path] = []

    # ------------------------------------------------------------------ files
    def prepare(self) -> Path:
        files = self.slot / ("in" if self.ctx.sandbox is not None else "work")
        files.mkdir(parents=True)
        ignore = list(self.coursedir.ignore)
        submitted = Path(self.job.folder)
        limit = int(self.coursedir.max_file_size) * 1000
        theirs = _copy_files(submitted, files, ignore, max_bytes=limit, untrusted=True)
        source = Path(self.coursedir.format_path(self.coursedir.source_directory, ".", self.job.assignment))
        exclude = set(self.ctx.config.get("Autograde", {}).get("exclude_overwriting", {}).get(self.job.assignment, []))
        ours = _copy_files(source, files, ignore, exclude)
        # the clean kernel sees the assignment's own files only, never the trainee's
        (self.slot / "assignment").mkdir()
        _copy_files(source, self.slot / "assignment", ignore)
        if self.job.timestamp:
            from nbgrader.utils import parse_utc

            try:
                parse_utc(self.job.timestamp)
            except (ValueError, OverflowError):
                self.reasons.append(Reason("timestamp", f"{self.job.timestamp[:40]!r} is not a date"))
        known = {f"{n}.ipynb" for n in self.info.notebooks}
        for path in sorted(p for p in submitted.rglob("*") if p.is_file() or p.is_symlink()):
            relative = str(path.relative_to(submitted))
            if relative in ours or relative in known or relative == "timestamp.txt":
                continue
            if path.is_symlink() or (relative not in theirs and path.suffix != ".ipynb"):
                detail = f"{relative}: left out (a link, a special file or over {limit // 1000} kB)"
            elif path.suffix == ".ipynb":
                detail = f"{relative}: not a notebook of this assignment, not graded"
            else:
                detail = f"{relative}: copied next to the notebook"
            self.reasons.append(Reason("unexpected_file", detail))
        return files

    # ------------------------------------------------------------------ notebooks
    def launch(self, files: Path) -> KernelPlan:
        self.counter += 1
        folder = self.slot / f"k{self.counter}"
        (folder / "c").mkdir(parents=True)
        procs: tuple[str, ...] = ()
        if self.ctx.cgroups is not None:
            memory = self.ctx.limits.memory_mb * 1024 * 1024
            name = f"{self.slot.name}-{self.counter}"
            procs = tuple(self.ctx.cgroups.create(name, max_processes=self.ctx.limits.max_processes,
                                                  memory_bytes=memory))
            self.cgroups.append(name)
        launch = KernelLaunch(str(folder), self.ctx.limits, self.ctx.sandbox, procs,
                              None if procs else self.ctx.nproc, str(files))
        copies: tuple[tuple[str, str], ...] = ()
        if self.ctx.sandbox is not None:
            copies = ((INPUT, WORKDIR), *((s, t) for s, t in self.ctx.sandbox.cache_copies()))
        return KernelPlan(launch, copies)

    def clean_kernel(self) -> KernelPlan:
        """Plan the clean kernel: forked by this worker's server, else a kernel of its own."""
        server = _server(self.ctx)
        if server is None:
            return self.launch(self.slot / "assignment")
        self.counter += 1
        launch, files = server.launch(f"{self.slot.name}-{self.counter}")
        self.served.append(Path(launch.folder))
        shutil.copytree(self.slot / "assignment", files, dirs_exist_ok=True)
        return KernelPlan(launch, ())

    def _resources(self, name: str, cwd: Path) -> dict[str, Any]:
        return {
            "unique_key": name,
            "output_files_dir": f"{name}_files",
            "metadata": {"name": name, "path": str(cwd)},
            "nbgrader": {"student": self.job.student, "assignment": self.job.assignment,
                         "notebook": name, "db_url": self.ctx.db_url},
        }

    def _preprocessors(self, which: str) -> list[Any]:
        if which not in _PREPROCESSORS:
            from nbgrader.converters import Autograde

            app = Autograde(coursedir=self.coursedir, config=self.ctx.config)
            _PREPROCESSORS["sanitize_preprocessors"] = list(app.sanitize_preprocessors)
            _PREPROCESSORS["autograde_preprocessors"] = list(app.autograde_preprocessors)
        return _PREPROCESSORS[which]

    def grade_notebook(self, name: str, files: Path) -> tuple[NotebookOutcome, Any]:
        import nbformat
        from nbgrader import utils
        from nbgrader.preprocessors import Execute

        path = Path(self.job.folder) / f"{name}.ipynb"
        if not path.is_file():
            others = sorted(p.name for p in Path(self.job.folder).glob("*.ipynb"))
            hint = f"; found {', '.join(others)}" if others else ""
            self.reasons.append(Reason("missing_notebook", f"{name}.ipynb was not submitted{hint}", name))
            _, placeholder = self._unreadable(name, "the notebook was not submitted")
            return NotebookOutcome(name, "missing"), placeholder
        limit = int(self.coursedir.max_file_size) * 1000
        data = read_regular(path, limit)
        if data is None:
            self.reasons.append(Reason("unreadable_notebook", f"over {limit // 1000} kB, a link or not a plain file; "
                                                              "not read", name))
            return self._unreadable(name, "the submitted notebook is too large or a link")
        try:
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
            before = self._inspect(nb, name)
            resources = self._resources(name, files)
            for pp in self._preprocessors("sanitize_preprocessors"):
                nb, resources = pp(config=self.ctx.config)(nb, resources)
            nb = _normalized(nb)
            self._restored(nb, name, before)
        except Exception as error:  # any unreadable or corrupted notebook scores 0
            detail = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"[:300]
            self.reasons.append(Reason("unreadable_notebook", detail, name))
            return self._unreadable(name, "the submitted notebook could not be read")
        executor = None
        for pp in self._preprocessors("autograde_preprocessors"):
            if getattr(pp, "__name__", "") in _SKIPPED_PREPROCESSORS:
                continue
            if isinstance(pp, type) and issubclass(pp, Execute):
                executor = JudgedExecute(
                    config=self.ctx.config, trainee=self.launch(files), judge=self.clean_kernel(),
                    plan=self.info.plans.get(name, NotebookPlan({}, {})), notebook=name,
                    hidden_words=self.ctx.hidden_words)
                instance = executor
            else:
                instance = pp(config=self.ctx.config)
            try:
                nb, resources = instance(nb, resources)
            finally:
                if executor is instance and self.ctx.cgroups is not None:
                    for cgroup in self.cgroups:
                        self._cgroup_events(name, cgroup)
                        self.ctx.cgroups.destroy(cgroup)
                    self.cgroups.clear()
        if executor is not None:
            self.reasons += executor.reasons
        outcome = NotebookOutcome(name, "graded")
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id and utils.is_grade(cell):
                outcome.grades[grade_id] = utils.determine_grade(cell)[0]
            if grade_id and (utils.is_solution(cell) or utils.is_task(cell)):
                unchanged = cell.metadata.nbgrader.get("checksum") == utils.compute_checksum(cell)
                outcome.comments[grade_id] = "No response." if unchanged and not utils.is_task(cell) else None
        return outcome, nb

    def _cgroup_events(self, name: str, cgroup: str) -> None:
        assert self.ctx.cgroups is not None
        events = self.ctx.cgroups.events(cgroup)
        if events.get("pids"):
            self.reasons.append(Reason("process_limit", f"reached {self.ctx.limits.max_processes} processes", name))
        if events.get("oom"):
            self.reasons.append(Reason("memory", f"reached {self.ctx.limits.memory_mb} MB", name))

    def _inspect(self, nb: Any, name: str) -> dict[str, str]:
        # grade id -> source of read-only cells as submitted
        return {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells
                if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")}

    def _restored(self, nb: Any, name: str, before: dict[str, str]) -> None:
        released = self.info.released.get(name, {})
        locked = set(self.info.locked.get(name, ()))
        after = {c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells}
        for grade_id in sorted(released):
            if grade_id not in before and grade_id in after:
                self.reasons.append(Reason("cell_restored", "deleted cell put back", name, grade_id))
            elif grade_id not in before:
                self.reasons.append(Reason("cell_deleted", "deleted; nbgrader does not restore answer cells",
                                           name, grade_id))
            elif grade_id in locked and before[grade_id] != released[grade_id]:
                self.reasons.append(Reason("locked_cell_edited", "edited read-only cell restored", name, grade_id))

    def _unreadable(self, name: str, why: str) -> tuple[NotebookOutcome, Any]:
        import nbformat
        from nbgrader import utils

        released = Path(self.coursedir.format_path(self.coursedir.release_directory, ".", self.job.assignment)) \
            / f"{name}.ipynb"
        outcome = NotebookOutcome(name, "unreadable")
        nb = nbformat.read(str(released), as_version=4) if released.is_file() else None
        for cell in nb.cells if nb is not None else []:
            if cell.cell_type == "code":
                cell.outputs = [nbformat.NotebookNode(
                    output_type="error", ename="NotGraded", evalue=why, traceback=[f"NotGraded: {why}"])]
        plan = self.info.plans.get(name, NotebookPlan({}, {}))
        cells = nb.cells if nb is not None else []
        for cell in cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id and utils.is_grade(cell):
                outcome.grades[grade_id] = 0.0
        if not cells:
            outcome.grades.update(dict.fromkeys(plan.tests(), 0.0))
        return outcome, nb

    # ------------------------------------------------------------------ publishing
    def publish(self, files: Path, notebooks: dict[str, Any]) -> None:
        import nbformat

        final = Path(self.coursedir.format_path(self.coursedir.autograded_directory, self.job.student,
                                                self.job.assignment))
        final.parent.mkdir(parents=True, exist_ok=True)
        staging = final.parent / f".{final.name}.partial-{os.getpid()}"
        old = final.parent / f".{final.name}.old-{os.getpid()}"
        # a worker killed mid-publish (kill -9) leaves its staging folders behind under its
        # own pid; one run grades a submission at a time (the course lock), so any such
        # leftover of this submission is stale
        for pattern in (f".{final.name}.partial-*", f".{final.name}.old-*"):
            for leftover in final.parent.glob(pattern):
                shutil.rmtree(leftover, onerror=_force_remove)
        shutil.copytree(files, staging, symlinks=True)
        for name, nb in notebooks.items():
            if nb is not None:
                nbformat.write(nb, str(staging / f"{name}.ipynb"))
        copy_regular(Path(self.job.folder) / "timestamp.txt", staging / "timestamp.txt", 4096)
        mode = int(str(664 if self.coursedir.groupshared else 444), 8)
        for dirpath, _dirs, names in os.walk(staging):
            for entry in names:
                os.chmod(os.path.join(dirpath, entry), mode)
        if final.exists():
            os.rename(final, old)
        os.rename(staging, final)
        if old.exists():
            shutil.rmtree(old, onerror=_force_remove)


def _force_remove(function: Any, path: str, _info: Any) -> None:
    os.chmod(os.path.dirname(path), 0o700)
    os.chmod(path, 0o600) if os.path.exists(path) else None
    function(path)


def _normalized(nb: Any) -> Any:
    """Turn restored cells (plain dicts) into notebook nodes with ids, as a save and load would."""
    import nbformat
    from nbformat.corpus.words import generate_corpus_id as random_cell_id

    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if "id" not in cell:
            cell["id"] = random_cell_id()
    return nb


def grade_one(ctx: WorkerContext, job: Job) -> Outcome:
    """Grade ``job`` and return its outcome; never raises for the trainee's code.

    A failure of the grader itself (the kernel cannot start, the disk is
    full) is returned as ``Outcome.failure`` and nothing is recorded for it.

    Examples
    --------
    >>> outcome = grade_one(context, job)  # doctest: +SKIP
    >>> [(n.name, n.grades) for n in outcome.notebooks]  # doctest: +SKIP
    [('problems', {'test_squares': 2.0, 'test_circle': 1.0, 'test_answer': 0.0, 'explain': None})]
    """
    started = time.monotonic()
    slot = Path(ctx.run_dir) / f"w{os.getpid()}"
    scratch.remove_tree(slot)  # a killed job's leftovers, whatever their permissions
    if ctx.sandbox is not None:
        scratch.mount_scratch(slot, ctx.limits.workdir_mb)
    grader = _Grader(ctx, job, slot)
    outcome = Outcome(job, sandboxed=ctx.sandbox is not None)
    try:
        files = grader.prepare()
        notebooks: dict[str, Any] = {}
        for name in grader.info.notebooks:
            result, nb = grader.grade_notebook(name, files)
            outcome.notebooks.append(result)
            notebooks[name] = nb
        grader.reasons += scratch.limit_reasons(slot, notebooks.values(), size_mb=ctx.limits.workdir_mb)
        grader.publish(files, notebooks)
    except GraderFailure as error:
        outcome.failure = str(error)
    except Exception as error:
        outcome.failure = f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=6)}"
    finally:
        scratch.remove_tree(slot)
        for folder in grader.served:
            scratch.remove_tree(folder)
    outcome.reasons = grader.reasons
    outcome.seconds = time.monotonic() - started
    return outcome
