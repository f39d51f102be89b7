"""Time plots: what is drawn — points in the right cells, bar lengths and colours, the 80% line."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from course.errors import CourseInputError
from course.i18n import set_language
from course.plots._style import GRADE_COLOURS, QUADRANT_COLOURS, figure_png
from course.plots.time import CELLS, WASTER_COLOUR, plot_pareto, plot_quadrants, plot_time_breakdown
from course.timemgmt import abc_analysis, analyse_timelog


def tasks() -> pd.DataFrame:
    return pd.DataFrame({
        "task": ["call plan", "stock-out", "emails", "chat", "study data", "tender"],
        "minutes": [60, 30, 45, 20, 120, 90],
        "important": [True, True, False, False, True, True],
        "urgent": [False, True, True, False, False, True],
    })


def log() -> pd.DataFrame:
    return pd.DataFrame({
        "minutes": [90, 30, 45, 20, 40],
        "activity": ["calls", "plan", "wait", "find file", "chat"],
        "category": ["call", "planning", "waiting", "admin", "social"],
        "important": [True, True, False, False, False],
        "urgent": [True, False, False, True, False],
        "waster": [None, None, "unplanned_delays", "searching", "socialising"],
    })


def test_tasks_sit_in_their_material_quadrant_with_its_colour() -> None:
    ax = plot_quadrants(tasks())
    groups = {c.get_label(): c for c in ax.collections}
    assert sorted(groups) == ["A", "B", "C", "D"]
    for code, collection in groups.items():
        x0, y0 = CELLS[code]
        points = np.asarray(collection.get_offsets())
        assert ((points[:, 0] > x0) & (points[:, 0] < x0 + 1)).all()
        assert ((points[:, 1] > y0) & (points[:, 1] < y0 + 1)).all()
        assert to_hex(collection.get_facecolor()[0]) == QUADRANT_COLOURS[code]
    # B (important, not urgent) is top right: right of urgent, above not important
    assert CELLS["B"] == (1.0, 1.0) and CELLS["C"] == (0.0, 0.0)
    assert len(groups["B"].get_offsets()) == 2  # call plan, study data
    texts = [t.get_text() for t in ax.texts]
    assert "B  Important, not urgent\n180 min" in texts
    assert {"call plan", "study data", "tender"} <= set(texts)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Urgent", "Not urgent"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Important", "Not important"]
    # bigger tasks draw bigger points
    sizes = dict(zip(["call plan", "study data"], groups["B"].get_sizes(), strict=True))
    assert sizes["study data"] > sizes["call plan"]


def test_quadrant_chart_without_optional_columns_and_bad_input() -> None:
    ax = plot_quadrants(tasks()[["important", "urgent"]])
    assert sum(len(c.get_offsets()) for c in ax.collections) == 6
    with pytest.raises(CourseInputError, match="urgent"):
        plot_quadrants(tasks().drop(columns="urgent"))


def test_breakdown_per_quadrant() -> None:
    ax = plot_time_breakdown(log())
    bars = ax.patches
    assert [b.get_width() for b in bars] == [90, 30, 20, 85]  # A, B, C, D
    assert [to_hex(b.get_facecolor()) for b in bars] == [QUADRANT_COLOURS[q] for q in "ABCD"]
    assert [t.get_text() for t in ax.get_yticklabels()][1] == "B  Important, not urgent"
    assert "85 min (38%)" in [t.get_text() for t in ax.texts]


def test_breakdown_per_waster_and_category() -> None:
    summary = analyse_timelog(log())
    ax = plot_time_breakdown(summary, by="waster")
    assert [b.get_width() for b in ax.patches] == [45, 40, 20]
    assert {to_hex(b.get_facecolor()) for b in ax.patches} == {WASTER_COLOUR}
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Unplanned delays", "Too much socialising", "Searching for things"]
    ax = plot_time_breakdown(summary, by="category", top=2)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Calls on doctors", "Waiting"]
    with pytest.raises(CourseInputError, match="by: got 'day'"):
        plot_time_breakdown(summary, by="day")


def test_breakdown_of_a_log_without_wasters() -> None:
    ax = plot_time_breakdown(log().drop(columns="waster"), by="waster")
    assert len(ax.patches) == 0
    assert "Nothing logged here" in [t.get_text() for t in ax.texts]


def test_pareto_curve() -> None:
    values = pd.Series({"H1": 500, "H2": 300, "H3": 100, "H4": 60, "H5": 40})
    ax = plot_pareto(abc_analysis(values), labels={"H1": "City No.1"})
    bars = ax.patches
    assert [round(b.get_height(), 2) for b in bars] == [0.5, 0.3, 0.1, 0.06, 0.04]
    assert [to_hex(b.get_facecolor()) for b in bars] == [GRADE_COLOURS[c] for c in "AABBC"]
    curve, hline, vline = ax.lines
    assert list(curve.get_ydata()) == pytest.approx([0.5, 0.8, 0.9, 0.96, 1.0])
    assert list(hline.get_ydata()) == [0.8, 0.8]
    assert list(vline.get_xdata()) == [2, 2]  # two accounts reach 80%
    assert "2 of 5 accounts (40%) bring 80% of sales" in [t.get_text() for t in ax.texts]
    assert ax.get_xticklabels()[0].get_text() == "City No.1"


@pytest.mark.cjk
def test_chinese_labels_render_without_missing_glyphs() -> None:
    set_language("zh")
    ax = plot_quadrants(tasks())
    assert "B  重要不紧急\n180 分钟" in [t.get_text() for t in ax.texts]
    assert ax.get_title() == "时间管理表"
    figure_png(ax.figure)  # a missing glyph would warn, and warnings are errors
    ax = plot_time_breakdown(log(), by="waster")
    assert ax.get_yticklabels()[0].get_text() == "偶发延误"
    figure_png(ax.figure)
    ax = plot_pareto(pd.Series({"H1": 5, "H2": 1}))
    assert ax.get_title() == "帕累托曲线（二八定律）"
    figure_png(ax.figure)
