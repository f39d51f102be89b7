"""One update of each course widget on the sample territory (target < 100 ms).

For every course widget that exists, builds it on the sample territory, then
times updates of a typical control change: a slider, dropdown or text field gets
a new ``.value`` (or a button is clicked), which runs the widget's guarded
refresh: the library call, the tables, and the chart when the change alters
what the chart shows. The values are chosen so that each timed update really
changes the result and draws a chart nobody has drawn before (cases marked
"fresh widget" build a new widget, untimed, for each update); chart tabs are
opened so that drawing is part of the time. One case shows the other side: a
chart seen before comes from the widget's cache.

Reports per case the median and 90th percentile of the wall-clock time, the
median CPU time of the process, and whether the median wall time is under
100 ms. Then, in JupyterLab in headless Chromium, each widget's main control is
driven as a trainee drives it and timed from the input event until the new
chart is on screen (:mod:`benchmarks.browser_latency`), beside the kernel's time. Other work on a shared machine slows every wall time down, so the load
average is printed at the start and the end, with the time this machine needs
for a minimal matplotlib figure as a yardstick. Run with
``python -m benchmarks widgets``.
"""

from __future__ import annotations

import importlib
import io
import os
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TARGET_MS = 100.0
WARM_UPS = 1
BROWSER_UPDATES = 8

Step = Callable[[], None]


@dataclass(frozen=True)
class Case:
    """One timed control change of one widget."""

    module: str
    """Module under ``course.widgets``."""
    widget: str
    """Class name of the widget."""
    change: str
    """What the update changes, in words."""
    steps: Callable[[Any], Iterator[Step]]
    """Given the built widget, yields the updates to time (one callable each)."""
    setup: Callable[[Any], None] | None = None
    """Run once after building, untimed (e.g. open the chart's tab)."""
    fresh: int = 0
    """When > 0: time this many updates, each on a newly built widget (update i takes
    step i, round robin)."""


def _set(control: Any, value: object) -> Step:
    def step() -> None:
        control.value = value

    return step


def _values(control: Any, values: list[Any]) -> Iterator[Step]:
    for value in values:
        yield _set(control, value)


def _open_tab(index: int) -> Callable[[Any], None]:
    def setup(widget: Any) -> None:
        widget.tabs.selected_index = index

    return setup


def _add_tasks(board: Any) -> Iterator[Step]:
    for i in range(8):
        def step(i: int = i) -> None:
            board.name.value, board.minutes.value = f"Task {i}", 10 + 5 * i
            board.important.value, board.urgent.value = bool(i % 2), bool(i % 3)
            board.add.click()

        yield step


_ALL_BREAKDOWNS = ["quadrant", "category", "activity", "waster"]


def _draw_every_breakdown(board: Any) -> None:
    for value in _ALL_BREAKDOWNS:
        board.breakdown.value = value


CUTS = [60.0, 62.0, 64.0, 66.0, 68.0, 63.0, 61.0, 67.0]

CASES: tuple[Case, ...] = (
    Case("time", "TimeMatrixBoard", "time-log breakdown dropdown (chart), fresh widget",
         lambda w: _values(w.breakdown, ["quadrant", "category", "activity"]), fresh=6),
    Case("time", "TimeMatrixBoard", "breakdown back to a chart seen before",
         lambda w: _values(w.breakdown, _ALL_BREAKDOWNS * 2), setup=_draw_every_breakdown),
    Case("time", "TimeMatrixBoard", "add a task (matrix chart)", _add_tasks),
    Case("time", "TimeMatrixBoard", "income field (text only)",
         lambda w: _values(w.income, [10_000.0 + 500 * i for i in range(8)])),
    Case("accounts", "HospitalGrader", "cut-off A slider, chart tab open",
         lambda w: _values(w.cut_a, CUTS), setup=_open_tab(1)),
    Case("accounts", "HospitalGrader", "cut-off A slider, table tab",
         lambda w: _values(w.cut_a, CUTS)),
    Case("accounts", "PhysicianScorecard", "prescribing status dropdown (grid chart)",
         lambda w: _values(w.status, [s for s in range(-4, 5) if s != w.status.value][:8])),
    Case("accounts", "PhysicianScorecard", "patients a month (text, same grid cell)",
         lambda w: _values(w.patients, [w.patients.value + i for i in range(1, 9)])),
    Case("portfolio", "PortfolioExplorer", "growth cut-off slider (BCG chart)",
         lambda w: _values(w.growth_cutoff, [0.05, 0.06, 0.07, 0.08, 0.09, 0.11, 0.12, 0.13])),
    Case("portfolio", "PortfolioExplorer", "periods averaged (life cycle only)",
         lambda w: _values(w.window, [2, 4, 5, 6, 1, 2, 4, 5])),
    Case("professional", "WheelOfLife", "one spoke's slider (radar chart)",
         lambda w: _values(next(iter(w.sliders.values())), [1.0, 2.0, 3.0, 4.0, 6.0, 7.0, 8.0, 9.0])),
    Case("goals", "SmartCoach", "goal text (letter board)",
         lambda w: _values(w.text, [f"2026年12月31日前将心内科的月处方量从200盒提高到{300 + i}盒"
                                    for i in range(8)])),
    Case("goals", "QuotaAllocator", "history weight slider (two charts)",
         lambda w: _values(w.weight, [0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.1])),
    Case("planning", "CallPlanner", "calls a day, calendar tab open",
         lambda w: _values(w.calls_per_day, [10, 11, 13, 14, 15, 12, 11, 13]), setup=_open_tab(1)),
    Case("bigcustomers", "RelationshipHealthCheck", "minimum doctors slider (grid chart)",
         lambda w: _values(w.min_doctors, [8, 1, 9, 2, 10, 1, 12, 3])),
    Case("planning", "CallPlanner", "calls a day, month table tab",
         lambda w: _values(w.calls_per_day, [10, 11, 13, 14, 15, 12, 11, 13])),
)


@dataclass(frozen=True)
class Timing:
    """The measured updates of one case."""

    case: Case
    """What was timed."""
    wall_ms: list[float]
    """Each update's wall-clock time in milliseconds."""
    cpu_ms: list[float]
    """Each update's CPU time of this process in milliseconds."""

    @property
    def median(self) -> float:
        """Median wall time of one update (ms)."""
        return statistics.median(self.wall_ms)

    @property
    def p90(self) -> float:
        """90th percentile of the wall time of one update (ms), nearest rank."""
        ordered = sorted(self.wall_ms)
        return ordered[min(len(ordered) - 1, max(0, round(0.9 * len(ordered)) - 1))]

    @property
    def cpu(self) -> float:
        """Median CPU time of one update (ms)."""
        return statistics.median(self.cpu_ms)


def _check(widget: Any, case: Case) -> None:
    error = widget.last_error or widget.last_exception
    if error is not None:
        raise SystemExit(f"{case.widget} ({case.change}) failed while timed: {error!r}")


def _build(cls: type, case: Case) -> Any:
    widget = cls()
    if case.setup is not None:
        case.setup(widget)
    return widget


def _timed(step: Step) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def time_case(case: Case) -> Timing | str:
    """Build the case's widget and time its updates; a string says why it was skipped."""
    try:
        module = importlib.import_module(f"course.widgets.{case.module}")
    except ImportError as exc:
        return f"course.widgets.{case.module} cannot be imported ({exc})"
    cls = getattr(module, case.widget, None)
    if cls is None:
        return f"course.widgets.{case.module} has no {case.widget} yet"
    walls: list[float] = []
    cpus: list[float] = []
    if case.fresh:
        for i in range(WARM_UPS + case.fresh):
            widget = _build(cls, case)
            steps = list(case.steps(widget))
            wall, cpu = _timed(steps[i % len(steps)])
            _check(widget, case)
            if i >= WARM_UPS:
                walls.append(wall)
                cpus.append(cpu)
        return Timing(case, walls, cpus)
    widget = _build(cls, case)
    steps = list(case.steps(widget))
    for step in steps[:WARM_UPS]:  # first use loads fonts and caches
        step()
    for step in steps[WARM_UPS:]:
        wall, cpu = _timed(step)
        _check(widget, case)
        walls.append(wall)
        cpus.append(cpu)
    return Timing(case, walls, cpus)


def yardstick_ms(repeats: int = 5) -> tuple[float, float]:
    """Median wall and CPU ms of a minimal matplotlib figure (one line, a title) to PNG."""
    from matplotlib.figure import Figure

    def draw() -> None:
        fig = Figure(figsize=(7, 4))
        ax = fig.add_subplot()
        ax.plot(range(10))
        ax.set_title("yardstick")
        fig.savefig(io.BytesIO(), format="png", dpi=100)

    draw()
    times = [_timed(draw) for _ in range(repeats)]
    return statistics.median(w for w, _ in times), statistics.median(c for _, c in times)


def _ms(value: float) -> str:
    return f"{value:.1f}ms" if value < 10 else f"{value:.0f}ms"


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> None:
    from course.i18n import get_language
    from course.plots._style import cjk_font

    print(f"load average {_load()} (1, 5, 15 min) on {os.cpu_count()} CPUs; "
          f"language {get_language()}; CJK font {cjk_font() or 'none'}")
    wall, cpu = yardstick_ms()
    print(f"yardstick: a minimal matplotlib figure to PNG takes {wall:.0f} ms ({cpu:.0f} ms CPU) here")
    header = (f"{'widget':<19} {'control change':<52} {'n':>2} {'median':>7} {'p90':>7} "
              f"{'cpu':>7}  <{TARGET_MS:g}ms")
    print(header)
    print("-" * len(header))
    timings: list[Timing] = []
    for case in CASES:
        outcome = time_case(case)
        if isinstance(outcome, str):
            print(f"{case.widget:<19} skipped: {outcome}")
            continue
        timings.append(outcome)
        print(f"{case.widget:<19} {case.change:<52} {len(outcome.wall_ms):>2} "
              f"{_ms(outcome.median):>7} {_ms(outcome.p90):>7} {_ms(outcome.cpu):>7}  "
              f"{'yes' if outcome.median < TARGET_MS else 'NO'}", flush=True)
    fast = sum(t.median < TARGET_MS for t in timings)
    fast_cpu = sum(t.cpu < TARGET_MS for t in timings)
    print(f"{fast} of {len(timings)} updates under {TARGET_MS:g} ms (median wall time), "
          f"{fast_cpu} by CPU time; load average at the end {_load()}")
    browser_table(timings, wall)


WHY_SLOW = {
    "CallPlanner": "plans the whole month again (about 40 ms) and moves every day's squares and numbers",
    "QuotaAllocator": "recomputes the cascade and the fairness backtest, then moves two charts",
    "RelationshipHealthCheck": "an account's new status changes the labels that set the margin: drawn whole",
    "TimeMatrixBoard": "each breakdown is a different chart, drawn whole the first time it is shown",
}
"""Why a widget's main control may miss the target: what its update has to draw."""


def _near(median: float) -> str:
    return f"{median - TARGET_MS:.0f} ms over: the page's own round trip is the yardstick's"


def browser_table(timings: list[Timing], yardstick_wall: float) -> None:
    """In the browser: each widget's main control, input event to pixels, beside the kernel's time."""
    from benchmarks.browser_latency import BROWSER_CASES, YARDSTICK, measure, widget_page
    from tests.browser.lab import CHROMIUM

    if not Path(CHROMIUM).exists():
        print(f"in-browser timing skipped: no Chromium at {CHROMIUM}")
        return
    print(f"\nin the browser (JupyterLab in headless Chromium): input event to new chart on screen; "
          f"yardstick figure {yardstick_wall:.0f} ms here")
    header = (f"{'widget':<19} {'main control':<44} {'kernel':>7} {'p90':>7} {'browser':>8} {'p90':>7}  "
              f"<{TARGET_MS:g}ms")
    print(header)
    print("-" * len(header))
    cases = (YARDSTICK, *BROWSER_CASES)
    with widget_page(cases) as page:
        yardstick, *results = measure(page, cases, updates=BROWSER_UPDATES)
    print(f"{'yardstick':<19} {YARDSTICK.change:<44} {'':>7} {'':>7} {_ms(yardstick.median):>8} "
          f"{_ms(yardstick.p90):>7}  (the page's own round trip: kernel, comm, decode, paint)")
    under = 0
    for result in results:
        case = result.case
        kernel = next((t for t in timings if t.case.widget == case.widget
                       and t.case.change.startswith(case.change)), None)
        k_med, k_p90 = (_ms(kernel.median), _ms(kernel.p90)) if kernel else ("-", "-")
        ok = result.median < TARGET_MS
        under += ok
        why = "" if ok else f" ({result.error or WHY_SLOW.get(case.widget, _near(result.median))})"
        print(f"{case.widget:<19} {case.change:<44} {k_med:>7} {k_p90:>7} {_ms(result.median):>8} "
              f"{_ms(result.p90):>7}  {'yes' if ok else 'NO' + why}", flush=True)
    print(f"{under} of {len(results)} widgets under {TARGET_MS:g} ms in the browser (median); "
          f"load average at the end {_load()}")
