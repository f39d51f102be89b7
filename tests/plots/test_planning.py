"""Planning plots: what is drawn — one square per call in its day's cell, tier colours,
response curves with the allocation and the equal split at the right places."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from course.i18n import set_language
from course.planning import CallAccount, ResponseCurve, allocate_calls, calibrate, plan_cycle
from course.plots._style import figure_png
from course.plots.accounts import TIER_COLOURS
from course.plots.planning import calendar_cells, plot_call_calendar, plot_response_curves


def small_plan(holidays: tuple[int, ...] = ()) -> object:
    doctors = pd.DataFrame({
        "physician_id": ["D1", "D2", "D3", "D4"], "hospital_id": ["H1", "H1", "H2", "H2"],
        "tier": ["A", "B", "C", "C"]})
    return plan_cycle(doctors, 2026, 3, holidays=holidays)


def test_calendar_cells_put_weekdays_in_columns_and_weeks_in_rows() -> None:
    cells = calendar_cells(2026, 3)  # 1 March 2026 is a Sunday
    assert len(cells) == 22
    assert cells[date(2026, 3, 2)] == (0, 0) and cells[date(2026, 3, 6)] == (4, 0)
    assert cells[date(2026, 3, 9)] == (0, 1) and cells[date(2026, 3, 31)] == (1, 4)
    assert calendar_cells(2026, 5)[date(2026, 5, 1)] == (4, 0)  # a Friday


def test_one_square_per_call_coloured_by_tier() -> None:
    plan = small_plan()
    ax = plot_call_calendar(plan)  # type: ignore[arg-type]
    by_tier = {c.get_label(): c for c in ax.collections}
    assert {t: len(c.get_offsets()) for t, c in by_tier.items()} == {"A": 6, "B": 3, "C": 4}
    for tier, collection in by_tier.items():
        assert to_hex(collection.get_facecolor()[0]) == TIER_COLOURS[tier]


def test_each_square_sits_in_its_days_cell_and_the_count_is_written() -> None:
    plan = small_plan()
    ax = plot_call_calendar(plan)  # type: ignore[arg-type]
    cells = calendar_cells(2026, 3)
    n_rows = max(r for _c, r in cells.values()) + 1
    squares = np.vstack([np.asarray(c.get_offsets()) for c in ax.collections])
    wanted: dict[tuple[int, int], int] = {}
    for when, count in plan.calls.groupby("date").size().items():  # type: ignore[attr-defined]
        col, row = cells[when]
        wanted[(col, n_rows - 1 - row)] = count
    got: dict[tuple[int, int], int] = {}
    for x, y in squares:
        key = (int(np.floor(x)), int(np.floor(y)))
        got[key] = got.get(key, 0) + 1
    assert got == wanted
    counts = {t.get_gid(): t.get_text() for t in ax.texts if str(t.get_gid()).startswith("count-")}
    assert len(counts) == 22
    first_day = plan.calls["date"].min()  # type: ignore[attr-defined]
    assert counts[f"count-{first_day.isoformat()}"] == str(wanted[(cells[first_day][0], n_rows - 1 - cells[first_day][1])])


def test_each_day_names_its_hospitals_in_visiting_order() -> None:
    plan = small_plan()
    ax = plot_call_calendar(plan)  # type: ignore[arg-type]
    names = {t.get_gid(): t.get_text() for t in ax.texts if str(t.get_gid()).startswith("hospitals-")}
    for when, calls in plan.calls.groupby("date"):  # type: ignore[attr-defined]
        assert names[f"hospitals-{when.isoformat()}"] == " ".join(dict.fromkeys(calls["hospital_id"]))


def test_days_off_are_greyed_and_named() -> None:
    ax = plot_call_calendar(small_plan(holidays=(2, 3)))  # type: ignore[arg-type]
    off = sorted(p.get_gid() for p in ax.patches if str(p.get_gid()).startswith("off-"))
    assert off == ["off-2026-03-02", "off-2026-03-03"]
    assert sum(t.get_text() == "day off" for t in ax.texts) == 2
    assert "13 calls on 20 working days" in ax.get_title()


def test_the_title_reports_calls_that_could_not_be_planned() -> None:
    doctors = pd.DataFrame({"physician_id": [f"D{i}" for i in range(60)], "hospital_id": "H1", "tier": "A"})
    plan = plan_cycle(doctors, 2026, 3)
    ax = plot_call_calendar(plan)
    assert f"{plan.demand - plan.scheduled} not planned" in ax.get_title()


def allocation() -> object:
    accounts = [
        CallAccount("Renmin", calibrate(20, 50, 80, 100, current_calls=4), 1, 6),
        CallAccount("Zhongshan", ResponseCurve(a=60, b=10, c=1, d=1, reference_calls=2), 1, 6),
        CallAccount("District 3", ResponseCurve(a=30, b=5, c=1, d=2, reference_calls=2), 1, 6),
    ]
    return allocate_calls(accounts, 10)


def test_response_curves_mark_the_allocation_and_the_equal_split() -> None:
    result = allocation()
    ax = plot_response_curves(result)  # type: ignore[arg-type]
    lines = {line.get_gid(): line for line in ax.lines if line.get_gid()}
    for name, calls, equal in [("Renmin", 6, 4), ("Zhongshan", 3, 3), ("District 3", 1, 3)]:
        curve = lines[f"curve-{name}"]
        account = next(a for a in result.accounts if a.name == name)  # type: ignore[attr-defined]
        xs = np.asarray(curve.get_xdata())
        assert np.allclose(curve.get_ydata(), account.curve.sales(xs))
        assert lines[f"chosen-{name}"].get_xdata()[0] == calls
        assert lines[f"chosen-{name}"].get_ydata()[0] == pytest.approx(account.curve.sales(calls))
        assert lines[f"equal-{name}"].get_xdata()[0] == equal
        assert lines[f"equal-{name}"].get_markerfacecolor() == "white"
        assert to_hex(lines[f"chosen-{name}"].get_color()) == to_hex(curve.get_color())
    totals = next(t.get_text() for t in ax.texts if t.get_gid() == "totals")
    assert totals == "Total sales: 130.0 by marginal return, 125.6 with an equal split"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Renmin", "Zhongshan", "District 3", "By marginal return", "Equal split"]


@pytest.mark.cjk
def test_chinese_titles_render_without_missing_glyphs() -> None:
    set_language("zh")
    ax = plot_call_calendar(small_plan())  # type: ignore[arg-type]
    assert ax.get_title().startswith("拜访计划 2026-03")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["周一", "周二", "周三", "周四", "周五"]
    figure_png(ax.figure)  # type: ignore[arg-type]  # a missing glyph would warn, and warnings fail
    ax2 = plot_response_curves(allocation())  # type: ignore[arg-type]
    assert ax2.get_xlabel() == "每月拜访次数"
    figure_png(ax2.figure)  # type: ignore[arg-type]
