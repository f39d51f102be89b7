"""Grade a whole cohort: plan, fan out to workers, write the gradebook, report.

The main process plans the jobs, starts ``N`` worker processes and is the
only writer of the gradebook: as outcomes arrive it applies every outcome
available in one transaction (:class:`~course.grading.record.gradebook.GradebookWriter`)
and moves the progress bar. Workers only execute; the writer's work per
submission is a few milliseconds, so the run keeps scaling with cores.

A run is resumable: a submission is skipped when the gradebook's log holds a
row with its fingerprint and its autograded folder exists. Workers die with
the main process (``PR_SET_PDEATHSIG``) and kernels with their worker
(``--die-with-parent``), so ``kill -9`` leaves nothing running.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter, deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course.grading.discover.submissions import Skipped, plan_jobs
from course.grading.execute.judge import imported_modules, plan_from_gradebook
from course.grading.execute.kernel import user_task_count
from course.grading.execute.worker import AssignmentInfo, WorkerContext, grade_one
from course.grading.record.gradebook import GradebookWriter, refusal
from course.grading.records import Job, Outcome
from course.grading.report.feedback import generate_feedback
from course.grading.report.files import write_reports
from course.grading.sandbox import cgroups as cgroups_module
from course.grading.sandbox import scratch
from course.grading.sandbox.bwrap import (
    Limits,
    Sandbox,
    SandboxUnavailable,
    installed_modules,
    plan,
)
from course.grading.settings import course_directory, load_config, sensitive_paths

__all__ = ["GradeOptions", "GradingBusy", "RunSummary", "SandboxUnavailable", "grade_course"]

_CONTEXT: WorkerContext | None = None
_MAX_STRIKES = 2


@dataclass(frozen=True)
class GradeOptions:
    """What ``course grade`` was asked to do."""

    course: Path
    """The course folder (with ``nbgrader_config.py``)."""
    workers: int | None = None
    """Parallel workers; None: the number of cores."""
    students: tuple[str, ...] = ()
    """Only these trainees (all when empty)."""
    assignments: tuple[str, ...] = ()
    """Only these assignments (all when empty)."""
    sandbox: bool = True
    """Run kernels in the bubblewrap sandbox; False only when asked explicitly."""
    limits: Limits = field(default_factory=Limits)
    """Time, memory, process and output limits."""
    force: bool = False
    """Grade again even submissions already graded."""
    feedback: bool = True
    """Generate feedback with nbgrader afterwards."""
    report: bool = True
    """Write ``reports/grades.csv`` and ``reports/grading-report.html``."""
    progress: bool = True
    """Show a progress bar with an ETA on standard error."""


@dataclass
class RunSummary:
    """What a run did."""

    graded: int = 0
    """Submissions graded in this run."""
    already_graded: int = 0
    """Submissions skipped because they were graded before (unchanged)."""
    failed: list[Outcome] = field(default_factory=list)
    """Submissions the grader itself could not grade (retried next run)."""
    not_gradable: list[Skipped] = field(default_factory=list)
    """Folders that are not gradable submissions."""
    refused: list[Outcome] = field(default_factory=list)
    """Submissions refused without running (files that shadow installed modules); recorded with 0."""
    seconds: float = 0.0
    """Wall time of the grading phase."""
    workers: int = 0
    """Workers used."""
    sandboxed: bool = True
    """Whether kernels ran in the sandbox."""
    outputs: dict[str, Path] = field(default_factory=dict)
    """Files written (``csv``, ``html``)."""
    feedback: int = 0
    """Feedback files generated."""


def _init_worker(ctx: WorkerContext, parent: int) -> None:
    global _CONTEXT
    _CONTEXT = ctx
    if ctx.sandbox is not None:
        scratch.private_mounts()  # size-capped scratch tmpfs, invisible outside this worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)


def _work(job: Job) -> Outcome:
    assert _CONTEXT is not None
    return grade_one(_CONTEXT, job)


def _assignment_info(writer: GradebookWriter, coursedir: Any) -> dict[str, AssignmentInfo]:
    import nbformat

    infos: dict[str, AssignmentInfo] = {}
    for assignment in writer.gb.assignments:
        plans = {}
        released: dict[str, dict[str, str]] = {}
        locked: dict[str, tuple[str, ...]] = {}
        for notebook in assignment.notebooks:
            plans[notebook.name] = plan_from_gradebook(notebook)
            path = Path(coursedir.format_path(coursedir.release_directory, ".", assignment.name)) / f"{notebook.name}.ipynb"
            if path.is_file():
                nb = nbformat.read(str(path), as_version=4)
                ids = [(c.metadata.get("nbgrader", {}), c) for c in nb.cells]
                released[notebook.name] = {m["grade_id"]: c.source for m, c in ids if m.get("grade_id")}
                locked[notebook.name] = tuple(m["grade_id"] for m, _ in ids if m.get("grade_id") and m.get("locked"))
        infos[assignment.name] = AssignmentInfo(
            assignment.name, tuple(n.name for n in assignment.notebooks), plans, released, locked)
    return infos


def _preload(infos: dict[str, AssignmentInfo], coursedir: Any) -> tuple[str, ...]:
    """The installed modules the instructor's cells import (not the assignments' own files)."""
    local: set[str] = set()
    for name in infos:
        source = Path(coursedir.format_path(coursedir.source_directory, ".", name))
        if source.is_dir():
            local |= {p.stem for p in source.iterdir()}
    sources = [source for info in infos.values() for plan in info.plans.values()
               for _, source in plan.instructor.values()]
    return tuple(imported_modules(sources, local))


def _run_dir() -> Path:
    base = Path(tempfile.gettempdir())
    if len(str(base)) > 40 and Path("/tmp").is_dir() and os.access("/tmp", os.W_OK):
        base = Path("/tmp")  # Unix socket paths must stay short
    for stale in base.glob("course-grade-*"):
        try:
            pid = int(stale.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        if not Path(f"/proc/{pid}").exists():
            shutil.rmtree(stale, ignore_errors=True)
    folder = base / f"course-grade-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o700)
    return folder


def grade_course(options: GradeOptions) -> RunSummary:
    """Grade every submission of the course that is not graded yet.

    Raises
    ------
    SandboxUnavailable
        When the sandbox is wanted but bubblewrap cannot run here.

    Examples
    --------
    >>> summary = grade_course(GradeOptions(course=Path("course"), workers=4))  # doctest: +SKIP
    >>> summary.graded, summary.failed  # doctest: +SKIP
    (120, [])
    """
    from nbgrader.preprocessors import AssignLatePenalties

    config = load_config(options.course)
    coursedir = course_directory(config)
    lock = _lock(Path(coursedir.root))
    workers = max(1, options.workers or os.cpu_count() or 1)
    run_dir = _run_dir()
    summary = RunSummary(workers=workers, sandboxed=options.sandbox)
    cgroups = None
    try:
        sandbox: Sandbox | None = None
        sensitive = [*sensitive_paths(coursedir, config), run_dir, Path.home()]
        if options.sandbox:
            sandbox = plan(sys.executable, sensitive, etc_dir=run_dir / "etc")
        penalties = AssignLatePenalties(config=config)
        penalties.init_plugin()
        with GradebookWriter(coursedir.db_url, coursedir.course_id, penalties.plugin_inst) as writer:
            infos = _assignment_info(writer, coursedir)
            writer.end_reads()
            submitted = Path(coursedir.format_path(coursedir.submitted_directory, ".", ".")).resolve()
            modules = sandbox.modules if sandbox is not None else installed_modules(sys.executable)
            sources = {a: Path(coursedir.format_path(coursedir.source_directory, ".", a)) for a in infos}
            jobs, summary.not_gradable = plan_jobs(
                submitted, infos, ignore=coursedir.ignore, students=options.students,
                assignments=options.assignments, modules=modules,
                own_files={a: [p.name for p in s.iterdir()] if s.is_dir() else [] for a, s in sources.items()})
            done = writer.graded_fingerprints()
            todo = [j for j in jobs if options.force or done.get((j.assignment, j.student)) != j.fingerprint
                    or not Path(coursedir.format_path(coursedir.autograded_directory, j.student, j.assignment)).is_dir()]
            summary.already_graded = len(jobs) - len(todo)
            summary.refused = [refusal(j, infos[j.assignment].notebooks) for j in todo if j.refused]
            writer.apply(summary.refused)
            todo = [j for j in todo if not j.refused]
            cgroups = cgroups_module.probe(run_dir.name)
            nproc = None
            if cgroups is None and os.geteuid() != 0:
                nproc = user_task_count() + options.limits.max_processes * (workers + 1)
            ctx = WorkerContext(
                config=config, db_url=writer.snapshot(run_dir / "gradebook.db"), run_dir=str(run_dir),
                limits=options.limits, sandbox=sandbox, cgroups=cgroups, nproc=nproc, assignments=infos,
                hidden_words=(*tuple(str(p) for p in sensitive_paths(coursedir, config)[:1]), "gradebook"),
                preload=_preload(infos, coursedir))
            started = time.monotonic()
            _grade_all(todo, ctx, writer, workers, options.progress, summary)
            summary.seconds = time.monotonic() - started
        if options.feedback:
            summary.feedback = generate_feedback(options.course, workers, progress=options.progress)
        if options.report:
            summary.outputs = write_reports(
                options.course, [(s.student, s.assignment, s.reason) for s in summary.not_gradable])
    finally:
        if cgroups is not None:
            cgroups.close()
        shutil.rmtree(run_dir, ignore_errors=True)
        lock.close()
    return summary


class GradingBusy(RuntimeError):
    """Another ``course grade`` is running on this course."""


def _lock(root: Path) -> Any:
    """Hold ``.course-grade.lock`` in the course folder for the whole run (released even by kill -9)."""
    import fcntl

    handle = (root / ".course-grade.lock").open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise GradingBusy(f"another course grade is already grading {root}; wait for it to finish") from None
    return handle


def _pool(ctx: WorkerContext, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_init_worker, initargs=(ctx, os.getpid()))


def _grade_all(todo: list[Job], ctx: WorkerContext, writer: GradebookWriter, workers: int,
               progress: bool, summary: RunSummary) -> None:
    from tqdm import tqdm

    if not todo:
        return
    tqdm.monitor_interval = 0  # no monitor thread: workers are forked
    pending = deque(todo)
    inflight: dict[Future[Outcome], Job] = {}
    strikes: Counter[Job] = Counter()
    pool = _pool(ctx, workers)
    bar = tqdm(total=len(todo), unit="submission", disable=not progress, dynamic_ncols=True,
               desc="grading", smoothing=0.1)
    try:
        while pending or inflight:
            while pending and len(inflight) < 2 * workers:
                job = pending.popleft()
                inflight[pool.submit(_work, job)] = job
            finished, _ = wait(inflight, return_when=FIRST_COMPLETED)
            batch: list[Outcome] = []
            crashed: list[Job] = []
            for future in finished:
                job = inflight.pop(future)
                try:
                    batch.append(future.result())
                except BrokenProcessPool:
                    crashed.append(job)
                except Exception as error:  # a worker-side bug: report, do not stop the batch
                    batch.append(Outcome(job, failure=f"{type(error).__name__}: {error}"))
            if crashed:
                # a worker died: every job it may have held is suspect; retry each a few times
                crashed += inflight.values()
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                for job in reversed(crashed):
                    strikes[job] += 1
                    if strikes[job] > _MAX_STRIKES:
                        batch.append(Outcome(job, failure="a grading worker crashed while grading this submission"))
                    else:
                        pending.appendleft(job)
                pool = _pool(ctx, workers)
            writer.apply(batch)
            for outcome in batch:
                if outcome.failure is None:
                    summary.graded += 1
                else:
                    summary.failed.append(outcome)
            bar.update(len(batch))
    finally:
        bar.close()
        pool.shutdown(wait=False, cancel_futures=True)
