"""Time-management plots: the quadrant chart, where the time went, the Pareto curve.

The quadrant chart draws the training material's table: important on top, urgent on the left,
so A sits top left, B top right, C bottom left and D bottom right.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle
from matplotlib.ticker import PercentFormatter

from course.inputs import check_choice
from course.plots._style import (
    GRADE_COLOURS,
    QUADRANT_COLOURS,
    new_axes,
    plot_context,
    plot_text,
    title,
)
from course.timemgmt.matrix import QUADRANT_CODES, QUADRANTS, classify
from course.timemgmt.pareto import ParetoResult, abc_analysis
from course.timemgmt.timelog import CATEGORY_NAMES, TimeLogSummary, analyse_timelog
from course.timemgmt.wasters import WASTER_INFO

__all__ = ["CELLS", "TASK_MARKS", "WASTER_COLOUR", "move_quadrants", "plot_pareto", "plot_quadrants",
           "plot_time_breakdown"]

CELLS: dict[str, tuple[float, float]] = {"A": (0.0, 1.0), "B": (1.0, 1.0), "C": (0.0, 0.0), "D": (1.0, 0.0)}
"""Lower-left corner of each quadrant's unit cell: urgent left, important on top."""

WASTER_COLOUR = "#b2182b"
"""Bar colour of the time lost to a time waster."""

BAR_COLOUR = "#4c72b0"
"""Bar colour of categories and activities."""


def _positions(n: int) -> np.ndarray:
    """``n`` points spread over a unit cell, row by row, away from the edges and the title."""
    if n == 0:
        return np.empty((0, 2))
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    xs = np.linspace(0.18, 0.82, cols) if cols > 1 else np.array([0.5])
    ys = np.linspace(0.62, 0.15, rows) if rows > 1 else np.array([0.4])
    grid = np.array([(x, y) for y in ys for x in xs])
    return grid[:n]


def plot_quadrants(tasks: pd.DataFrame, ax: Axes | None = None, *, label: str = "task",
                   size: str | None = "minutes") -> Axes:
    """Place tasks in the 2x2 time-management matrix, coloured by quadrant.

    Parameters
    ----------
    tasks
        One row per task with ``important`` and ``urgent``; ``label`` (default
        ``task``) names each point and ``size`` (default ``minutes``) sizes it
        when those columns exist. Each cell shows its letter, name and total minutes.

    Examples
    --------
    >>> tasks = pd.DataFrame({"task": ["call plan", "stock-out", "emails"],
    ...                       "minutes": [60, 30, 45], "important": [True, True, False],
    ...                       "urgent": [False, True, True]})
    >>> ax = plot_quadrants(tasks)
    >>> [c.get_label() for c in ax.collections]
    ['A', 'B', 'C']
    """
    placed = classify(tasks)
    with plot_context():
        ax = new_axes(ax, figsize=(7, 6))
        for code in QUADRANT_CODES:
            x0, y0 = CELLS[code]
            ax.add_patch(Rectangle((x0, y0), 1, 1, facecolor=QUADRANT_COLOURS[code], alpha=0.18,
                                   edgecolor="white", linewidth=3, label=f"cell {code}"))
        _place_tasks(ax, placed, label, size)
        ax.set_xlim(0, 2)
        ax.set_ylim(0, 2)
        ax.set_xticks([0.5, 1.5], [title("Urgent"), title("Not urgent")])
        ax.set_yticks([1.5, 0.5], [title("Important"), title("Not important")])
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.set_aspect("equal")
        ax.set_title(title("Time-management matrix"))
    return ax


def _table_and_labels(summary: TimeLogSummary, by: str) -> tuple[pd.DataFrame, list[str], list[str]]:
    if by == "quadrant":
        table = summary.by_quadrant
        labels = [f"{c}  {plot_text(QUADRANTS[c].name)}" for c in table.index]
        colours = [QUADRANT_COLOURS[c] for c in table.index]
    elif by == "category":
        table = summary.by_category
        labels = [plot_text(CATEGORY_NAMES[c]) for c in table.index]
        colours = [BAR_COLOUR] * len(table)
    elif by == "waster":
        table = summary.by_waster
        labels = [plot_text(WASTER_INFO[c].name) for c in table.index]
        colours = [WASTER_COLOUR] * len(table)
    else:
        table = summary.by_activity
        labels = [str(a) for a in table.index]
        colours = [BAR_COLOUR] * len(table)
    return table, labels, colours


TASK_MARKS = "task-marks"
"""gid of what :func:`plot_quadrants` draws for the tasks (headings, points, names)."""


def _place_tasks(ax: Axes, placed: pd.DataFrame, label: str, size: str | None) -> list[Artist]:
    """Draw each cell's heading and its tasks; return what was drawn."""
    drawn: list[Artist] = []
    for code in QUADRANT_CODES:
        x0, y0 = CELLS[code]
        rows = placed[placed["quadrant"] == code]
        heading = f"{code}  {plot_text(QUADRANTS[code].name)}"
        if size is not None and size in placed.columns:
            minutes = float(pd.to_numeric(rows[size], errors="coerce").fillna(0).sum())
            heading += "\n" + title("{minutes} min").format(minutes=f"{minutes:g}")
        drawn.append(ax.text(x0 + 0.04, y0 + 0.96, heading, va="top", ha="left", fontsize=10,
                             fontweight="bold", color="#333333", gid=TASK_MARKS))
        if rows.empty:
            continue
        points = _positions(len(rows)) + np.array([x0, y0])
        if size is not None and size in rows.columns:
            sizes = 40 + 2.0 * pd.to_numeric(rows[size], errors="coerce").fillna(0).to_numpy()
        else:
            sizes = np.full(len(rows), 80.0)
        drawn.append(ax.scatter(points[:, 0], points[:, 1], s=sizes, color=QUADRANT_COLOURS[code],
                                edgecolor="#333333", linewidth=0.6, zorder=3, label=code, gid=TASK_MARKS))
        if label in rows.columns:
            for (px, py), text in zip(points, rows[label].astype(str), strict=True):
                drawn.append(ax.annotate(text, (px, py), xytext=(0, -11), textcoords="offset points",
                                         ha="center", va="top", fontsize=8, zorder=4, gid=TASK_MARKS))
    return drawn


def move_quadrants(ax: Axes, tasks: pd.DataFrame, *, label: str = "task",
                   size: str | None = "minutes") -> list[Artist]:
    """Put another list of tasks on a :func:`plot_quadrants` chart: the cells' headings, points
    and names are drawn anew, the cells and axes stay.

    Examples
    --------
    >>> tasks = pd.DataFrame({"task": ["call plan"], "minutes": [60], "important": [True],
    ...                       "urgent": [False]})
    >>> ax = plot_quadrants(tasks)
    >>> _ = move_quadrants(ax, pd.concat([tasks, tasks.assign(task="stock-out", urgent=True)]))
    >>> [c.get_label() for c in ax.collections]
    ['A', 'B']
    """
    for artist in [*ax.texts, *ax.collections]:
        if artist.get_gid() == TASK_MARKS:
            artist.remove()
    with plot_context():
        return _place_tasks(ax, classify(tasks), label, size)


def plot_time_breakdown(data: TimeLogSummary | pd.DataFrame, by: str = "quadrant",
                        ax: Axes | None = None, *, top: int | None = 12) -> Axes:
    """Bar chart of where the time went: minutes per quadrant, category, activity or waster.

    Parameters
    ----------
    data
        A :class:`~course.timemgmt.TimeLogSummary` or a time log to analyse.
    by
        ``quadrant``, ``category``, ``activity`` or ``waster``.
    top
        Show only the largest ``top`` bars (quadrants always show all four).

    Examples
    --------
    >>> log = pd.DataFrame({"minutes": [90, 30, 45], "activity": ["calls", "plan", "wait"],
    ...     "category": ["call", "planning", "waiting"], "important": [True, True, False],
    ...     "urgent": [True, False, False], "waster": [None, None, "unplanned_delays"]})
    >>> ax = plot_time_breakdown(log, by="quadrant")
    >>> [round(p.get_width()) for p in ax.patches]
    [90, 30, 0, 45]
    """
    check_choice("by", by, ["quadrant", "category", "activity", "waster"])
    summary = data if isinstance(data, TimeLogSummary) else analyse_timelog(data)
    table, labels, colours = _table_and_labels(summary, by)
    if top is not None and by != "quadrant":
        table, labels, colours = table.iloc[:top], labels[:top], colours[:top]
    headings = {
        "quadrant": title("Time per quadrant"),
        "category": title("Time per kind of activity"),
        "activity": title("Time per activity"),
        "waster": title("Time lost to each time waster"),
    }
    with plot_context():
        ax = new_axes(ax, figsize=(7, max(2.5, 0.45 * len(table) + 1.5)))
        positions = np.arange(len(table))
        minutes = table["minutes"].to_numpy(dtype=float)
        bars = ax.barh(positions, minutes, color=colours)
        ax.set_yticks(positions, labels)
        ax.invert_yaxis()
        for bar, value, share in zip(bars, minutes, table["share"].to_numpy(), strict=True):
            text = title("{minutes} min").format(minutes=f"{value:g}") + f" ({share:.0%})"
            ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                        xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
        ax.set_xlim(0, max(1.0, float(minutes.max()) if len(minutes) else 1.0) * 1.25)
        ax.set_xlabel(title("Minutes"))
        ax.set_title(headings[by])
        if len(table) == 0:
            ax.text(0.5, 0.5, title("Nothing logged here"), transform=ax.transAxes,
                    ha="center", va="center", color="#666666")
    return ax


def plot_pareto(data: ParetoResult | pd.Series, ax: Axes | None = None, *, line: float = 0.8,
                labels: dict[str, str] | None = None) -> Axes:
    """The Pareto curve: each account's share of sales (bars, coloured A/B/C) and the
    cumulative share (line), with the 80% line and the number of accounts that reach it.

    Parameters
    ----------
    data
        A :class:`~course.timemgmt.ParetoResult` or sales per account to analyse.
    line
        The share to mark (default 0.8, the 80/20 rule).
    labels
        Optional display name per account id (e.g. hospital names).

    Examples
    --------
    >>> ax = plot_pareto(pd.Series({"H1": 500, "H2": 300, "H3": 100, "H4": 60, "H5": 40}))
    >>> ax.lines[0].get_ydata().tolist()                     # cumulative share
    [0.5, 0.8, 0.9, 0.96, 1.0]
    >>> list(ax.lines[1].get_ydata())                         # the 80% line
    [0.8, 0.8]
    """
    result = data if isinstance(data, ParetoResult) else abc_analysis(data)
    table = result.table
    n = result.accounts_for(line)
    positions = np.arange(1, len(table) + 1)
    names = [str((labels or {}).get(str(k), k)) for k in table.index]
    with plot_context():
        ax = new_axes(ax, figsize=(8, 4.5))
        for cls in ("A", "B", "C"):
            mask = (table["abc"] == cls).to_numpy()
            if mask.any():
                ax.bar(positions[mask], table["share"].to_numpy()[mask], color=GRADE_COLOURS[cls],
                       label=title("Class {letter}").format(letter=cls))
        ax.plot(positions, table["cum_share"].to_numpy(), marker="o", markersize=3,
                color="#333333", label=title("Cumulative share of sales"))
        ax.axhline(line, color="#d7301f", linestyle="--", linewidth=1)
        ax.axvline(n, color="#d7301f", linestyle=":", linewidth=1)
        ax.annotate(
            title("{accounts} of {total} accounts ({share:.0%}) bring {line:.0%} of sales").format(
                accounts=n, total=len(table), share=n / len(table), line=line),
            (n, line), xytext=(8, -16), textcoords="offset points", fontsize=9, color="#d7301f")
        ax.set_ylim(0, 1.05)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlim(0.3, len(table) + 0.7)
        if len(table) <= 45:
            ax.set_xticks(positions, names, rotation=90, fontsize=7)
        ax.set_xlabel(title("Accounts, largest first"))
        ax.set_ylabel(title("Share of sales"))
        ax.set_title(title("Pareto curve (80/20 rule)"))
        ax.legend(loc="center right", fontsize=8, frameon=False)
    return ax
