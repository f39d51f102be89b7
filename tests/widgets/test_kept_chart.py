"""Charts that follow a slider by moving a few artists look exactly like charts drawn whole."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from course.i18n import set_language
from course.plots._style import figure_png
from course.plots.accounts import plot_hospital_grades
from course.widgets.accounts import HospitalGrader


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGB"), dtype=np.int16)


def differing_share(kept: bytes, whole: bytes) -> float:
    """Share of pixels that differ by more than a faint anti-aliasing step."""
    a, b = pixels(kept), pixels(whole)
    assert a.shape == b.shape, "the kept chart and the chart drawn whole differ in size"
    return float((np.abs(a - b).max(axis=2) > 40).mean())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hospital_grader_cutoffs_move_the_chart_without_drawing_it_whole(lang: str) -> None:
    set_language(lang)
    grader = HospitalGrader()
    grader.tabs.selected_index = 1
    chart = grader._chart
    assert chart.full_draws == 1
    for value in (60.0, 72.5, 55.0):
        before = bytes(grader.chart.value)
        grader.cut_a.value = value
        assert bytes(grader.chart.value) != before, "the chart did not change with the cut-off"
        result = grader.last_result
        whole = figure_png(plot_hospital_grades(result.graded, cutoffs=result.cutoffs).figure, dpi=72)
        assert differing_share(grader.chart.value, whole) < 0.002
    assert chart.full_draws == 1
    slider = next(iter(grader.weights.values()))
    slider.value = slider.value + slider.step if slider.value < slider.max else slider.value - slider.step  # new scores: the bars change order, the chart is drawn whole
    assert chart.full_draws == 2


def test_the_comparison_sees_a_wrong_picture() -> None:
    set_language("en")
    grader = HospitalGrader()
    grader.tabs.selected_index = 1
    grader.cut_a.value = 55.0
    result = grader.last_result
    other = result.graded.assign(grade="C")
    whole = figure_png(plot_hospital_grades(other, cutoffs=result.cutoffs).figure, dpi=72)
    assert differing_share(grader.chart.value, whole) > 0.002
