"""nbgrader in the browser: a trainee validates a released exercise, an instructor opens
the formgrader."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from .conftest import EXERCISE_IDS, ROOT
from .lab import LabServer
from .notebook import open_notebook

pytestmark = pytest.mark.skipif(not EXERCISE_IDS, reason="no exercises yet")


def _answer_sources(assignment: str) -> dict[str, str]:
    """The model answer of every answer cell (code and written), by grade_id."""
    nb = nbformat.read(ROOT / "exercises" / assignment / f"{assignment}.ipynb", as_version=4)
    return {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }


def _validate(page: object) -> str:
    # the visible one: JupyterLab may restore the previous test's notebook in a hidden tab
    page.locator(".validate-button button, button:has-text('Validate') >> visible=true").first.click()  # type: ignore[attr-defined]
    dialog = page.locator(".jp-Dialog")  # type: ignore[attr-defined]
    dialog.wait_for(timeout=120_000)
    text = str(dialog.inner_text())
    dialog.locator("button").last.click()
    dialog.wait_for(state="detached")
    return text


def test_a_trainee_fills_in_answers_and_validates(server: LabServer, page: object) -> None:
    assignment = EXERCISE_IDS[0]
    open_notebook(page, server, f"release/{assignment}/{assignment}.ipynb")
    blank = _validate(page)
    assert "failed" in blank.lower() or "error" in blank.lower(), blank
    answers = _answer_sources(assignment)
    page.evaluate(  # type: ignore[attr-defined]
        """(answers) => {
          const nb = window.jupyterapp.shell.currentWidget.content;
          for (const cell of nb.widgets) {
            const meta = cell.model.getMetadata('nbgrader');
            if (meta && meta.solution && answers[meta.grade_id] !== undefined) {
              cell.model.sharedModel.setSource(answers[meta.grade_id]);
            }
          }
        }""",
        answers,
    )
    filled = _validate(page)
    assert "Success" in filled and "passes all" in filled, filled


def test_the_formgrader_opens_and_lists_every_assignment(server: LabServer, page: object) -> None:
    open_notebook(page, server, "notebooks/" + sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))[0])
    page.evaluate("() => window.jupyterapp.commands.execute('nbgrader:open-formgrader')")  # type: ignore[attr-defined]
    frame = page.frame_locator("#formgrader-iframe iframe")  # type: ignore[attr-defined]
    for assignment in EXERCISE_IDS:
        frame.get_by_text(assignment, exact=True).first.wait_for(timeout=60_000)


def test_chinese_mode_shows_chinese_labels_and_draws_with_a_cjk_font(
    server_zh: LabServer, page: object, screenshots: Path
) -> None:
    from .notebook import course_widget_roots, execute, run_all

    lesson = "zh/02_time.ipynb"  # the English edition sets English in its first cell
    open_notebook(page, server_zh, f"notebooks/{lesson}")
    assert run_all(page).errors() == []
    roots = course_widget_roots(page)
    assert roots.count() >= 1
    texts = [roots.nth(i).inner_text() for i in range(roots.count())]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in texts), texts
    page.screenshot(path=str(screenshots / "02_time_zh.png"))  # type: ignore[attr-defined]
    printed = execute(page, FONT_CODE)
    report = json.loads(next(ln for ln in printed.splitlines() if ln.startswith("{")))
    assert report["language"] == "zh"
    assert report["chinese_texts"] > 0, report
    assert report["fonts"] and all("CJK" in f or "cjk" in f.lower() for f in report["fonts"]), report


FONT_CODE = """
import json
from matplotlib import font_manager
from matplotlib.axes import Axes
import course
_texts, _fonts = 0, set()
for _value in list(Out.values()):
    if isinstance(_value, Axes):
        for _t in _value.figure.findobj(lambda o: hasattr(o, 'get_fontproperties') and hasattr(o, 'get_text')):
            _s = _t.get_text()
            if any('\\u4e00' <= ch <= '\\u9fff' for ch in _s):
                _texts += 1
                _fonts.add(font_manager.findfont(_t.get_fontproperties(), fallback_to_default=False))
print(json.dumps({"language": course.get_language(), "chinese_texts": _texts, "fonts": sorted(_fonts)}))
"""
