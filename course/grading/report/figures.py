"""What the cohort scored: grades CSV files and the numbers behind the HTML report.

:func:`read_grades` reads the gradebook (nbgrader's API) and the grading log
into plain rows; :func:`summarise` turns rows into the report's figures
(pure functions, easy to test); :mod:`course.grading.report.files` writes them.

Examples
--------
>>> rows = [CellRow("ps1", "nb", "q1", "ann", 1.0, 1.0, True),
...         CellRow("ps1", "nb", "q1", "bob", 0.0, 1.0, True)]
>>> [(q.cell, q.pass_rate) for q in question_rates(rows)]
[('q1', 0.5)]
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from course.grading.record.gradebook import LOG_TABLE
from course.grading.records import REASON_TITLES

__all__ = [
    "CellRow",
    "Problem",
    "QuestionRate",
    "ReportData",
    "ScoreSummary",
    "SubmissionRow",
    "question_rates",
    "read_grades",
    "score_summaries",
    "summarise",
]

BINS = 10
"""Number of bars of each score histogram (0-10 %, ..., 90-100 %)."""


@dataclass(frozen=True)
class SubmissionRow:
    """One submission's grade."""

    assignment: str
    """Assignment id."""
    student: str
    """Trainee id."""
    submitted_at: str
    """Submission time (UTC) as nbgrader recorded it, or empty."""
    due: str
    """The assignment's due date, or empty."""
    seconds_late: float
    """How late it was handed in (0 when on time)."""
    score: float
    """Total score (manual grades where given, else automatic)."""
    max_score: float
    """Maximum possible score."""
    needs_manual_grade: bool
    """Whether some cell still waits for an instructor."""
    status: str
    """``graded``, ``failed`` or ``not graded``."""
    reasons: tuple[tuple[str, str, str, str], ...] = ()
    """``(code, notebook, cell, detail)`` of each notable event."""


@dataclass(frozen=True)
class CellRow:
    """One graded cell of one submission."""

    assignment: str
    """Assignment id."""
    notebook: str
    """Notebook name."""
    cell: str
    """Grade id of the cell."""
    student: str
    """Trainee id."""
    score: float
    """Score of the cell."""
    max_score: float
    """Maximum score of the cell."""
    autograded: bool
    """Whether tests grade it (False: an instructor grades it)."""


@dataclass(frozen=True)
class QuestionRate:
    """How the cohort did on one autograded question."""

    assignment: str
    """Assignment id."""
    notebook: str
    """Notebook name."""
    cell: str
    """Grade id of the test cell."""
    submissions: int
    """Submissions graded."""
    passed: int
    """Submissions with full marks on it."""

    @property
    def pass_rate(self) -> float:
        """Share of submissions with full marks (0-1).

        Examples
        --------
        >>> QuestionRate("ps1", "nb", "q1", 4, 3).pass_rate
        0.75
        """
        return self.passed / self.submissions if self.submissions else 0.0


@dataclass(frozen=True)
class ScoreSummary:
    """Score distribution of one assignment."""

    assignment: str
    """Assignment id."""
    count: int
    """Submissions graded."""
    mean: float
    """Mean score as a percentage of the maximum."""
    median: float
    """Median score (percentage)."""
    histogram: tuple[int, ...]
    """Submissions per :data:`BINS` equal bands of percentage (the last includes 100 %)."""


@dataclass(frozen=True)
class Problem:
    """A submission the report flags, and why."""

    assignment: str
    """Assignment id."""
    student: str
    """Trainee id."""
    title: str
    """Plain-English kind of problem."""
    detail: str
    """Where and what."""


@dataclass
class ReportData:
    """Everything the HTML report shows."""

    submissions: list[SubmissionRow] = field(default_factory=list)
    """Every submission."""
    scores: list[ScoreSummary] = field(default_factory=list)
    """Per assignment."""
    questions: list[QuestionRate] = field(default_factory=list)
    """Per autograded question, hardest first."""
    late: list[SubmissionRow] = field(default_factory=list)
    """Late submissions, latest first."""
    problems: list[Problem] = field(default_factory=list)
    """Submissions not graded, or graded with notable events."""


def question_rates(cells: Iterable[CellRow]) -> list[QuestionRate]:
    """Return the pass rate of every autograded question, lowest first.

    Examples
    --------
    >>> question_rates([CellRow("ps1", "nb", "w1", "ann", 1.0, 2.0, False)])
    []
    """
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in cells:
        if row.autograded:
            entry = counts[(row.assignment, row.notebook, row.cell)]
            entry[0] += 1
            entry[1] += int(row.max_score > 0 and row.score >= row.max_score)
    rates = [QuestionRate(a, n, c, total, passed) for (a, n, c), (total, passed) in counts.items()]
    return sorted(rates, key=lambda q: (q.pass_rate, q.assignment, q.notebook, q.cell))


def score_summaries(submissions: Iterable[SubmissionRow]) -> list[ScoreSummary]:
    """Return the score distribution of every assignment (graded submissions only).

    Examples
    --------
    >>> row = SubmissionRow("ps1", "ann", "", "", 0.0, 5.0, 10.0, False, "graded")
    >>> score_summaries([row])[0].histogram
    (0, 0, 0, 0, 0, 1, 0, 0, 0, 0)
    """
    percents: dict[str, list[float]] = defaultdict(list)
    for row in submissions:
        if row.status == "graded" and row.max_score > 0:
            percents[row.assignment].append(100.0 * row.score / row.max_score)
    found = []
    for assignment in sorted(percents):
        values = percents[assignment]
        histogram = [0] * BINS
        for value in values:
            histogram[min(int(value // (100 / BINS)), BINS - 1)] += 1
        found.append(ScoreSummary(assignment, len(values), statistics.fmean(values),
                                  statistics.median(values), tuple(histogram)))
    return found


_NOTABLE = {"kernel_died", "timeout", "notebook_timeout", "memory", "process_limit", "unreadable_notebook",
            "missing_notebook", "fake_equality", "tampering", "hidden_file", "locked_cell_edited",
            "cell_restored", "cell_deleted", "not_graded", "exit", "output_truncated", "unexpected_file",
            "timestamp", "not_plain", "answers_unreadable", "refused", "disk_limit"}


def summarise(submissions: list[SubmissionRow], cells: list[CellRow],
              not_gradable: Iterable[tuple[str, str, str]] = ()) -> ReportData:
    """Return the report's figures from the rows (and folders that are not submissions).

    Examples
    --------
    >>> data = summarise([], [], [("zed", "ps9", "unknown assignment")])
    >>> [(p.student, p.title) for p in data.problems]
    [('zed', 'not gradable')]
    """
    problems = [Problem(a, s, "not gradable", reason) for s, a, reason in not_gradable]
    for row in submissions:
        for code, notebook, cell, detail in row.reasons:
            if code in _NOTABLE:
                where = "/".join(p for p in (notebook, cell) if p)
                problems.append(Problem(row.assignment, row.student, REASON_TITLES.get(code, code),
                                        f"{where}: {detail}" if where else detail))
    late = sorted((r for r in submissions if r.seconds_late > 0), key=lambda r: -r.seconds_late)
    return ReportData(submissions, score_summaries(submissions), question_rates(cells), late,
                      sorted(problems, key=lambda p: (p.title != "the submission could not be graded",
                                                      p.assignment, p.student)))


def read_grades(coursedir: Any) -> tuple[list[SubmissionRow], list[CellRow]]:
    """Read every submission and graded cell from the course's gradebook and grading log.

    Examples
    --------
    >>>     >>> submissions, cells = read_grades(course_directory(load_config(Path("course"))))  # doctest: +SKIP
    """
    from nbgrader.api import Gradebook

    submissions: list[SubmissionRow] = []
    cells: list[CellRow] = []
    with Gradebook(coursedir.db_url, coursedir.course_id) as gb:
        from sqlalchemy import inspect, text

        log: dict[tuple[str, str], Any] = {}
        if LOG_TABLE in inspect(gb.engine).get_table_names():
            with gb.engine.connect() as connection:
                for row in connection.execute(text(f"SELECT * FROM {LOG_TABLE}")).mappings():
                    log[(row["assignment"], row["student"])] = row
        seen = set()
        for assignment in gb.assignments:
            due = assignment.duedate.isoformat(sep=" ") if assignment.duedate else ""
            # test cells are graded by code; answer cells that are also graded wait for an instructor
            solutions = {nb.name: {c.name for c in nb.solution_cells} for nb in assignment.notebooks}
            for sub in gb.assignment_submissions(assignment.name):
                entry = log.get((assignment.name, sub.student.id))
                reasons = tuple((r["code"], r["notebook"], r["cell"], r["detail"])
                                for r in json.loads(entry["reasons"])) if entry else ()
                status = entry["status"] if entry else "graded"
                seen.add((assignment.name, sub.student.id))
                submissions.append(SubmissionRow(
                    assignment.name, sub.student.id, sub.timestamp.isoformat(sep=" ") if sub.timestamp else "",
                    due, float(sub.total_seconds_late or 0), float(sub.score), float(sub.max_score),
                    bool(sub.needs_manual_grade), status, reasons))
                for notebook in sub.notebooks:
                    for grade in notebook.grades:
                        autograded = grade.name not in solutions.get(notebook.name, set())
                        cells.append(CellRow(assignment.name, notebook.name, grade.name, sub.student.id,
                                             float(grade.score), float(grade.max_score), autograded))
        for (assignment_name, student), entry in sorted(log.items()):
            if (assignment_name, student) not in seen:
                reasons = tuple((r["code"], r["notebook"], r["cell"], r["detail"])
                                for r in json.loads(entry["reasons"]))
                submissions.append(SubmissionRow(assignment_name, student, "", "", 0.0, 0.0, 0.0, False,
                                                 entry["status"], reasons))
    return submissions, cells
