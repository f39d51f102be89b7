"""Find the submissions to grade in the standard nbgrader course layout.

A submission is a folder ``submitted/{student}/{assignment}/`` (the layout
comes from ``CourseDirectory.directory_structure``). Each one becomes a
:class:`~course.grading.records.Job` with a fingerprint of its files, so a
trainee who resubmits is graded again and an unchanged one is not.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     folder = Path(tmp) / "submitted" / "ann" / "ps1"
...     folder.mkdir(parents=True)
...     _ = (folder / "nb.ipynb").write_text("{}")
...     found = find_submissions(Path(tmp) / "submitted")
...     [(s, a) for s, a, _ in found]
[('ann', 'ps1')]
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from course.grading.records import Job

__all__ = ["Skipped", "find_submissions", "fingerprint", "plan_jobs", "submission_files"]

_HASHED_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Skipped:
    """A submitted folder that cannot be graded, and why."""

    student: str
    """The folder's student id."""
    assignment: str
    """The folder's assignment id."""
    reason: str
    """Why it is not graded."""


def _ignored(name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) for p in patterns)


def submission_files(folder: Path, ignore: Iterable[str] = ()) -> list[Path]:
    """Return the files of a submission folder, sorted, skipping ``ignore`` globs.

    Symbolic links, pipes and other special files are skipped: a submission
    cannot point the grader at files outside its folder or make it wait.

    Examples
    --------
    >>> submission_files(Path("/nonexistent"))
    []
    """
    patterns = list(ignore)
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not _ignored(d, patterns)
                             and not os.path.islink(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not _ignored(name, patterns) and stat.S_ISREG(os.lstat(path).st_mode):
                found.append(path)  # regular files only: no link, no pipe that would block a read
    return found


def fingerprint(folder: Path, ignore: Iterable[str] = ()) -> str:
    """Return a digest of the names and contents of a submission's files.

    Examples
    --------
    >>> len(fingerprint(Path("/nonexistent")))
    64
    """
    digest = hashlib.sha256()
    for path in submission_files(folder, ignore):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        info = path.stat()
        if info.st_size > _HASHED_BYTES:  # a huge file is never graded: its size and time will do
            digest.update(f"{info.st_size}:{info.st_mtime_ns}".encode())
        else:
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def find_submissions(submitted: Path) -> list[tuple[str, str, Path]]:
    """Return ``(student, assignment, folder)`` for every ``submitted/*/*`` folder.

    Examples
    --------
    >>> find_submissions(Path("/nonexistent"))
    []
    """
    found: list[tuple[str, str, Path]] = []
    if not submitted.is_dir():
        return found
    for student in sorted(submitted.iterdir()):
        if not student.is_dir() or student.name.startswith("."):
            continue
        for assignment in sorted(student.iterdir()):
            if assignment.is_dir() and not assignment.name.startswith("."):
                found.append((student.name, assignment.name, assignment))
    return found


def _timestamp(folder: Path) -> str | None:
    path = folder / "timestamp.txt"
    if path.is_symlink() or not path.is_file():
        return None
    with path.open("rb") as handle:
        text = handle.read(200).decode(errors="replace").strip()
    return text or None


def plan_jobs(
    submitted: Path,
    known_assignments: Iterable[str],
    *,
    ignore: Iterable[str] = (),
    students: Iterable[str] = (),
    assignments: Iterable[str] = (),
) -> tuple[list[Job], list[Skipped]]:
    """Return the jobs to consider and the folders that cannot be graded.

    ``students`` and ``assignments`` restrict the selection when not empty.
    A folder whose assignment nbgrader does not know (never released with
    ``generate_assignment``) is skipped with a reason.

    Examples
    --------
    >>> plan_jobs(Path("/nonexistent"), ["ps1"])
    ([], [])
    """
    known = set(known_assignments)
    wanted_students, wanted_assignments = set(students), set(assignments)
    jobs: list[Job] = []
    skipped: list[Skipped] = []
    patterns = list(ignore)
    for student, assignment, folder in find_submissions(submitted):
        if wanted_students and student not in wanted_students:
            continue
        if wanted_assignments and assignment not in wanted_assignments:
            continue
        if assignment not in known:
            skipped.append(Skipped(student, assignment, "unknown assignment (not in the gradebook)"))
            continue
        jobs.append(Job(student, assignment, str(folder.resolve()), fingerprint(folder, patterns),
                        _timestamp(folder)))
    return jobs, skipped
