"""Planning plots: the month's call calendar and the response curves of an allocation.

- :func:`plot_call_calendar` — a month as a calendar (weeks × Monday-Friday); each
  working day holds one square per planned call, coloured by the doctor's tier and
  grouped by hospital; days off are greyed.
- :func:`plot_response_curves` — each account's ADBUDG curve with the calls the
  allocation gives it (filled circle) and the equal split (open square).
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.patches import Rectangle

from course.accounts.frequency import TIERS
from course.errors import CourseInputError, Phrase
from course.planning.callplan import Allocation
from course.planning.cycle import CyclePlan
from course.plots._style import new_axes, plot_context, title
from course.plots.accounts import TIER_COLOURS

__all__ = ["ACCOUNT_COLOURS", "calendar_cells", "call_calendar_still", "move_call_calendar", "plot_call_calendar",
           "plot_response_curves"]

ACCOUNT_COLOURS: tuple[str, ...] = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
                                    "#17becf", "#bcbd22")
"""Line colours of the accounts on the response-curve chart, in order."""

OFF_COLOUR = "#e0e0e0"
"""Background of a day off."""

DAY_COLOUR = "#f7f7f7"
"""Background of a working day."""

COLUMNS = 5
"""Squares per row inside a day's cell."""


def calendar_cells(year: int, month: int) -> dict[date, tuple[int, int]]:
    """Column (0 = Monday … 4 = Friday) and row (0 = first week) of each weekday of a month.

    Examples
    --------
    >>> cells = calendar_cells(2026, 3)
    >>> cells[date(2026, 3, 2)], cells[date(2026, 3, 31)]
    ((0, 0), (1, 4))
    """
    offset = date(year, month, 1).weekday()
    cells: dict[date, tuple[int, int]] = {}
    for day in range(1, calendar.monthrange(year, month)[1] + 1):
        when = date(year, month, day)
        if when.weekday() < 5:
            cells[when] = (when.weekday(), (day - 1 + offset) // 7)
    rows = {r for _c, r in cells.values()}
    shift = min(rows)
    return {when: (c, r - shift) for when, (c, r) in cells.items()}


def plot_call_calendar(plan: CyclePlan, ax: Axes | None = None) -> Axes:
    """Draw the month's plan as a calendar: one square per call, coloured by tier.

    Within a day the squares follow the plan's order (grouped by hospital), five to
    a row. Each working day shows its date, its number of calls and the hospitals
    visited; days off are grey.

    Examples
    --------
    >>> import pandas as pd
    >>> from course.planning import plan_cycle
    >>> doctors = pd.DataFrame({"physician_id": ["D1", "D2"], "hospital_id": ["H1", "H2"],
    ...                         "tier": ["A", "C"]})
    >>> ax = plot_call_calendar(plan_cycle(doctors, 2026, 3))
    >>> {c.get_label(): len(c.get_offsets()) for c in ax.collections}
    {'A': 6, 'B': 0, 'C': 2}
    """
    cells = calendar_cells(plan.year, plan.month)
    n_rows = max(r for _c, r in cells.values()) + 1
    marks = _calendar_marks(plan)
    working = set(plan.days)
    with plot_context():
        ax = new_axes(ax, figsize=(8, 1.2 * n_rows + 1.2))
        for when, (col, row) in cells.items():
            y0 = n_rows - 1 - row
            is_working = when in working
            ax.add_patch(Rectangle((col + 0.03, y0 + 0.03), 0.94, 0.94,
                                   facecolor=DAY_COLOUR if is_working else OFF_COLOUR,
                                   edgecolor="#bbbbbb", linewidth=0.8,
                                   gid=f"day-{when.isoformat()}" if is_working else f"off-{when.isoformat()}"))
            ax.text(col + 0.07, y0 + 0.9, str(when.day), ha="left", va="top", fontsize=8,
                    color="#333333" if is_working else "#888888")
            if not is_working:
                ax.text(col + 0.5, y0 + 0.45, title("day off"), ha="center", va="center",
                        fontsize=8, color="#888888")
                continue
            count, visited = marks.days.get(when, (0, ""))
            ax.text(col + 0.93, y0 + 0.9, str(count), ha="right", va="top", fontsize=8,
                    fontweight="bold", color="#333333", gid=f"count-{when.isoformat()}")
            ax.text(col + 0.5, y0 + 0.1, visited, ha="center", va="center", fontsize=6,
                    color="#555555", gid=f"hospitals-{when.isoformat()}")
        for tier in CALLED_TIERS:  # every tier that may be called, so another plan can fill it
            xy = np.array(marks.points[tier]).reshape(-1, 2)
            ax.scatter(xy[:, 0], xy[:, 1], marker="s", s=22, color=TIER_COLOURS[tier],
                       edgecolor="white", linewidth=0.4, label=tier, zorder=3)
        ax.set_xlim(0, 5)
        ax.set_ylim(0, n_rows)
        names = [title(n) for n in ("Mon", "Tue", "Wed", "Thu", "Fri")]
        ax.set_xticks(np.arange(5) + 0.5, names)
        ax.xaxis.tick_top()
        ax.set_yticks([])
        ax.tick_params(length=0)
        for side in ("left", "bottom", "top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_title(_calendar_heading(plan), fontsize=10, pad=22)
        ax.legend(title=title("Tier"), loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return ax


CALLED_TIERS = tuple(t for t in TIERS if t != "D")
"""The tiers a plan calls on (D is not a target); the calendar's legend lists them all."""


@dataclass(frozen=True)
class _Marks:
    points: dict[str, list[tuple[float, float]]]
    """Each tier's squares (x, y)."""
    days: dict[date, tuple[int, str]]
    """Each planned day's number of calls and the hospitals visited."""
    rows_inside: int
    """Rows of squares a day holds."""


def _calendar_marks(plan: CyclePlan) -> _Marks:
    cells = calendar_cells(plan.year, plan.month)
    n_rows = max(r for _c, r in cells.values()) + 1
    most = int(plan.calls.groupby("date").size().max()) if len(plan.calls) else 0
    rows_inside = max(3, math.ceil(most / COLUMNS))
    points: dict[str, list[tuple[float, float]]] = {t: [] for t in TIERS}
    days: dict[date, tuple[int, str]] = {}
    for key, day_calls in plan.calls.groupby("date", sort=False):
        when = key if isinstance(key, date) else None
        if when is None or when not in cells:
            continue
        col, row = cells[when]
        y0 = n_rows - 1 - row
        for i, tier in enumerate(day_calls["tier"]):
            r, c = divmod(i, COLUMNS)
            points[str(tier)].append((col + 0.14 + c * (0.72 / (COLUMNS - 1)),
                                      y0 + 0.68 - r * (0.46 / max(rows_inside - 1, 1))))
        days[when] = (len(day_calls), " ".join(dict.fromkeys(day_calls["hospital_id"].astype(str))))
    return _Marks(points, days, rows_inside)


def _calendar_heading(plan: CyclePlan) -> str:
    heading = title("Call plan {month}: {scheduled} calls on {days} working days").format(
        month=f"{plan.year}-{plan.month:02d}", scheduled=plan.scheduled, days=len(plan.days))
    missing = plan.demand - plan.scheduled
    if missing > 0:
        heading = title("{heading}; {missing} not planned").format(heading=heading, missing=missing)
    return heading


def call_calendar_still(plan: CyclePlan) -> tuple[object, ...]:
    """What the unmoving parts of :func:`plot_call_calendar` show: the month, its working days
    and the rows of squares a day holds.

    Examples
    --------
    >>> import pandas as pd
    >>> from course.planning import plan_cycle
    >>> doctors = pd.DataFrame({"physician_id": ["D1"], "hospital_id": ["H1"], "tier": ["A"]})
    >>> call_calendar_still(plan_cycle(doctors, 2026, 3))[-1]
    3
    """
    marks = _calendar_marks(plan)
    return (plan.year, plan.month, tuple(plan.days), marks.rows_inside)


def move_call_calendar(ax: Axes, plan: CyclePlan) -> list[Artist]:
    """Set a :func:`plot_call_calendar` chart to another plan of the same month and days.

    The squares, each day's count and hospitals and the heading become the new plan's;
    what :func:`call_calendar_still` returns must be unchanged.

    Examples
    --------
    >>> import pandas as pd
    >>> from course.planning import plan_cycle
    >>> doctors = pd.DataFrame({"physician_id": ["D1", "D2"], "hospital_id": ["H1", "H2"],
    ...                         "tier": ["A", "A"]})
    >>> ax = plot_call_calendar(plan_cycle(doctors, 2026, 3))
    >>> _ = move_call_calendar(ax, plan_cycle(doctors.head(1), 2026, 3))
    >>> {c.get_label(): len(c.get_offsets()) for c in ax.collections}
    {'A': 6, 'B': 0, 'C': 0}
    """
    marks = _calendar_marks(plan)
    moved: list[Artist] = []
    for collection in ax.collections:
        if isinstance(collection, PathCollection) and collection.get_label() in marks.points:
            collection.set_offsets(np.array(marks.points[str(collection.get_label())]).reshape(-1, 2))
            moved.append(collection)
    for text in ax.texts:
        gid = str(text.get_gid())
        kind, _sep, day = gid.partition("-")
        if kind not in {"count", "hospitals"}:
            continue
        count, visited = marks.days.get(date.fromisoformat(day), (0, ""))
        text.set_text(str(count) if kind == "count" else visited)
        moved.append(text)
    ax.title.set_text(_calendar_heading(plan))
    return [*moved, ax.title]


def plot_response_curves(allocation: Allocation, ax: Axes | None = None) -> Axes:
    """Draw each account's response curve with its allocated calls and the equal split.

    Examples
    --------
    >>> from course.planning import CallAccount, ResponseCurve, allocate_calls
    >>> curve = ResponseCurve(a=100, b=20, c=1, d=1, reference_calls=4)
    >>> result = allocate_calls([CallAccount("H1", curve, 0, 8),
    ...                          CallAccount("H2", ResponseCurve(50, 10, 1, 1, 2), 0, 8)], 8)
    >>> ax = plot_response_curves(result)
    >>> [line.get_gid() for line in ax.lines if line.get_gid()]
    ['curve-H1', 'chosen-H1', 'equal-H1', 'curve-H2', 'chosen-H2', 'equal-H2']
    """
    table = allocation.table
    if len(allocation.accounts) != len(table):
        raise CourseInputError.single("allocation", Phrase("an allocation without its accounts"),
                                      "the result of allocate_calls")
    with plot_context():
        ax = new_axes(ax, figsize=(7, 4.5))
        top = int(max(table["max_calls"].max(), table["calls"].max(), table["equal_calls"].max(), 1))
        xs = np.linspace(0, top, 200)
        calls = table["calls"].to_numpy(dtype=float)
        sales = table["sales"].to_numpy(dtype=float)
        equal_calls = table["equal_calls"].to_numpy(dtype=float)
        equal_sales = table["equal_sales"].to_numpy(dtype=float)
        for i, account in enumerate(allocation.accounts):
            colour = ACCOUNT_COLOURS[i % len(ACCOUNT_COLOURS)]
            ax.plot(xs, account.curve.sales(xs), color=colour, linewidth=1.8, label=account.name,
                    gid=f"curve-{account.name}")
            ax.plot([calls[i]], [sales[i]], marker="o", markersize=9, color=colour,
                    linestyle="none", gid=f"chosen-{account.name}")
            ax.plot([equal_calls[i]], [equal_sales[i]], marker="s", markersize=9,
                    markerfacecolor="white", markeredgecolor=colour, markeredgewidth=1.6,
                    linestyle="none", gid=f"equal-{account.name}")
        ax.plot([], [], marker="o", color="#555555", linestyle="none", label=title("By marginal return"))
        ax.plot([], [], marker="s", markerfacecolor="white", markeredgecolor="#555555",
                linestyle="none", label=title("Equal split"))
        ax.set_xlim(0, top * 1.05)
        ax.set_ylim(0, None)
        ax.set_xlabel(title("Calls a month"))
        ax.set_ylabel(title("Sales a month"))
        ax.set_title(title("Response curves: allocation against an equal split"), fontsize=10)
        summary = title("Total sales: {chosen} by marginal return, {equal} with an equal split").format(
            chosen=f"{allocation.total_sales:,.1f}", equal=f"{allocation.equal_total_sales:,.1f}")
        ax.text(0.02, 0.02, summary, transform=ax.transAxes, fontsize=8, color="#333333", gid="totals")
        ax.legend(loc="upper left", fontsize=8, frameon=False)
    return ax
