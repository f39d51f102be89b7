"""Portfolio plots: the BCG bubble chart, the life cycle with adopter bands, the product history.

The BCG chart follows the classic layout: relative share on a log axis that runs
from high (left) to low (right), market growth upwards, so stars sit top left
and dogs bottom right; ``classic=False`` turns the share axis the usual way.
"""

from __future__ import annotations

import math

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, NullFormatter

from course.i18n import Text
from course.inputs import check_choice
from course.plots._style import new_axes, plot_context, plot_text, title
from course.portfolio.adopters import ADOPTER_CATEGORIES
from course.portfolio.bcg import GROWTH_CUTOFF, QUADRANTS, SHARE_CUTOFF, classify_portfolio
from course.portfolio.history import analyse_history
from course.portfolio.lifecycle import STAGES

__all__ = [
    "ADOPTER_COLOURS",
    "BCG_COLOURS",
    "BUBBLES",
    "MIN_DRAWN_SHARE",
    "STAGE_SPANS",
    "bcg_growth_limits",
    "move_bcg",
    "plot_bcg",
    "plot_lifecycle",
    "plot_product_history",
]

BCG_COLOURS = {"star": "#e6ab02", "question_mark": "#7570b3", "cash_cow": "#1b9e77", "dog": "#969696"}
"""Bubble colour of each BCG quadrant."""

ADOPTER_COLOURS = {
    "innovators": "#08519c",
    "early_adopters": "#3182bd",
    "early_majority": "#6baed6",
    "late_majority": "#bdd7e7",
    "laggards": "#eff3ff",
}
"""Band colour of each adopter category, darkest for the first adopters."""

STAGE_SPANS = {
    "introduction": (-3.5, -2.0),
    "growth": (-2.0, 0.0),
    "maturity": (0.0, 1.0),
    "decline": (1.0, 3.5),
}
"""Where each life-cycle stage lies on the adoption curve, in standard deviations of
adoption time: introduction with the innovators, growth with the early adopters and
early majority, maturity with the late majority, decline with the laggards."""

MIN_DRAWN_SHARE = 0.05
"""Relative shares below this (e.g. 0 before launch) are drawn at it: a log axis has no 0."""

SHARE_TICKS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100)
"""Tick marks of the relative-share axis (1-2-5 steps)."""

SALES_COLOUR = "#4c72b0"
FORCE_COLOUR = "#dd8452"


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """``new_axes``, and the font of the context on the texts an axes given by the caller
    already holds (its title and axis labels were made before the context)."""
    ax = new_axes(ax, figsize=figsize)
    family = mpl.rcParams["font.family"]
    for text in (ax.title, ax.xaxis.label, ax.yaxis.label):
        text.set_fontfamily(family)
    return ax


def _percent(value: float, _pos: object = None) -> str:
    return f"{value:.0%}"


def plot_bcg(
    products: pd.DataFrame,
    ax: Axes | None = None,
    *,
    growth_cutoff: float = GROWTH_CUTOFF,
    share_cutoff: float = SHARE_CUTOFF,
    size: str | None = "sales_mrmb",
    classic: bool = True,
    growth_limits: tuple[float, float] | None = None,
) -> Axes:
    """Draw the BCG growth-share matrix: one bubble per product, sized by sales.

    Parameters
    ----------
    products
        ``market_growth`` and ``relative_share`` per product (see
        :func:`~course.portfolio.classify_portfolio`); ``product`` (or
        ``name_zh``/``name_en``) names the bubbles; ``size`` gives their area.
    ax
        Axes to draw on; a new figure by default.
    growth_cutoff, share_cutoff
        Where the dashed cut-off lines are drawn and the quadrants split.
    size
        Column giving the bubble area (sales); ``None`` for equal bubbles.
    classic
        Run the share axis from high to low, as in the classic chart.
    growth_limits
        The growth axis; by default centred on ``growth_cutoff`` around the data
        (:func:`bcg_growth_limits` gives one axis for a range of cut-offs).

    Examples
    --------
    >>> table = pd.DataFrame({"product": ["A", "B"], "market_growth": [0.2, 0.03],
    ...                       "relative_share": [1.5, 0.4], "sales_mrmb": [30, 10]})
    >>> ax = plot_bcg(table)
    >>> [t.get_text() for t in ax.texts][:2]
    ['A', 'B']
    """
    placed, share, growth, areas = _bubble_data(products, growth_cutoff, share_cutoff, size)
    names = _names(placed)
    with plot_context():
        ax = _axes(ax, (7, 5.5))
        ax.set_xscale("log")
        span = max(0.7, float(np.max(np.abs(np.log10(share / share_cutoff)))) + 0.35)
        low, high = share_cutoff * 10 ** -span, share_cutoff * 10**span
        ax.set_xlim((high, low) if classic else (low, high))
        ax.set_ylim(*(growth_limits or bcg_growth_limits(products, (growth_cutoff,))))
        ax.axvline(share_cutoff, color="#444444", linestyle="--", linewidth=1)
        ax.axhline(growth_cutoff, color="#444444", linestyle="--", linewidth=1, gid="growth-cutoff")
        _bubbles(ax, placed, share, growth, areas)
        for name, x, y, area in zip(names, share, growth, areas, strict=True):
            # below the bubble: a marker of area s points² has a diameter of √s points
            ax.annotate(name, (x, y), textcoords="offset points", xytext=(0, -math.sqrt(area) / 2 - 2),
                        ha="center", va="top", fontsize=9, zorder=4, gid="product")
        _quadrant_labels(ax, classic)
        ax.yaxis.set_major_formatter(FuncFormatter(_percent))
        ticks = [t for t in SHARE_TICKS if low <= t <= high]
        ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_xlabel(title("Relative market share (log scale)"))
        ax.set_ylabel(title("Market growth"))
        ax.set_title(title("BCG growth-share matrix"))
    return ax


BUBBLES = "bcg-bubbles"
"""gid of the bubbles of :func:`plot_bcg` (one collection per quadrant)."""


def _bubbles(ax: Axes, placed: pd.DataFrame, share: np.ndarray, growth: np.ndarray,
             areas: np.ndarray) -> list[Artist]:
    drawn: list[Artist] = []
    for code, quadrant in QUADRANTS.items():
        mask = placed["quadrant"].to_numpy() == code
        if mask.any():
            drawn.append(ax.scatter(share[mask], growth[mask], s=areas[mask], color=BCG_COLOURS[code],
                                    alpha=0.75, edgecolor="#333333", linewidth=0.8, zorder=3,
                                    label=plot_text(quadrant.names), gid=BUBBLES))
    return drawn


def _bubble_data(products: pd.DataFrame, growth_cutoff: float, share_cutoff: float,
                 size: str | None) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
    placed = classify_portfolio(products, growth_cutoff=growth_cutoff, share_cutoff=share_cutoff)
    growth = placed["market_growth"].to_numpy(dtype=float)
    share = np.maximum(placed["relative_share"].to_numpy(dtype=float), MIN_DRAWN_SHARE)
    if size is not None and size in placed.columns:
        weights = pd.to_numeric(placed[size], errors="coerce").fillna(0).clip(lower=0).to_numpy(float)
        top = weights.max()
        areas = 80 + 1500 * (weights / top if top > 0 else np.ones_like(weights))
    else:
        areas = np.full(len(placed), 400.0)
    return placed, share, growth, areas


def bcg_growth_limits(products: pd.DataFrame, cutoffs: tuple[float, ...]) -> tuple[float, float]:
    """The growth axis of :func:`plot_bcg` that shows the data around every cut-off in ``cutoffs``.

    With one cut-off the axis is centred on it; a widget passes the ends of its slider, so
    moving the cut-off moves the line and recolours the bubbles on an axis that stays.

    Examples
    --------
    >>> table = pd.DataFrame({"market_growth": [0.2, 0.03]})
    >>> [round(x, 4) for x in bcg_growth_limits(table, (0.1,))]
    [-0.025, 0.225]
    >>> [round(x, 4) for x in bcg_growth_limits(table, (0.0, 0.3))]
    [-0.25, 0.6375]
    """
    growth = pd.to_numeric(products["market_growth"], errors="coerce").dropna().to_numpy(float)
    ends = []
    for cutoff in cutoffs:
        pad = max(0.05, float(np.max(np.abs(growth - cutoff))) * 1.25) if len(growth) else 0.05
        ends += [cutoff - pad, cutoff + pad]
    return float(min(ends)), float(max(ends))


def move_bcg(ax: Axes, products: pd.DataFrame, *, growth_cutoff: float, share_cutoff: float,
             size: str | None = "sales_mrmb") -> list[Artist]:
    """Move the growth cut-off of a :func:`plot_bcg` chart drawn with fixed ``growth_limits``:
    the dashed line moves and the bubbles take their new quadrants' colours.

    Examples
    --------
    >>> table = pd.DataFrame({"product": ["A", "B"], "market_growth": [0.2, 0.03],
    ...                       "relative_share": [1.5, 0.4], "sales_mrmb": [30, 10]})
    >>> ax = plot_bcg(table, growth_limits=(-0.3, 0.6))
    >>> _ = move_bcg(ax, table, growth_cutoff=0.25, share_cutoff=1.0)
    >>> sorted(str(c.get_label()) for c in ax.collections)
    ['Cash cow', 'Dog']
    """
    for collection in list(ax.collections):
        if collection.get_gid() == BUBBLES:
            collection.remove()
    line = next(x for x in ax.lines if x.get_gid() == "growth-cutoff")
    line.set_ydata([growth_cutoff, growth_cutoff])
    placed, share, growth, areas = _bubble_data(products, growth_cutoff, share_cutoff, size)
    with plot_context():
        bubbles = _bubbles(ax, placed, share, growth, areas)
    # the products' names and the quadrants' names lie over the bubbles
    over = [t for t in ax.texts if str(t.get_gid()).startswith(("product", "quadrant-"))]
    return [line, *bubbles, *over]


def _names(placed: pd.DataFrame) -> list[str]:
    if "name_zh" in placed.columns and "name_en" in placed.columns:
        return [plot_text(Text(str(e), str(z))) for e, z in zip(placed["name_en"], placed["name_zh"], strict=True)]
    if "product" in placed.columns:
        return [str(p) for p in placed["product"]]
    return [str(i + 1) for i in range(len(placed))]


def _quadrant_labels(ax: Axes, classic: bool) -> None:
    """Write each quadrant's name in its corner (axes coordinates)."""
    left_is_high = classic
    for code, quadrant in QUADRANTS.items():
        x = 0.03 if quadrant.high_share == left_is_high else 0.97
        y = 0.97 if quadrant.high_growth else 0.03
        ax.text(x, y, plot_text(quadrant.names), transform=ax.transAxes,
                ha="left" if x < 0.5 else "right", va="top" if y > 0.5 else "bottom",
                fontsize=11, fontweight="bold", color=BCG_COLOURS[code], gid=f"quadrant-{code}")


def _normal_pdf(x: np.ndarray) -> np.ndarray:
    result: np.ndarray = np.exp(-0.5 * x**2) / math.sqrt(2 * math.pi)
    return result


def plot_lifecycle(ax: Axes | None = None, *, highlight_stage: str | None = None) -> Axes:
    """Draw the adoption bell curve with Rogers' five categories and the four life-cycle stages.

    The curve is the share of new adopters over time (a normal curve); bands
    are cut at the mean and one and two standard deviations, giving 2.5%,
    13.5%, 34%, 34% and 16%. The stages are written above the curve;
    ``highlight_stage`` (a stage code) marks one of them, e.g. a product's own.

    Examples
    --------
    >>> ax = plot_lifecycle(highlight_stage="growth")
    >>> len(ax.collections)        # five shaded bands
    5
    >>> [p.get_gid() for p in ax.patches if p.get_gid()]
    ['stage-growth']
    """
    if highlight_stage is not None:
        check_choice("stage", highlight_stage, list(STAGES))
    x = np.linspace(-3.5, 3.5, 701)
    y = _normal_pdf(x)
    edges = [-3.5, -2.0, -1.0, 0.0, 1.0, 3.5]
    with plot_context():
        ax = _axes(ax, (8, 4.5))
        ax.plot(x, y, color="#08306b", linewidth=2)
        for category, start, end in zip(ADOPTER_CATEGORIES, edges[:-1], edges[1:], strict=True):
            inside = (x >= start) & (x <= end)
            ax.fill_between(x[inside], 0, y[inside], color=ADOPTER_COLOURS[category.code],
                            edgecolor="#08306b", linewidth=0.5, gid=f"band-{category.code}")
            centre = {"innovators": -2.55, "laggards": 1.5}.get(category.code, (start + end) / 2)
            share = f"{category.share * 100:g}%"
            ax.text(centre, 0.03 if category.code != "innovators" else 0.075,
                    f"{plot_text(category.name)}\n{share}", ha="center", va="bottom",
                    fontsize=9, gid=f"adopter-{category.code}")
        top = float(y.max()) * 1.32
        for code, (start, end) in STAGE_SPANS.items():
            stage = STAGES[code]
            if code == highlight_stage:
                ax.axvspan(start, end, color="#fdd0a2", alpha=0.45, zorder=0, gid=f"stage-{code}")
            ax.text((start + end) / 2, top * 0.93, plot_text(stage.name), ha="center",
                    va="center", fontsize=10, fontweight="bold" if code == highlight_stage else "normal",
                    gid=f"stage-label-{code}")
            if start > -3.5:
                ax.axvline(start, ymin=0, ymax=1, color="#999999", linestyle=":", linewidth=1)
        ax.set_xlim(-3.5, 3.5)
        ax.set_ylim(0, top)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel(title("Time since launch"))
        ax.set_ylabel(title("New adopters"))
        ax.set_title(title("Product life cycle and adopter categories"))
    return ax


def plot_product_history(history: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw the product history: net sales as bars, field force as a line on a second axis.

    The target year's bar is hatched and lighter. Returns the sales axes; the
    field-force axes is its twin (``ax.figure.axes[1]`` on a new figure).

    Examples
    --------
    >>> table = pd.DataFrame({"year": [1994, 1995], "net_sales_krmb": [6031, 20766],
    ...     "ap_spend_mrmb": [16, 26], "field_force": [120, 120], "is_target": [False, True]})
    >>> ax = plot_product_history(table)
    >>> [round(p.get_height()) for p in ax.patches]
    [6031, 20766]
    """
    table = analyse_history(history)
    labels = table["label"].tolist()
    sales = table["net_sales_krmb"].to_numpy(dtype=float)
    force = table["field_force"].to_numpy(dtype=float)
    target = table["label"].str.endswith("T").to_numpy()
    positions = np.arange(len(labels))
    with plot_context():
        ax = _axes(ax, (7, 4.5))
        bars = ax.bar(positions, sales, color=SALES_COLOUR, width=0.6, zorder=2)
        for bar, is_target in zip(bars, target, strict=True):
            if is_target:
                bar.set_alpha(0.45)
                bar.set_hatch("//")
        ax.set_xticks(positions, labels)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:,.0f}"))
        ax.set_xlabel(title("Year (T = target)"))
        ax.set_ylabel(title("Net sales (RMB '000)"))
        twin = ax.twinx()
        twin.plot(positions, force, color=FORCE_COLOUR, marker="o", linewidth=2, zorder=3)
        twin.set_ylim(0, force.max() * 1.2 if force.max() > 0 else 1)
        twin.set_ylabel(title("Field force (reps)"))
        twin.spines["right"].set_visible(True)
        ax.legend(
            handles=[Patch(color=SALES_COLOUR, label=title("Net sales (RMB '000)")),
                     *twin.get_lines()[:1]],
            labels=[title("Net sales (RMB '000)"), title("Field force (reps)")],
            loc="upper left", frameon=False,
        )
        ax.set_title(title("Product history: sales and field force"))
    return ax
