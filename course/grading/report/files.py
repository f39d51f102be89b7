"""The cohort's grade files, under the course's ``reports/`` folder.

* ``grades.csv`` — one row per submission (score, lateness, status, reasons);
* ``cell-grades.csv`` — one row per graded cell of every submission;
* ``grading-report.html`` — the figures of :mod:`course.grading.report.figures`,
  drawn by :mod:`course.grading.report.html`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from course.grading.report.figures import read_grades, summarise
from course.grading.report.html import render
from course.grading.report.textsafe import csv_row
from course.grading.settings import course_directory, load_config

__all__ = ["write_csv", "write_reports"]


def write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    """Write ``rows`` as a CSV file; text a spreadsheet would run as a formula is neutralised.

    A trainee id such as ``=1+2`` or ``@SUM(1,1)`` is written ``'=1+2``
    (see :func:`course.grading.report.textsafe.csv_cell`), so opening the file in a
    spreadsheet shows it instead of computing it.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_csv(Path(tmp) / "g.csv", [{"student": "=1+2", "score": -1.0}])
    ...     (Path(tmp) / "g.csv").read_text().splitlines()
    ['student,score', "'=1+2,-1.0"]
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        if not rows:
            return
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(csv_row(row) for row in rows)


def write_reports(course: Path, not_gradable: Iterable[tuple[str, str, str]] = ()) -> dict[str, Path]:
    """Write ``reports/grades.csv``, ``reports/cell-grades.csv`` and the HTML report.

    ``not_gradable``: ``(student, assignment, reason)`` of folders that are
    not gradable submissions. Returns the paths written, by kind.

    Examples
    --------
    >>> write_reports(Path("course"))["html"].name  # doctest: +SKIP
    'grading-report.html'
    """
    coursedir = course_directory(load_config(course))
    submissions, cells = read_grades(coursedir)
    folder = Path(coursedir.root) / "reports"
    outputs = {"csv": folder / "grades.csv", "cells": folder / "cell-grades.csv",
               "html": folder / "grading-report.html"}
    write_csv(outputs["csv"], [
        {**{k: v for k, v in asdict(r).items() if k != "reasons"},
         "reasons": "; ".join(f"{c}: {'/'.join(p for p in (n, cell) if p)} {d}".strip()
                              for c, n, cell, d in r.reasons)}
        for r in sorted(submissions, key=lambda r: (r.assignment, r.student))])
    write_csv(outputs["cells"], [asdict(c) for c in sorted(cells, key=lambda c: (c.assignment, c.student, c.notebook))])
    data = summarise(submissions, cells, not_gradable)
    outputs["html"].write_text(render(data, course_name=str(coursedir.course_id)), encoding="utf-8")
    return outputs
