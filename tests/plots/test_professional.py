"""Wheel-of-life radar and survey chart: what is drawn."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.colors import to_hex

from course.i18n import set_language
from course.plots._style import figure_png
from course.plots.professional import WEAK_COLOUR, plot_survey, plot_wheel, spoke_angles
from course.professional import SPOKES, assess_wheel

SCORES = dict(family=8, career=7, mood=6, relationships=7, health=3, money=5, personal_growth=6)



def test_wheel_draws_each_spoke_at_its_score_and_closes() -> None:
    ax = plot_wheel(SCORES)
    wheel = next(line for line in ax.lines if line.get_label() == "wheel")
    assert wheel.get_ydata().tolist() == [8, 7, 6, 7, 3, 5, 6, 8]
    assert np.allclose(wheel.get_xdata()[:-1], spoke_angles())
    assert len(spoke_angles()) == 7 and spoke_angles()[0] == 0
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0] == "Family\n8" and labels[4] == "Health\n3" and len(labels) == 7
    assert ax.get_ylim() == (0, 10)


def test_weakest_spokes_are_marked_red_and_the_mean_circle_drawn() -> None:
    ax = plot_wheel({**SCORES, "money": 3})
    weak = next(line for line in ax.lines if line.get_label() == "weakest")
    assert weak.get_ydata().tolist() == [3, 3]
    assert np.allclose(weak.get_xdata(), spoke_angles()[[4, 5]])
    assert to_hex(weak.get_color()) == WEAK_COLOUR
    mean = next(line for line in ax.lines if line.get_label() == "mean")
    assert np.allclose(mean.get_ydata(), 40 / 7)  # 8+7+6+7+3+3+6 = 40
    assert "lopsided" in ax.get_title()
    balanced = plot_wheel(assess_wheel({s.key: 6 for s in SPOKES}))
    assert "balanced" in balanced.get_title()


def test_survey_bars_show_the_materials_figures() -> None:
    ax = plot_survey()
    widths = [round(float(p.get_width()), 2) for p in ax.patches]
    assert widths == [0.03, 0.10, 0.60, 0.27]
    assert {"3%", "10%", "60%", "27%"} <= {t.get_text() for t in ax.texts}


@pytest.mark.cjk
def test_chinese_labels_render_without_missing_glyphs() -> None:
    set_language("zh")
    ax = plot_wheel(SCORES)
    assert ax.get_xticklabels()[3].get_text() == "人际关系\n7"
    assert ax.get_title().startswith("人生的车轮")
    figure_png(ax.figure)  # a missing glyph would warn, and warnings are errors
    ax = plot_survey()
    assert ax.get_yticklabels()[0].get_text() == "过着独立富裕生活"
    figure_png(ax.figure)


def test_english_renders_too() -> None:
    figure_png(plot_wheel(SCORES).figure)
    figure_png(plot_survey().figure)
