"""Generate nbgrader feedback for graded submissions, in parallel, with no active content.

nbgrader's ``generate_feedback`` only reads the gradebook, so several
processes can run it at once, each for its own submissions.

A trainee's notebook can put HTML in its feedback page: ``display(HTML(...))``,
a markdown answer, an SVG, a widget. Feedback is opened by the trainee and
by instructors, so nothing in it may run:

1. nbconvert's own sanitiser is switched on (``HTMLExporter.sanitize_html``):
   markdown and HTML outputs go through bleach (the sanitiser nbconvert
   ships with), JavaScript and widget outputs are not rendered;
2. every page is then cleaned once more as a whole by
   :func:`clean_feedback_html` (bleach again): no ``<script>``, ``<iframe>``,
   ``<object>``, ``<form>``, ``<meta>``, ``<base>`` or ``<link>`` is left,
   no ``<style>`` of the notebook's, no ``on...`` event handler and no link
   or source other than ``http``, ``https``, ``mailto``, relative ones and
   ``data:image/...`` images (``javascript:`` is gone). The page's own styles stay; formulas show as
   TeX source, since the script that would typeset them is removed too.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import bleach
from bleach.css_sanitizer import CSSSanitizer

from course.grading.settings import course_directory, load_config

__all__ = ["clean_feedback_html", "generate_feedback", "stale_feedback"]

_API: Any = None
_ACTIVE = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
                     "input", "button", "textarea", "select", "option", "meta", "link", "noscript", "template",
                     "portal", "animate", "set", "animatemotion", "animatetransform", "handler", "listener",
                     "use", "foreignobject", "math", "xml", "import", "plaintext", "xmp", "noembed", "noframes",
                     "param", "source", "track", "audio", "video", "dialog", "slot", "style"})
_PROTOCOLS = frozenset({"http", "https", "mailto", "data"})
_BODY = re.compile(r"(<body[^>]*>)(.*)(</body>)", re.DOTALL | re.IGNORECASE)
_SCRIPT_BLOCK = re.compile(r"<script\b.*?</script\s*>", re.DOTALL | re.IGNORECASE)
_STYLE_BLOCK = re.compile(r"<style\b.*?</style\s*>", re.DOTALL | re.IGNORECASE)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)


_URL_ATTRIBUTES = ("href", "src", "action", "data", "background", "poster", "cite", "codebase", "longdesc",
                   "usemap", "dynsrc", "lowsrc", "srcset", "ping", "manifest", "icon", "profile", "classid", "archive",
                   "formaction", "values", "to", "from", "by")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\u200b-\u200f\u2028\u2029\ufeff]|&#?[a-z0-9]*;?", re.IGNORECASE)


def _attribute(tag: str, name: str, value: str) -> bool:
    name = name.lower()
    if name.startswith("on") or name in ("srcdoc", "http-equiv"):
        return False
    if name.split(":")[-1] in _URL_ATTRIBUTES:
        plain = _INVISIBLE.sub("", value).lower()
        scheme = _SCHEME.match(plain)
        if scheme is not None and scheme.group(1) == "data":  # an embedded image only, never a page
            return tag == "img" and name == "src" and plain.startswith("data:image/")
        return scheme is None or scheme.group(1) in _PROTOCOLS
    return True


def clean_feedback_html(page: str) -> str:
    """Return the feedback page with every script, event handler and ``javascript:`` URL removed.

    The head (the template's styles) is kept as written by nbconvert, minus
    its scripts; the body, where the notebook is, goes through bleach with
    every tag allowed except active ones.

    Examples
    --------
    >>> page = ('<html><head><script src="x.js"></script><style>p{color:red}</style></head><body>'
    ...         '<p class="c" onclick="steal()">hi</p><script>alert(1)</script>'
    ...         '<a href="javascript:alert(1)">x</a><img src="data:image/png;base64,AA" onerror="x()">'
    ...         '<svg><script>alert(2)</script></svg></body></html>')
    >>> cleaned = clean_feedback_html(page)
    >>> "<script" in cleaned, "onclick" in cleaned, "javascript:" in cleaned, "onerror" in cleaned
    (False, False, False, False)
    >>> '<p class="c">hi</p>' in cleaned and "p{color:red}" in cleaned and 'src="data:image/png' in cleaned
    True
    """
    match = _BODY.search(page)
    head, body, tail = (page[:match.start(2)], match.group(2), page[match.end(2):]) if match else ("", page, "")
    head = _SCRIPT_BLOCK.sub("", head)
    head = re.sub(r"<(meta|link|base)\b[^>]*http-equiv[^>]*>", "", head, flags=re.IGNORECASE)
    finder = _Tags()
    finder.feed(body)
    finder.close()
    allowed = (finder.tags | {"p", "div", "span", "a", "img", "pre", "code", "table", "tr", "td", "th", "svg"}) - _ACTIVE
    body = _STYLE_BLOCK.sub("", _SCRIPT_BLOCK.sub("", body))
    cleaned: str = bleach.clean(body, tags=allowed, attributes=_attribute, protocols=_PROTOCOLS, strip=True,
                           strip_comments=True, css_sanitizer=CSSSanitizer())
    return head + cleaned + tail


def _clean_folder(folder: Path) -> None:
    for page in sorted(folder.glob("*.html")) if folder.is_dir() else []:
        if page.is_symlink() or not page.is_file():
            continue
        page.write_text(clean_feedback_html(page.read_text(encoding="utf-8", errors="replace")), encoding="utf-8")


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
    template.HTMLExporter.sanitize_html = True
    app = GenerateFeedback(coursedir=coursedir, config=config)
    app.update_config(template)
    app.force = True
    app.log.setLevel(logging.CRITICAL)
    try:
        app.start()
        _clean_folder(Path(coursedir.format_path(coursedir.feedback_directory, student, assignment)))
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
