"""Page helpers: open a notebook in JupyterLab, run it, read what it shows."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from .lab import LabServer

Page = Any  # playwright.sync_api.Page

_STATE_JS = """
() => {
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  if (!panel || !panel.content || !panel.sessionContext) return null;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const cells = panel.content.widgets.map((cell) => {
    const json = cell.model.toJSON();
    return {type: json.cell_type, count: json.execution_count ?? null,
            outputs: json.outputs || [], source: json.source};
  });
  const busy = Array.from(document.querySelectorAll('.jp-InputPrompt'))
    .some((node) => node.textContent.includes('*'));
  return {kernel: kernel ? kernel.status : null, busy, cells};
}
"""


@dataclass
class RunResult:
    """What a notebook showed after Run All."""

    cells: list[dict[str, Any]]

    def errors(self) -> list[str]:
        """Error and stderr outputs, as text."""
        found = []
        for index, cell in enumerate(self.cells):
            for out in cell["outputs"]:
                if out.get("output_type") == "error":
                    found.append(f"cell {index}: {out.get('ename')}: {out.get('evalue')}")
                elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                    text = "".join(out.get("text", ""))
                    found.append(f"cell {index} stderr: {text[:300]}")
        return found

    def unexecuted(self) -> list[int]:
        """Indices of code cells that did not run."""
        return [i for i, c in enumerate(self.cells) if c["type"] == "code" and c["count"] is None
                and c["source"].strip()]


def open_notebook(page: Page, server: LabServer, path: str) -> None:
    """Open ``path`` and wait until its kernel is idle."""
    page.goto(server.open_url(path))
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.sessionContext", timeout=90_000)
    wait_idle(page, timeout=120)


def wait_idle(page: Page, timeout: float = 180) -> dict[str, Any]:
    """Wait until the kernel is idle and no cell is running; return the state."""
    deadline = time.monotonic() + timeout
    quiet_since: float | None = None
    while True:
        state = page.evaluate(_STATE_JS)
        idle = state is not None and state["kernel"] == "idle" and not state["busy"]
        now = time.monotonic()
        if idle:
            quiet_since = quiet_since or now
            if now - quiet_since > 1.0:
                return state  # type: ignore[no-any-return]
        else:
            quiet_since = None
        if now > deadline:
            raise TimeoutError(f"notebook still busy after {timeout} s: {state and state['kernel']}")
        page.wait_for_timeout(250)


def run_all(page: Page, timeout: float = 240) -> RunResult:
    """Run every cell, wait for the kernel, return the cells' outputs."""
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_timeout(1000)
    state = wait_idle(page, timeout)
    return RunResult(state["cells"])


def execute(page: Page, code: str, timeout: float = 60) -> str:
    """Append a cell with ``code`` at the end, run it and return what it printed."""
    page.evaluate(
        """(code) => {
          const app = window.jupyterapp;
          const nb = app.shell.currentWidget.content;
          nb.activeCellIndex = nb.widgets.length - 1;
          return app.commands.execute('notebook:insert-cell-below').then(() => {
            nb.activeCell.model.sharedModel.setSource(code);
            return app.commands.execute('notebook:run-cell');
          });
        }""",
        code,
    )
    page.wait_for_timeout(500)
    state = wait_idle(page, timeout)
    outputs = state["cells"][-1]["outputs"]
    texts = []
    for out in outputs:
        if out.get("output_type") == "stream":
            texts.append("".join(out.get("text", "")))
        elif out.get("output_type") == "error":
            texts.append(f"{out.get('ename')}: {out.get('evalue')}")
        elif "data" in out:
            texts.append("".join(out["data"].get("text/plain", "")))
    return "".join(texts)


def widget_views(page: Page) -> int:
    """How many widget views are rendered in output areas."""
    return int(page.locator(".jp-OutputArea-output .jupyter-widgets").count())


def widget_errors(page: Page) -> list[str]:
    """Texts of widgets that failed to render or show a course error message."""
    texts = page.locator(".jp-OutputArea-output").all_inner_texts()
    bad = ("Error displaying widget", "Error rendering widget", "model not found")
    found = [t[:200] for t in texts if any(b in t for b in bad)]
    found += [t[:200] for t in page.locator(".course-error").all_inner_texts()]
    return found


_SNAPSHOT_JS = """
(root) => root.innerText + '|' + Array.from(root.querySelectorAll('img')).map((i) => i.src).join(',')
"""


def course_widget_roots(page: Page) -> Any:
    """Locator of the outermost course widgets in output areas."""
    return page.locator(".jp-OutputArea-output .course-widget:not(.course-widget .course-widget)")


def snapshot(root: Any) -> str:
    """What a widget shows: its text and its images' addresses."""
    return str(root.evaluate(_SNAPSHOT_JS))


def interact(root: Any) -> str:
    """Do one ordinary interaction with the first control of a widget; say which."""
    slider = root.locator(".noUi-handle, .ui-slider-handle")
    if slider.count():
        slider.first.focus()
        for _ in range(3):
            slider.first.press("ArrowRight")
        return "slider"
    select = root.locator("select")
    if select.count():
        options = select.first.locator("option")
        current = select.first.input_value()
        values = [options.nth(i).get_attribute("value") for i in range(options.count())]
        choice = next((v for v in values if v != current), None)
        if choice is not None:
            select.first.select_option(value=choice)
            return "dropdown"
    checkbox = root.locator("input[type=checkbox]")
    if checkbox.count():
        checkbox.first.click()
        return "checkbox"
    button = root.locator("button")
    if button.count():
        button.first.click()
        return "button"
    text = root.locator("textarea, input[type=text]")
    if text.count():
        text.first.fill("Visit 12 cardiologists by Friday")
        text.first.press("Tab")
        return "text"
    return "none"


CONSISTENCY_CODE = """
import json as _json
import ipywidgets as _ipw
from course.widgets._base import CourseWidget as _CourseWidget
_rows = []
for _w in list(_ipw.Widget.widgets.values()):
    if isinstance(_w, _CourseWidget):
        try:
            _fresh = repr(_w.compute())
        except Exception as _exc:
            _fresh = "raised " + type(_exc).__name__
        _rows.append({"widget": type(_w).__name__,
                      "crash": repr(_w.last_exception) if _w.last_exception else None,
                      "shown_is_library_result": _fresh == repr(_w.last_result)
                          or (_w.last_error is not None and _fresh.startswith("raised"))})
print("COURSE-WIDGETS " + _json.dumps(_rows))
"""
