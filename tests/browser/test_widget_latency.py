"""Widgets in the browser: a control's change redraws the chart on screen, and a fast drag ends
on its last value.

The same driver as ``make bench`` (:mod:`benchmarks.browser_latency`) moves each widget's main
control in JupyterLab; the bytes of the image shown must change (not only a message be sent).
A slider dragged quickly may skip intermediate values (ipywidgets sends the newest value once the
kernel is free), but never the last one: the kernel ends on it and the picture shown is the
kernel's last picture.
"""

from __future__ import annotations

from benchmarks.browser_latency import BROWSER_CASES, image_fingerprints, show_widgets, time_update

from .lab import LabServer
from .notebook import execute, wait_idle

FINGERPRINT = """
def fingerprint(data: bytes) -> str:
    h = 0
    for b in bytes(data):
        h = (h * 31 + b) & 0xFFFFFFFF
    return f"{len(bytes(data))}:{h}"
"""


def test_every_widget_chart_changes_on_screen_when_its_control_changes(server: LabServer, page: object) -> None:
    show_widgets(page, server)
    for index, case in enumerate(BROWSER_CASES):
        before = image_fingerprints(page, index)
        ms = time_update(page, index, case, 0)
        after = image_fingerprints(page, index)
        assert after != before, f"{case.widget}: the picture on screen did not change ({ms:.0f} ms)"


def test_a_fast_drag_ends_on_its_last_value(server: LabServer, page: object) -> None:
    show_widgets(page, server)
    index = next(i for i, c in enumerate(BROWSER_CASES) if c.widget == "HospitalGrader")
    start = float(execute(page, f"print(widget_{index}.cut_a.value, widget_{index}.updates)").split()[0])
    handle = page.locator(f".bench-{index} .bench-control .noUi-handle").first
    handle.focus()
    presses = 16
    for _ in range(presses):
        handle.press("ArrowLeft", delay=0)
    wait_idle(page)
    page.wait_for_timeout(1500)
    value, updates = execute(
        page, f"w = widget_{index}\nprint(w.cut_a.value, w.updates, w.last_result.cutoffs.a)").split()[:2]
    assert float(value) == start - 0.5 * presses  # the last value arrived
    shown = image_fingerprints(page, index)[0]
    kernel = execute(page, FINGERPRINT + f"print(fingerprint(widget_{index}.chart.value))").strip()
    assert shown == kernel  # and its picture is the one on screen
    assert int(updates) <= presses + 1
