"""The records the grading pipeline passes around: jobs, reasons, outcomes.

Workers receive a :class:`Job` and return an :class:`Outcome`; both are plain
picklable dataclasses so they cross process boundaries unchanged. The single
gradebook writer turns an outcome into grades; the report reads the reasons.

Examples
--------
>>> r = Reason("timeout", "cell ran longer than 30 s", notebook="nb", cell="q1")
>>> str(r)
'nb/q1: timeout: cell ran longer than 30 s'
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["REASON_TITLES", "Job", "NotebookOutcome", "Outcome", "Reason"]

REASON_TITLES: dict[str, str] = {
    "timeout": "a cell ran past the per-cell time limit",
    "notebook_timeout": "the notebook ran past its time limit",
    "kernel_died": "the kernel died (crash, exit or memory limit)",
    "memory": "memory limit reached",
    "process_limit": "process-count limit reached",
    "exit": "the code called exit",
    "output_truncated": "output was truncated",
    "locked_cell_edited": "a read-only cell was edited and restored",
    "cell_restored": "a deleted graded cell was restored",
    "cell_deleted": "an answer cell was deleted",
    "missing_notebook": "a notebook of the assignment is missing",
    "unexpected_file": "a file not part of the assignment was found",
    "unreadable_notebook": "a notebook could not be read",
    "fake_equality": "an answer redefines comparison",
    "tampering": "grading tools were modified and restored",
    "hidden_file": "code tried to open a file hidden from it",
    "not_plain": "an answer is not a plain value (the tests cannot use it)",
    "answers_unreadable": "the answers could not be read from the notebook's kernel",
    "not_graded": "the submission could not be graded",
    "timestamp": "timestamp.txt could not be read (lateness unknown)",
}
"""Plain-English title of each reason code, for the report."""


@dataclass(frozen=True)
class Job:
    """One submission to grade: a trainee's folder for one assignment."""

    student: str
    """The trainee's id (the folder name under ``submitted/``)."""
    assignment: str
    """The assignment id."""
    folder: str
    """Absolute path of ``submitted/{student}/{assignment}``."""
    fingerprint: str
    """Digest of the submitted files; a changed submission is graded again."""
    timestamp: str | None
    """The content of ``timestamp.txt`` (stripped), or None when absent."""


@dataclass(frozen=True)
class Reason:
    """Why part of a submission scored what it did (shown in the report)."""

    code: str
    """A key of :data:`REASON_TITLES`."""
    detail: str
    """One line for the instructor."""
    notebook: str = ""
    """The notebook concerned, if any."""
    cell: str = ""
    """The grade id of the cell concerned, if any."""

    def __str__(self) -> str:
        where = "/".join(p for p in (self.notebook, self.cell) if p)
        return f"{where}: {self.code}: {self.detail}" if where else f"{self.code}: {self.detail}"


@dataclass
class NotebookOutcome:
    """What grading one notebook of a submission produced."""

    name: str
    """The notebook's name without ``.ipynb``."""
    status: str
    """``graded``, ``missing`` or ``unreadable``."""
    grades: dict[str, float | None] = field(default_factory=dict)
    """Automatic score of each grade cell (None: needs manual grading)."""
    comments: dict[str, str | None] = field(default_factory=dict)
    """Automatic comment of each solution or task cell."""


@dataclass
class Outcome:
    """Everything a worker returns for one job."""

    job: Job
    """The job graded."""
    notebooks: list[NotebookOutcome] = field(default_factory=list)
    """One entry per notebook of the assignment."""
    reasons: list[Reason] = field(default_factory=list)
    """Notable events, in the order they happened."""
    seconds: float = 0.0
    """Wall time the worker spent."""
    sandboxed: bool = True
    """Whether the kernel ran inside the sandbox."""
    failure: str | None = None
    """Set when the grader itself failed; no grade is recorded then."""
