"""Portfolio plots: what is drawn — bubbles, cut-off lines, quadrant names, bands, bars."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from course.errors import CourseInputError
from course.i18n import set_language
from course.plots._style import figure_png
from course.plots.portfolio import (
    ADOPTER_COLOURS,
    BCG_COLOURS,
    MIN_DRAWN_SHARE,
    plot_bcg,
    plot_lifecycle,
    plot_product_history,
)


def products() -> pd.DataFrame:
    return pd.DataFrame({
        "product": ["CARDIA", "GLUCO", "NEURO", "PULMO", "ONCO"],
        "name_zh": ["心安", "糖平", "脑宁", "肺清", "瘤康"],
        "name_en": ["Cardia", "Gluco", "Neuro", "Pulmo", "Onco"],
        "market_growth": [0.18, 0.25, 0.04, 0.02, 0.10],
        "relative_share": [1.6, 0.3, 2.2, 0.4, 1.0],
        "sales_mrmb": [40.0, 8.0, 60.0, 3.0, 12.0],
    })


def history() -> pd.DataFrame:
    return pd.DataFrame({
        "year": [1994, 1995, 1996, 1997, 1998, 1999],
        "net_sales_krmb": [6031.0, 20766.0, 67612.0, 120424.0, 130000.0, 180000.0],
        "ap_spend_mrmb": [16.0, 26.0, 30.0, 27.0, np.nan, np.nan],
        "field_force": [120, 120, 150, 210, 220, 300],
        "is_target": [False, False, False, False, False, True],
    })


def _bubbles(ax) -> dict[str, tuple[np.ndarray, np.ndarray, str]]:  # type: ignore[no-untyped-def]
    """Per bubble group (legend label): offsets, sizes, face colour."""
    return {
        c.get_label(): (np.asarray(c.get_offsets()), c.get_sizes(), to_hex(c.get_facecolor()[0]))
        for c in ax.collections
    }


def test_bcg_bubbles_sit_at_share_and_growth_coloured_by_quadrant() -> None:
    ax = plot_bcg(products())
    groups = _bubbles(ax)
    assert set(groups) == {"Star", "Question mark", "Cash cow", "Dog"}
    stars, _sizes, colour = groups["Star"]
    assert stars.tolist() == [[1.6, 0.18], [1.0, 0.10]]  # ONCO sits on both cut-offs: a star
    assert colour == BCG_COLOURS["star"]
    assert groups["Dog"][0].tolist() == [[0.4, 0.02]]
    assert groups["Dog"][2] == BCG_COLOURS["dog"]
    assert groups["Cash cow"][2] == BCG_COLOURS["cash_cow"]
    assert groups["Question mark"][2] == BCG_COLOURS["question_mark"]


def test_bubble_area_follows_sales() -> None:
    groups = _bubbles(plot_bcg(products()))
    cow = groups["Cash cow"][1][0]    # 60 = the largest sales
    star = groups["Star"][1]          # 40 and 12
    dog = groups["Dog"][1][0]         # 3
    assert cow > star[0] > star[1] > dog
    assert (cow - 80) / (star[0] - 80) == pytest.approx(60 / 40)
    equal = _bubbles(plot_bcg(products(), size=None))
    assert {s for _o, sizes, _c in equal.values() for s in sizes} == {400.0}


def test_cut_off_lines_log_axis_reversed_and_labels() -> None:
    ax = plot_bcg(products())
    assert ax.get_xscale() == "log"
    left, right = ax.get_xlim()
    assert left > 1.0 > right  # classic: high share on the left
    vertical = [line for line in ax.lines if len(set(line.get_xdata())) == 1]
    horizontal = [line for line in ax.lines if len(set(line.get_ydata())) == 1]
    assert [line.get_xdata()[0] for line in vertical] == [1.0]
    assert [line.get_ydata()[0] for line in horizontal] == [0.10]
    names = [t.get_text() for t in ax.texts if t.get_gid() == "product"]
    assert names == ["Cardia", "Gluco", "Neuro", "Pulmo", "Onco"]
    corners = {t.get_gid(): t for t in ax.texts if str(t.get_gid()).startswith("quadrant-")}
    assert {g: t.get_text() for g, t in corners.items()} == {
        "quadrant-star": "Star", "quadrant-question_mark": "Question mark",
        "quadrant-cash_cow": "Cash cow", "quadrant-dog": "Dog"}
    # star top left, dog bottom right (axes coordinates)
    assert corners["quadrant-star"].get_position() == (0.03, 0.97)
    assert corners["quadrant-dog"].get_position() == (0.97, 0.03)
    assert ax.get_title() == "BCG growth-share matrix"
    assert ax.yaxis.get_major_formatter()(0.25, 0) == "25%"


def test_non_classic_axis_and_moved_cut_offs() -> None:
    ax = plot_bcg(products(), growth_cutoff=0.20, share_cutoff=2.0, classic=False)
    left, right = ax.get_xlim()
    assert left < 2.0 < right
    assert any(line.get_xdata()[0] == 2.0 for line in ax.lines)
    assert any(line.get_ydata()[0] == 0.20 for line in ax.lines)
    groups = _bubbles(ax)
    assert groups["Dog"][0][:, 0].tolist() == [1.6, 0.4, 1.0]
    corners = {t.get_gid(): t.get_position() for t in ax.texts if t.get_gid()}
    assert corners["quadrant-star"] == (0.97, 0.97)


def test_a_zero_share_is_drawn_at_the_floor_of_the_log_axis() -> None:
    table = products()
    table.loc[1, "relative_share"] = 0.0
    groups = _bubbles(plot_bcg(table))
    assert groups["Question mark"][0].tolist() == [[MIN_DRAWN_SHARE, 0.25]]


@pytest.mark.cjk
def test_bcg_in_chinese_names_both_dogs_and_draws_no_tofu() -> None:
    set_language("zh")
    ax = plot_bcg(products())
    corners = {t.get_gid(): t.get_text() for t in ax.texts if str(t.get_gid()).startswith("quadrant-")}
    assert corners["quadrant-dog"] == "瘦狗 / 赖皮狗"
    assert corners["quadrant-question_mark"] == "问题小孩 / 野猫"
    assert corners["quadrant-star"] == "明星" and corners["quadrant-cash_cow"] == "现金牛"
    assert next(t.get_text() for t in ax.texts if t.get_gid() == "product") == "心安"
    assert ax.get_xlabel() == "相对市场份额（对数刻度）"
    figure_png(ax.figure)  # a missing glyph would warn, and warnings are errors


def test_bcg_bad_input() -> None:
    table = products()
    table.loc[0, "market_growth"] = 15  # 15 typed for 15%
    with pytest.raises(CourseInputError, match="row 1, market_growth: got 15"):
        plot_bcg(table)


def test_lifecycle_bands_percentages_and_stages() -> None:
    ax = plot_lifecycle()
    assert len(ax.collections) == 5
    colours = [to_hex(c.get_facecolor()[0]) for c in ax.collections]
    assert colours == list(ADOPTER_COLOURS.values())
    bands = [c.get_gid() for c in ax.collections]
    assert bands == ["band-innovators", "band-early_adopters", "band-early_majority",
                     "band-late_majority", "band-laggards"]
    # band areas under the normal curve: 2.5 / 13.5 / 34 / 34 / 16 %
    areas = []
    for band in ax.collections:
        vertices = band.get_paths()[0].vertices
        x = vertices[:, 0]
        areas.append(x.max() - x.min())
    assert areas == pytest.approx([1.5, 1.0, 1.0, 1.0, 2.5])  # cut at -2, -1, 0, +1 sd
    labels = {t.get_gid(): t.get_text() for t in ax.texts}
    assert labels["adopter-innovators"] == "Innovators\n2.5%"
    assert labels["adopter-early_adopters"] == "Early adopters\n13.5%"
    assert labels["adopter-late_majority"] == "Late majority\n34%"
    assert labels["adopter-laggards"] == "Laggards\n16%"
    assert [labels[f"stage-label-{s}"] for s in ("introduction", "growth", "maturity", "decline")] == [
        "Introduction", "Growth", "Maturity", "Decline"]
    assert not [p for p in ax.patches if p.get_gid()]  # nothing highlighted


def test_lifecycle_highlights_one_stage() -> None:
    ax = plot_lifecycle(highlight_stage="maturity")
    spans = [p for p in ax.patches if p.get_gid()]
    assert [p.get_gid() for p in spans] == ["stage-maturity"]
    x0, x1 = spans[0].get_x(), spans[0].get_x() + spans[0].get_width()
    assert (x0, x1) == (0.0, 1.0)
    bold = [t.get_gid() for t in ax.texts if t.get_fontweight() == "bold"]
    assert bold == ["stage-label-maturity"]
    with pytest.raises(CourseInputError, match="stage: got 'mature'"):
        plot_lifecycle(highlight_stage="mature")


@pytest.mark.cjk
def test_lifecycle_in_chinese() -> None:
    set_language("zh")
    ax = plot_lifecycle()
    labels = {t.get_gid(): t.get_text() for t in ax.texts}
    assert labels["adopter-innovators"] == "创新者\n2.5%"
    assert labels["stage-label-introduction"] == "导入期"
    assert labels["stage-label-decline"] == "衰退期"
    figure_png(ax.figure)


def test_product_history_bars_line_and_target_year() -> None:
    ax = plot_product_history(history())
    heights = [p.get_height() for p in ax.patches]
    assert heights == [6031.0, 20766.0, 67612.0, 120424.0, 130000.0, 180000.0]
    assert [p.get_hatch() for p in ax.patches] == [None] * 5 + ["//"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["94", "95", "96", "97", "98", "99T"]
    twin = ax.figure.axes[1]
    assert twin.lines[0].get_ydata().tolist() == [120, 120, 150, 210, 220, 300]
    assert twin.get_ylabel() == "Field force (reps)"
    assert ax.get_ylabel() == "Net sales (RMB '000)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Net sales (RMB '000)", "Field force (reps)"]


def test_plots_use_the_given_axes() -> None:
    fig = Figure()
    left, middle, right = fig.subplots(1, 3)
    assert plot_bcg(products(), ax=left) is left
    assert plot_lifecycle(ax=middle) is middle
    assert plot_product_history(history(), ax=right) is right
    assert figure_png(fig)[:4] == b"\x89PNG"


def test_product_history_bad_input() -> None:
    table = history()
    table.loc[2, "field_force"] = -1
    with pytest.raises(CourseInputError, match="row 3, field_force: got -1"):
        plot_product_history(table)


@pytest.mark.cjk
def test_chinese_on_axes_made_before_the_plot_has_no_missing_glyphs() -> None:
    set_language("zh")
    fig = Figure()
    left, middle, right = fig.subplots(1, 3)  # made outside the plot's font context
    plot_bcg(products(), ax=left)
    plot_lifecycle(ax=middle)
    plot_product_history(history(), ax=right)
    assert left.get_xlabel() == "相对市场份额（对数刻度）"
    figure_png(fig)  # a missing glyph would warn, and warnings are errors
