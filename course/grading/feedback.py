"""Generate nbgrader feedback for graded submissions, in parallel.

nbgrader's ``generate_feedback`` only reads the gradebook, so several
processes can run it at once, each for its own submissions.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from course.grading.settings import course_directory, load_config

__all__ = ["generate_feedback", "stale_feedback"]

_API: Any = None


def stale_feedback(coursedir: Any) -> list[tuple[str, str]]:
    """Return ``(student, assignment)`` whose feedback is missing or older than the autograded notebooks.

    Examples
    --------
    >>> from traitlets.config import Config
    >>> from course.grading.settings import course_directory
    >>> cfg = Config(); cfg.CourseDirectory.root = "/nonexistent"
    >>> stale_feedback(course_directory(cfg))
    []
    """
    autograded = Path(coursedir.format_path(coursedir.autograded_directory, ".", "."))
    found = []
    for folder in sorted(autograded.glob("*/*")):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        student, assignment = folder.parent.name, folder.name
        feedback = Path(coursedir.format_path(coursedir.feedback_directory, student, assignment))
        newest = max((p.stat().st_mtime for p in folder.glob("*.ipynb")), default=0.0)
        html = list(feedback.glob("*.html")) if feedback.is_dir() else []
        if not html or min(p.stat().st_mtime for p in html) < newest:
            found.append((student, assignment))
    return found


def _init(course: str) -> None:
    global _API
    config = load_config(Path(course))
    _API = (config, course_directory(config))


def _one(pair: tuple[str, str]) -> bool:
    # what NbGraderAPI.generate_feedback does, without importing nbgrader's whole application
    import logging

    from nbgrader.converters import GenerateFeedback
    from traitlets.config import Config

    student, assignment = pair
    config, coursedir = _API
    coursedir.assignment_id, coursedir.student_id = assignment, student
    template = Config()
    template.HTMLExporter.template_name = "feedback"
    app = GenerateFeedback(coursedir=coursedir, config=config)
    app.update_config(template)
    app.force = True
    app.log.setLevel(logging.CRITICAL)
    try:
        app.start()
    except Exception:  # nbgrader logs the reason; the report counts the missing feedback
        return False
    return True


def generate_feedback(course: Path, workers: int, *, progress: bool = False) -> int:
    """Run ``nbgrader generate_feedback`` where needed; return how many succeeded.

    Examples
    --------
    >>> generate_feedback(Path("course"), workers=4)  # doctest: +SKIP
    120
    """
    from tqdm import tqdm

    pairs = stale_feedback(course_directory(load_config(course)))
    if not pairs:
        return 0
    import nbgrader.converters  # noqa: F401  (imported once here, shared by the forked workers)

    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(pairs))),
                             mp_context=multiprocessing.get_context("fork"),
                             initializer=_init, initargs=(os.fspath(course),)) as pool:
        results = list(tqdm(pool.map(_one, pairs), total=len(pairs), unit="feedback", desc="feedback",
                            disable=not progress))
    return sum(results)
