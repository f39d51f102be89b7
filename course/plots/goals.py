"""Plots for goals and quotas: the SMART letter board, the quota split, months, fairness."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import FancyBboxPatch, Rectangle

from course.goals.fairness import FairnessReport
from course.goals.smart import SmartVerdict
from course.i18n import Text
from course.inputs import check_choice, check_columns
from course.plots._style import new_axes, plot_context, plot_text, title

__all__ = [
    "HISTORY_COLOUR",
    "POTENTIAL_COLOUR",
    "QUOTA_COLOUR",
    "VERDICT_COLOURS",
    "attainment_limits",
    "fairness_still",
    "move_fairness",
    "move_quota_split",
    "plot_fairness",
    "plot_monthly_quota",
    "plot_quota_split",
    "plot_smart_board",
    "quota_split_still",
]

VERDICT_COLOURS: dict[str, str] = {"pass": "#1b9e77", "fail": "#d7301f", "check": "#fdae61"}
"""Tile colour of a SMART letter by verdict."""
VERDICT_MARKS: dict[str, str] = {"pass": "✓", "fail": "✗", "check": "?"}
"""The mark drawn under each letter."""
QUOTA_COLOUR = "#4c72b0"
"""Bars of the blended quota."""
HISTORY_COLOUR = "#7f7f7f"
"""Markers of the history-only split."""
POTENTIAL_COLOUR = "#e6550d"
"""Markers of the potential-only split."""


def plot_smart_board(verdict: SmartVerdict, ax: Axes | None = None) -> Axes:
    """Five tiles, S M A R T, green when the letter passes, red when it fails, amber to check.

    Examples
    --------
    >>> from datetime import date
    >>> from course.goals import coach_goal
    >>> ax = plot_smart_board(coach_goal("尽量提高销量", today=date(2026, 3, 2)).verdict)
    >>> [p.get_label() for p in ax.patches]
    ['S fail', 'M fail', 'A check', 'R check', 'T fail']
    """
    with plot_context():
        ax = new_axes(ax, figsize=(7, 2.2))
        for i, letter in enumerate(verdict.letters):
            ax.add_patch(FancyBboxPatch((i + 0.06, 0.06), 0.88, 0.88, boxstyle="round,pad=0.02",
                                        facecolor=VERDICT_COLOURS[letter.verdict], edgecolor="white",
                                        label=f"{letter.letter} {letter.verdict}"))
            ax.text(i + 0.5, 0.62, letter.letter, ha="center", va="center", fontsize=26,
                    fontweight="bold", color="white")
            ax.text(i + 0.5, 0.3, f"{VERDICT_MARKS[letter.verdict]} {plot_text(letter.name)}",
                    ha="center", va="center", fontsize=10, color="white")
        ax.set_xlim(0, len(verdict.letters))
        ax.set_ylim(0, 1)
        ax.set_axis_off()
        ax.set_aspect("equal")
    return ax


def _labels(frame: pd.DataFrame, key: str) -> list[str]:
    if f"{key}_en" in frame.columns:
        return [plot_text(Text(en, zh)) for en, zh in zip(frame[f"{key}_en"].astype(str), frame[key].astype(str),
                                                          strict=True)]
    return frame[key].astype(str).tolist()


def plot_quota_split(territories: pd.DataFrame, ax: Axes | None = None, *, key: str = "territory") -> Axes:
    """Bars of each territory's quota, with where history alone and potential alone would put it.

    Parameters
    ----------
    territories
        The ``territories`` of :func:`course.goals.cascade_quota` (or any table from
        :func:`course.goals.allocate_quota`): ``key``, ``quota``, ``history_share``
        and ``potential_share``; a ``<key>_en`` column gives English labels.

    Examples
    --------
    >>> from course.goals import allocate_quota
    >>> t = pd.DataFrame({"territory": ["N", "S"], "history": [600, 400], "potential": [400, 600]})
    >>> ax = plot_quota_split(allocate_quota(1000, t, weight=0.5))
    >>> [float(p.get_height()) for p in ax.patches]
    [500.0, 500.0]
    >>> [line.get_label() for line in ax.lines]
    ['history only', 'potential only']
    """
    check_columns("territories", territories, [key, "quota", "history_share", "potential_share"])
    total = float(territories["quota"].sum())
    x = np.arange(len(territories))
    with plot_context():
        ax = new_axes(ax, figsize=(8, 4))
        bars = ax.bar(x, territories["quota"], color=QUOTA_COLOUR, label="quota", gid="quota")
        (history,) = ax.plot(x, total * territories["history_share"], linestyle="none", marker="_",
                             markersize=22, markeredgewidth=3, color=HISTORY_COLOUR, label="history only")
        (potential,) = ax.plot(x, total * territories["potential_share"], linestyle="none", marker="D",
                               markersize=6, color=POTENTIAL_COLOUR, label="potential only")
        for xi, quota in zip(x, territories["quota"], strict=True):
            ax.text(float(xi), quota * 0.97, f"{int(quota):,}", ha="center", va="top", fontsize=8,
                    color="white", gid="quota-label")
        ax.set_xticks(x, _labels(territories, key), rotation=30 if len(x) > 5 else 0)
        ax.legend([bars, history, potential],
                  [title("Quota"), title("History only"), title("Potential only")],
                  frameon=False, fontsize=8)
        ax.set_ylabel(title("Boxes"))
        ax.set_title(title("Quota by territory"))
    return ax


def plot_monthly_quota(months: pd.Series | pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Bars of the quota per month; a table (unit × month) is drawn stacked by unit.

    Examples
    --------
    >>> ax = plot_monthly_quota(pd.Series({"2026-11": 300, "2026-12": 500}))
    >>> [float(p.get_height()) for p in ax.patches]
    [300.0, 500.0]
    """
    table = months.to_frame().T if isinstance(months, pd.Series) else months
    columns = [str(c) for c in table.columns]
    x = np.arange(len(columns))
    with plot_context():
        ax = new_axes(ax, figsize=(8, 3.5))
        bottom = np.zeros(len(columns))
        for unit, row in table.iterrows():
            values = row.to_numpy(dtype=float)
            ax.bar(x, values, bottom=bottom, label=str(unit),
                   color=QUOTA_COLOUR if len(table) == 1 else None)
            bottom += values
        for xi, height in zip(x, bottom, strict=True):
            ax.text(float(xi), height, f"{int(height):,}", ha="center", va="bottom", fontsize=8)
        ax.set_xticks(x, columns)
        if len(table) > 1:
            ax.legend(frameon=False, fontsize=7, ncols=2)
        ax.set_ylabel(title("Boxes"))
        ax.set_title(title("Quota by month"))
    return ax


def plot_fairness(report: FairnessReport, ax: Axes | None = None, *, against: str = "size",
                  limits: tuple[float, float] | None = None) -> Axes:
    """Scatter of attainment against territory size (or growth), with the 100% line and r.

    The attainment axis runs over ``limits`` (default: :func:`attainment_limits` of the data).

    Examples
    --------
    >>> from course.goals import fairness_check
    >>> t = pd.DataFrame({"quota": [100, 100, 100], "actual": [80, 100, 120],
    ...                   "size": [30, 20, 10], "growth": [0.0, 0.1, 0.0]})
    >>> ax = plot_fairness(fairness_check(t))
    >>> ax.collections[0].get_offsets()[:, 1].tolist()
    [0.8, 1.0, 1.2]
    """
    check_choice("against", against, ("size", "growth"))
    used, column, colour = _fairness_points(report, against)
    with plot_context():
        ax = new_axes(ax, figsize=(5, 4))
        ax.scatter(used[column], used["attainment"], color=colour,
                   edgecolor="#333333", linewidth=0.5, alpha=0.85, gid="attainment")
        ax.axhline(1.0, color="#333333", linewidth=0.8, linestyle="--")
        ax.set_ylim(*(limits or attainment_limits(used["attainment"])))
        ax.yaxis.set_major_formatter(lambda y, _pos: f"{y:.0%}")
        if against == "growth":
            ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:+.0%}")
        ax.set_xlabel(title("Territory size (potential)") if against == "size" else title("Growth"))
        ax.set_ylabel(title("Attainment"))
        ax.set_title(_fairness_title(report, against))
    return ax


def _fairness_points(report: FairnessReport, against: str) -> tuple[pd.DataFrame, str, str]:
    """The rows with an attainment, the column on the x axis, the points' colour."""
    used = report.table[report.table["attainment"].notna()]
    column = ("size" if "size" in used.columns else "potential") if against == "size" else "growth"
    r = report.r_size if against == "size" else report.r_growth
    unfair = r is not None and abs(r) >= report.threshold
    return used, column, VERDICT_COLOURS["fail" if unfair else "pass"]


def _fairness_title(report: FairnessReport, against: str) -> str:
    r = report.r_size if against == "size" else report.r_growth
    r_text = "n/a" if r is None else f"{r:+.2f}"
    name = title("Attainment against size") if against == "size" else title("Attainment against growth")
    return f"{name}  r = {r_text}"


def attainment_limits(attainment: pd.Series) -> tuple[float, float]:
    """The attainment axis of :func:`plot_fairness`: the data and 100%, widened to whole tenths.

    Whole tenths keep the axis still while a weight moves the points a little, so a
    widget can move the points without drawing the chart whole.

    Examples
    --------
    >>> attainment_limits(pd.Series([0.83, 1.12]))
    (0.8, 1.2)
    >>> attainment_limits(pd.Series([], dtype=float))
    (0.9, 1.1)
    """
    values = [*attainment.dropna().tolist(), 1.0]
    low, high = min(values) - 0.02, max(values) + 0.02
    return float(np.floor(low * 10) / 10), float(np.ceil(high * 10) / 10)


def quota_split_still(territories: pd.DataFrame, key: str = "territory") -> tuple[object, ...]:
    """What the unmoving parts of :func:`plot_quota_split` show (axis, markers, labels).

    Examples
    --------
    >>> t = pd.DataFrame({"territory": ["N"], "quota": [500.0], "history_share": [1.0],
    ...                   "potential_share": [1.0]})
    >>> quota_split_still(t)[0]
    500.0
    """
    return (float(territories["quota"].sum()), tuple(territories["history_share"]),
            tuple(territories["potential_share"]), tuple(_labels(territories, key)))


def move_quota_split(ax: Axes, territories: pd.DataFrame) -> list[Artist]:
    """Set the bars and their labels of a :func:`plot_quota_split` chart to new quotas.

    The total and the history and potential shares (the markers and the axis) must
    be those the chart was drawn with (:func:`quota_split_still`).

    Examples
    --------
    >>> from course.goals import allocate_quota
    >>> t = pd.DataFrame({"territory": ["N", "S"], "history": [600, 400], "potential": [400, 600]})
    >>> ax = plot_quota_split(allocate_quota(1000, t, weight=0.5))
    >>> _ = move_quota_split(ax, allocate_quota(1000, t, weight=1.0))
    >>> [float(p.get_height()) for p in ax.patches]
    [600.0, 400.0]
    """
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid() == "quota"]
    labels = [t for t in ax.texts if t.get_gid() == "quota-label"]
    for bar, label, quota in zip(bars, labels, territories["quota"], strict=True):
        bar.set_height(quota)
        label.set_y(quota * 0.97)
        label.set_text(f"{int(quota):,}")
    return [*bars, *labels, *ax.lines]  # the markers do not move, but lie over the bars


def fairness_still(report: FairnessReport, against: str,
                   limits: tuple[float, float] | None = None) -> tuple[object, ...]:
    """What the unmoving parts of :func:`plot_fairness` show (the axes and their limits).

    Examples
    --------
    >>> from course.goals import fairness_check
    >>> t = pd.DataFrame({"quota": [100, 100, 100], "actual": [80, 100, 120],
    ...                   "size": [30, 20, 10], "growth": [0.0, 0.1, 0.0]})
    >>> fairness_still(fairness_check(t), "size")[1]
    (0.7, 1.3)
    """
    used, column, _colour = _fairness_points(report, against)
    return against, limits or attainment_limits(used["attainment"]), tuple(used[column])


def move_fairness(ax: Axes, report: FairnessReport, against: str) -> list[Artist]:
    """Set the points, their colour and the title of a :func:`plot_fairness` chart to a new report.

    The axes must be those the chart was drawn with (:func:`fairness_still`).

    Examples
    --------
    >>> from course.goals import fairness_check
    >>> t = pd.DataFrame({"quota": [100, 100, 100], "actual": [80, 100, 120],
    ...                   "size": [30, 20, 10], "growth": [0.0, 0.1, 0.0]})
    >>> ax = plot_fairness(fairness_check(t))
    >>> _ = move_fairness(ax, fairness_check(t.assign(actual=[90, 100, 110])), "size")
    >>> ax.collections[0].get_offsets()[:, 1].tolist()
    [0.9, 1.0, 1.1]
    """
    used, column, colour = _fairness_points(report, against)
    points = next(c for c in ax.collections if c.get_gid() == "attainment")
    points.set_offsets(np.column_stack([used[column].to_numpy(float), used["attainment"].to_numpy(float)]))
    points.set_facecolor(colour)
    points.set_alpha(0.85)
    ax.title.set_text(_fairness_title(report, against))
    return [points, ax.title]
