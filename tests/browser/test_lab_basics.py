"""The browser harness itself: JupyterLab renders a widget and it responds."""

from __future__ import annotations

from pathlib import Path

import nbformat

from .lab import LabServer
from .notebook import open_notebook, run_all, widget_errors, widget_views


def _write(root: Path, name: str, sources: list[str]) -> str:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / name)
    return name


def test_a_slider_renders_and_its_callback_updates_the_label(server: LabServer, page: object) -> None:
    name = _write(server.root, "harness_slider.ipynb", [
        "import ipywidgets as w\n"
        "s = w.IntSlider(value=3, min=0, max=10, description='n')\n"
        "out = w.HTML(value='square: 9')\n"
        "s.observe(lambda c: setattr(out, 'value', f'square: {c.new ** 2}'), names='value')\n"
        "w.VBox([s, out])",
    ])
    open_notebook(page, server, name)
    result = run_all(page)
    assert result.errors() == []
    assert widget_views(page) >= 1
    handle = page.locator(".jp-OutputArea-output .ui-slider-handle, .jp-OutputArea-output .noUi-handle").first
    handle.focus()
    handle.press("ArrowRight")
    page.get_by_text("square: 16").wait_for(timeout=10_000)
    assert widget_errors(page) == []


def test_a_raising_callback_is_detected(server: LabServer, page: object) -> None:
    name = _write(server.root, "harness_broken.ipynb", [
        "import ipywidgets as w\n"
        "b = w.Button(description='go')\n"
        "def boom(_):\n    raise RuntimeError('broken widget')\n"
        "b.on_click(boom)\nb",
    ])
    open_notebook(page, server, name)
    assert run_all(page).errors() == []
    page.get_by_role("button", name="go").click()
    page.wait_for_timeout(1500)
    # a callback's exception reaches the notebook as an error in the output log/area;
    # the kernel reports it through the widget's output, which the lesson tests treat as failure
    state = page.evaluate("() => document.body.innerText")
    assert "broken widget" in state or "RuntimeError" in state
