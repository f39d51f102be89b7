"""Widget latency where the trainee sees it: from the input event to the new picture on screen.

Opens a notebook with every course widget in JupyterLab in headless Chromium,
then drives each widget's main control as a trainee does (an arrow key on a
slider's handle, a choice in a dropdown, typing and Enter in a number field).
The time runs in the page: from the input event (``performance.now()`` in a
capturing listener) until the widget's chart shows a new image, decoded and
painted (the task after the next animation frame), and, where the control changes numbers,
until its text changed too.

Used by ``python -m benchmarks widgets`` (the in-browser columns) and by
``tests/browser/test_widget_latency.py`` (a chart changes, drags are coalesced).
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

__all__ = ["BROWSER_CASES", "YARDSTICK", "BrowserCase", "BrowserTiming", "image_fingerprints", "measure", "show_widgets",
           "time_update", "widget_page"]


@dataclass(frozen=True)
class BrowserCase:
    """One widget's main control, as the browser drives it."""

    module: str
    """Module under ``course.widgets``."""
    widget: str
    """Class name."""
    control: str
    """Attribute of the control on the widget."""
    kind: str
    """``slider`` (arrow keys on the handle), ``select`` (a new option) or ``number`` (type, Enter)."""
    change: str
    """What the update changes, in words: the in-kernel case of ``bench_widgets`` it matches."""
    setup: str = ""
    """Python run on the widget ``w`` before it is shown (e.g. open the chart's tab)."""
    key: str = "ArrowRight"
    """For a slider: the arrow key that moves it to values not seen before."""
    numbers: tuple[int, ...] = ()
    """For a number field: the values typed in turn."""
    text: bool = False
    """Also wait until the widget's text changed (the control changes numbers shown)."""
    chart: bool = True
    """Wait until the widget's image changed."""

    @property
    def name(self) -> str:
        """The widget's class name (the benchmark's row)."""
        return self.widget


BROWSER_CASES: tuple[BrowserCase, ...] = (
    BrowserCase("time", "TimeMatrixBoard", "breakdown", "select", "time-log breakdown dropdown (chart)"),
    BrowserCase("accounts", "HospitalGrader", "cut_a", "slider", "cut-off A slider, chart tab open",
                setup="w.tabs.selected_index = 1"),
    BrowserCase("accounts", "PhysicianScorecard", "status", "select", "prescribing status dropdown (grid chart)",
                text=True),
    BrowserCase("portfolio", "PortfolioExplorer", "growth_cutoff", "slider", "growth cut-off slider (BCG chart)"),
    BrowserCase("professional", "WheelOfLife", "sliders['family']", "slider", "one spoke's slider (radar chart)",
                key="ArrowLeft", text=True),
    BrowserCase("goals", "QuotaAllocator", "weight", "slider", "history weight slider (two charts)", text=True),
    BrowserCase("planning", "CallPlanner", "calls_per_day", "number", "calls a day, calendar tab open",
                setup="w.tabs.selected_index = 1", numbers=(11, 13, 10, 12, 11, 13, 10, 12, 11)),
)
"""Each widget with a chart, by its main control. The relationship health check is timed in the
kernel only: its chart changes only when an account crosses a threshold, so most steps of its
sliders show nothing new to wait for."""


@dataclass
class BrowserTiming:
    """The measured updates of one widget in the browser."""

    case: BrowserCase
    ms: list[float] = field(default_factory=list)
    """Each update's time from input event to pixels (ms)."""
    error: str = ""
    """Why the measuring stopped early (e.g. an update showed nothing new within 30 s)."""

    @property
    def median(self) -> float:
        """Median time (ms); infinite when nothing was measured."""
        return statistics.median(self.ms) if self.ms else float("inf")

    @property
    def p90(self) -> float:
        """90th percentile (ms), nearest rank; infinite when nothing was measured."""
        if not self.ms:
            return float("inf")
        ordered = sorted(self.ms)
        return ordered[min(len(ordered) - 1, max(0, round(0.9 * len(ordered)) - 1))]


YARDSTICK = BrowserCase("", "bare slider and PNG", "slider", "slider",
                       "a bare ipywidgets slider redrawing a small PNG", text=True)
"""The yardstick: no course code, a slider whose callback draws a minimal matplotlib figure."""

_YARDSTICK_CODE = """
import io
import ipywidgets
from matplotlib.figure import Figure


class Bare(ipywidgets.VBox):
    def __init__(self):
        self.slider = ipywidgets.IntSlider(value=5, min=0, max=100)
        self.label = ipywidgets.HTML()
        self.image = ipywidgets.Image(format="png")
        super().__init__([self.slider, self.label, self.image])
        self.slider.observe(lambda _c: self.draw(), names="value")
        self.draw()

    def draw(self):
        fig = Figure(figsize=(3, 2))
        fig.add_subplot().plot([0, self.slider.value])
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=72)
        self.image.value = buffer.getvalue()
        self.label.value = f"value {self.slider.value}"


w = Bare()
"""


def _cell(index: int, case: BrowserCase) -> str:
    if case is YARDSTICK:
        return "\n".join([_YARDSTICK_CODE, f'w.add_class("bench-{index}")',
                          'w.slider.add_class("bench-control")', f"widget_{index} = w", "w"])
    return "\n".join([
        f"from course.widgets.{case.module} import {case.widget}",
        f"w = {case.widget}()",
        case.setup,
        f'w.add_class("bench-{index}")',
        f'w.{case.control}.add_class("bench-control")',
        f"widget_{index} = w",
        "w",
    ])


def write_notebook(folder: Path, cases: tuple[BrowserCase, ...], lang: str = "en") -> str:
    """Write the notebook that shows every case's widget; return its name."""
    cells = [f'import course\ncourse.set_language("{lang}")']
    cells += [_cell(i, case) for i, case in enumerate(cases)]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    name = "widget_latency.ipynb"
    nbformat.write(nb, folder / name)
    return name


_ARM_JS = """
([index, events, wantChart, wantText]) => {
  const root = document.querySelector(`.bench-${index}`);
  const images = () => Array.from(root.querySelectorAll('img')).map((i) => i.src).join('|');
  const text = () => root.innerText;
  const image0 = images(), text0 = text();
  let start = null;
  const mark = () => { if (start === null) start = performance.now(); };
  for (const type of events) root.addEventListener(type, mark, { capture: true, once: true });
  window.__courseLatency = new Promise((resolve, reject) => {
    let done = false;
    const check = () => {
      if (done || start === null) return;
      if ((wantChart && images() === image0) || (wantText && text() === text0)) return;
      done = true;
      observer.disconnect();
      const shown = Array.from(root.querySelectorAll('img')).map((i) => i.decode().catch(() => null));
      // after the next paint: a task queued from the frame callback runs once the frame is drawn
      Promise.all(shown).then(() => requestAnimationFrame(
        () => setTimeout(() => resolve(performance.now() - start), 0)));
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    setTimeout(() => { if (!done) { observer.disconnect(); reject(new Error('no change within 30 s')); } },
               30000);
  });
}
"""

_IMAGE_BYTES_JS = """
async (index) => {
  const root = document.querySelector(`.bench-${index}`);
  const out = [];
  for (const img of root.querySelectorAll('img')) {
    if (!img.src) { out.push(''); continue; }
    const buffer = await (await fetch(img.src)).arrayBuffer();
    const bytes = new Uint8Array(buffer);
    let hash = 0;
    for (let i = 0; i < bytes.length; i++) hash = (hash * 31 + bytes[i]) >>> 0;
    out.push(`${bytes.length}:${hash}`);
  }
  return out;
}
"""


def image_fingerprints(page: Any, index: int) -> list[str]:
    """Length and hash of the bytes of each image of widget ``index`` (what is drawn, not its address)."""
    return list(page.evaluate(_IMAGE_BYTES_JS, index))


def _act(page: Any, index: int, case: BrowserCase, step: int) -> None:
    control = page.locator(f".bench-{index} .bench-control").first
    if case.kind == "slider":
        handle = control.locator(".noUi-handle, .ui-slider-handle").first
        now, low, high = (float(handle.get_attribute(a) or "nan")
                          for a in ("aria-valuenow", "aria-valuemin", "aria-valuemax"))
        key = case.key
        if (key == "ArrowRight" and now >= high) or (key == "ArrowLeft" and now <= low):
            key = "ArrowLeft" if key == "ArrowRight" else "ArrowRight"  # at the end: back the other way
        handle.press(key)
    elif case.kind == "select":
        select = control.locator("select").first
        options = select.locator("option")
        values = [options.nth(i).get_attribute("value") for i in range(options.count())]
        current = select.input_value()
        others = [v for v in values if v != current]
        select.select_option(others[step % len(others)])
    elif case.kind == "number":
        field_ = control.locator("input").first
        field_.fill(str(case.numbers[step % len(case.numbers)]))
        field_.press("Enter")
    else:  # pragma: no cover - a case's kind is one of the three
        raise ValueError(case.kind)


def _events(case: BrowserCase) -> list[str]:
    # a number field's update starts with Enter (typing only fills the field)
    return {"slider": ["keydown"], "select": ["change"], "number": ["keydown"]}[case.kind]


def time_update(page: Any, index: int, case: BrowserCase, step: int) -> float:
    """Drive one update of widget ``index`` and return its time from input event to pixels (ms)."""
    page.evaluate(_ARM_JS, [index, _events(case), case.chart, case.text])
    _act(page, index, case, step)
    return float(page.evaluate("() => window.__courseLatency"))


def measure(page: Any, cases: tuple[BrowserCase, ...], updates: int = 8,
            warm_ups: int = 1) -> list[BrowserTiming]:
    """Time ``updates`` updates of each case's widget on the open notebook."""
    timings = []
    for index, case in enumerate(cases):
        timing = BrowserTiming(case)
        for step in range(warm_ups + updates):
            try:
                ms = time_update(page, index, case, step)
            except Exception as error:  # one widget's failure is reported, the rest go on
                timing.error = str(error).splitlines()[0]
                break
            if step >= warm_ups:
                timing.ms.append(ms)
            page.wait_for_timeout(150)  # a trainee's next move comes after the last one is seen
        timings.append(timing)
    return timings


def show_widgets(page: Any, server: Any, cases: tuple[BrowserCase, ...] = BROWSER_CASES,
                 lang: str = "en") -> None:
    """Open a notebook showing the cases' widgets on ``server`` in ``page`` and run it."""
    from tests.browser.notebook import open_notebook, run_all

    name = write_notebook(Path(server.root), cases, lang)
    open_notebook(page, server, name)
    result = run_all(page, timeout=400)
    if result.errors():
        raise RuntimeError(f"the widgets' notebook failed: {result.errors()}")
    for index in range(len(cases)):
        page.locator(f".bench-{index}").first.wait_for(timeout=60_000)


@contextmanager
def widget_page(cases: tuple[BrowserCase, ...] = BROWSER_CASES, lang: str = "en") -> Iterator[Any]:
    """JupyterLab in headless Chromium with the cases' widgets shown; yields the page."""
    from playwright.sync_api import sync_playwright

    from tests.browser.lab import CHROMIUM, CHROMIUM_ARGS, lab_server

    with tempfile.TemporaryDirectory(prefix="widget-latency-") as tmp, lab_server(Path(tmp)) as server:
        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            show_widgets(page, server, cases, lang)
            yield page
        finally:
            browser.close()
            playwright.stop()
