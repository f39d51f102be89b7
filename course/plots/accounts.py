"""Key-account plots: the hospital grade chart and the status × potential heat map.

* :func:`plot_hospital_grades` — one bar per hospital, its composite score,
  coloured by grade (A / B / C), with the two cut-off lines;
* :func:`plot_status_potential` — the dual-scoring grid: how many doctors sit in
  each cell of prescribing status (−4 … +4) × potential, with the call tiers
  outlined and lettered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle

from course.accounts.frequency import TIERS
from course.accounts.hospitals import GRADES, GradeCutoffs, HospitalWeights, grade_hospitals
from course.accounts.physicians import DEFAULT_GRID, POTENTIAL_CLASSES
from course.accounts.status import STATUS_SCALE, status_level
from course.errors import CourseInputError
from course.i18n import Text
from course.inputs import check_choice
from course.inputs.phrases import columns_received
from course.plots._style import GRADE_COLOURS, new_axes, plot_context, plot_text, title

__all__ = ["TIER_COLOURS", "move_highlight", "move_hospital_grades", "plot_hospital_grades", "plot_status_potential", "status_potential_counts"]

TIER_COLOURS: dict[str, str] = {**GRADE_COLOURS, "D": "#969696"}
"""Colour of each call tier's letter: A/B/C as the grades, D (not a target) grey."""

OUTLINE = "#222222"
"""Colour of the lines drawn between cells of different tiers."""

HIGHLIGHT = "#d62728"
"""Colour of the frame around a highlighted cell."""


def plot_hospital_grades(
    hospitals: pd.DataFrame,
    ax: Axes | None = None,
    *,
    weights: HospitalWeights | None = None,
    cutoffs: GradeCutoffs | None = None,
) -> Axes:
    """Draw each hospital's composite score as a bar coloured by its grade.

    ``hospitals`` is graded with :func:`~course.accounts.grade_hospitals` (and
    ``weights``, ``cutoffs``) unless it already has ``score`` and ``grade``
    columns. Bars run from the best score (top) down; dashed lines mark the A
    and B cut-offs.

    Examples
    --------
    >>> h = pd.DataFrame({"hospital_id": ["H1", "H2"], "level": ["三级甲等", "一级甲等"],
    ...                   "beds": [1500, 80], "drug_sales_mrmb": [600.0, 5.0],
    ...                   "outpatient_visits_month": [200_000, 5_000],
    ...                   "medication_level": [5, 2], "competition": [3, 2]})
    >>> ax = plot_hospital_grades(h)
    >>> [round(float(bar.get_width()), 1) for bar in ax.patches]
    [90.5, 22.0]
    >>> [line.get_gid() for line in ax.lines]
    ['cutoff-A', 'cutoff-B']
    """
    cut = cutoffs or GradeCutoffs()
    if {"score", "grade"} <= set(hospitals.columns):
        graded = hospitals
    else:
        graded = grade_hospitals(hospitals, weights=weights, cutoffs=cut)
    graded = graded.sort_values("score", ascending=False, kind="stable")
    names = _hospital_names(graded)
    scores = graded["score"].to_numpy(dtype=float)
    grades = graded["grade"].astype(str).tolist()
    with plot_context():
        ax = new_axes(ax, figsize=(7.5, max(3.0, 0.26 * len(graded) + 1.4)))
        positions = np.arange(len(graded))
        bars = ax.barh(positions, scores, color=[GRADE_COLOURS[g] for g in grades],
                       edgecolor="white", height=0.8)
        for bar, grade in zip(bars, grades, strict=True):
            bar.set_gid(f"grade-{grade}")
        ax.set_yticks(positions, names, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        for letter, value in (("A", cut.a), ("B", cut.b)):
            ax.axvline(value, color="#333333", linestyle="--", linewidth=1, gid=f"cutoff-{letter}")
            ax.text(value, 1.0, f" {letter} ≥ {value:g}", transform=ax.get_xaxis_transform(),
                    ha="left", va="bottom", fontsize=8, color="#333333", gid=f"cutoff-label-{letter}")
        counts = {g: grades.count(g) for g in GRADES}
        ax.legend(
            handles=[Patch(color=GRADE_COLOURS[g], label=f"{g} ({counts[g]})") for g in GRADES],
            title=title("Hospital grade"), loc="lower right", fontsize=8, title_fontsize=8,
        )
        ax.set_xlabel(title("Composite score (0-100)"))
        ax.set_title(title("Hospital grading: score and grade"), pad=14)
    return ax


def move_hospital_grades(ax: Axes, graded: pd.DataFrame, cutoffs: GradeCutoffs) -> list[Artist]:
    """Set the moving parts of a :func:`plot_hospital_grades` chart to new grades and cut-offs.

    The bar colours, the cut-off lines and their labels and the legend's counts
    become what ``plot_hospital_grades(graded, cutoffs=cutoffs)`` would draw; the
    bars' order and lengths (the scores) must be those the chart was drawn with.
    Returns the artists changed, for :class:`course.widgets._chart.KeptChart`.

    Examples
    --------
    >>> h = pd.DataFrame({"hospital_id": ["H1", "H2"], "name_zh": ["甲", "乙"], "name_en": ["A", "B"],
    ...                   "score": [80.0, 50.0], "grade": ["A", "B"]})
    >>> ax = plot_hospital_grades(h)
    >>> moved = move_hospital_grades(ax, h.assign(grade=["B", "C"]), GradeCutoffs(a=85, b=60))
    >>> [bar.get_gid() for bar in ax.patches]
    ['grade-B', 'grade-C']
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['A (0)', 'B (1)', 'C (1)']
    """
    graded = graded.sort_values("score", ascending=False, kind="stable")
    grades = graded["grade"].astype(str).tolist()
    bars = [p for p in ax.patches if str(p.get_gid()).startswith("grade-")]
    if len(bars) != len(grades):
        raise ValueError(f"the chart has {len(bars)} bars, the table {len(grades)} hospitals")
    for bar, grade in zip(bars, grades, strict=True):
        bar.set_facecolor(GRADE_COLOURS[grade])
        bar.set_gid(f"grade-{grade}")
    moved: list[Artist] = list(bars)
    for letter, value in (("A", cutoffs.a), ("B", cutoffs.b)):
        line = next(x for x in ax.lines if x.get_gid() == f"cutoff-{letter}")
        line.set_xdata([value, value])
        label = next(t for t in ax.texts if t.get_gid() == f"cutoff-label-{letter}")
        label.set_x(value)
        label.set_text(f" {letter} ≥ {value:g}")
        moved += [line, label]
    legend = ax.get_legend()
    assert legend is not None, "a chart drawn by plot_hospital_grades has a legend"
    for text, grade in zip(legend.get_texts(), GRADES, strict=True):
        text.set_text(f"{grade} ({grades.count(grade)})")
    moved.append(legend)
    return moved


def plot_status_potential(
    scored: pd.DataFrame,
    ax: Axes | None = None,
    *,
    grid: Mapping[str, Sequence[str]] | None = None,
    highlight: tuple[int, str] | None = None,
) -> Axes:
    """Draw the status × potential grid: doctors per cell, tiers outlined and lettered.

    ``scored`` is the result of :func:`~course.accounts.score_physicians`
    (``status`` and ``potential_class`` per row). Rows are potential (high at
    the top), columns the status −4 … +4; thick lines separate cells of
    different tiers and each cell shows its tier letter. ``highlight`` —
    ``(status, potential_class)`` — frames one cell in red (e.g. one doctor's).

    Examples
    --------
    >>> scored = pd.DataFrame({"status": [1, 1, 4, -4],
    ...                        "potential_class": ["high", "high", "high", "low"]})
    >>> ax = plot_status_potential(scored)
    >>> sorted(t.get_text() for t in ax.texts if t.get_gid() == "count" and t.get_text() != "0")
    ['1', '1', '2']
    >>> ax = plot_status_potential(scored, highlight=(1, "high"))
    >>> [p.get_xy() for p in ax.patches if p.get_gid() == "highlight"]
    [(4.54, -0.46)]
    """
    counts = status_potential_counts(scored)
    tiers = _tier_table(grid)
    labels = [plot_text(level.option) for level in STATUS_SCALE]
    rows = [title("High potential"), title("Medium potential"), title("Low potential")]
    with plot_context():
        ax = new_axes(ax, figsize=(8.5, 3.6))
        ax.imshow(counts, cmap="Blues", aspect="auto", vmin=0, vmax=max(1, int(counts.max())))
        top = max(1, int(counts.max()))
        for r in range(counts.shape[0]):
            for c in range(counts.shape[1]):
                value = int(counts[r, c])
                ax.text(c, r + 0.05, str(value), ha="center", va="center", fontsize=11,
                        color="white" if value > 0.6 * top else "#222222", gid="count")
                tier = tiers[r][c]
                ax.text(c - 0.4, r - 0.36, tier, ha="left", va="top", fontsize=8,
                        fontweight="bold", color=TIER_COLOURS[tier], gid=f"tier-{tier}",
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                              "edgecolor": "none", "alpha": 0.9})
        for x0, y0, x1, y1 in _tier_edges(tiers):
            ax.plot([x0, x1], [y0, y1], color=OUTLINE, linewidth=2.2, gid="tier-edge",
                    solid_capstyle="projecting")
        if highlight is not None:
            status, cls = highlight
            row = POTENTIAL_CLASSES.index(check_choice("potential_class", cls, POTENTIAL_CLASSES))
            column = status_level(status).value + 4
            ax.add_patch(Rectangle((column - 0.46, row - 0.46), 0.92, 0.92, fill=False,
                                   edgecolor=HIGHLIGHT, linewidth=3, gid="highlight", zorder=5))
        ax.set_xticks(range(len(labels)), labels, rotation=35, ha="right", fontsize=8)
        ax.set_yticks(range(len(rows)), rows, fontsize=9)
        ax.set_xlabel(title("Prescribing status (−4 … +4)"))
        ax.set_title(title("Doctors by prescribing status and potential (tiers outlined)"))
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(False)
    return ax


def move_highlight(ax: Axes, status: int, potential_class: str) -> list[Artist]:
    """Move the red frame of a :func:`plot_status_potential` chart (drawn with a highlight) to a cell.

    Examples
    --------
    >>> scored = pd.DataFrame({"status": [1, 4], "potential_class": ["high", "low"]})
    >>> ax = plot_status_potential(scored, highlight=(1, "high"))
    >>> [p.get_xy() for p in move_highlight(ax, -4, "low")]
    [(-0.46, 1.54)]
    """
    row = POTENTIAL_CLASSES.index(check_choice("potential_class", potential_class, POTENTIAL_CLASSES))
    column = status_level(status).value + 4
    frame = next(p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid() == "highlight")
    frame.set_xy((column - 0.46, row - 0.46))
    return [frame]


def status_potential_counts(scored: pd.DataFrame) -> np.ndarray:
    """Count rows per potential class (high, medium, low) × status (−4 … +4).

    Examples
    --------
    >>> int(status_potential_counts(pd.DataFrame({"status": [0, 0], "potential_class": ["low", "low"]}))[2, 4])
    2
    """
    missing = [c for c in ("status", "potential_class") if c not in scored.columns]
    if missing:
        raise CourseInputError.single(
            "scored", columns_received(scored.columns),
            "the result of score_physicians (status and potential_class columns)",
        )
    rows = pd.Index(POTENTIAL_CLASSES).get_indexer(pd.Index(scored["potential_class"].astype(str)))
    status = pd.to_numeric(scored["status"], errors="coerce").to_numpy(dtype=float)
    valid = (rows >= 0) & np.isin(status, np.arange(-4, 5))
    if not valid.all():
        bad = int(np.flatnonzero(~valid)[0])
        raise CourseInputError.single(
            "status / potential_class", (scored["status"].iloc[bad], scored["potential_class"].iloc[bad]),
            "a status from -4 to 4 and a class high, medium or low",
        )
    counts = np.zeros((len(POTENTIAL_CLASSES), 9), dtype=np.int64)
    np.add.at(counts, (rows, status.astype(np.int64) + 4), 1)
    return counts


def _tier_table(grid: Mapping[str, Sequence[str]] | None) -> list[list[str]]:
    chosen = DEFAULT_GRID if grid is None else grid
    table = [list(chosen[c]) for c in POTENTIAL_CLASSES]
    for row in table:
        for tier in row:
            if tier not in TIERS:
                raise CourseInputError.single("grid", tier, "tiers A, B, C or D")
    return table


def _tier_edges(tiers: list[list[str]]) -> list[tuple[float, float, float, float]]:
    """Segments between neighbouring cells of different tiers, and the outer border."""
    n_rows, n_cols = len(tiers), len(tiers[0])
    edges: list[tuple[float, float, float, float]] = []
    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and tiers[r][c] != tiers[r][c + 1]:
                edges.append((c + 0.5, r - 0.5, c + 0.5, r + 0.5))
            if r + 1 < n_rows and tiers[r][c] != tiers[r + 1][c]:
                edges.append((c - 0.5, r + 0.5, c + 0.5, r + 0.5))
    left, right, top, bottom = -0.5, n_cols - 0.5, -0.5, n_rows - 0.5
    edges += [(left, top, right, top), (left, bottom, right, bottom),
              (left, top, left, bottom), (right, top, right, bottom)]
    return edges


def _hospital_names(graded: pd.DataFrame) -> list[str]:
    if {"name_zh", "name_en"} <= set(graded.columns):
        return [plot_text(Text(_short(str(e)), str(z))) for e, z in zip(graded["name_en"], graded["name_zh"], strict=True)]
    if "hospital_id" in graded.columns:
        return [str(h) for h in graded["hospital_id"]]
    return [str(i + 1) for i in range(len(graded))]


def _short(name: str, limit: int = 34) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
