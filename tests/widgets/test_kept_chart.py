"""Charts that follow a control by moving a few artists look like charts drawn whole.

For each kept chart, a control is moved through several values; after each, the
widget's picture is compared pixel by pixel with the library's chart drawn whole
for the same result, in both languages.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from PIL import Image

from course.i18n import set_language
from course.plots._style import figure_png, plot_context
from course.plots.accounts import plot_hospital_grades, plot_status_potential
from course.plots.bigcustomers import plot_relationship_health
from course.plots.goals import plot_fairness, plot_quota_split
from course.plots.planning import plot_call_calendar
from course.plots.portfolio import bcg_growth_limits, plot_bcg
from course.plots.professional import plot_wheel
from course.plots.time import plot_quadrants
from course.widgets.accounts import HospitalGrader, PhysicianScorecard
from course.widgets.bigcustomers import RelationshipHealthCheck
from course.widgets.goals import QuotaAllocator
from course.widgets.planning import CallPlanner
from course.widgets.portfolio import PortfolioExplorer
from course.widgets.professional import WheelOfLife
from course.widgets.time import TimeMatrixBoard


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGB"), dtype=np.int16)


def differing_share(kept: bytes, whole: bytes) -> float:
    """Share of pixels that differ by more than a faint anti-aliasing step."""
    a, b = pixels(kept), pixels(whole)
    assert a.shape == b.shape, "the kept chart and the chart drawn whole differ in size"
    return float((np.abs(a - b).max(axis=2) > 40).mean())


@dataclass(frozen=True)
class Kept:
    """One kept chart of a widget and how to draw the same chart whole."""

    widget: Callable[[], Any]
    control: str
    values: tuple[object, ...]
    image: str
    chart: str
    whole: Callable[[Any], bytes]
    moves: int = 2
    """How many of the updates at least must move the kept chart rather than draw it whole."""


def _open_tab(widget: Any) -> Any:
    """The widget with its chart's tab (the second) open."""
    widget.tabs.selected_index = 1
    return widget


CASES = {
    "hospital grades": Kept(
        lambda: _open_tab(HospitalGrader()), "cut_a", (60.0, 72.5, 55.0), "chart", "_chart",
        lambda w: figure_png(plot_hospital_grades(w.last_result.graded, cutoffs=w.last_result.cutoffs).figure,
                             dpi=72)),
    "quota split": Kept(
        QuotaAllocator, "weight", (0.55, 0.6, 0.65), "split_image", "_split_chart",
        lambda w: figure_png(plot_quota_split(w.last_result.cascade.territories).figure)),
    "fairness": Kept(
        QuotaAllocator, "weight", (0.0, 0.65, 1.0), "fairness_image", "_fairness_chart",
        lambda w: figure_png(plot_fairness(w.last_result.fairness, against=w.against.value,
                                           limits=w._attainment_limits()).figure)),
    "status and potential": Kept(
        PhysicianScorecard, "status", (4, -3, 2), "grid", "_grid",
        lambda w: figure_png(plot_status_potential(
            w._territory, highlight=(w.last_result.score.status, w.last_result.score.potential_class)).figure,
            dpi=72)),
    "call calendar": Kept(
        lambda: _open_tab(CallPlanner()), "calls_per_day", (11, 13, 10), "calendar", "_calendar",
        lambda w: figure_png(plot_call_calendar(w.last_result.plan).figure, dpi=72)),
    "relationship health": Kept(
        RelationshipHealthCheck, "min_doctors", (8, 1, 12), "chart", "_chart",
        lambda w: figure_png(plot_relationship_health(w.last_result).figure),
        moves=0),  # this slider changes the accounts' statuses, whose labels set the margin
    "time matrix": Kept(
        TimeMatrixBoard, "add", ("Plan the week", "Call Dr Li back", "Read the news"), "matrix_image", "_matrix",
        lambda w: figure_png(plot_quadrants(w.last_result.tasks).figure)),
    "BCG matrix": Kept(
        PortfolioExplorer, "growth_cutoff", (0.2, 0.05, 0.12), "bcg_image", "_bcg", lambda w: _bcg_whole(w)),
    "wheel of life": Kept(
        WheelOfLife, "sliders['health']", (9.0, 2.0, 5.0), "chart", "_chart",
        lambda w: figure_png(plot_wheel(w.last_result).figure)),
}


def _bcg_whole(explorer: Any) -> bytes:
    """The widget's matrix drawn whole: the same figure, margins and axis as the widget's."""
    from matplotlib.figure import Figure

    with plot_context():  # as the widget builds it: the course's style from the figure on
        figure = Figure(figsize=(6.5, 5))
        ax = figure.add_axes((0.11, 0.1, 0.86, 0.83))
    slider = explorer.growth_cutoff
    plot_bcg(explorer.last_result.products, ax, growth_cutoff=slider.value,
             share_cutoff=explorer.share_cutoff.value,
             growth_limits=bcg_growth_limits(explorer.last_result.products, (slider.min, slider.max)))
    return figure_png(figure)


def control(widget: object, path: str) -> Any:
    """The control at ``path``: an attribute, or an attribute's item as ``name['key']``."""
    name, _, key = path.partition("[")
    found = getattr(widget, name)
    return found[key.strip("]'")] if key else found


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(CASES))
def test_a_kept_chart_looks_like_the_chart_drawn_whole(name: str, lang: str) -> None:
    case = CASES[name]
    set_language(lang)
    widget = case.widget()
    moved = 0
    for value in case.values:
        before = bytes(getattr(widget, case.image).value)
        draws = getattr(widget, case.chart).full_draws
        if case.control == "add":  # a new task: its name, then the button
            widget.name.value = str(value)
            widget.add.click()
        else:
            control(widget, case.control).value = value
        assert widget.last_error is None and widget.last_exception is None
        assert bytes(getattr(widget, case.image).value) != before, "the chart did not follow the control"
        moved += getattr(widget, case.chart).full_draws == draws
        assert differing_share(getattr(widget, case.image).value, case.whole(widget)) < 0.002
    assert moved >= case.moves, "the chart was drawn whole instead of moved"


def test_the_comparison_sees_a_wrong_picture() -> None:
    set_language("en")
    grader = _open_tab(HospitalGrader())
    grader.cut_a.value = 55.0
    result = grader.last_result
    other = result.graded.assign(grade="C")
    whole = figure_png(plot_hospital_grades(other, cutoffs=result.cutoffs).figure, dpi=72)
    assert differing_share(grader.chart.value, whole) > 0.002


def test_the_hospital_chart_is_drawn_whole_when_the_bars_change_order() -> None:
    grader = _open_tab(HospitalGrader())
    grader.cut_a.value = 60.0
    assert grader._chart.full_draws == 1
    slider = next(iter(grader.weights.values()))
    slider.value = slider.value + slider.step if slider.value < slider.max else slider.value - slider.step
    assert grader._chart.full_draws == 2
