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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from course.grading.records import Job

__all__ = ["Skipped", "copy_regular", "find_submissions", "fingerprint", "linked_submissions", "open_regular",
           "plan_jobs", "read_regular", "shadowing", "submission_files"]

_HASHED_BYTES = 64 * 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
_MODULE_SUFFIXES = (".py", ".pyc", ".pyw", ".pyi", ".so", ".pyd")
_ALWAYS_SHADOWING = frozenset({"sitecustomize", "usercustomize"})


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


def _plain(info: os.stat_result) -> bool:
    # a regular file with one name: no symbolic link, no hard link to a file elsewhere, no device
    return stat.S_ISREG(info.st_mode) and info.st_nlink == 1


def open_regular(path: Path) -> int | None:
    """Open ``path`` for reading only if it is a plain file; return the descriptor or None.

    A symbolic link (at the last component), a hard link (a file with more
    than one name: it may be the gradebook or a solution under another
    name), a device, a pipe or a socket is refused. The check is made on the
    opened file itself, so the file cannot be swapped between check and read.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     first = Path(tmp) / "a"
    ...     _ = first.write_text("x")
    ...     plain = open_regular(first)
    ...     os.link(first, Path(tmp) / "b")
    ...     linked = open_regular(first)
    ...     os.close(plain)
    ...     (plain is not None, linked, open_regular(Path(tmp)))
    (True, None, None)
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        if _plain(os.fstat(descriptor)):
            os.set_blocking(descriptor, True)
            return descriptor
    except OSError:
        pass
    os.close(descriptor)
    return None


def read_regular(path: Path, max_bytes: int | None = None) -> bytes | None:
    """Return the content of plain file ``path`` (see :func:`open_regular`), or None.

    None also when the file is larger than ``max_bytes``.

    Examples
    --------
    >>> read_regular(Path("/nonexistent")) is None, read_regular(Path("/dev/null")) is None
    (True, True)
    """
    descriptor = open_regular(path)
    if descriptor is None:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        if max_bytes is not None and os.fstat(handle.fileno()).st_size > max_bytes:
            return None
        data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    return None if max_bytes is not None and len(data) > max_bytes else data


def copy_regular(path: Path, target: Path, max_bytes: int | None = None) -> bool:
    """Copy plain file ``path`` to ``target`` (replacing it); False when refused or over ``max_bytes``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "a").write_text("x")
    ...     (Path(tmp) / "l").symlink_to(Path(tmp) / "a")
    ...     copy_regular(Path(tmp) / "a", Path(tmp) / "out" / "b"), copy_regular(Path(tmp) / "l", Path(tmp) / "c")
    (True, False)
    """
    data = read_regular(path, max_bytes)
    if data is None:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink() or target.exists():
        target.unlink()
    with target.open("xb") as handle:
        handle.write(data)
    return True


def submission_files(folder: Path, ignore: Iterable[str] = ()) -> list[Path]:
    """Return the files of a submission folder, sorted, skipping ``ignore`` globs.

    Symbolic links, hard links (files with more than one name), pipes and
    other special files are skipped: a submission cannot point the grader at
    files outside its folder or make it wait.

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
            if not _ignored(name, patterns) and _plain(os.lstat(path)):
                found.append(path)  # plain files only: no link, no pipe that would block a read
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
        descriptor = open_regular(path)
        if descriptor is None:
            continue
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_size > _HASHED_BYTES:  # a huge file is never graded: its size and time will do
                digest.update(f"{info.st_size}:{info.st_mtime_ns}".encode())
            else:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def find_submissions(submitted: Path) -> list[tuple[str, str, Path]]:
    """Return ``(student, assignment, folder)`` for every ``submitted/*/*`` folder.

    Symbolic links are not followed (see :func:`linked_submissions`).

    Examples
    --------
    >>> find_submissions(Path("/nonexistent"))
    []
    """
    found: list[tuple[str, str, Path]] = []
    if not submitted.is_dir():
        return found
    for student in sorted(submitted.iterdir()):
        if not _real_folder(student) or student.name.startswith("."):
            continue
        for assignment in sorted(student.iterdir()):
            if _real_folder(assignment) and not assignment.name.startswith("."):
                found.append((student.name, assignment.name, assignment))
    return found


def _real_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def linked_submissions(submitted: Path) -> list[Skipped]:
    """Return the trainee or submission folders under ``submitted`` that are symbolic links.

    Such a folder is refused: following it would grade whatever it points to.

    Examples
    --------
    >>> linked_submissions(Path("/nonexistent"))
    []
    """
    found: list[Skipped] = []
    if not submitted.is_dir():
        return found
    why = "a symbolic link, not a folder: refused (nothing behind it is read)"
    for student in sorted(submitted.iterdir()):
        if student.name.startswith("."):
            continue
        if student.is_symlink():
            found.append(Skipped(student.name, "*", why))
        elif _real_folder(student):
            found += [Skipped(student.name, a.name, why) for a in sorted(student.iterdir())
                      if a.is_symlink() and not a.name.startswith(".")]
    return found


def shadowing(folder: Path, modules: Iterable[str], ignore: Iterable[str] = (), own: Iterable[str] = ()) -> list[str]:
    """Return the submission's files and folders that would replace an installed or standard module.

    The submission is copied into the kernel's working folder, which is on
    ``sys.path``: a ``pandas/`` package, a ``numpy.py``, a ``course/`` with
    no-op checks, a ``sitecustomize.py`` or a ``*.pth`` file could otherwise be
    imported instead of the real thing. ``modules`` are the importable
    top-level names of the kernel's interpreter. A folder counts when it
    holds Python code (a folder ``data/`` of CSV files is fine). Names in
    ``own`` (the assignment's own files, which replace the trainee's copies)
    are allowed.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     root = Path(tmp)
    ...     for name in ("numpy.py", "notes.py", "x.pth", "course/__init__.py", "data/a.csv"):
    ...         (root / name).parent.mkdir(exist_ok=True)
    ...         _ = (root / name).write_text("")
    ...     shadowing(root, {"numpy", "course", "data", "json"})
    ['course/', 'numpy.py', 'x.pth']
    """
    allowed = set(own)
    names = (set(modules) | _ALWAYS_SHADOWING) - allowed
    patterns = list(ignore)
    found: list[str] = []
    for path in submission_files(folder, patterns):
        relative = path.relative_to(folder)
        top_module = len(relative.parts) == 1 and path.name.endswith(_MODULE_SUFFIXES)
        if relative.parts[0] in allowed:
            continue
        if path.suffix == ".pth" or (top_module and path.name.split(".")[0] in names):
            found.append(str(relative))
    for entry in sorted(folder.iterdir()) if _real_folder(folder) else []:
        if _real_folder(entry) and entry.name in names and not _ignored(entry.name, patterns) and any(
                p.name.endswith(_MODULE_SUFFIXES) for p in submission_files(entry, patterns)):
            found.append(f"{entry.name}/")
    return sorted(found)


def _timestamp(folder: Path) -> str | None:
    data = read_regular(folder / "timestamp.txt", 4096)
    text = data[:200].decode(errors="replace").strip() if data is not None else ""
    return text or None


def plan_jobs(
    submitted: Path,
    known_assignments: Iterable[str],
    *,
    ignore: Iterable[str] = (),
    students: Iterable[str] = (),
    assignments: Iterable[str] = (),
    modules: Iterable[str] = (),
    own_files: Mapping[str, Iterable[str]] | None = None,
) -> tuple[list[Job], list[Skipped]]:
    """Return the jobs to consider and the folders that cannot be graded.

    ``students`` and ``assignments`` restrict the selection when not empty.
    A folder whose assignment nbgrader does not know (never released with
    ``generate_assignment``) is skipped with a reason, and so is a folder that
    is a symbolic link. A submission with files that would shadow one of
    ``modules`` (see :func:`shadowing`; ``own_files``: the top-level names
    each assignment ships itself) becomes a job marked ``refused``.

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
    modules = frozenset(modules)
    for link in linked_submissions(submitted):
        if (not wanted_students or link.student in wanted_students) and (
                not wanted_assignments or link.assignment in wanted_assignments or link.assignment == "*"):
            skipped.append(link)
    for student, assignment, folder in find_submissions(submitted):
        if wanted_students and student not in wanted_students:
            continue
        if wanted_assignments and assignment not in wanted_assignments:
            continue
        if assignment not in known:
            skipped.append(Skipped(student, assignment, "unknown assignment (not in the gradebook)"))
            continue
        jobs.append(Job(student, assignment, str(folder.resolve()), fingerprint(folder, patterns),
                        _timestamp(folder),
                        tuple(shadowing(folder, modules, patterns, (own_files or {}).get(assignment, ())))))
    return jobs, skipped
