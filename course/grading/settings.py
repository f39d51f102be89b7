"""Read a course's nbgrader configuration the way ``nbgrader`` does.

nbgrader reads ``nbgrader_config.py`` from every Jupyter configuration folder
(system-wide ones first, e.g. ``/etc/jupyter`` on a JupyterHub) and then from
the course folder. :func:`load_config` does the same, so ``course grade``
sees the course id, folder names, exchange and time limits nbgrader sees.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     _ = (Path(tmp) / "nbgrader_config.py").write_text(
...         "c = get_config()\\nc.CourseDirectory.source_directory = 'exercises'\\n")
...     cfg = load_config(Path(tmp))
...     course_directory(cfg).source_directory
'exercises'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from course.errors import CourseInputError

__all__ = ["config_files", "course_directory", "load_config", "sensitive_paths"]

CONFIG_NAME = "nbgrader_config.py"


def config_files(course: Path) -> list[Path]:
    """Return the ``nbgrader_config.py`` files that apply to ``course``, in load order.

    Examples
    --------
    >>> all(p.name == "nbgrader_config.py" for p in config_files(Path("/nonexistent")))
    True
    """
    from jupyter_core.paths import jupyter_config_path

    found = [Path(d) / CONFIG_NAME for d in reversed(jupyter_config_path())]
    found.append(Path(course) / CONFIG_NAME)
    seen: list[Path] = []
    for path in found:
        if path.is_file() and path.resolve() not in [s.resolve() for s in seen]:
            seen.append(path)
    return seen


def load_config(course: Path) -> Any:
    """Return the merged traitlets ``Config`` of ``course`` with its root set.

    The course folder's own configuration wins over system-wide files. When no
    file sets ``CourseDirectory.root``, the root is ``course``.

    Raises
    ------
    CourseInputError
        When ``course`` is not a folder.
    """
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    course = Path(course).resolve()
    if not course.is_dir():
        raise CourseInputError.single("course", str(course), "an existing course folder")
    merged = Config()
    for path in config_files(course):
        merged.merge(PyFileConfigLoader(path.name, path=str(path.parent)).load_config())
    if "root" not in merged.get("CourseDirectory", {}):
        merged.CourseDirectory.root = str(course)
    return merged


def course_directory(config: Any) -> Any:
    """Return nbgrader's ``CourseDirectory`` configured by ``config``.

    Examples
    --------
    >>> from traitlets.config import Config
    >>> cfg = Config(); cfg.CourseDirectory.root = "/srv/course"
    >>> course_directory(cfg).format_path("submitted", "ann", "ps1")
    '/srv/course/submitted/ann/ps1'
    """
    from nbgrader.coursedir import CourseDirectory

    return CourseDirectory(config=config)


def sensitive_paths(coursedir: Any, config: Any) -> list[Path]:
    """Return the folders and files a trainee's code must never see.

    The course root (sources, solutions, gradebook, every submission, feedback,
    reports), any of nbgrader's folders configured outside it, the gradebook
    file and the exchange.

    Examples
    --------
    >>> from traitlets.config import Config
    >>> cfg = Config(); cfg.CourseDirectory.root = "/srv/course"
    >>> [str(p) for p in sensitive_paths(course_directory(cfg), cfg)][:2]
    ['/srv/course', '/srv/course/gradebook.db']
    """
    root = Path(coursedir.root)
    paths = [root]
    db_url = str(coursedir.db_url)
    if db_url.startswith("sqlite:///"):
        paths.append(Path(db_url[len("sqlite:///"):]))
    for name in ("source_directory", "release_directory", "submitted_directory",
                 "autograded_directory", "feedback_directory", "solution_directory"):
        value = getattr(coursedir, name, "")
        if value and Path(value).is_absolute():
            paths.append(Path(value))
    exchange = config.get("Exchange", {}).get("root", "/srv/nbgrader/exchange")
    paths.append(Path(str(exchange)))
    unique: list[Path] = []
    for path in paths:
        if path not in unique:
            unique.append(path)
    return unique
