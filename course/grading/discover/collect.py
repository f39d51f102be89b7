"""``nbgrader collect`` that copies plain files only.

nbgrader's collect copies a submission from the exchange's inbound folder
with ``shutil.copytree``, which follows symbolic links: a trainee who puts a
link to ``/srv/course/gradebook.db`` (or any file the instructor can read)
in the inbound folder gets a regular copy of its target in ``submitted/``,
and from there in the grading kernel. A hard link is copied as its content
too, and a pipe would hang the copy.

:class:`SafeExchangeCollect` is nbgrader's collect with one change: it copies
only real folders and plain files (see
:func:`course.grading.discover.submissions.open_regular`: no symbolic link, no hard link,
no device, pipe or socket), read without following links, and logs each
item left out. The course's ``nbgrader_config.py`` selects it::

    c.ExchangeFactory.collect = "course.grading.discover.collect.SafeExchangeCollect"

so both ``nbgrader collect`` and the formgrader's collect button use it.
``course grade`` itself never reads a link in ``submitted/`` either.

Where every trainee has an account of his own (the course's JupyterHub, see
``docs/hub.md``), ``c.SafeExchangeCollect.skip_foreign_owner = True`` also leaves out
every submission whose folder is not owned by the trainee it names: plain nbgrader only
warns and collects it, so a trainee could hand in work in a classmate's name.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     src, dest = Path(tmp) / "in", Path(tmp) / "out"
...     (src / "sub").mkdir(parents=True)
...     _ = (src / "nb.ipynb").write_text("{}")
...     _ = (src / "sub" / "data.csv").write_text("x")
...     (src / "link").symlink_to("/etc/hostname")
...     left_out = copy_plain_tree(src, dest)
...     sorted(str(p.relative_to(dest)) for p in dest.rglob("*")), left_out
(['nb.ipynb', 'sub', 'sub/data.csv'], ['link'])
"""

from __future__ import annotations

import fnmatch
import glob
import os
import pwd
import stat
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.exchange.default.collect import ExchangeCollect
from traitlets import Bool

from course.grading.discover.submissions import copy_regular

__all__ = ["SafeExchangeCollect", "copy_plain_tree", "owner_of"]


def owner_of(path: str) -> str | None:
    """The name of the Unix user owning ``path`` (None when the id has no name).

    Examples
    --------
    >>> owner_of("/") == pwd.getpwuid(0).pw_name
    True
    """
    try:
        return pwd.getpwuid(os.lstat(path).st_uid).pw_name
    except KeyError:
        return None


def copy_plain_tree(source: Path, target: Path, ignore: Iterable[str] = (), max_bytes: int | None = None) -> list[str]:
    """Copy the real folders and plain files of ``source`` into ``target``; return what was left out.

    Items matching an ``ignore`` glob are skipped silently; links, special
    files and files over ``max_bytes`` are left out and returned (relative
    paths).
    """
    patterns = list(ignore)
    left_out: list[str] = []
    target.mkdir(parents=True, exist_ok=True)
    for dirpath, dirnames, filenames in os.walk(source):
        here = Path(dirpath)
        kept = []
        for name in sorted(dirnames):
            if any(fnmatch.fnmatch(name, p) for p in patterns):
                continue
            if stat.S_ISDIR(os.lstat(here / name).st_mode):
                kept.append(name)
                (target / (here / name).relative_to(source)).mkdir(exist_ok=True)
            else:
                left_out.append(str((here / name).relative_to(source)))
        dirnames[:] = kept
        for name in sorted(filenames):
            if any(fnmatch.fnmatch(name, p) for p in patterns):
                continue
            relative = (here / name).relative_to(source)
            if not copy_regular(here / name, target / relative, max_bytes):
                left_out.append(str(relative))
    return left_out


class SafeExchangeCollect(ExchangeCollect):
    """nbgrader's ``ExchangeCollect`` copying plain files only (no link is followed).

    A submission folder whose name holds no valid time (a trainee can name a
    folder in the inbound ``ann+ps1+99999999999999999999999``) is collected
    as the oldest of that trainee's submissions, with a warning, instead of
    stopping the collect of the whole cohort with ``OverflowError``; so is an
    already collected submission whose ``timestamp.txt`` is not a date.
    """

    skip_foreign_owner = Bool(
        False,
        help="Leave out a submission whose folder is not owned by the Unix user it names "
             "(one account per trainee, e.g. on JupyterHub); plain nbgrader only warns.",
    ).tag(config=True)

    def init_src(self) -> None:
        """Choose each trainee's submission as nbgrader does, without those in another's name."""
        if not self.skip_foreign_owner:
            super().init_src()
            return
        if self.coursedir.course_id == "":
            self.fail("No course id specified. Re-run with --course flag.")
        self.course_path = os.path.join(self.root, self.coursedir.course_id)
        self.inbound_path = os.path.join(self.course_path, "inbound")
        if not os.path.isdir(self.inbound_path):
            self.fail(f"Course not found: {self.inbound_path}")
        student_id = self.coursedir.student_id or "*"
        pattern = os.path.join(self.inbound_path, f"{student_id}+{self.coursedir.assignment_id}+*")
        by_student: dict[str, list[dict[str, Any]]] = {}
        for path in glob.glob(pattern):
            record = self._path_to_record(path)
            owner = owner_of(path)
            if owner != record["username"]:
                self.log.warning(
                    "Skipped %s: it is handed in as %s's but belongs to %s (not collected)",
                    os.path.basename(path), record["username"], owner or "an unknown user",
                )
                continue
            by_student.setdefault(record["username"], []).append(record)
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            try:
                self.duedate = gb.find_assignment(self.coursedir.assignment_id).duedate
            except MissingEntry:
                self.duedate = None
        self.src_records = []
        for records in by_student.values():
            records = self._sort_by_timestamp(records)
            if self.duedate is not None and self.before_duedate:
                on_time = [r for r in records if r["timestamp"] <= self.duedate]
                records = on_time or records
            self.src_records.append(records[0])

    def _path_to_record(self, path: str) -> dict[str, Any]:
        try:
            record: dict[str, Any] = super()._path_to_record(path)
            if not isinstance(record["timestamp"], datetime):
                raise ValueError(record["timestamp"])
            return record
        except Exception:  # dateutil raises ValueError, OverflowError, ...
            name = os.path.split(path)[1]
            self.log.warning("%s: the time in the folder name is not a date; collected as the oldest", name)
            return {"username": name.split("+", 1)[0], "filename": name, "timestamp": datetime.min}

    def copy_files(self) -> None:
        """Collect as nbgrader does; an unreadable ``timestamp.txt`` already collected counts as no time."""
        original = self.coursedir.get_existing_timestamp

        def existing_timestamp(dest_path: str) -> datetime | None:
            try:
                found: datetime | None = original(dest_path)
            except Exception:  # nbgrader fails the whole collect on one bad file (or overflows)
                self.log.warning("%s: timestamp.txt is not a date; replaced by the new submission", dest_path)
                return None
            return found

        self.coursedir.get_existing_timestamp = existing_timestamp
        try:
            super().copy_files()
        finally:
            del self.coursedir.get_existing_timestamp

    def do_copy(self, src: str, dest: str, log: Any = None) -> None:
        """Copy submission ``src`` to ``dest`` like nbgrader, leaving out links and special files."""
        source = Path(src)
        if source.is_symlink() or not source.is_dir():
            self.log.warning("%s is not a folder (a link?): not collected", src)
            return
        size = self.get_size(src)
        if size > 1000 * self.coursedir.max_dir_size:
            self.log.error("Directory size is too big")
            raise RuntimeError(f"Directory size is too big. Size is {size}, maximum size is "
                               f"{1000 * self.coursedir.max_dir_size}")
        left_out = copy_plain_tree(source, Path(dest), self.coursedir.ignore,
                                   1000 * int(self.coursedir.max_file_size))
        for item in left_out:
            self.log.warning("%s: left out %s (a link, a special file or too large)", src, item)
        if self.coursedir.groupshared:
            for dirname, _, filenames in os.walk(dest):
                os.chmod(dirname, (os.stat(dirname).st_mode | 0o2770) & 0o2777)
                for filename in filenames:
                    path = os.path.join(dirname, filename)
                    os.chmod(path, (os.stat(path).st_mode | 0o660) & 0o777)
