"""nbgrader's exchange for the course's hub: collect only what each trainee submitted himself.

Every trainee can write into the exchange's ``inbound`` folder, and a submission's folder
name (``student+assignment+timestamp+random``) says whose it is. Plain nbgrader only warns
when the name and the folder's Unix owner differ and collects it anyway, so a trainee could
hand in a (later, worse) notebook in a classmate's name. This collector skips every
submission whose owner is not the trainee it names, and says so, before choosing each
trainee's latest submission.

The instructors' nbgrader configuration selects it (``ExchangeFactory.collect``).
"""

from __future__ import annotations

import glob
import os
import pwd
from typing import Any

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.exchange.default.collect import ExchangeCollect


def owner_of(path: str) -> str | None:
    """The name of the Unix user owning ``path`` (None when the id has no name)."""
    try:
        return pwd.getpwuid(os.stat(path).st_uid).pw_name
    except KeyError:
        return None


class OwnerCheckedCollect(ExchangeCollect):  # type: ignore[misc]
    """``nbgrader collect`` that ignores submissions made in someone else's name."""

    def init_src(self) -> None:
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
