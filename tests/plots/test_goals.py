"""Goal plots: SMART tiles by verdict, quota bars and markers, months, fairness scatter."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from course.errors import CourseInputError
from course.goals import allocate_quota, cascade_quota, coach_goal, fairness_check, phase_quotas
from course.i18n import set_language
from course.plots._style import figure_png
from course.plots.goals import (
    HISTORY_COLOUR,
    POTENTIAL_COLOUR,
    VERDICT_COLOURS,
    plot_fairness,
    plot_monthly_quota,
    plot_quota_split,
    plot_smart_board,
)

TODAY = date(2026, 3, 2)



def test_smart_board_colours_each_letter_by_its_verdict() -> None:
    good = coach_goal("2026年12月31日前将某医院心内科的月处方量从200盒提高到300盒", today=TODAY)
    ax = plot_smart_board(good.verdict)
    assert {to_hex(p.get_facecolor()) for p in ax.patches} == {VERDICT_COLOURS["pass"]}
    assert [t.get_text() for t in ax.texts][::2] == ["S", "M", "A", "R", "T"]
    assert "✓ Ambitious" in [t.get_text() for t in ax.texts]
    vague = plot_smart_board(coach_goal("尽量提高销量", today=TODAY).verdict)
    colours = [to_hex(p.get_facecolor()) for p in vague.patches]
    assert colours == [VERDICT_COLOURS[v] for v in ("fail", "fail", "check", "check", "fail")]
    assignable = plot_smart_board(coach_goal("尽量提高销量", today=TODAY, variant="assignable").verdict)
    assert "✗ Assignable" in [t.get_text() for t in assignable.texts]


def test_quota_split_bars_and_markers() -> None:
    t = pd.DataFrame({"territory": ["N", "S", "E"], "territory_en": ["North", "South", "East"],
                      "history": [500, 300, 200], "potential": [200, 500, 300]})
    out = allocate_quota(10_000, t, weight=0.7)
    ax = plot_quota_split(out)
    assert [float(p.get_height()) for p in ax.patches] == [4100, 3600, 2300]
    history = next(line for line in ax.lines if line.get_label() == "history only")
    potential = next(line for line in ax.lines if line.get_label() == "potential only")
    assert history.get_ydata().tolist() == [5000, 3000, 2000]
    assert potential.get_ydata().tolist() == [2000, 5000, 3000]
    assert to_hex(history.get_color()) == HISTORY_COLOUR and to_hex(potential.get_color()) == POTENTIAL_COLOUR
    assert [t.get_text() for t in ax.get_xticklabels()] == ["North", "South", "East"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Quota", "History only", "Potential only"]
    with pytest.raises(CourseInputError):
        plot_quota_split(t)


def test_monthly_quota_single_and_stacked() -> None:
    ax = plot_monthly_quota(pd.Series({"2026-11": 300, "2026-12": 500}))
    assert [float(p.get_height()) for p in ax.patches] == [300, 500]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2026-11", "2026-12"]
    table = phase_quotas(pd.Series({"N": 100, "S": 300}), ["2026-11", "2026-12"])
    ax = plot_monthly_quota(table)
    assert len(ax.patches) == 4
    tops = {t.get_text() for t in ax.texts}
    assert tops == {"200"}  # 50+150 in each month


def test_fairness_scatter_shows_attainment_and_r() -> None:
    t = pd.DataFrame({"quota": [100, 100, 100], "actual": [80, 100, 120],
                      "size": [30, 20, 10], "growth": [0.0, 0.1, 0.0]})
    report = fairness_check(t)
    ax = plot_fairness(report)
    points = np.asarray(ax.collections[0].get_offsets())
    assert points.tolist() == [[30, 0.8], [20, 1.0], [10, 1.2]]
    assert ax.get_title().endswith("r = -1.00")
    assert to_hex(ax.collections[0].get_facecolor()[0]) == VERDICT_COLOURS["fail"]
    growth = plot_fairness(report, against="growth")
    assert growth.get_title().endswith("r = +0.00") or growth.get_title().endswith("r = -0.00")
    assert to_hex(growth.collections[0].get_facecolor()[0]) == VERDICT_COLOURS["pass"]
    with pytest.raises(CourseInputError):
        plot_fairness(report, against="age")


@pytest.mark.cjk
def test_chinese_labels_render_without_missing_glyphs() -> None:
    set_language("zh")
    ax = plot_smart_board(coach_goal("尽量提高销量", today=TODAY).verdict)
    assert "✗ 清晰的" in [t.get_text() for t in ax.texts]
    figure_png(ax.figure)
    accounts = pd.DataFrame({"territory": ["江北区", "江南区"], "territory_en": ["Jiangbei", "Jiangnan"],
                             "history": [1, 2], "potential": [2, 1]})
    ax = plot_quota_split(cascade_quota(900, accounts).territories)
    assert ax.get_title() == "各区域指标" and ax.get_xticklabels()[0].get_text() == "江北区"
    figure_png(ax.figure)
    report = fairness_check(pd.DataFrame({"quota": [1, 2, 3], "actual": [1, 2, 4],
                                          "size": [1, 2, 3], "growth": [0, 0.1, 0.2]}))
    figure_png(plot_fairness(report).figure)
    figure_png(plot_monthly_quota(pd.Series({"2026-11": 1})).figure)
