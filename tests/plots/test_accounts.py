"""Key-account plots: what is drawn — bars by grade, cut-off lines, grid counts, tiers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from course.accounts import (
    DEFAULT_GRID,
    GradeCutoffs,
    HospitalWeights,
    grade_hospitals,
    score_physicians,
)
from course.data import load_sample
from course.errors import CourseInputError
from course.i18n import set_language
from course.plots._style import GRADE_COLOURS, figure_png
from course.plots.accounts import (
    TIER_COLOURS,
    plot_hospital_grades,
    plot_status_potential,
    status_potential_counts,
)


def test_one_bar_per_hospital_coloured_by_grade_best_first() -> None:
    hospitals = load_sample("hospitals")
    ax = plot_hospital_grades(hospitals)
    graded = grade_hospitals(hospitals).sort_values("score", ascending=False, kind="stable")
    bars = ax.patches
    assert len(bars) == len(hospitals)
    assert [round(float(b.get_width()), 1) for b in bars] == graded["score"].tolist()
    assert [to_hex(b.get_facecolor()) for b in bars] == [
        GRADE_COLOURS[g] for g in graded["grade"].astype(str)
    ]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("First Affiliated Hospital")
    assert ax.get_title() == "Hospital grading: score and grade"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    counts = graded["grade"].value_counts()
    assert legend == [f"{g} ({counts[g]})" for g in "ABC"]
    figure_png(ax.figure)  # draws without a missing-glyph warning


def test_cutoff_lines_follow_the_settings() -> None:
    ax = plot_hospital_grades(load_sample("hospitals"), cutoffs=GradeCutoffs(a=70, b=30))
    lines = {line.get_gid(): line.get_xdata()[0] for line in ax.lines}
    assert lines == {"cutoff-A": 70, "cutoff-B": 30}
    assert "A ≥ 70" in [t.get_text().strip() for t in ax.texts]


def test_weights_change_what_is_drawn() -> None:
    hospitals = load_sample("hospitals")
    volume_only = HospitalWeights(0, 0, 1, 0, 0)
    ax = plot_hospital_grades(hospitals, weights=volume_only)
    top = grade_hospitals(hospitals, weights=volume_only)["score"].max()
    assert round(float(ax.patches[0].get_width()), 1) == top


def test_an_already_graded_table_is_drawn_as_given() -> None:
    graded = pd.DataFrame({"hospital_id": ["H1", "H2"], "score": [30.0, 80.0], "grade": ["C", "A"]})
    ax = plot_hospital_grades(graded)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["H2", "H1"]
    assert [to_hex(b.get_facecolor()) for b in ax.patches] == [GRADE_COLOURS["A"], GRADE_COLOURS["C"]]


@pytest.mark.cjk
def test_hospital_chart_in_chinese() -> None:
    set_language("zh")
    ax = plot_hospital_grades(load_sample("hospitals"))
    assert ax.get_title() == "医院定级：得分与定级结果"
    assert ax.get_yticklabels()[0].get_text() == "江城医科大学附属第一医院"
    figure_png(ax.figure)


def scored() -> pd.DataFrame:
    return score_physicians(load_sample("prescribing"), load_sample("physicians"))


def test_heat_map_counts_every_cell() -> None:
    table = scored()
    ax = plot_status_potential(table)
    expected = pd.crosstab(table["potential_class"], table["status"]).reindex(
        index=["high", "medium", "low"], columns=range(-4, 5), fill_value=0
    )
    counts = [int(t.get_text()) for t in ax.texts if t.get_gid() == "count"]
    assert counts == expected.to_numpy().ravel().tolist()
    assert sum(counts) == len(table)
    image = ax.images[0].get_array()
    assert np.asarray(image).tolist() == expected.to_numpy().tolist()
    figure_png(ax.figure)


def test_heat_map_letters_and_outlines_the_tiers() -> None:
    ax = plot_status_potential(scored())
    letters = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("tier-")]
    assert letters == [tier for row in ("high", "medium", "low") for tier in DEFAULT_GRID[row]]
    colours = {t.get_text(): to_hex(t.get_color()) for t in ax.texts if (t.get_gid() or "").startswith("tier-")}
    assert colours == {k: to_hex(v) for k, v in TIER_COLOURS.items()}
    edges = [line for line in ax.lines if line.get_gid() == "tier-edge"]
    # default grid: tier changes along the rows 3 (high) + 3 (medium) + 1 (low); between
    # high and medium all 9 columns differ, between medium and low 7; plus 4 border lines
    assert len(edges) == (3 + 3 + 1) + (9 + 7) + 4
    assert ax.get_xticklabels()[0].get_text() == "−4 opposed"
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "High potential", "Medium potential", "Low potential",
    ]


def test_a_custom_grid_is_outlined() -> None:
    grid = {c: ("A",) * 9 for c in ("high", "medium", "low")}
    ax = plot_status_potential(scored(), grid=grid)
    assert len([line for line in ax.lines if line.get_gid() == "tier-edge"]) == 4


@pytest.mark.cjk
def test_heat_map_in_chinese() -> None:
    set_language("zh")
    ax = plot_status_potential(scored())
    assert [t.get_text() for t in ax.get_xticklabels()][4] == "0 不处方"
    assert ax.get_yticklabels()[0].get_text() == "高潜力"
    figure_png(ax.figure)


def test_counts_refuse_a_table_that_was_not_scored() -> None:
    with pytest.raises(CourseInputError, match="potential_class"):
        status_potential_counts(pd.DataFrame({"status": [1]}))
    with pytest.raises(CourseInputError, match="status / potential_class"):
        status_potential_counts(pd.DataFrame({"status": [7], "potential_class": ["high"]}))


def test_one_cell_can_be_highlighted() -> None:
    ax = plot_status_potential(scored(), highlight=(-2, "medium"))
    frames = [p for p in ax.patches if p.get_gid() == "highlight"]
    assert len(frames) == 1
    x, y = frames[0].get_xy()
    assert (round(x + 0.46), round(y + 0.46)) == (2, 1)  # column of status -2, row "medium"
    with pytest.raises(CourseInputError, match="potential_class: got 'huge'"):
        plot_status_potential(scored(), highlight=(0, "huge"))
