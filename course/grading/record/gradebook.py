"""The one writer of the gradebook: applies workers' outcomes in transactions.

Workers never open ``gradebook.db``. They read a snapshot copy (made by
:meth:`GradebookWriter.snapshot`) to restore cells, and return plain
outcomes. The writer applies each batch of outcomes through nbgrader's own
:class:`~nbgrader.api.Gradebook` API inside **one** database transaction,
together with a row per submission in ``course_grading_log`` (fingerprint,
status, reasons). A run killed at any moment therefore leaves each
submission either fully graded and logged, or untouched: a restarted run
grades exactly the submissions without a log row for their fingerprint.

nbgrader's ``Gradebook`` methods commit as they go; the writer binds its
session to an outer transaction with ``join_transaction_mode=
"create_savepoint"`` so those commits become savepoints of that transaction
(SQLAlchemy's recipe for joining a session into an external transaction).
"""

from __future__ import annotations

import json
import sqlite3
import warnings
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from course.grading.records import Job, NotebookOutcome, Outcome, Reason

__all__ = ["LOG_TABLE", "GradebookWriter", "parse_timestamp", "refusal"]

_EARLIEST, _LATEST = datetime(1970, 1, 1), datetime(2200, 1, 1)

LOG_TABLE = "course_grading_log"
_CREATE_LOG = f"""
CREATE TABLE IF NOT EXISTS {LOG_TABLE} (
    assignment TEXT NOT NULL,
    student TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status TEXT NOT NULL,
    reasons TEXT NOT NULL,
    graded_at TEXT NOT NULL,
    seconds REAL NOT NULL,
    sandboxed INTEGER NOT NULL,
    PRIMARY KEY (assignment, student)
)"""
_UPSERT_LOG = f"""
INSERT INTO {LOG_TABLE} (assignment, student, fingerprint, status, reasons, graded_at, seconds, sandboxed)
VALUES (:assignment, :student, :fingerprint, :status, :reasons, :graded_at, :seconds, :sandboxed)
ON CONFLICT (assignment, student) DO UPDATE SET
    fingerprint = excluded.fingerprint, status = excluded.status, reasons = excluded.reasons,
    graded_at = excluded.graded_at, seconds = excluded.seconds, sandboxed = excluded.sandboxed
"""


def parse_timestamp(text: str | None) -> tuple[datetime | None, str | None]:
    """Return the submission time in ``timestamp.txt`` (naive UTC, as nbgrader stores it) or why not.

    Whatever the file holds, this never raises: a date nbgrader cannot parse,
    one outside 1970-2200 or one that overflows gives ``(None, reason)``.

    Examples
    --------
    >>> parse_timestamp("2030-01-01 10:00:00 UTC")
    (datetime.datetime(2030, 1, 1, 10, 0), None)
    >>> parse_timestamp("9999-12-31 23:59:59 -0100")[1]
    "'9999-12-31 23:59:59 -0100' is not a date between 1970 and 2200"
    >>> parse_timestamp("99999999999999999999999")[0] is None, parse_timestamp(None)
    (True, (None, None))
    """
    if not text:
        return None, None
    from nbgrader.utils import parse_utc

    try:
        when = parse_utc(text)
        if not isinstance(when, datetime) or not _EARLIEST <= when.replace(tzinfo=None) < _LATEST:
            raise ValueError(text)
    except Exception:  # dateutil raises ValueError, OverflowError, TypeError, ...)
        return None, f"{text[:40]!r} is not a date between 1970 and 2200"
    return when.replace(tzinfo=None), None


def refusal(job: Job, notebooks: Iterable[str]) -> Outcome:
    """Return the outcome of a refused job: every notebook scores 0, and the reason says why.

    Examples
    --------
    >>> job = Job("ann", "ps1", "/x", "f", None, ("pandas/",))
    >>> outcome = refusal(job, ["nb"])
    >>> [n.status for n in outcome.notebooks], str(outcome.reasons[0])[:40]
    (['refused'], 'refused: pandas/ would replace an instal')
    """
    shown = ", ".join(job.refused[:8]) + (" ..." if len(job.refused) > 8 else "")
    reason = Reason("refused", f"{shown} would replace an installed or standard module of the same name; "
                               "not run, scored 0 (rename or remove it and submit again)")
    return Outcome(job, [NotebookOutcome(name, "refused") for name in notebooks], [reason], 0.0, True)


def _sqlite_path(db_url: str) -> Path | None:
    return Path(db_url[len("sqlite:///"):]) if db_url.startswith("sqlite:///") else None


class GradebookWriter:
    """Open the course gradebook for a grading run (the only writer).

    Parameters
    ----------
    db_url : str
        The gradebook's SQLAlchemy URL (``CourseDirectory.db_url``).
    course_id : str
        The course id (``CourseDirectory.course_id``).
    late_plugin : object, optional
        nbgrader's late-submission plugin instance; None means no penalty.

    Examples
    --------
    >>> with GradebookWriter("sqlite:///course/gradebook.db", "my-course") as writer:  # doctest: +SKIP
    ...     writer.apply(outcomes)
    """

    def __init__(self, db_url: str, course_id: str, late_plugin: Any = None) -> None:
        from nbgrader.api import Gradebook
        from sqlalchemy import event, text

        self.db_url = db_url
        self.gb = Gradebook(db_url, course_id=course_id)
        self.late_plugin = late_plugin
        engine = self.gb.engine
        if engine.dialect.name == "sqlite":
            # pysqlite's own transaction handling breaks SAVEPOINT; let SQLAlchemy
            # emit BEGIN itself (IMMEDIATE: take the write lock at the start)
            @event.listens_for(engine, "connect")
            def _connect(dbapi_connection: Any, _record: Any) -> None:
                dbapi_connection.isolation_level = None
                dbapi_connection.execute("PRAGMA busy_timeout = 60000")

            @event.listens_for(engine, "begin")
            def _begin(connection: Any) -> None:
                writing = connection.get_execution_options().get("course_writer", False)
                connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

            self.gb.db.remove()
            engine.dispose()
        with engine.begin() as connection:
            connection.execute(text(_CREATE_LOG))

    def close(self) -> None:
        """Release the database connections."""
        self.gb.close()

    def __enter__(self) -> GradebookWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ reading
    def end_reads(self) -> None:
        """End the read transaction of nbgrader's session (SQLite: release the shared lock)."""
        self.gb.db.rollback()

    def assignments(self) -> dict[str, list[str]]:
        """Return every assignment id with the names of its notebooks."""
        found = {a.name: [n.name for n in a.notebooks] for a in self.gb.assignments}
        self.end_reads()
        return found

    def log(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Return the log rows by ``(assignment, student)``."""
        from sqlalchemy import text

        with self.gb.engine.connect() as connection:
            rows = connection.execute(text(f"SELECT * FROM {LOG_TABLE}")).mappings().all()
        return {(r["assignment"], r["student"]): dict(r) for r in rows}

    def graded_fingerprints(self) -> dict[tuple[str, str], str]:
        """Return the fingerprint of each submission already graded."""
        return {key: row["fingerprint"] for key, row in self.log().items() if row["status"] == "graded"}

    def snapshot(self, target: Path) -> str:
        """Copy the gradebook to ``target`` (SQLite backup API) and return its URL.

        Workers read the copy, so no worker ever holds a lock on the real
        gradebook and the sandbox never needs to see it.
        """
        source = _sqlite_path(self.db_url)
        if source is None:
            return self.db_url
        with sqlite3.connect(str(source), timeout=60) as src, sqlite3.connect(str(target)) as dst:
            src.backup(dst)
        return f"sqlite:///{target}"

    # ------------------------------------------------------------------ writing
    def apply(self, outcomes: Iterable[Outcome]) -> None:
        """Record grades, comments, late penalties and log rows of ``outcomes`` atomically.

        When recording one outcome fails, the batch is rolled back and each
        outcome is recorded in a transaction of its own; the one that fails
        again gets ``failure`` set and a failed log row, the others are graded.
        """
        outcomes = list(outcomes)
        if not outcomes:
            return
        try:
            self._apply(outcomes)
        except Exception as error:
            if len(outcomes) > 1:
                for outcome in outcomes:
                    self.apply([outcome])
                return
            outcome = outcomes[0]
            outcome.failure = f"the gradebook refused this submission's grades: {type(error).__name__}: {error}"[:500]
            self._apply([outcome])

    def _apply(self, outcomes: list[Outcome]) -> None:
        from sqlalchemy import text
        from sqlalchemy.exc import SAWarning
        from sqlalchemy.orm import scoped_session, sessionmaker
        self.end_reads()
        original = self.gb.db
        connection = self.gb.engine.connect().execution_options(course_writer=True)
        transaction = connection.begin()
        self.gb.db = scoped_session(sessionmaker(
            bind=connection, autoflush=True, join_transaction_mode="create_savepoint"))
        try:
            for outcome in outcomes:
                if outcome.failure is None:
                    with warnings.catch_warnings():
                        # nbgrader's add_submission links new rows before adding them (harmless)
                        warnings.filterwarnings("ignore", message=".*not in session", category=SAWarning)
                        self._apply_grades(outcome)
                connection.execute(text(_UPSERT_LOG), _log_row(outcome))
            self.gb.db.flush()
            transaction.commit()
        except BaseException:
            transaction.rollback()
            raise
        finally:
            self.gb.db.remove()
            connection.close()
            self.gb.db = original

    def _apply_grades(self, outcome: Outcome) -> None:
        gb, job = self.gb, outcome.job
        gb.update_or_create_student(job.student)
        timestamp, problem = parse_timestamp(job.timestamp)
        if problem and not any(r.code == "timestamp" for r in outcome.reasons):
            outcome.reasons.append(Reason("timestamp", problem))
        if timestamp is not None:
            submission = gb.update_or_create_submission(job.assignment, job.student, timestamp=timestamp)
        else:
            submission = gb.update_or_create_submission(job.assignment, job.student)
        for notebook in outcome.notebooks:
            if notebook.status in ("missing", "refused"):
                found = gb.find_submission_notebook(notebook.name, job.assignment, job.student)
                for grade in found.grades:
                    grade.auto_score = 0
                    grade.needs_manual_grade = False
                continue
            for grade_id, score in notebook.grades.items():
                grade = gb.find_grade(grade_id, notebook.name, job.assignment, job.student)
                grade.auto_score = score
                grade.needs_manual_grade = grade.manual_score is not None or grade.auto_score is None
            for grade_id, comment in notebook.comments.items():
                gb.find_comment(grade_id, notebook.name, job.assignment, job.student).auto_comment = comment
        gb.db.flush()
        for notebook in outcome.notebooks:
            self._late_penalty(submission, notebook.name)

    def _late_penalty(self, submission: Any, notebook_name: str) -> None:
        # nbgrader's AssignLatePenalties, applied per notebook
        notebook = self.gb.find_submission_notebook(notebook_name, submission.assignment.name,
                                                    submission.student.id)
        notebook.late_submission_penalty = None
        if self.late_plugin is None or not submission.total_seconds_late > 0:
            return
        penalty = self.late_plugin.late_submission_penalty(
            submission.student.id, notebook.score, submission.total_seconds_late)
        if penalty is not None:
            penalty = min(max(penalty, 0), notebook.score)
            notebook.late_submission_penalty = penalty


def _log_row(outcome: Outcome) -> dict[str, Any]:
    return {
        "assignment": outcome.job.assignment,
        "student": outcome.job.student,
        "fingerprint": outcome.job.fingerprint,
        "status": "failed" if outcome.failure is not None else (
            "refused" if any(n.status == "refused" for n in outcome.notebooks) else "graded"),
        "reasons": json.dumps(
            [r.__dict__ for r in outcome.reasons]
            + ([{"code": "not_graded", "detail": outcome.failure, "notebook": "", "cell": ""}]
               if outcome.failure else [])
        ),
        "graded_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(outcome.seconds, 3),
        "sandboxed": int(outcome.sandboxed),
    }
